#include "json_writer.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <fastest/event.h>

void json_writer_init(struct json_writer *writer, struct text *out)
{
    *writer = (struct json_writer){.out = out};
}

/* The escaped, quoted form of text, appended to out. */
static void append_escaped(struct text *out, const char *text)
{
    text_append_str(out, "\"");
    const unsigned char *c = (const unsigned char *)text;
    while (*c) {
        size_t run = 0; /* bytes that need no escape */
        while (c[run] >= 0x20 && c[run] < 0x80 && c[run] != '"' && c[run] != '\\')
            run++;
        text_append(out, (const char *)c, run);
        c += run;
        if (!*c)
            break;
        if (*c == '"' || *c == '\\') {
            text_printf(out, "\\%c", *c);
            c++;
        } else if (*c < 0x20) {
            static const char short_forms[] = "\b\f\n\r\t";
            static const char letters[] = "bfnrt";
            const char *short_form = strchr(short_forms, *c);
            if (short_form)
                text_printf(out, "\\%c", letters[short_form - short_forms]);
            else
                text_printf(out, "\\u%04x", *c);
            c++;
        } else if (strncmp((const char *)c, FASTEST_TEXT_NUL, 2) == 0) {
            text_append_str(out, "\\u0000");
            c += 2;
        } else {
            /* Non-ASCII: copy a well-formed UTF-8 sequence, else U+FFFD. */
            size_t length = (*c >> 5) == 6 ? 2 : (*c >> 4) == 14 ? 3 : (*c >> 3) == 30 ? 4 : 0;
            size_t valid = 1;
            while (length && valid < length && (c[valid] & 0xc0) == 0x80)
                valid++;
            if (length && valid == length) {
                text_append(out, (const char *)c, length);
                c += length;
            } else {
                text_append_str(out, "\\ufffd");
                c += valid;
            }
        }
    }
    text_append_str(out, "\"");
}

/* The comma and key before a value. */
static void begin_value(struct json_writer *writer, const char *key)
{
    if (writer->has_members[writer->depth])
        text_append_str(writer->out, ",");
    writer->has_members[writer->depth] = true;
    if (writer->newline_pending)
        text_append_str(writer->out, "\n");
    writer->newline_pending = false;
    if (key) {
        append_escaped(writer->out, key);
        text_append_str(writer->out, ":");
    }
}

static void open_container(struct json_writer *writer, const char *key, const char *bracket)
{
    begin_value(writer, key);
    text_append_str(writer->out, bracket);
    if (writer->depth + 1 < JSON_MAX_DEPTH)
        writer->depth++;
    writer->has_members[writer->depth] = false;
}

static void close_container(struct json_writer *writer, const char *bracket)
{
    if (writer->depth > 0)
        writer->depth--;
    text_append_str(writer->out, bracket);
}

void json_begin_object(struct json_writer *writer, const char *key)
{
    open_container(writer, key, "{");
}

void json_end_object(struct json_writer *writer)
{
    close_container(writer, "}");
}

void json_begin_array(struct json_writer *writer, const char *key)
{
    open_container(writer, key, "[");
}

void json_end_array(struct json_writer *writer)
{
    close_container(writer, "]");
}

void json_string(struct json_writer *writer, const char *key, const char *text)
{
    begin_value(writer, key);
    if (text)
        append_escaped(writer->out, text);
    else
        text_append_str(writer->out, "null");
}

void json_int(struct json_writer *writer, const char *key, int64_t value)
{
    begin_value(writer, key);
    text_printf(writer->out, "%" PRId64, value);
}

void json_seconds(struct json_writer *writer, const char *key, double value)
{
    begin_value(writer, key);
    if (isfinite(value))
        text_printf(writer->out, "%.6f", value);
    else
        text_append_str(writer->out, "null");
}

void json_bool(struct json_writer *writer, const char *key, bool value)
{
    begin_value(writer, key);
    text_append_str(writer->out, value ? "true" : "false");
}

void json_null(struct json_writer *writer, const char *key)
{
    begin_value(writer, key);
    text_append_str(writer->out, "null");
}

void json_raw(struct json_writer *writer, const char *key, const char *json)
{
    begin_value(writer, key);
    text_append_str(writer->out, json);
}

void json_newline(struct json_writer *writer)
{
    writer->newline_pending = true;
}
