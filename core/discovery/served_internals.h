/* pytest's internal modules as far as the native engine serves them.
 *
 * Test code imports some of pytest's public names from the modules behind
 * them (`from _pytest.fixtures import FixtureRequest` for an annotation,
 * `from _pytest.monkeypatch import MonkeyPatch`, sympy's
 * `from _pytest.outcomes import Failed`). Each name here is one pytest
 * itself exports as the same object (pytest.NAME is _pytest.MODULE.NAME),
 * but for _pytest.outcomes' exception classes, which pytest exports as
 * fail.Exception and the like. The native engine puts a module under each
 * of these module names whose attributes are the light pytest's
 * (python/fastest/pytest_api/served_internals.py, from this table in its
 * configuration), so a from-import naming only these names leaves a suite
 * on the native engine (docs/engines.md, rule 7); any other import of
 * _pytest sends it to the pytest engine. */
#ifndef FT_DISCOVERY_SERVED_INTERNALS_H
#define FT_DISCOVERY_SERVED_INTERNALS_H

#include <stdbool.h>
#include <stddef.h>

struct disc_served_module {
    const char *module;       /* "_pytest.fixtures" */
    const char *const *names; /* NULL-terminated */
};

/* The table; *out_count modules. */
const struct disc_served_module *disc_served_modules(size_t *out_count);

/* Whether module (length bytes, not NUL-terminated) is served and name
 * (name_length bytes) one of its served names. */
bool disc_serves(const char *module, size_t length, const char *name, size_t name_length);

#endif
