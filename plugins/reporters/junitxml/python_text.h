/* The few Python string operations pytest's junitxml applies to report
 * text, on UTF-8: str.strip(), str.center() and repr(). */
#ifndef JUNITXML_PYTHON_TEXT_H
#define JUNITXML_PYTHON_TEXT_H

#include <stddef.h>

#include "../console/text.h"

/* text.strip(): a malloc'd copy without leading and trailing whitespace
 * (the caller frees it), or NULL when out of memory. */
char *python_strip(const char *text);

/* text.center(width, fill), appended to out; widths count code points. */
void python_center(const char *text, size_t width, char fill, struct text *out);

/* repr(text), appended to out: quoted as Python chooses, with backslash
 * escapes for the quote, backslash and non-printable characters (C0 and C1
 * controls, DEL, U+00A0 and U+00AD; rarer non-printable code points are
 * kept as they are). */
void python_repr_str(const char *text, struct text *out);

#endif
