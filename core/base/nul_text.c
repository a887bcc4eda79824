#include "base/nul_text.h"

#include <string.h>

#include <fastest/event.h>

size_t nul_text_size(const char *text, size_t length)
{
    size_t size = length + 1;
    for (const char *at = memchr(text, '\0', length); at;
         at = memchr(at + 1, '\0', length - (size_t)(at + 1 - text)))
        size++;
    return size;
}

char *nul_text_encode(char *out, const char *text, size_t length)
{
    char *next = out;
    for (size_t i = 0; i < length; i++) {
        if (text[i]) {
            *next++ = text[i];
        } else {
            memcpy(next, FASTEST_TEXT_NUL, 2);
            next += 2;
        }
    }
    *next = '\0';
    return out;
}
