/* What an installed Python interpreter lends the embedded one: its version
 * and its site-packages folders, read from the files around it whenever
 * that is possible, so that no interpreter has to be started. */
#ifndef FT_PYTHON_INTERPRETER_LAYOUT_H
#define FT_PYTHON_INTERPRETER_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#define LAYOUT_MAX_SITE_DIRS 8

struct interpreter_layout {
    char version[16]; /* "3.11" */
    char *site_dirs[LAYOUT_MAX_SITE_DIRS]; /* malloc'd, in sys.path order */
    size_t site_dir_count;
    char *venv_prefix; /* malloc'd: the virtualenv's folder; NULL for an installation */
    char *venv_home;   /* malloc'd: its pyvenv.cfg's home (the base's bin/), or NULL */
    /* Whether its site module adds the user's site-packages: for an
     * installation, and for a virtualenv that includes the system's. */
    bool user_site;
};

/* Fills *out for the interpreter at path (as invoked: a virtualenv's
 * bin/python is recognised by the pyvenv.cfg beside its bin/). Returns 0;
 * -1 when the layout is not one fastest knows (a wrapper script, an
 * unusual build): the caller then asks the interpreter itself.
 * base_site_dirs(prefix, version, out) must list an installation's own
 * site folders; it lets the caller answer for the embedded installation,
 * whose vendor layout (Debian's dist-packages) only its site module knows. */
typedef int (*layout_base_site_fn)(const char *prefix, const char *version,
                                   struct interpreter_layout *out);
int layout_read(const char *path, layout_base_site_fn base_site_dirs,
                struct interpreter_layout *out);

/* Appends a copy of folder. Returns 0, or -1 when full or out of memory. */
int layout_add_site_dir(struct interpreter_layout *layout, const char *folder);

void layout_clear(struct interpreter_layout *layout);

#endif
