#include "cli/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *ft_vformat(const char *format, va_list args)
{
    char *text;
    if (vasprintf(&text, format, args) < 0)
        return NULL;
    return text;
}

char *ft_format(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *text = ft_vformat(format, args);
    va_end(args);
    return text;
}

char *ft_join(const char *const *items, size_t count, const char *separator)
{
    size_t length = 1;
    for (size_t i = 0; i < count; i++)
        length += strlen(items[i]) + (i ? strlen(separator) : 0);
    char *joined = calloc(1, length);
    for (size_t i = 0; joined && i < count; i++) {
        if (i)
            strcat(joined, separator);
        strcat(joined, items[i]);
    }
    return joined;
}

char *ft_python_repr(const char *text)
{
    char quote = strchr(text, '\'') && !strchr(text, '"') ? '"' : '\'';
    char *out = malloc(strlen(text) * 4 + 3), *o = out;
    if (!out)
        return NULL;
    *o++ = quote;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        if (*c == '\\' || *c == quote)
            o += sprintf(o, "\\%c", *c);
        else if (*c == '\t')
            o += sprintf(o, "\\t");
        else if (*c == '\n')
            o += sprintf(o, "\\n");
        else if (*c == '\r')
            o += sprintf(o, "\\r");
        else if (*c < 0x20 || *c == 0x7f)
            o += sprintf(o, "\\x%02x", *c);
        else
            *o++ = (char)*c;
    }
    *o++ = quote;
    *o = '\0';
    return out;
}
