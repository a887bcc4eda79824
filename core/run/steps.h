/* The steps of a run that need other subsystems' data, one file each, so
 * that run.c reads as the sequence it is. */
#ifndef FT_RUN_STEPS_H
#define FT_RUN_STEPS_H

#include <stddef.h>

#include "config/ini_types.h"
#include "run/execute.h"

struct fastest_session;
struct ft_options;

/* Finds rootdir and the config file as pytest does, fills
 * session->rootdir, session->inifile, session->ini and
 * session->fastest_config, and builds the full argument list: the config's
 * addopts, then PYTEST_ADDOPTS, then args, as pytest merges them (append
 * to *out_full_args; free with cfg_list_free). Returns 0 or an error with
 * *out_error (malloc'd; the caller frees it): FASTEST_EUSAGE for bad
 * arguments, FASTEST_ECONFIG for a broken config file; both exit 4. */
int run_configure(struct fastest_session *session, const char *const *args, size_t count,
                  struct cfg_list *out_full_args, char **out_error);

/* Applies fastest's config keys (strategy, workers, engine, python) that
 * the command line left unset. */
void run_apply_fastest_config(struct fastest_session *session);

/* Discovers and selects the items, fills session->items and
 * session->deselected_count, and returns the collection errors in
 * *out_errors (*out_error_count; free with run_free_collect_errors).
 * Returns 0, FASTEST_EUSAGE for a bad -k/-m expression (*out_error, pytest's
 * message), or another error. */
int run_discover(struct fastest_session *session, struct exec_collect_error **out_errors,
                 size_t *out_error_count, char **out_error);
void run_free_collect_errors(struct exec_collect_error *errors, size_t count);

#endif
