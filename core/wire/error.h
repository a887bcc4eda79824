/* Error detail for the wire subsystem: every failure returns a negative
 * FASTEST_E* code and, when the caller asked for it, a message saying what
 * was wrong with the bytes. */
#ifndef FT_WIRE_ERROR_H
#define FT_WIRE_ERROR_H

/* Returns code. When out_error is not NULL, sets *out_error to a message
 * (malloc'd; the caller frees it with free()), or leaves it NULL when even
 * that allocation fails. */
int wire_fail(char **out_error, int code, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

#endif
