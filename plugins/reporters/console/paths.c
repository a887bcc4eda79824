#include "paths.h"

#include <string.h>

/* Length of the longest common prefix of a and b that ends at a path
 * component boundary. */
static size_t common_prefix(const char *a, const char *b)
{
    size_t common = 0, i = 0;
    for (; a[i] && a[i] == b[i]; i++)
        if (a[i] == '/')
            common = i;
    if ((a[i] == '\0' || a[i] == '/') && (b[i] == '\0' || b[i] == '/'))
        common = i;
    return common;
}

/* str(pathlib.PurePosixPath(path)): empty and "." components dropped, so
 * "a//b", "a/./b" and "a/b/" are all "a/b" (".." stays, as pathlib keeps
 * it); absolute stays absolute, and "" stays "". */
static void pathlib_normalized(const char *path, struct text *out)
{
    bool absolute = *path == '/';
    const char *component = path;
    while (*component) {
        size_t length = strcspn(component, "/");
        if (length && !(length == 1 && component[0] == '.')) {
            if (absolute || out->length)
                text_append_str(out, "/");
            text_append(out, component, length);
        }
        component += length;
        while (*component == '/')
            component++;
    }
    if (!out->length && *path)
        text_append_str(out, absolute ? "/" : ".");
}

/* bestrelpath on paths already normalized. */
static void relative_path(const char *base, const char *dest, struct text *out)
{
    if (strcmp(base, dest) == 0) {
        text_append_str(out, ".");
        return;
    }
    size_t common = common_prefix(base, dest);
    if (common == 0 && !(base[0] == '/' && dest[0] == '/')) {
        text_append_str(out, dest);
        return;
    }
    /* one ".." per component of base below the common prefix */
    bool first = true;
    for (const char *p = base + common; *p; p++) {
        if (*p == '/' && p[1] && p[1] != '/') {
            text_append_str(out, first ? ".." : "/..");
            first = false;
        }
    }
    const char *rest = dest + common;
    while (*rest == '/')
        rest++;
    if (*rest) {
        if (!first)
            text_append_str(out, "/");
        text_append_str(out, rest);
    }
}

void paths_bestrelpath(const char *base, const char *dest, struct text *out)
{
    struct text normal_base = {0}, normal_dest = {0};
    pathlib_normalized(base, &normal_base);
    pathlib_normalized(dest, &normal_dest);
    relative_path(text_str(&normal_base), text_str(&normal_dest), out);
    text_free(&normal_base);
    text_free(&normal_dest);
}

void paths_cwd_relative_nodeid(const char *rootdir, const char *cwd, const char *node_id,
                               struct text *out)
{
    if (strcmp(rootdir, cwd) == 0) {
        text_append_str(out, node_id);
        return;
    }
    struct text full = {0};
    text_printf(&full, "%s/%s", rootdir, node_id);
    paths_bestrelpath(cwd, text_str(&full), out);
    text_free(&full);
}
