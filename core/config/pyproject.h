/* pyproject.toml, parsed by the embedded interpreter's tomllib (never by a
 * TOML parser of our own). */
#ifndef FT_CONFIG_PYPROJECT_H
#define FT_CONFIG_PYPROJECT_H

#include <stdbool.h>

#include "config/table.h"

/* Reads [tool.pytest.ini_options] into *out_pytest (*out_has_pytest tells
 * whether the table exists: pytest ignores a pyproject.toml without it) and
 * [tool.fastest] into *out_fastest, both tables empty on entry. As pytest
 * does, lists stay lists and every other value becomes str(value)
 * ("True", "1.5"). Starts the interpreter if needed. Returns 0;
 * FASTEST_ECONFIG with *out_error "path: <tomllib's message>"; or
 * FASTEST_EPYTHON / FASTEST_ENOMEM. *out_error is malloc'd; the caller
 * frees it. */
int pyproject_read(const char *path, struct cfg_table *out_pytest, bool *out_has_pytest,
                   struct cfg_table *out_fastest, char **out_error);

#endif
