/* rootdir and config-file discovery, pytest 7.2.1's determine_setup
 * (_pytest/config/findpaths.py) step by step:
 *   1. dirs: each argument not starting with '-', cut at "::", made
 *      absolute, kept when it exists (a file gives its folder);
 *   2. with -c FILE: that file is the config (read even when it holds no
 *      pytest section) and its folder the rootdir;
 *   3. otherwise, walking up from the common ancestor of dirs (the cwd when
 *      none), the first of pytest.ini, .pytest.ini, pyproject.toml, tox.ini,
 *      setup.cfg in a folder that holds pytest config decides both;
 *   4. with no config file and no --rootdir: the nearest ancestor holding
 *      setup.py, else the same search from each of dirs, else the common
 *      ancestor of the cwd and the ancestor (the ancestor itself when that
 *      is "/");
 *   5. --rootdir, with $VAR and ${VAR} expanded, replaces the rootdir and
 *      must be a folder.
 * Paths are made absolute without resolving symlinks, as pytest does. */
#ifndef FT_CONFIG_LOCATE_H
#define FT_CONFIG_LOCATE_H

#include <stddef.h>

#include "config/config_file.h"

struct cfg_location {
    char *rootdir;
    char *inifile; /* NULL when no config file was found */
    struct cfg_file_contents contents;
};

/* Fills *out (zeroed by the caller; release with cfg_location_clear).
 * inifile_arg is -c's value and rootdir_arg --rootdir's (both may be NULL);
 * args are the positional arguments; invocation_dir is the cwd pytest
 * would see (absolute). Returns 0, FASTEST_EUSAGE for a --rootdir that is
 * not a folder (pytest's message), or what cfg_file_load returns. */
int cfg_locate(const char *inifile_arg, const char *rootdir_arg, const char *const *args,
               size_t arg_count, const char *invocation_dir, struct cfg_location *out,
               char **out_error);

void cfg_location_clear(struct cfg_location *location);

#endif
