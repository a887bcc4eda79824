/* The target environment: the Python installation whose packages the
 * suite under test uses. The embedded interpreter brings its own standard
 * library; the target environment lends its site-packages. */
#ifndef FT_PYTHON_ENVIRONMENT_H
#define FT_PYTHON_ENVIRONMENT_H

struct fastest_session;

/* Finds the target interpreter, in this order: an active virtualenv
 * ($VIRTUAL_ENV), `python =` in fastest's config (option dest
 * "fastest_python"), then `python3` on PATH; reads its version and
 * site-packages from its installation's files (running it only when it is
 * a wrapper script, and then once per configuration: see
 * interpreter_probe.h). Adds the site-packages folders to sys.path with
 * site.addsitedir (so .pth files work). When its Python version differs
 * from the embedded one, or an interpreter the user named is unusable,
 * returns FASTEST_EUSAGE with a message that names what was found and the
 * fix (*out_error, malloc'd; the caller frees it); pytest's exit code for
 * a usage error is 4. */
int pyh_activate_environment(struct fastest_session *session, char **out_error);

/* The target interpreter, chosen as pyh_activate_environment chooses it
 * and found on PATH, without starting Python: its path (malloc'd; the
 * caller frees it), or NULL when there is none. */
char *pyh_target_interpreter(const struct fastest_session *session);

/* Which interpreter lent its packages, and why it was chosen, for
 * messages ("/usr/bin/python3, from `python3` on PATH"); "none" before
 * pyh_activate_environment or when none was found. Static storage. */
const char *pyh_environment_description(void);

#endif
