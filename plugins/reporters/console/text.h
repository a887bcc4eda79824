/* A growable NUL-terminated string: the console reporter builds lines in
 * these before writing them. Allocation failure makes the text "failed"
 * (further appends are ignored) rather than crashing. */
#ifndef CONSOLE_TEXT_H
#define CONSOLE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct text {
    char *data; /* NUL-terminated when length > 0; owned */
    size_t length;
    size_t capacity;
    bool failed;
};

void text_append(struct text *text, const char *bytes, size_t length);
void text_append_str(struct text *text, const char *string);
void text_printf(struct text *text, const char *format, ...) __attribute__((format(printf, 2, 3)));
/* The contents, "" when empty. Borrowed until the next change. */
const char *text_str(const struct text *text);
void text_clear(struct text *text);
void text_free(struct text *text);

/* Code points in bytes[0..length) (pytest measures with len() on str, or
 * with wcswidth, which gives a NUL no column: neither does this). */
size_t text_width(const char *bytes, size_t length);

/* pytest's wcswidth where fastest needs it: text_width, but -1 when a
 * control character is in the text (the escape codes of markup). */
int text_wcswidth(const char *bytes, size_t length);

#endif
