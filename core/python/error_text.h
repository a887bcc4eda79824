/* Python exceptions as text for the user. */
#ifndef FT_PYTHON_ERROR_TEXT_H
#define FT_PYTHON_ERROR_TEXT_H

/* Clears the pending Python exception and returns "context: <traceback>"
 * (malloc'd; the caller frees it), or NULL when out of memory. Must be
 * called with an exception set. */
char *pyh_take_error(const char *context);

#endif
