/* One candidate config file, read by its kind as pytest 7.2.1's
 * load_config_dict_from_file does:
 *   *.ini   [pytest] section; pytest.ini counts even without one
 *   *.cfg   [tool:pytest] section; a [pytest] section there is an error
 *   *.toml  [tool.pytest.ini_options] table
 * Beside pytest's section it picks up fastest's own: [fastest] in INI
 * files, [tool.fastest] in pyproject.toml. */
#ifndef FT_CONFIG_CONFIG_FILE_H
#define FT_CONFIG_CONFIG_FILE_H

#include <stdbool.h>

#include "config/table.h"

struct cfg_file_contents {
    bool holds_pytest_config; /* false: pytest keeps looking */
    struct cfg_table pytest;
    struct cfg_table fastest;
};

/* Reads path into *out (zeroed by the caller). Returns 0, or
 * FASTEST_ECONFIG (malformed file, "path:line: what" in *out_error),
 * FASTEST_EPYTHON or FASTEST_ENOMEM; *out_error is malloc'd, the caller
 * frees it. */
int cfg_file_load(const char *path, struct cfg_file_contents *out, char **out_error);

void cfg_file_contents_clear(struct cfg_file_contents *contents);

/* Moves the tables of a section into *out (which must be empty). */
void cfg_table_take(struct cfg_table *out, struct cfg_table *from);

#endif
