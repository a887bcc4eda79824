/* printf into a new string, and items joined into one: the small helpers
 * the messages of the cli and config subsystems are built with. */
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

#endif
