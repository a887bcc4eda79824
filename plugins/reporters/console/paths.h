/* pytest's path display helpers, on '/'-separated absolute paths. */
#ifndef CONSOLE_PATHS_H
#define CONSOLE_PATHS_H

#include "text.h"

/* _pytest.pathlib.bestrelpath(base, dest): dest relative to base, with
 * ".." where needed; "." when equal. Both absolute; both taken as pytest
 * takes them, as pathlib.Path objects: "a//b" and "a/./b" are "a/b" (so a
 * node id's "[//]" shows as "[/]" when cwd is not the rootdir, as in
 * pytest). Appends to out. */
void paths_bestrelpath(const char *base, const char *dest, struct text *out);

/* config.cwd_relative_nodeid: a rootdir-relative node id made relative to
 * cwd (unchanged when cwd is rootdir). Appends to out. */
void paths_cwd_relative_nodeid(const char *rootdir, const char *cwd, const char *node_id,
                               struct text *out);

#endif
