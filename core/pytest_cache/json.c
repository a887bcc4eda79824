#include "pytest_cache/json.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "base/vector.h"

#define MAX_DEPTH 64

struct parser {
    const unsigned char *at;
    const unsigned char *start;
    const unsigned char *end;
    int rc;            /* first error, 0 while none */
    const char *error; /* what was expected (static text) */
};

static void fail(struct parser *parser, int rc, const char *what)
{
    if (!parser->rc) {
        parser->rc = rc;
        parser->error = what;
    }
}

static void skip_space(struct parser *parser)
{
    while (parser->at < parser->end &&
           (*parser->at == ' ' || *parser->at == '\t' || *parser->at == '\n' || *parser->at == '\r'))
        parser->at++;
}

static bool take_word(struct parser *parser, const char *word)
{
    size_t length = strlen(word);
    if ((size_t)(parser->end - parser->at) < length || memcmp(parser->at, word, length) != 0)
        return false;
    parser->at += length;
    return true;
}

/* A growing byte string for decoded JSON strings. */
struct bytes {
    char *data;
    size_t length, capacity;
};

static bool bytes_add(struct bytes *bytes, const void *data, size_t length)
{
    if (bytes->length + length + 1 > bytes->capacity) {
        size_t capacity = bytes->capacity ? bytes->capacity : 32;
        while (capacity < bytes->length + length + 1)
            capacity *= 2;
        char *grown = realloc(bytes->data, capacity);
        if (!grown)
            return false;
        bytes->data = grown;
        bytes->capacity = capacity;
    }
    memcpy(bytes->data + bytes->length, data, length);
    bytes->length += length;
    bytes->data[bytes->length] = '\0';
    return true;
}

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when invalid
 * (overlong forms, surrogates and values past U+10FFFF included). */
static size_t utf8_sequence(const unsigned char *p, const unsigned char *end)
{
    size_t available = (size_t)(end - p);
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    size_t length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!length || available < length)
        return 0;
    for (size_t i = 1; i < length; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) || (c == 0xF0 && p[1] < 0x90) ||
        (c == 0xF4 && p[1] > 0x8F))
        return 0;
    return length;
}

static int hex4(const unsigned char *p)
{
    int value = 0;
    for (int i = 0; i < 4; i++) {
        int c = p[i], digit = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

static bool add_code_point(struct bytes *bytes, uint32_t code)
{
    unsigned char out[4];
    size_t length;
    if (code < 0x80) {
        out[0] = (unsigned char)code;
        length = 1;
    } else if (code < 0x800) {
        out[0] = (unsigned char)(0xC0 | code >> 6);
        out[1] = (unsigned char)(0x80 | (code & 0x3F));
        length = 2;
    } else if (code < 0x10000) {
        out[0] = (unsigned char)(0xE0 | code >> 12);
        out[1] = (unsigned char)(0x80 | ((code >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (code & 0x3F));
        length = 3;
    } else {
        out[0] = (unsigned char)(0xF0 | code >> 18);
        out[1] = (unsigned char)(0x80 | ((code >> 12) & 0x3F));
        out[2] = (unsigned char)(0x80 | ((code >> 6) & 0x3F));
        out[3] = (unsigned char)(0x80 | (code & 0x3F));
        length = 4;
    }
    return bytes_add(bytes, out, length);
}

/* "\uXXXX" (a surrogate pair as two of them) after the backslash-u. */
static bool unicode_escape(struct parser *parser, struct bytes *bytes)
{
    if (parser->end - parser->at < 4)
        return false;
    int high = hex4(parser->at);
    if (high < 0)
        return false;
    parser->at += 4;
    uint32_t code = (uint32_t)high;
    if (high >= 0xDC00 && high <= 0xDFFF)
        return false;
    if (high >= 0xD800 && high <= 0xDBFF) {
        if (parser->end - parser->at < 6 || parser->at[0] != '\\' || parser->at[1] != 'u')
            return false;
        int low = hex4(parser->at + 2);
        if (low < 0xDC00 || low > 0xDFFF)
            return false;
        parser->at += 6;
        code = 0x10000 + (((uint32_t)high - 0xD800) << 10) + ((uint32_t)low - 0xDC00);
    }
    if (code == 0)
        return false;
    if (!add_code_point(bytes, code)) {
        fail(parser, FASTEST_ENOMEM, "memory");
        return false;
    }
    return true;
}

/* A character a JSON string holds as itself, one byte long. */
static bool plain_ascii(unsigned char c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* A string after its opening quote; returns it malloc'd, or NULL. */
static char *parse_string(struct parser *parser)
{
    struct bytes bytes = {0};
    if (!bytes_add(&bytes, "", 0)) {
        fail(parser, FASTEST_ENOMEM, "memory");
        return NULL;
    }
    while (parser->at < parser->end && *parser->at != '"') {
        unsigned char c = *parser->at;
        if (c < 0x20) {
            fail(parser, FASTEST_EINVAL, "a string without raw control characters");
            break;
        }
        if (plain_ascii(c)) {
            /* A run of them (node ids are all plain), copied at once. */
            const unsigned char *run = parser->at;
            while (parser->at < parser->end && plain_ascii(*parser->at))
                parser->at++;
            if (!bytes_add(&bytes, run, (size_t)(parser->at - run))) {
                fail(parser, FASTEST_ENOMEM, "memory");
                break;
            }
            continue;
        }
        if (c != '\\') {
            size_t length = utf8_sequence(parser->at, parser->end);
            if (!length) {
                fail(parser, FASTEST_EINVAL, "valid UTF-8");
                break;
            }
            if (!bytes_add(&bytes, parser->at, length)) {
                fail(parser, FASTEST_ENOMEM, "memory");
                break;
            }
            parser->at += length;
            continue;
        }
        if (++parser->at >= parser->end) {
            fail(parser, FASTEST_EINVAL, "an escape after the backslash");
            break;
        }
        static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
        const char *simple = strchr(from, *parser->at);
        if (*parser->at == 'u') {
            parser->at++;
            if (!unicode_escape(parser, &bytes)) {
                fail(parser, FASTEST_EINVAL, "a \\u escape of a non-NUL character (surrogates paired)");
                break;
            }
        } else if (simple && *parser->at) {
            if (!bytes_add(&bytes, &to[simple - from], 1)) {
                fail(parser, FASTEST_ENOMEM, "memory");
                break;
            }
            parser->at++;
        } else {
            fail(parser, FASTEST_EINVAL, "one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u");
            break;
        }
    }
    if (!parser->rc && parser->at >= parser->end)
        fail(parser, FASTEST_EINVAL, "the closing quote of a string");
    if (parser->rc) {
        free(bytes.data);
        return NULL;
    }
    parser->at++;
    return bytes.data;
}

static bool digits(struct parser *parser)
{
    const unsigned char *first = parser->at;
    while (parser->at < parser->end && *parser->at >= '0' && *parser->at <= '9')
        parser->at++;
    return parser->at > first;
}

/* Only checked: no cache value fastest reads holds a number it uses. */
static void parse_number(struct parser *parser)
{
    if (parser->at < parser->end && *parser->at == '-')
        parser->at++;
    if (parser->at < parser->end && *parser->at == '0')
        parser->at++;
    else if (!digits(parser))
        return fail(parser, FASTEST_EINVAL, "a value");
    if (parser->at < parser->end && *parser->at == '.' && (parser->at++, !digits(parser)))
        return fail(parser, FASTEST_EINVAL, "digits after the decimal point");
    if (parser->at < parser->end && (*parser->at == 'e' || *parser->at == 'E')) {
        parser->at++;
        if (parser->at < parser->end && (*parser->at == '+' || *parser->at == '-'))
            parser->at++;
        if (!digits(parser))
            fail(parser, FASTEST_EINVAL, "digits in the exponent");
    }
}

static void parse_value(struct parser *parser, struct pcj_value *out, int depth);

/* Appends a zeroed slot to value's items (and keys for an object). */
static struct pcj_value *add_slot(struct parser *parser, struct pcj_value *value)
{
    /* The keys first: should the items then fail to grow, the keys only
     * have room to spare. */
    size_t keys_capacity = value->capacity;
    if ((value->kind == PCJ_OBJECT && vector_reserve((void **)&value->keys, &keys_capacity,
                                                     value->count + 1, sizeof *value->keys)) ||
        vector_reserve((void **)&value->items, &value->capacity, value->count + 1,
                       sizeof *value->items)) {
        fail(parser, FASTEST_ENOMEM, "memory");
        return NULL;
    }
    struct pcj_value *slot = &value->items[value->count];
    *slot = (struct pcj_value){.kind = PCJ_NULL};
    if (value->kind == PCJ_OBJECT)
        value->keys[value->count] = NULL;
    value->count++;
    return slot;
}

/* An array or object after its opening bracket. */
static void parse_container(struct parser *parser, struct pcj_value *out, int depth)
{
    char close = out->kind == PCJ_ARRAY ? ']' : '}';
    skip_space(parser);
    if (parser->at < parser->end && *parser->at == close) {
        parser->at++;
        return;
    }
    while (!parser->rc) {
        skip_space(parser);
        struct pcj_value *slot = add_slot(parser, out);
        if (!slot)
            return;
        if (out->kind == PCJ_OBJECT) {
            if (parser->at >= parser->end || *parser->at != '"')
                return fail(parser, FASTEST_EINVAL, "a string key");
            parser->at++;
            out->keys[out->count - 1] = parse_string(parser);
            skip_space(parser);
            if (!parser->rc && (parser->at >= parser->end || *parser->at++ != ':'))
                return fail(parser, FASTEST_EINVAL, "':' after a key");
        }
        if (parser->rc)
            return;
        parse_value(parser, slot, depth + 1);
        skip_space(parser);
        if (parser->rc)
            return;
        if (parser->at < parser->end && *parser->at == ',') {
            parser->at++;
            continue;
        }
        if (parser->at < parser->end && *parser->at == close) {
            parser->at++;
            return;
        }
        return fail(parser, FASTEST_EINVAL, close == ']' ? "',' or ']'" : "',' or '}'");
    }
}

static void parse_value(struct parser *parser, struct pcj_value *out, int depth)
{
    if (depth > MAX_DEPTH)
        return fail(parser, FASTEST_EINVAL, "at most 64 nested arrays and objects");
    skip_space(parser);
    if (parser->at >= parser->end)
        return fail(parser, FASTEST_EINVAL, "a value");
    unsigned char c = *parser->at;
    if (c == '"') {
        parser->at++;
        out->kind = PCJ_STRING;
        out->string = parse_string(parser);
    } else if (c == '[' || c == '{') {
        parser->at++;
        out->kind = c == '[' ? PCJ_ARRAY : PCJ_OBJECT;
        parse_container(parser, out, depth);
    } else if (take_word(parser, "true") || take_word(parser, "false")) {
        out->kind = PCJ_BOOL;
        out->boolean = c == 't';
    } else if (take_word(parser, "null")) {
        out->kind = PCJ_NULL;
    } else {
        out->kind = PCJ_NUMBER;
        parse_number(parser);
    }
}

static void free_members(struct pcj_value *value)
{
    for (size_t i = 0; i < value->count; i++) {
        free_members(&value->items[i]);
        if (value->keys)
            free(value->keys[i]);
    }
    free(value->items);
    free(value->keys);
    free(value->string);
}

void pcj_free(struct pcj_value *value)
{
    if (!value)
        return;
    free_members(value);
    free(value);
}

int pcj_parse(const char *text, size_t length, struct pcj_value **out, char **out_error)
{
    *out = NULL;
    *out_error = NULL;
    struct pcj_value *value = calloc(1, sizeof(*value));
    if (!value)
        return FASTEST_ENOMEM;
    struct parser parser = {(const unsigned char *)text, (const unsigned char *)text,
                            (const unsigned char *)text + length, 0, NULL};
    parse_value(&parser, value, 0);
    skip_space(&parser);
    if (!parser.rc && parser.at != parser.end)
        fail(&parser, FASTEST_EINVAL, "the end of the text after the value");
    if (parser.rc) {
        if (parser.rc == FASTEST_EINVAL &&
            asprintf(out_error, "JSON: expected %s at byte %zu", parser.error,
                     (size_t)(parser.at - parser.start)) < 0)
            *out_error = NULL;
        pcj_free(value);
        return parser.rc;
    }
    *out = value;
    return 0;
}

/* json.dumps(s, ensure_ascii=False): escapes for '"', '\\' and control
 * characters only; everything else (UTF-8 included) as it is, in runs. */
static bool dump_string(struct bytes *bytes, const char *string)
{
    bool ok = bytes_add(bytes, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)string; ok && *p;) {
        const unsigned char *run = p;
        while (*p >= 0x20 && *p != '"' && *p != '\\')
            p++;
        if (p > run) {
            ok = bytes_add(bytes, run, (size_t)(p - run));
            continue;
        }
        static const char named[] = "\b\f\n\r\t", letters[] = "bfnrt";
        const char *which = strchr(named, *p);
        char escape[8];
        if (*p == '"' || *p == '\\') {
            escape[0] = '\\';
            escape[1] = (char)*p;
            ok = bytes_add(bytes, escape, 2);
        } else if (which) {
            escape[0] = '\\';
            escape[1] = letters[which - named];
            ok = bytes_add(bytes, escape, 2);
        } else {
            snprintf(escape, sizeof escape, "\\u%04x", *p);
            ok = bytes_add(bytes, escape, 6);
        }
        p++;
    }
    return ok && bytes_add(bytes, "\"", 1);
}

/* indent=2 containers: "[]" / "{}" when empty, else one member a line. */
static char *dump_container(const char *const *strings, size_t count, bool object)
{
    struct bytes bytes = {0};
    bool ok = bytes_add(&bytes, object ? "{" : "[", 1);
    for (size_t i = 0; ok && i < count; i++) {
        ok = bytes_add(&bytes, i ? ",\n  " : "\n  ", i ? 4 : 3) && dump_string(&bytes, strings[i]);
        if (ok && object)
            ok = bytes_add(&bytes, ": true", 6);
    }
    if (ok && count)
        ok = bytes_add(&bytes, "\n", 1);
    if (ok)
        ok = bytes_add(&bytes, object ? "}" : "]", 1);
    if (!ok) {
        free(bytes.data);
        return NULL;
    }
    return bytes.data;
}

char *pcj_dump_true_object(const char *const *keys, size_t count)
{
    return dump_container(keys, count, true);
}

char *pcj_dump_string_array(const char *const *strings, size_t count)
{
    return dump_container(strings, count, false);
}

char *pcj_dump_string_or_null(const char *string)
{
    if (!string)
        return strdup("null");
    struct bytes bytes = {0};
    if (!dump_string(&bytes, string)) {
        free(bytes.data);
        return NULL;
    }
    return bytes.data;
}
