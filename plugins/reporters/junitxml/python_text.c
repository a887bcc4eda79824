#include "python_text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* str.isspace() for the ASCII range, where report text has its whitespace. */
static bool is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

char *python_strip(const char *text)
{
    while (is_space((unsigned char)*text))
        text++;
    size_t length = strlen(text);
    while (length && is_space((unsigned char)text[length - 1]))
        length--;
    char *copy = malloc(length + 1);
    if (copy) {
        memcpy(copy, text, length);
        copy[length] = '\0';
    }
    return copy;
}

void python_center(const char *text, size_t width, char fill, struct text *out)
{
    size_t length = text_width(text, strlen(text));
    size_t margin = width > length ? width - length : 0;
    size_t left = margin / 2 + (margin & width & 1);
    for (size_t i = 0; i < left; i++)
        text_append(out, &fill, 1);
    text_append_str(out, text);
    for (size_t i = left; i < margin; i++)
        text_append(out, &fill, 1);
}

void python_repr_str(const char *text, struct text *out)
{
    char quote = strchr(text, '\'') && !strchr(text, '"') ? '"' : '\'';
    text_append(out, &quote, 1);
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        unsigned code_point = *c;
        if (c[0] == 0xc2 && ((c[1] >= 0x80 && c[1] <= 0xa0) || c[1] == 0xad))
            code_point = *++c; /* a two-byte C1 control, NBSP or soft hyphen */
        else if (code_point >= 0x80) {
            text_append(out, (const char *)c, 1);
            continue;
        }
        if (code_point == '\\' || code_point == (unsigned char)quote)
            text_printf(out, "\\%c", code_point);
        else if (code_point == '\t')
            text_append_str(out, "\\t");
        else if (code_point == '\n')
            text_append_str(out, "\\n");
        else if (code_point == '\r')
            text_append_str(out, "\\r");
        else if (code_point < 0x20 || code_point >= 0x7f)
            text_printf(out, "\\x%02x", code_point);
        else
            text_append(out, (const char *)c, 1);
    }
    text_append(out, &quote, 1);
}
