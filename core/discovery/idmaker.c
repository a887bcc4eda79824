#include "discovery/idmaker.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

/* Decodes one UTF-8 sequence at text; *size gets its length. Invalid bytes
 * decode as themselves (the source was validated when read). */
static uint32_t next_code_point(const unsigned char *text, size_t length, size_t *size)
{
    unsigned char c = text[0];
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if ((size_t)extra >= length)
        extra = 0;
    uint32_t cp = extra == 3 ? c & 0x07u : extra == 2 ? c & 0x0Fu : extra == 1 ? c & 0x1Fu : c;
    for (int i = 1; i <= extra; i++)
        cp = (cp << 6) | (text[i] & 0x3Fu);
    *size = (size_t)extra + 1;
    return cp;
}

/* The non-printable ASCII translation every escaped id goes through
 * (compat._translate_non_printable), for one byte < 0x80. */
static size_t put_ascii(char *out, unsigned char c)
{
    switch (c) {
    case '\t': return (size_t)sprintf(out, "\\t");
    case '\n': return (size_t)sprintf(out, "\\n");
    case '\r': return (size_t)sprintf(out, "\\r");
    }
    if (c < 32 || c == 127)
        return (size_t)sprintf(out, "\\x%02x", c);
    out[0] = (char)c;
    return 1;
}

char *id_escape_str(struct ft_arena *arena, const char *text, size_t length)
{
    /* Worst case: every byte a 4-byte code point written as \UXXXXXXXX. */
    char *out = arena_alloc(arena, length * 10 + 1);
    if (!out)
        return NULL;
    size_t used = 0;
    const unsigned char *bytes = (const unsigned char *)text;
    for (size_t i = 0; i < length;) {
        size_t size;
        uint32_t cp = next_code_point(bytes + i, length - i, &size);
        i += size;
        if (cp == '\\')
            used += (size_t)sprintf(out + used, "\\\\");
        else if (cp < 0x80)
            used += put_ascii(out + used, (unsigned char)cp);
        else if (cp < 0x100)
            used += (size_t)sprintf(out + used, "\\x%02x", cp);
        else if (cp < 0x10000)
            used += (size_t)sprintf(out + used, "\\u%04x", cp);
        else
            used += (size_t)sprintf(out + used, "\\U%08x", cp);
    }
    out[used] = '\0';
    return out;
}

char *id_escape_bytes(struct ft_arena *arena, const char *bytes, size_t length)
{
    char *out = arena_alloc(arena, length * 4 + 1);
    if (!out)
        return NULL;
    size_t used = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c >= 0x80)
            used += (size_t)sprintf(out + used, "\\x%02x", c);
        else
            used += put_ascii(out + used, c);
    }
    out[used] = '\0';
    return out;
}

char *id_float_repr(struct ft_arena *arena, double value)
{
    if (isnan(value))
        return arena_strdup(arena, "nan");
    if (isinf(value))
        return arena_strdup(arena, value < 0 ? "-inf" : "inf");
    /* The shortest %e form that reads back as the same double: Python's
     * repr uses the same shortest round-trip digits. */
    char scientific[64];
    for (int precision = 0; precision <= 17; precision++) {
        snprintf(scientific, sizeof scientific, "%.*e", precision, value);
        if (strtod(scientific, NULL) == value)
            break;
    }
    /* Split "-d.ddde+XX" into sign, digits and decimal exponent. */
    char digits[32];
    size_t digit_count = 0;
    const char *p = scientific;
    bool negative = *p == '-';
    if (negative)
        p++;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[digit_count++] = *p;
    int exponent = atoi(p + 1);
    while (digit_count > 1 && digits[digit_count - 1] == '0')
        digit_count--;
    digits[digit_count] = '\0';

    char out[64];
    size_t used = 0;
    if (negative)
        out[used++] = '-';
    if (exponent < -4 || exponent >= 16) {
        /* Python: d[.ddd]e[+-]XX with at least two exponent digits. */
        out[used++] = digits[0];
        if (digit_count > 1) {
            out[used++] = '.';
            memcpy(out + used, digits + 1, digit_count - 1);
            used += digit_count - 1;
        }
        used += (size_t)sprintf(out + used, "e%c%02d", exponent < 0 ? '-' : '+', abs(exponent));
    } else if (exponent < 0) {
        used += (size_t)sprintf(out + used, "0.");
        for (int i = -1; i > exponent; i--)
            out[used++] = '0';
        memcpy(out + used, digits, digit_count);
        used += digit_count;
    } else {
        for (int i = 0; i <= exponent; i++)
            out[used++] = (size_t)i < digit_count ? digits[i] : '0';
        out[used++] = '.';
        if ((size_t)exponent + 1 < digit_count) {
            memcpy(out + used, digits + exponent + 1, digit_count - (size_t)exponent - 1);
            used += digit_count - (size_t)exponent - 1;
        } else {
            out[used++] = '0';
        }
    }
    out[used] = '\0';
    return arena_strdup(arena, out);
}

char *id_from_value(struct ft_arena *arena, const struct lit_value *value)
{
    switch (value->kind) {
    case LIT_STR: return id_escape_str(arena, value->text, value->length);
    case LIT_BYTES: return id_escape_bytes(arena, value->text, value->length);
    case LIT_NONE: return arena_strdup(arena, "None");
    case LIT_BOOL: return arena_strdup(arena, value->integer ? "True" : "False");
    case LIT_INT: return arena_printf(arena, "%lld", value->integer);
    case LIT_FLOAT: return id_float_repr(arena, value->real);
    case LIT_NAMED: return arena_strdup(arena, value->text);
    default: return NULL;
    }
}

int id_make_unique(struct ft_arena *arena, const char **ids, size_t count)
{
    /* Parameter sets are few per function: quadratic counting is fine. */
    size_t *next_suffix = calloc(count ? count : 1, sizeof *next_suffix);
    bool *duplicated = calloc(count ? count : 1, sizeof *duplicated);
    const char **original = malloc((count ? count : 1) * sizeof *original);
    int rc = 0;
    if (!next_suffix || !duplicated || !original) {
        rc = FASTEST_ENOMEM;
        goto done;
    }
    memcpy(original, ids, count * sizeof *ids);
    for (size_t i = 0; i < count; i++)
        for (size_t j = 0; j < count && !duplicated[i]; j++)
            duplicated[i] = j != i && strcmp(original[i], original[j]) == 0;
    for (size_t i = 0; i < count; i++) {
        if (!duplicated[i])
            continue;
        /* The suffix counter is shared by every entry with the same id:
         * kept on that id's first occurrence. */
        size_t first = 0;
        while (strcmp(original[first], original[i]) != 0)
            first++;
        ids[i] = arena_printf(arena, "%s%zu", original[i], next_suffix[first]++);
        if (!ids[i]) {
            rc = FASTEST_ENOMEM;
            break;
        }
    }
done:
    free(next_suffix);
    free(duplicated);
    free(original);
    return rc;
}
