#include "discovery/literal.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct lit_value unknown_value = {.kind = LIT_UNKNOWN};

char *lit_node_text(struct ft_arena *arena, const char *source, TSNode node)
{
    uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
    return arena_strndup(arena, source + start, end - start);
}

bool lit_node_is(const char *source, TSNode node, const char *text)
{
    uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
    size_t length = strlen(text);
    return end - start == length && memcmp(source + start, text, length) == 0;
}

static struct lit_value *new_value(struct ft_arena *arena, enum lit_kind kind)
{
    struct lit_value *value = arena_alloc(arena, sizeof *value);
    if (value)
        value->kind = kind;
    return value;
}

/* Digits of an integer literal without underscores, in base; false on
 * overflow or a malformed literal. */
static bool parse_integer(const char *text, size_t length, long long *out)
{
    int base = 10;
    size_t i = 0;
    if (length > 2 && text[0] == '0') {
        char marker = (char)(text[1] | 0x20);
        base = marker == 'x' ? 16 : marker == 'o' ? 8 : marker == 'b' ? 2 : 10;
        if (base != 10)
            i = 2;
    }
    unsigned long long value = 0;
    bool any = false;
    for (; i < length; i++) {
        char c = text[i];
        if (c == '_')
            continue;
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            digit = (c | 0x20) - 'a' + 10;
        else
            return false; /* 'l' suffix, 'j' (complex): not ours */
        if (digit >= base)
            return false;
        if (value > (ULLONG_MAX - (unsigned)digit) / (unsigned)base)
            return false;
        value = value * (unsigned)base + (unsigned)digit;
        any = true;
    }
    if (!any || value > (unsigned long long)LLONG_MAX)
        return false;
    *out = (long long)value;
    return true;
}

static bool parse_float(const char *text, size_t length, double *out)
{
    char buffer[128];
    size_t used = 0;
    for (size_t i = 0; i < length; i++) {
        if (text[i] == '_')
            continue;
        if (text[i] == 'j' || text[i] == 'J' || used + 1 >= sizeof buffer)
            return false; /* complex, or absurdly long */
        buffer[used++] = text[i];
    }
    buffer[used] = '\0';
    char *end;
    errno = 0;
    *out = strtod(buffer, &end);
    return *end == '\0';
}

/* Appends the UTF-8 encoding of code point cp. */
static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

/* Decodes the body of a non-raw string literal into out (which must hold
 * length bytes: decoding never grows the text). Returns the decoded length,
 * or -1 for escapes we do not evaluate (\N{...}) or invalid ones. */
static long decode_escapes(const char *body, size_t length, bool is_bytes, char *out)
{
    size_t used = 0;
    for (size_t i = 0; i < length; i++) {
        char c = body[i];
        if (c != '\\' || i + 1 >= length) {
            if (is_bytes && (unsigned char)c >= 0x80)
                return -1; /* a SyntaxError in Python */
            out[used++] = c;
            continue;
        }
        char e = body[++i];
        uint32_t cp;
        int digits = 0;
        switch (e) {
        case '\n': continue;
        case '\\': out[used++] = '\\'; continue;
        case '\'': out[used++] = '\''; continue;
        case '"': out[used++] = '"'; continue;
        case 'a': out[used++] = '\a'; continue;
        case 'b': out[used++] = '\b'; continue;
        case 'f': out[used++] = '\f'; continue;
        case 'n': out[used++] = '\n'; continue;
        case 'r': out[used++] = '\r'; continue;
        case 't': out[used++] = '\t'; continue;
        case 'v': out[used++] = '\v'; continue;
        case 'x': digits = 2; break;
        case 'u': digits = is_bytes ? 0 : 4; break;
        case 'U': digits = is_bytes ? 0 : 8; break;
        case 'N':
            if (!is_bytes)
                return -1;
            break;
        default:
            if (e >= '0' && e <= '7') {
                cp = 0;
                int count = 0;
                while (count < 3 && i < length && body[i] >= '0' && body[i] <= '7') {
                    cp = cp * 8 + (uint32_t)(body[i] - '0');
                    i++, count++;
                }
                i--;
                if (is_bytes)
                    out[used++] = (char)(cp & 0xFF);
                else
                    used += put_utf8(out + used, cp);
                continue;
            }
            break;
        }
        if (digits == 0) { /* not an escape: Python keeps the backslash */
            out[used++] = '\\';
            out[used++] = e;
            continue;
        }
        if (i + (size_t)digits >= length)
            return -1;
        cp = 0;
        for (int d = 1; d <= digits; d++) {
            int h = hex_value(body[i + (size_t)d]);
            if (h < 0)
                return -1;
            cp = cp * 16 + (uint32_t)h;
        }
        i += (size_t)digits;
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF && !is_bytes))
            return -1;
        if (is_bytes)
            out[used++] = (char)cp;
        else
            used += put_utf8(out + used, cp);
    }
    return (long)used;
}

/* One `string` node: prefix letters decide raw/bytes; f-strings are
 * unknown. Returns false when not evaluable. */
static bool eval_string_part(struct ft_arena *arena, const char *source, TSNode node,
                             bool *is_bytes, char **text, size_t *length)
{
    uint32_t count = ts_node_child_count(node);
    if (count < 2)
        return false;
    TSNode start = ts_node_child(node, 0), end = ts_node_child(node, count - 1);
    uint32_t prefix_start = ts_node_start_byte(start), prefix_end = ts_node_end_byte(start);
    bool raw = false;
    *is_bytes = false;
    for (uint32_t i = prefix_start; i < prefix_end; i++) {
        char c = (char)(source[i] | 0x20);
        if (c == 'r')
            raw = true;
        else if (c == 'b')
            *is_bytes = true;
        else if (c == 'f')
            return false;
    }
    uint32_t body_start = prefix_end, body_end = ts_node_start_byte(end);
    if (body_end < body_start)
        return false;
    size_t body_length = body_end - body_start;
    char *out = arena_alloc(arena, body_length + 1);
    if (!out)
        return false;
    if (raw) {
        memcpy(out, source + body_start, body_length);
        if (*is_bytes)
            for (size_t i = 0; i < body_length; i++)
                if ((unsigned char)out[i] >= 0x80)
                    return false;
        *length = body_length;
    } else {
        long decoded = decode_escapes(source + body_start, body_length, *is_bytes, out);
        if (decoded < 0)
            return false;
        *length = (size_t)decoded;
    }
    out[*length] = '\0';
    *text = out;
    return true;
}

static const struct lit_value *eval_strings(struct ft_arena *arena, const char *source,
                                            TSNode node)
{
    /* A `string`, or a `concatenated_string` of them. */
    bool concatenated = strcmp(ts_node_type(node), "concatenated_string") == 0;
    uint32_t parts = concatenated ? lit_named_count(node) : 1;
    char *joined = NULL;
    size_t joined_length = 0;
    bool bytes_kind = false;
    for (uint32_t p = 0; p < parts; p++) {
        TSNode part = concatenated ? ts_node_named_child(node, p) : node;
        if (strcmp(ts_node_type(part), "string") != 0)
            return &unknown_value;
        bool is_bytes;
        char *text;
        size_t length;
        if (!eval_string_part(arena, source, part, &is_bytes, &text, &length))
            return &unknown_value;
        if (p > 0 && is_bytes != bytes_kind)
            return &unknown_value; /* mixing bytes and str: a SyntaxError */
        bytes_kind = is_bytes;
        char *grown = arena_alloc(arena, joined_length + length + 1);
        if (!grown)
            return &unknown_value;
        if (joined_length)
            memcpy(grown, joined, joined_length);
        memcpy(grown + joined_length, text, length);
        joined = grown;
        joined_length += length;
    }
    struct lit_value *value = new_value(arena, bytes_kind ? LIT_BYTES : LIT_STR);
    if (!value)
        return &unknown_value;
    value->text = joined;
    value->length = joined_length;
    return value;
}

static const struct lit_value *eval_sequence(struct ft_arena *arena,
                                             const struct lit_scope *scope, TSNode node,
                                             enum lit_kind kind)
{
    uint32_t count = lit_named_count(node);
    const struct lit_value **items = arena_alloc(arena, (count ? count : 1) * sizeof *items);
    struct lit_value *value = new_value(arena, kind);
    if (!items || !value)
        return &unknown_value;
    size_t used = 0;
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_named_child(node, i);
        if (strcmp(ts_node_type(child), "comment") == 0)
            continue;
        const struct lit_value *item = lit_eval(arena, scope, child);
        if (item->kind == LIT_UNKNOWN)
            return &unknown_value; /* splats, comprehensions' parts, names */
        items[used++] = item;
    }
    value->items = items;
    value->item_count = used;
    return value;
}

/* pytest.param(*values, marks=..., id=...). */
static const struct lit_value *eval_param(struct ft_arena *arena, const struct lit_scope *scope,
                                          TSNode arguments)
{
    uint32_t count = lit_named_count(arguments);
    const struct lit_value **items = arena_alloc(arena, (count ? count : 1) * sizeof *items);
    struct lit_value *value = new_value(arena, LIT_PARAM);
    if (!items || !value)
        return &unknown_value;
    size_t used = 0;
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_named_child(arguments, i);
        const char *type = ts_node_type(child);
        if (strcmp(type, "comment") == 0)
            continue;
        if (strcmp(type, "keyword_argument") == 0) {
            TSNode name = ts_node_child_by_field_name(child, "name", 4);
            TSNode argument = ts_node_child_by_field_name(child, "value", 5);
            if (lit_node_is(scope->source, name, "marks")) {
                value->param_marks = argument;
            } else if (lit_node_is(scope->source, name, "id")) {
                const struct lit_value *id = lit_eval(arena, scope, argument);
                if (id->kind == LIT_STR)
                    value->param_id = id->text;
                else if (id->kind != LIT_NONE)
                    value->param_id_unknown = true;
            } else {
                return &unknown_value;
            }
            continue;
        }
        const struct lit_value *item = lit_eval(arena, scope, child);
        if (item->kind == LIT_UNKNOWN)
            return &unknown_value;
        items[used++] = item;
    }
    value->items = items;
    value->item_count = used;
    return value;
}

const struct lit_value *lit_eval(struct ft_arena *arena, const struct lit_scope *scope,
                                 TSNode node)
{
    if (ts_node_is_null(node))
        return &unknown_value;
    const char *source = scope->source;
    const char *type = ts_node_type(node);
    uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
    const char *text = source + start;
    size_t length = end - start;

    if (strcmp(type, "true") == 0 || strcmp(type, "false") == 0) {
        struct lit_value *value = new_value(arena, LIT_BOOL);
        if (!value)
            return &unknown_value;
        value->integer = type[0] == 't';
        return value;
    }
    if (strcmp(type, "none") == 0) {
        struct lit_value *value = new_value(arena, LIT_NONE);
        return value ? value : &unknown_value;
    }
    if (strcmp(type, "integer") == 0) {
        long long integer;
        if (!parse_integer(text, length, &integer))
            return &unknown_value;
        struct lit_value *value = new_value(arena, LIT_INT);
        if (!value)
            return &unknown_value;
        value->integer = integer;
        return value;
    }
    if (strcmp(type, "float") == 0) {
        double real;
        if (!parse_float(text, length, &real))
            return &unknown_value;
        struct lit_value *value = new_value(arena, LIT_FLOAT);
        if (!value)
            return &unknown_value;
        value->real = real;
        return value;
    }
    if (strcmp(type, "unary_operator") == 0) {
        TSNode sign = ts_node_child_by_field_name(node, "operator", 8);
        const struct lit_value *operand =
            lit_eval(arena, scope, ts_node_child_by_field_name(node, "argument", 8));
        bool minus = lit_node_is(source, sign, "-");
        if (!minus && !lit_node_is(source, sign, "+"))
            return &unknown_value;
        if (operand->kind != LIT_INT && operand->kind != LIT_FLOAT)
            return &unknown_value; /* -True is an int: rare, left to import */
        struct lit_value *value = new_value(arena, operand->kind);
        if (!value)
            return &unknown_value;
        value->integer = minus ? -operand->integer : operand->integer;
        value->real = minus ? -operand->real : operand->real;
        return value;
    }
    if (strcmp(type, "string") == 0 || strcmp(type, "concatenated_string") == 0)
        return eval_strings(arena, source, node);
    if (strcmp(type, "parenthesized_expression") == 0) {
        uint32_t count = lit_named_count(node);
        for (uint32_t i = 0; i < count; i++) {
            TSNode child = ts_node_named_child(node, i);
            if (strcmp(ts_node_type(child), "comment") != 0)
                return lit_eval(arena, scope, child);
        }
        return &unknown_value;
    }
    if (strcmp(type, "tuple") == 0 || strcmp(type, "expression_list") == 0)
        return eval_sequence(arena, scope, node, LIT_TUPLE);
    if (strcmp(type, "list") == 0)
        return eval_sequence(arena, scope, node, LIT_LIST);
    if (strcmp(type, "dictionary") == 0 || strcmp(type, "set") == 0) {
        struct lit_value *value = new_value(arena, LIT_OPAQUE);
        return value ? value : &unknown_value;
    }
    if (strcmp(type, "identifier") == 0) {
        const struct lit_value *bound =
            scope->resolve ? scope->resolve(scope->context, text, length) : NULL;
        return bound ? bound : &unknown_value;
    }
    if (strcmp(type, "call") == 0 && scope->is_param_call &&
        scope->is_param_call(scope->context, ts_node_child_by_field_name(node, "function", 8))) {
        TSNode arguments = ts_node_child_by_field_name(node, "arguments", 9);
        if (strcmp(ts_node_type(arguments), "argument_list") != 0)
            return &unknown_value;
        return eval_param(arena, scope, arguments);
    }
    return &unknown_value;
}
