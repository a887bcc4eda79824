/* Options the conftests define (pytest_addoption), for fastest's own
 * command-line parser: what lets the native engine keep a run whose
 * command line carries them (core/run/conftest_options.c). */
#ifndef FT_PYTHON_ENGINE_OPTIONS_H
#define FT_PYTHON_ENGINE_OPTIONS_H

#include <stddef.h>

#include "cli/option_table.h"

struct fastest_session;
struct ft_arena;

struct pyh_conftest_options {
    struct cli_option *options; /* in arena */
    size_t count;
    struct ft_arena *arena;
};

/* The options the initial conftests add in pytest_addoption that the CLI
 * parser can parse (python/fastest/engine/option_parser.py says which),
 * found by fastest.engine.option_probe in a forked child so that this
 * process imports no user code: the pytest engine may still take the run.
 * A switch stores "1"; the engine turns the strings the parser stores into
 * Python values. Readies the interpreter (pyh_engine_interpreter). Returns
 * 0 with *out filled (count 0 when no conftest adds options, or one failed
 * to import; free with pyh_conftest_options_free), or an error with
 * *out_error (malloc'd; the caller frees it). */
int pyh_conftest_options(struct fastest_session *session, struct pyh_conftest_options *out,
                         char **out_error);

void pyh_conftest_options_free(struct pyh_conftest_options *options);

#endif
