/* Text that may hold NUL bytes (a test's output, a failure's text) made
 * into event text, a C string: each NUL as FASTEST_TEXT_NUL
 * (<fastest/event.h>), which fastest_text_restore_nul turns back. */
#ifndef FT_BASE_NUL_TEXT_H
#define FT_BASE_NUL_TEXT_H

#include <stddef.h>

/* The bytes text[0, length) needs as event text, its terminator included. */
size_t nul_text_size(const char *text, size_t length);

/* Writes text[0, length) as event text into out, which holds
 * nul_text_size(text, length) bytes; returns out. */
char *nul_text_encode(char *out, const char *text, size_t length);

#endif
