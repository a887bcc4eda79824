#include "worker/stream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

int wk_stream_fill(struct wk_stream *stream, int fd, bool *out_eof)
{
    *out_eof = false;
    if (stream->start) {
        memmove(stream->data, stream->data + stream->start, stream->size - stream->start);
        stream->size -= stream->start;
        stream->start = 0;
    }
    if (stream->capacity - stream->size < 65536) {
        size_t capacity = stream->capacity ? stream->capacity * 2 : 131072;
        uint8_t *data = realloc(stream->data, capacity);
        if (!data)
            return FASTEST_ENOMEM;
        stream->data = data;
        stream->capacity = capacity;
    }
    for (;;) {
        ssize_t got = read(fd, stream->data + stream->size, stream->capacity - stream->size);
        if (got > 0) {
            /* One read per poll round keeps a chatty worker from starving
             * the others. */
            stream->size += (size_t)got;
            return 0;
        }
        if (got == 0) {
            *out_eof = true;
            return 0;
        }
        if (errno == EINTR)
            continue;
        return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : FASTEST_EIO;
    }
}

int wk_stream_next(struct wk_stream *stream, struct wire_frame *out, char **out_error)
{
    size_t available = stream->size - stream->start;
    if (available < WIRE_HEADER_SIZE)
        return 0;
    const uint8_t *bytes = stream->data + stream->start;
    size_t payload_size;
    int rc = wire_frame_header_parse(bytes, &out->kind, &payload_size, out_error);
    if (rc)
        return rc;
    if (available - WIRE_HEADER_SIZE < payload_size)
        return 0;
    out->payload = bytes + WIRE_HEADER_SIZE;
    out->payload_size = payload_size;
    out->frame_size = WIRE_HEADER_SIZE + payload_size;
    stream->start += out->frame_size;
    return 1;
}

size_t wk_stream_pending(const struct wk_stream *stream)
{
    return stream->size - stream->start;
}

void wk_stream_free(struct wk_stream *stream)
{
    free(stream->data);
    *stream = (struct wk_stream){0};
}
