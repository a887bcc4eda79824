#include "wire/control.h"

#include <string.h>

#include <fastest/errors.h>

#include "wire/error.h"
#include "wire/msgpack_reader.h"

static int pack_key(msgpack_packer *packer, const char *key)
{
    size_t length = strlen(key);
    return msgpack_pack_str(packer, length) | msgpack_pack_str_body(packer, key, length);
}

int wire_encode_run_items(msgpack_sbuffer *buffer, const size_t *items, size_t count,
                          char **out_error)
{
    size_t frame_offset;
    int rc = wire_frame_begin(buffer, WIRE_FRAME_RUN_ITEMS, &frame_offset, out_error);
    if (rc < 0)
        return rc;
    msgpack_packer packer;
    msgpack_packer_init(&packer, buffer, msgpack_sbuffer_write);
    int failed = msgpack_pack_map(&packer, 1) | pack_key(&packer, "items") |
                 msgpack_pack_array(&packer, count);
    for (size_t i = 0; i < count; i++)
        failed |= msgpack_pack_uint64(&packer, items[i]);
    return wire_frame_end(buffer, frame_offset, failed, out_error);
}

int wire_encode_done(msgpack_sbuffer *buffer, bool stopped, char **out_error)
{
    size_t frame_offset;
    int rc = wire_frame_begin(buffer, WIRE_FRAME_DONE, &frame_offset, out_error);
    if (rc < 0)
        return rc;
    msgpack_packer packer;
    msgpack_packer_init(&packer, buffer, msgpack_sbuffer_write);
    int failed = stopped ? msgpack_pack_map(&packer, 1) | pack_key(&packer, "stopped") |
                               msgpack_pack_uint64(&packer, 1)
                         : msgpack_pack_map(&packer, 0);
    return wire_frame_end(buffer, frame_offset, failed, out_error);
}

int wire_encode_error(msgpack_sbuffer *buffer, const char *message, char **out_error)
{
    size_t frame_offset;
    int rc = wire_frame_begin(buffer, WIRE_FRAME_ERROR, &frame_offset, out_error);
    if (rc < 0)
        return rc;
    msgpack_packer packer;
    msgpack_packer_init(&packer, buffer, msgpack_sbuffer_write);
    int failed = msgpack_pack_map(&packer, 1) | pack_key(&packer, "message") |
                 pack_key(&packer, message);
    return wire_frame_end(buffer, frame_offset, failed, out_error);
}

/* Reads the value of one key of a control frame's map. */
typedef int (*value_reader)(struct wire_reader *reader, struct ft_arena *arena, void *context);

/* Walks the payload of a frame of kind expected_kind: calls read_value for
 * key (when present), skips every other key, and checks nothing follows
 * the map. Returns 0 or FASTEST_EPROTO/ENOMEM with *out_error set. */
static int decode_map(const struct wire_frame *frame, uint32_t expected_kind, const char *key,
                      value_reader read_value, struct ft_arena *arena, void *context,
                      char **out_error)
{
    if (frame->kind != expected_kind)
        return wire_fail(out_error, FASTEST_EPROTO, "wire: frame kind %u, expected %u",
                         (unsigned)frame->kind, (unsigned)expected_kind);
    struct wire_reader reader;
    wire_reader_init(&reader, frame->payload, frame->payload_size, out_error);
    uint32_t count;
    int rc = wire_read_map_header(&reader, &count);
    for (uint32_t i = 0; rc == 0 && i < count; i++) {
        const char *name;
        uint32_t length;
        rc = wire_read_string(&reader, &name, &length);
        if (rc < 0)
            break;
        if (key && strlen(key) == length && memcmp(name, key, length) == 0)
            rc = read_value(&reader, arena, context);
        else
            rc = wire_skip_value(&reader);
    }
    if (rc == 0 && !wire_reader_at_end(&reader))
        rc = wire_fail(out_error, FASTEST_EPROTO, "wire: bytes after a control frame's map");
    return rc;
}

struct item_list {
    size_t *items;
    size_t count;
};

static int read_item_list(struct wire_reader *reader, struct ft_arena *arena, void *context)
{
    struct item_list *list = context;
    uint32_t count;
    int rc = wire_read_array_header(reader, &count);
    if (rc < 0)
        return rc;
    list->items = count ? arena_alloc(arena, count * sizeof *list->items) : NULL;
    if (count && !list->items)
        return wire_fail(reader->out_error, FASTEST_ENOMEM, "wire: out of memory");
    for (uint32_t i = 0; i < count; i++) {
        int64_t index;
        rc = wire_read_int(reader, &index);
        if (rc < 0)
            return rc;
        if (index < 0)
            return wire_fail(reader->out_error, FASTEST_EPROTO,
                             "wire run_items: negative item index %lld", (long long)index);
        list->items[i] = (size_t)index;
    }
    list->count = count;
    return 0;
}

int wire_decode_run_items(const struct wire_frame *frame, struct ft_arena *arena,
                          size_t **out_items, size_t *out_count, char **out_error)
{
    struct item_list list = {NULL, 0};
    int rc = decode_map(frame, WIRE_FRAME_RUN_ITEMS, "items", read_item_list, arena, &list,
                        out_error);
    *out_items = list.items;
    *out_count = list.count;
    return rc;
}

static int read_message(struct wire_reader *reader, struct ft_arena *arena, void *context)
{
    const char **message = context;
    const char *text;
    uint32_t length;
    int rc = wire_read_string(reader, &text, &length);
    if (rc < 0)
        return rc;
    *message = arena_strndup(arena, text, length);
    return *message ? 0 : wire_fail(reader->out_error, FASTEST_ENOMEM, "wire: out of memory");
}

int wire_decode_error(const struct wire_frame *frame, struct ft_arena *arena,
                      const char **out_message, char **out_error)
{
    *out_message = NULL;
    int rc = decode_map(frame, WIRE_FRAME_ERROR, "message", read_message, arena, out_message,
                        out_error);
    if (rc == 0 && !*out_message)
        return wire_fail(out_error, FASTEST_EPROTO, "wire error frame: no 'message'");
    return rc;
}

static int read_flag(struct wire_reader *reader, struct ft_arena *arena, void *context)
{
    (void)arena;
    int64_t value;
    int rc = wire_read_int(reader, &value);
    *(bool *)context = rc == 0 && value != 0;
    return rc;
}

int wire_decode_done(const struct wire_frame *frame, bool *out_stopped, char **out_error)
{
    *out_stopped = false;
    return decode_map(frame, WIRE_FRAME_DONE, "stopped", read_flag, NULL, out_stopped, out_error);
}
