#include "wire/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int wire_fail(char **out_error, int code, const char *format, ...)
{
    if (!out_error)
        return code;
    va_list args;
    va_start(args, format);
    if (vasprintf(out_error, format, args) < 0)
        *out_error = NULL;
    va_end(args);
    return code;
}
