/* Frames arriving on a non-blocking pipe: bytes are appended as they come
 * and whole frames taken off the front. */
#ifndef FT_WORKER_STREAM_H
#define FT_WORKER_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wire/frame.h"

struct wk_stream {
    uint8_t *data; /* malloc'd; freed by wk_stream_free */
    size_t start;  /* first byte not yet taken */
    size_t size;   /* bytes held */
    size_t capacity;
};

/* Reads what fd has now. Returns 0 (maybe nothing was there), with
 * *out_eof set when the writer closed its end, or FASTEST_EIO /
 * FASTEST_ENOMEM. */
int wk_stream_fill(struct wk_stream *stream, int fd, bool *out_eof /* OUT */);

/* Takes the next complete frame: returns 1 with *out set (its payload
 * points into the stream, valid until the next fill), 0 when no complete
 * frame is buffered, or FASTEST_EPROTO with *out_error set (free() it)
 * when the bytes are not a frame. */
int wk_stream_next(struct wk_stream *stream, struct wire_frame *out /* OUT */, char **out_error);

/* Bytes received but not yet part of a complete frame. */
size_t wk_stream_pending(const struct wk_stream *stream);

void wk_stream_free(struct wk_stream *stream);

#endif
