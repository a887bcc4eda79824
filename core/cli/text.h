/* printf into a new string: the small helper every error message of the
 * cli and config subsystems is built with. */
#ifndef FT_CLI_TEXT_H
#define FT_CLI_TEXT_H

#include <stdarg.h>

/* Returns a malloc'd string (the caller frees it), or NULL when out of
 * memory. */
char *ft_format(const char *format, ...) __attribute__((format(printf, 1, 2)));
char *ft_vformat(const char *format, va_list args);

#endif
