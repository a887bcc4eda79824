/* A small JSON writer into a growable string: objects and arrays with the
 * commas placed for the caller, strings escaped per RFC 8259 (invalid UTF-8
 * becomes U+FFFD, so the document always parses). Compact output; a caller
 * may start members on new lines with json_newline. */
#ifndef JSON_JSON_WRITER_H
#define JSON_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>

#include "../console/text.h"

#define JSON_MAX_DEPTH 16

struct json_writer {
    struct text *out; /* borrowed */
    int depth;
    bool has_members[JSON_MAX_DEPTH]; /* a value was written at that depth */
    bool newline_pending; /* json_newline was called: break before the next value */
};

/* Starts writing into out (appended to; not cleared). */
void json_writer_init(struct json_writer *writer, struct text *out);

/* Every value function takes the member's key inside an object and NULL
 * inside an array (or for the document itself). */
void json_begin_object(struct json_writer *writer, const char *key);
void json_end_object(struct json_writer *writer);
void json_begin_array(struct json_writer *writer, const char *key);
void json_end_array(struct json_writer *writer);
/* text NULL writes null. */
void json_string(struct json_writer *writer, const char *key, const char *text);
void json_int(struct json_writer *writer, const char *key, int64_t value);
/* Six decimals (microseconds for times); non-finite values write null. */
void json_seconds(struct json_writer *writer, const char *key, double value);
void json_bool(struct json_writer *writer, const char *key, bool value);
void json_null(struct json_writer *writer, const char *key);
/* A value already rendered as JSON (by another writer), written verbatim. */
void json_raw(struct json_writer *writer, const char *key, const char *json);
/* A line break before the next value, after its comma (readability only). */
void json_newline(struct json_writer *writer);

#endif
