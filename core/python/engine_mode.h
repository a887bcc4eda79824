/* Which engine runs a session's items, and why.
 *
 * native: fastest's own runtime (python/fastest/engine), fast, covering the
 * pytest API and the conftest hooks pyh_native_hook lists.
 * pytest: the real pytest of the target environment
 * (python/fastest/pytest_mode/engine.py), for everything else.
 *
 * The choice is made once per run, before the engine starts: first from the
 * options (pyh_engine_mode_from_options), then, when they leave it open,
 * from what static discovery found (pyh_engine_mode_from_plan). It is kept
 * in the session's options: "fastest_engine" ("native" | "pytest") and
 * "fastest_engine_reason" (the header's "why"). docs/engines.md lists the
 * rules. */
#ifndef FT_PYTHON_ENGINE_MODE_H
#define FT_PYTHON_ENGINE_MODE_H

#include <stdbool.h>

struct fastest_session;
struct ft_plan;

/* True when the native engine runs the hook `name` (a `pytest_*` function
 * or `pytest_plugins` in a conftest or test module) as pytest would.
 * Discovery flags files defining any other as PLAN_FILE_HAS_FOREIGN_HOOKS. */
bool pyh_native_hook(const char *name);

/* A run restarted under the pytest engine (run_restart_if_pytest_needed)
 * carries the reason in this variable; --engine=pytest then reports it
 * instead of "asked for", and the variable is removed. */
#define PYH_ENGINE_REASON_ENV "FASTEST_ENGINE_REASON"

/* Decides from the options alone: --engine / `engine =`, doctest options,
 * --full-trace, `-p NAME`, PYTEST_PLUGINS, options no fastest table knows
 * (kept by the CLI under "fastest_unknown_args"). Returns 0 with the
 * choice recorded or left open, FASTEST_EUSAGE when --engine=native was
 * asked for a command line only pytest can parse (*out_error, malloc'd,
 * says why), or FASTEST_ENOMEM. */
int pyh_engine_mode_from_options(struct fastest_session *session, char **out_error);

/* True once a choice is recorded. */
bool pyh_engine_mode_decided(const struct fastest_session *session);

/* Decides from the plan, when the options left it open: pytest for files
 * defining hooks the native engine does not run, or importing `_pytest`
 * beyond the names it serves (discovery/served_internals.h); native
 * otherwise. Returns 0 or FASTEST_ENOMEM. */
int pyh_engine_mode_from_plan(struct fastest_session *session, struct ft_plan *plan);

/* The warning of a run the native engine makes because --engine=native
 * asked for it, where the pytest engine would run it as pytest does:
 * reason says why (a conftest's hooks, an `_pytest` import, a plugin). */
void pyh_warn_forced_native(const struct fastest_session *session, const char *reason);

/* True when the recorded choice is the pytest engine (native when none). */
bool pyh_engine_is_pytest(const struct fastest_session *session);

#endif
