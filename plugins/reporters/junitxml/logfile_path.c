#include "logfile_path.h"

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "../console/text.h"

/* posixpath.expandvars: $NAME and ${NAME} with NAME set are replaced;
 * anything else stays as written. */
static void expand_vars(const char *given, struct text *out)
{
    for (const char *c = given; *c;) {
        bool braced = c[0] == '$' && c[1] == '{';
        const char *name = c + (braced ? 2 : 1);
        size_t length = 0;
        if (*c == '$')
            while (isalnum((unsigned char)name[length]) || name[length] == '_')
                length++;
        bool closed = !braced || name[length] == '}';
        char variable[256];
        const char *value = NULL;
        if (length && closed && length < sizeof variable) {
            memcpy(variable, name, length);
            variable[length] = '\0';
            value = getenv(variable);
        }
        if (!value) {
            text_append(out, c, 1);
            c++;
            continue;
        }
        text_append_str(out, value);
        c = name + length + (braced ? 1 : 0);
    }
}

/* posixpath.expanduser for "~" and "~/..." (from HOME). */
static void expand_user(const char *path, struct text *out)
{
    const char *home = getenv("HOME");
    if (path[0] == '~' && (path[1] == '/' || !path[1]) && home) {
        size_t length = strlen(home);
        while (length > 1 && home[length - 1] == '/')
            length--;
        text_append(out, home, length);
        path++;
    }
    text_append_str(out, path);
}

/* posixpath.normpath of an absolute path, appended to out: no empty or "."
 * components, ".." resolved lexically, a leading "//" kept. */
static void normalize(const char *path, struct text *out)
{
    size_t root = path[0] == '/' && path[1] == '/' && path[2] != '/' ? 2 : 1;
    text_append(out, path, root);
    size_t base = out->length;
    for (const char *c = path; *c;) {
        while (*c == '/')
            c++;
        size_t length = strcspn(c, "/");
        if (length == 2 && c[0] == '.' && c[1] == '.') {
            while (out->length > base && out->data[out->length - 1] != '/')
                out->length--;
            if (out->length > base)
                out->length--;
        } else if (length && !(length == 1 && c[0] == '.')) {
            if (out->length > base)
                text_append_str(out, "/");
            text_append(out, c, length);
        }
        c += length;
    }
    text_append(out, "", 0); /* NUL-terminates at the final length */
}

int logfile_path_resolve(const char *given, char **out_path)
{
    *out_path = NULL;
    struct text expanded = {0}, absolute = {0}, normal = {0};
    struct text variables = {0};
    expand_vars(given, &variables);
    expand_user(text_str(&variables), &expanded);
    int rc = 0;
    if (text_str(&expanded)[0] != '/') {
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd))
            text_printf(&absolute, "%s/", cwd);
        else
            rc = FASTEST_EIO;
    }
    text_append_str(&absolute, text_str(&expanded));
    if (!rc)
        normalize(text_str(&absolute), &normal);
    if (!rc && (variables.failed || expanded.failed || absolute.failed || normal.failed))
        rc = FASTEST_ENOMEM;
    if (!rc && !(*out_path = strdup(text_str(&normal))))
        rc = FASTEST_ENOMEM;
    text_free(&variables);
    text_free(&expanded);
    text_free(&absolute);
    text_free(&normal);
    return rc;
}
