/* fastest plugin SDK: fixture providers.
 *
 * Fixtures are Python: a provider names a Python module whose
 * `@pytest.fixture` functions the engine registers at session level, as if
 * they were defined in a root conftest.py (pytest's own builtin fixtures are
 * provided this way). The names are listed too, so that the core can reason
 * about a suite's fixtures without importing anything.
 */
#ifndef FASTEST_FIXTURE_H
#define FASTEST_FIXTURE_H

#include <stddef.h>

#include "version.h"

struct fastest_fixture_provider {
    struct fastest_struct_header header;
    /* Dotted module name, imported by the engine ("fastest_builtin_fixtures"). */
    const char *python_module;
    /* Folder to put on sys.path for that module: absolute, or relative to the
     * folder holding the plugin's shared object. NULL when the module is
     * importable as it is. */
    const char *python_path;
    const char *const *fixture_names;
    size_t fixture_count;
    /* --- ABI 1.1 and later members are appended below this line --- */
};

#endif
