/* printf into a new string, items joined into one, Python's repr of a
 * string: the small helpers the messages of the cli, config and discovery
 * subsystems are built with. */
#ifndef FT_CLI_TEXT_H
#define FT_CLI_TEXT_H

#include <stdarg.h>
#include <stddef.h>

/* Returns a malloc'd string (the caller frees it), or NULL when out of
 * memory. */
char *ft_format(const char *format, ...) __attribute__((format(printf, 1, 2)));
char *ft_vformat(const char *format, va_list args);

/* items joined with separator between them (Python's separator.join), a
 * malloc'd string, or NULL when out of memory. */
char *ft_join(const char *const *items, size_t count, const char *separator);

/* Python's repr() of a str (the text, UTF-8): in single quotes, or double
 * ones when it holds a single quote and no double one; backslashes, the
 * quote and control characters escaped as Python escapes them. A malloc'd
 * string, or NULL when out of memory. */
char *ft_python_repr(const char *text);

#endif
