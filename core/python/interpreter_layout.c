#include "python/interpreter_layout.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int layout_add_site_dir(struct interpreter_layout *layout, const char *folder)
{
    if (layout->site_dir_count == LAYOUT_MAX_SITE_DIRS)
        return -1;
    char *copy = strdup(folder);
    if (!copy)
        return -1;
    layout->site_dirs[layout->site_dir_count++] = copy;
    return 0;
}

void layout_clear(struct interpreter_layout *layout)
{
    for (size_t i = 0; i < layout->site_dir_count; i++)
        free(layout->site_dirs[i]);
    free(layout->venv_prefix);
    free(layout->venv_home);
    memset(layout, 0, sizeof(*layout));
}

/* A wrapper script (pyenv's shims, for one) must be run to know where it
 * leads. */
static bool is_script(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return true;
    char magic[2] = {0};
    size_t got = fread(magic, 1, sizeof magic, file);
    fclose(file);
    return got == 2 && magic[0] == '#' && magic[1] == '!';
}

/* "3.11" from "3.11.2" or "3.11"; false when text is not a version. */
static bool major_minor(const char *text, char out[16])
{
    int major, minor;
    if (sscanf(text, "%d.%d", &major, &minor) != 2)
        return false;
    snprintf(out, 16, "%d.%d", major, minor);
    return true;
}

/* The value of key in a pyvenv.cfg ("key = value" lines), or false. */
static bool venv_value(FILE *config, const char *key, char *out, size_t size)
{
    char line[PATH_MAX + 64];
    rewind(config);
    size_t key_length = strlen(key);
    while (fgets(line, sizeof line, config)) {
        char *cursor = line;
        while (*cursor == ' ' || *cursor == '\t')
            cursor++;
        if (strncmp(cursor, key, key_length) != 0)
            continue;
        cursor += key_length;
        while (*cursor == ' ' || *cursor == '\t')
            cursor++;
        if (*cursor != '=')
            continue;
        cursor++;
        while (*cursor == ' ' || *cursor == '\t')
            cursor++;
        cursor[strcspn(cursor, "\r\n")] = '\0';
        snprintf(out, size, "%s", cursor);
        return true;
    }
    return false;
}

/* dirname(dirname(path)) into out: a bin/python's installation prefix. */
static void prefix_of(const char *path, char *out, size_t size)
{
    snprintf(out, size, "%s", path);
    for (int level = 0; level < 2; level++) {
        char *slash = strrchr(out, '/');
        if (slash)
            *slash = '\0';
    }
    if (!*out)
        snprintf(out, size, "/");
}

/* A virtualenv: its own site-packages, then its base's when
 * include-system-site-packages is true. */
static int read_virtualenv(FILE *config, const char *venv, layout_base_site_fn base_site_dirs,
                           struct interpreter_layout *out)
{
    char value[PATH_MAX];
    if (!(venv_value(config, "version_info", value, sizeof value) ||
          venv_value(config, "version", value, sizeof value)) ||
        !major_minor(value, out->version))
        return -1;
    char folder[PATH_MAX + 64];
    snprintf(folder, sizeof folder, "%s/lib/python%s/site-packages", venv, out->version);
    if (!(out->venv_prefix = strdup(venv)) || layout_add_site_dir(out, folder) < 0)
        return -1;
    if (venv_value(config, "home", value, sizeof value) && !(out->venv_home = strdup(value)))
        return -1;
    if (out->venv_home && venv_value(config, "include-system-site-packages", value, sizeof value) &&
        strcmp(value, "true") == 0) {
        out->user_site = true;
        char base[PATH_MAX];
        snprintf(base, sizeof base, "%s", out->venv_home);
        char *slash = strrchr(base, '/'); /* home is the base's bin/ */
        if (slash)
            *slash = '\0';
        return base_site_dirs(base, out->version, out);
    }
    return 0;
}

int layout_read(const char *path, layout_base_site_fn base_site_dirs,
                struct interpreter_layout *out)
{
    memset(out, 0, sizeof(*out));
    if (is_script(path))
        return -1;
    char venv[PATH_MAX];
    prefix_of(path, venv, sizeof venv);
    char config_path[PATH_MAX + 16];
    snprintf(config_path, sizeof config_path, "%s/pyvenv.cfg", venv);
    FILE *config = fopen(config_path, "r");
    if (config) {
        int rc = read_virtualenv(config, venv, base_site_dirs, out);
        fclose(config);
        if (rc < 0)
            layout_clear(out);
        return rc;
    }
    /* An installation: bin/pythonX.Y under its prefix, found by resolving
     * the python3 -> python3.11 links. */
    char real[PATH_MAX];
    if (!realpath(path, real))
        return -1;
    const char *name = strrchr(real, '/');
    name = name ? name + 1 : real;
    if (strncmp(name, "python", 6) != 0 || !major_minor(name + 6, out->version))
        return -1;
    char prefix[PATH_MAX];
    prefix_of(real, prefix, sizeof prefix);
    if (base_site_dirs(prefix, out->version, out) < 0) {
        layout_clear(out);
        return -1;
    }
    out->user_site = true;
    return 0;
}
