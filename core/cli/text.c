#include "cli/text.h"

#include <stdio.h>
#include <stdlib.h>

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
