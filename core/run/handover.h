/* Options pytest implements and fastest does not: interactive debugging
 * (--pdb, --trace), the modes that report on the suite instead of
 * running it as usual (--markers, --fixtures, --fixtures-per-test,
 * --setup-plan, --setup-only, --setup-show, --cache-show, and
 * --collect-only with -v, whose listing holds docstrings), and live
 * logging or a log file (--log-cli-level or log_cli, --log-file or
 * log_file: pytest's logging plugin writes them from its own session
 * loop). A run asking for one is handed to the target environment's
 * pytest, as given but for fastest's own options (--strategy, --engine,
 * ...: pytest would refuse them), so what the user gets is exactly
 * pytest's. */
#ifndef FT_RUN_HANDOVER_H
#define FT_RUN_HANDOVER_H

#include <stddef.h>

struct cli_context;
struct fastest_session;

/* The first such option the parsed command line (or, for logging, the
 * config) asks for, as spelled in pytest's --help ("--pdb") or the config
 * ("log_cli"), or NULL. */
const char *handover_option(const struct fastest_session *session);

/* Replaces this process with `<target python> -m pytest args...`, args
 * without fastest's own options (cli_pytest_args with context; pytest
 * reads its config files and PYTEST_ADDOPTS again), after a note on stderr
 * naming the option and the interpreter. Returns only when that cannot
 * start: an exit status (4) after saying why. */
int handover_to_pytest(struct fastest_session *session, const char *option, const char *const *args,
                       size_t count, const struct cli_context *context);

#endif
