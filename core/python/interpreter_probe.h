/* Asking an interpreter where it really is, for wrapper scripts (pyenv's
 * shims, for one) whose target only running them tells. The answer is
 * cached, because starting a wrapper costs more than a small test run. */
#ifndef FT_PYTHON_INTERPRETER_PROBE_H
#define FT_PYTHON_INTERPRETER_PROBE_H

/* The interpreter's real executable (its sys.executable), malloc'd (the
 * caller frees it), or NULL when it cannot be run. script is the wrapper's
 * full path. */
char *probe_real_executable(const char *script);

/* The full path of command found on PATH (or command itself when it holds
 * a '/'), malloc'd; NULL when not found. */
char *find_on_path(const char *command);

#endif
