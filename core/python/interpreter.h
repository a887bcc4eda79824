/* The embedded interpreter: one per process, started on first need. */
#ifndef FT_PYTHON_INTERPRETER_H
#define FT_PYTHON_INTERPRETER_H

#include <stdbool.h>

/* Starts the embedded interpreter if it is not running yet: isolated from
 * the user's environment variables and site-packages (the target
 * environment is added later, see pyh_activate_environment), with fastest's
 * own Python package importable. Returns 0, or FASTEST_EPYTHON with
 * *out_error set (malloc'd; the caller frees it). Safe to call repeatedly. */
int pyh_start(char **out_error);

/* True once pyh_start succeeded. */
bool pyh_started(void);

/* Ends the interpreter's work if it runs, as a Python process ends: threads
 * joined, atexit handlers run, output flushed. The interpreter is not
 * dismantled: the process exits next. Returns 0, or -1 when that failed
 * (an exception in an atexit handler is printed, not an error). */
int pyh_stop(void);

#endif
