/* The wire's non-event frames: what a worker is told to run, and how it
 * says it finished or failed (docs/wire-protocol.md). */
#ifndef FT_WIRE_CONTROL_H
#define FT_WIRE_CONTROL_H

#include <stdbool.h>
#include <stddef.h>

#include <msgpack.h>

#include "plan/arena.h"
#include "wire/frame.h"

/* Append one frame to buffer. Return 0, or FASTEST_ENOMEM / FASTEST_EPROTO
 * with *out_error set (free() it); buffer is then unchanged. */
int wire_encode_run_items(msgpack_sbuffer *buffer, const size_t *items, size_t count,
                          char **out_error);
/* A done frame; stopped: the engine stopped (-x, --maxfail, pytest.exit)
 * and will not run the batch's items it did not start. */
int wire_encode_done(msgpack_sbuffer *buffer, bool stopped, char **out_error);
int wire_encode_error(msgpack_sbuffer *buffer, const char *message, char **out_error);

/* Decode a WIRE_FRAME_RUN_ITEMS frame: *out_items (allocated from arena;
 * NULL when count is 0) holds *out_count plan indices. */
int wire_decode_run_items(const struct wire_frame *frame, struct ft_arena *arena,
                          size_t **out_items /* OUT */, size_t *out_count /* OUT */,
                          char **out_error);
/* Decode a WIRE_FRAME_ERROR frame: *out_message is a copy in arena. */
int wire_decode_error(const struct wire_frame *frame, struct ft_arena *arena,
                      const char **out_message /* OUT */, char **out_error);
/* Decode a WIRE_FRAME_DONE frame: *out_stopped is its "stopped" flag
 * (false when absent; unknown keys are ignored). */
int wire_decode_done(const struct wire_frame *frame, bool *out_stopped /* OUT */, char **out_error);

/* All decoders return 0, or FASTEST_EPROTO (wrong frame kind, malformed
 * payload) / FASTEST_ENOMEM with *out_error set (free() it). */

#endif
