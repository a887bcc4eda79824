#include "cache/codec.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#define NULL_LENGTH UINT32_MAX

/* --- writing ------------------------------------------------------------- */

void cache_bytes_append(struct cache_bytes *bytes, const void *data, size_t length)
{
    if (bytes->failed || !length)
        return;
    if (length > bytes->capacity - bytes->length) {
        size_t grown = bytes->capacity ? bytes->capacity : 4096;
        while (grown - bytes->length < length) {
            if (grown > SIZE_MAX / 2) {
                bytes->failed = true;
                return;
            }
            grown *= 2;
        }
        uint8_t *bigger = realloc(bytes->data, grown);
        if (!bigger) {
            bytes->failed = true;
            return;
        }
        bytes->data = bigger;
        bytes->capacity = grown;
    }
    memcpy(bytes->data + bytes->length, data, length);
    bytes->length += length;
}

void cache_bytes_u8(struct cache_bytes *bytes, uint8_t value)
{
    cache_bytes_append(bytes, &value, sizeof value);
}

void cache_bytes_u32(struct cache_bytes *bytes, uint32_t value)
{
    cache_bytes_append(bytes, &value, sizeof value);
}

void cache_bytes_u64(struct cache_bytes *bytes, uint64_t value)
{
    cache_bytes_append(bytes, &value, sizeof value);
}

void cache_bytes_string(struct cache_bytes *bytes, const char *text)
{
    if (!text) {
        cache_bytes_u32(bytes, NULL_LENGTH);
        return;
    }
    size_t length = strlen(text);
    if (length >= NULL_LENGTH) {
        bytes->failed = true;
        return;
    }
    cache_bytes_u32(bytes, (uint32_t)length);
    cache_bytes_append(bytes, text, length + 1);
}

/* A string list: u32 count (UINT32_MAX for a NULL list), then the strings.
 * NULL and empty differ for collect_ignore (defined as [] or not at all). */
static void write_strings(struct cache_bytes *bytes, const char *const *strings, size_t count)
{
    if (!strings) {
        cache_bytes_u32(bytes, NULL_LENGTH);
        return;
    }
    cache_bytes_u32(bytes, (uint32_t)count);
    for (size_t i = 0; i < count; i++)
        cache_bytes_string(bytes, strings[i]);
}

static void write_int(struct cache_bytes *bytes, int value)
{
    cache_bytes_u32(bytes, (uint32_t)value);
}

static void write_item(struct cache_bytes *out, const struct disc_item *item)
{
    cache_bytes_string(out, item->class_name);
    cache_bytes_string(out, item->function_name);
    cache_bytes_string(out, item->name);
    write_int(out, item->line);
    cache_bytes_u8(out, (uint8_t)item->node_kind);
    cache_bytes_string(out, item->xdist_group);
    cache_bytes_u32(out, (uint32_t)item->mark_count);
    for (size_t i = 0; i < item->mark_count; i++) {
        cache_bytes_string(out, item->marks[i].name);
        cache_bytes_string(out, item->marks[i].args);
    }
    write_strings(out, item->keywords, item->keyword_count);
    write_strings(out, item->fixture_names, item->fixture_count);
    cache_bytes_u8(out, item->dynamic);
    cache_bytes_string(out, item->dynamic_reason);
}

static void write_fixture(struct cache_bytes *out, const struct disc_fixture *fixture)
{
    cache_bytes_string(out, fixture->name);
    cache_bytes_string(out, fixture->class_name);
    write_int(out, fixture->line);
    cache_bytes_u8(out, (uint8_t)fixture->scope);
    cache_bytes_u8(out, fixture->autouse);
    cache_bytes_u8(out, fixture->has_params);
    cache_bytes_u8(out, fixture->params_literal);
    write_strings(out, fixture->argnames, fixture->argname_count);
}

static void write_warning(struct cache_bytes *out, const struct disc_warning *warning)
{
    cache_bytes_u8(out, (uint8_t)warning->kind);
    write_int(out, warning->line);
    cache_bytes_string(out, warning->message);
    cache_bytes_string(out, warning->collector);
    cache_bytes_string(out, warning->source_line);
}

void cache_encode_module(struct cache_bytes *out, const struct disc_module *module)
{
    cache_bytes_u32(out, module->flags);
    cache_bytes_string(out, module->dynamic_reason);
    cache_bytes_string(out, module->error);
    write_int(out, module->error_line);
    cache_bytes_u8(out, module->generates_tests);
    cache_bytes_u8(out, module->names_parameters);
    cache_bytes_u8(out, module->collect_ignore_dynamic);
    write_strings(out, module->collect_ignore, module->collect_ignore_count);
    write_strings(out, module->collect_ignore_glob, module->collect_ignore_glob_count);
    cache_bytes_u32(out, (uint32_t)module->item_count);
    for (size_t i = 0; i < module->item_count; i++)
        write_item(out, &module->items[i]);
    cache_bytes_u32(out, (uint32_t)module->fixture_count);
    for (size_t i = 0; i < module->fixture_count; i++)
        write_fixture(out, &module->fixtures[i]);
    cache_bytes_u32(out, (uint32_t)module->warning_count);
    for (size_t i = 0; i < module->warning_count; i++)
        write_warning(out, &module->warnings[i]);
}

/* --- reading ------------------------------------------------------------- */

static const void *take(struct cache_reader *reader, size_t length)
{
    if (reader->bad || (size_t)(reader->end - reader->next) < length) {
        reader->bad = true;
        return NULL;
    }
    const void *at = reader->next;
    reader->next += length;
    return at;
}

uint8_t cache_read_u8(struct cache_reader *reader)
{
    const uint8_t *at = take(reader, 1);
    return at ? *at : 0;
}

uint32_t cache_read_u32(struct cache_reader *reader)
{
    uint32_t value = 0;
    const void *at = take(reader, sizeof value);
    if (at)
        memcpy(&value, at, sizeof value);
    return value;
}

uint64_t cache_read_u64(struct cache_reader *reader)
{
    uint64_t value = 0;
    const void *at = take(reader, sizeof value);
    if (at)
        memcpy(&value, at, sizeof value);
    return value;
}

const char *cache_read_string(struct cache_reader *reader)
{
    uint32_t length = cache_read_u32(reader);
    if (reader->bad || length == NULL_LENGTH)
        return NULL;
    const char *text = take(reader, (size_t)length + 1);
    if (text && text[length] != '\0') {
        reader->bad = true;
        return NULL;
    }
    return text;
}

/* Room for count elements of size bytes each in arena, after checking that
 * the input can hold count encodings of at least min_encoded bytes each (so
 * a corrupt count never asks for a huge allocation). Returns NULL with
 * reader->bad set when it cannot; for count 0 a valid zero-size block. */
static void *read_array(struct cache_reader *reader, struct ft_arena *arena, uint32_t count,
                        size_t size, size_t min_encoded, bool *out_of_memory)
{
    if (reader->bad || count > (size_t)(reader->end - reader->next) / min_encoded) {
        reader->bad = true;
        return NULL;
    }
    void *array = arena_alloc(arena, (size_t)count * size + 1);
    if (!array) {
        *out_of_memory = true;
        reader->bad = true;
    }
    return array;
}

struct decoder {
    struct cache_reader reader;
    struct ft_arena *arena;
    bool out_of_memory;
};

static const char *const *read_strings(struct decoder *decoder, size_t *out_count)
{
    uint32_t count = cache_read_u32(&decoder->reader);
    *out_count = 0;
    if (decoder->reader.bad || count == NULL_LENGTH)
        return NULL;
    const char **strings = read_array(&decoder->reader, decoder->arena, count, sizeof *strings,
                                      sizeof(uint32_t), &decoder->out_of_memory);
    for (uint32_t i = 0; strings && i < count; i++)
        strings[i] = cache_read_string(&decoder->reader);
    *out_count = decoder->reader.bad ? 0 : count;
    return decoder->reader.bad ? NULL : strings;
}

static int read_int(struct cache_reader *reader)
{
    return (int)cache_read_u32(reader);
}

static void read_item(struct decoder *decoder, struct disc_item *item)
{
    struct cache_reader *reader = &decoder->reader;
    item->class_name = cache_read_string(reader);
    item->function_name = cache_read_string(reader);
    item->name = cache_read_string(reader);
    item->line = read_int(reader);
    item->node_kind = cache_read_u8(reader) ? PLAN_NODE_TESTCASE_FUNCTION : PLAN_NODE_FUNCTION;
    item->xdist_group = cache_read_string(reader);
    uint32_t mark_count = cache_read_u32(reader);
    struct plan_mark *marks = read_array(reader, decoder->arena, mark_count, sizeof *marks,
                                         2 * sizeof(uint32_t), &decoder->out_of_memory);
    for (uint32_t i = 0; marks && i < mark_count; i++) {
        marks[i].name = cache_read_string(reader);
        marks[i].args = cache_read_string(reader);
        if (!marks[i].name)
            reader->bad = true;
    }
    item->marks = marks;
    item->mark_count = marks ? mark_count : 0;
    item->keywords = read_strings(decoder, &item->keyword_count);
    item->fixture_names = read_strings(decoder, &item->fixture_count);
    item->dynamic = cache_read_u8(reader) != 0;
    item->dynamic_reason = cache_read_string(reader);
    if (!item->function_name || !item->name)
        reader->bad = true;
}

static void read_fixture(struct decoder *decoder, struct disc_fixture *fixture)
{
    struct cache_reader *reader = &decoder->reader;
    fixture->name = cache_read_string(reader);
    fixture->class_name = cache_read_string(reader);
    fixture->line = read_int(reader);
    uint8_t scope = cache_read_u8(reader);
    fixture->scope = scope <= PLAN_SCOPE_DYNAMIC ? (enum plan_fixture_scope)scope
                                                 : PLAN_SCOPE_DYNAMIC;
    fixture->autouse = cache_read_u8(reader) != 0;
    fixture->has_params = cache_read_u8(reader) != 0;
    fixture->params_literal = cache_read_u8(reader) != 0;
    fixture->argnames = read_strings(decoder, &fixture->argname_count);
    if (!fixture->name)
        reader->bad = true;
}

static void read_warning(struct decoder *decoder, struct disc_warning *warning)
{
    struct cache_reader *reader = &decoder->reader;
    warning->kind = cache_read_u8(reader) ? DISC_WARNING_ITEM : DISC_WARNING_CLASS;
    warning->line = read_int(reader);
    warning->message = cache_read_string(reader);
    warning->collector = cache_read_string(reader);
    warning->source_line = cache_read_string(reader);
    if (!warning->message)
        reader->bad = true;
}

int cache_decode_module(const uint8_t *data, size_t length, struct ft_arena *arena,
                        struct disc_module **out)
{
    *out = NULL;
    struct decoder decoder = {.reader = {.next = data, .end = data + length}, .arena = arena};
    struct cache_reader *reader = &decoder.reader;
    struct disc_module *module = arena_alloc(arena, sizeof *module);
    if (!module)
        return FASTEST_ENOMEM;
    module->flags = cache_read_u32(reader);
    module->dynamic_reason = cache_read_string(reader);
    module->error = cache_read_string(reader);
    module->error_line = read_int(reader);
    module->generates_tests = cache_read_u8(reader) != 0;
    module->names_parameters = cache_read_u8(reader) != 0;
    module->collect_ignore_dynamic = cache_read_u8(reader) != 0;
    module->collect_ignore = read_strings(&decoder, &module->collect_ignore_count);
    module->collect_ignore_glob = read_strings(&decoder, &module->collect_ignore_glob_count);

    /* An item takes at least 3 strings and 6 counts and ints. */
    uint32_t count = cache_read_u32(reader);
    module->items = read_array(reader, arena, count, sizeof *module->items,
                               9 * sizeof(uint32_t), &decoder.out_of_memory);
    for (uint32_t i = 0; module->items && i < count && !reader->bad; i++)
        read_item(&decoder, &module->items[i]);
    module->item_count = count;

    count = cache_read_u32(reader);
    module->fixtures = read_array(reader, arena, count, sizeof *module->fixtures,
                                  4 * sizeof(uint32_t), &decoder.out_of_memory);
    for (uint32_t i = 0; module->fixtures && i < count && !reader->bad; i++)
        read_fixture(&decoder, &module->fixtures[i]);
    module->fixture_count = count;

    count = cache_read_u32(reader);
    module->warnings = read_array(reader, arena, count, sizeof *module->warnings,
                                  4 * sizeof(uint32_t), &decoder.out_of_memory);
    for (uint32_t i = 0; module->warnings && i < count && !reader->bad; i++)
        read_warning(&decoder, &module->warnings[i]);
    module->warning_count = count;

    if (decoder.out_of_memory)
        return FASTEST_ENOMEM;
    if (reader->bad || reader->next != reader->end)
        return FASTEST_EINVAL;
    *out = module;
    return 0;
}
