/* WIRE_FRAME_EVENT frames -> struct fastest_event.
 *
 * The payload is a msgpack map with docs/engine-events.md's keys (plus the
 * session keys of docs/wire-protocol.md): a worker packs the engine's event
 * dicts entry for entry (core/python/event_pack.h). Absent keys mean NULL / 0
 * (location_line: -1, unknown); the decoder ignores keys it does not know
 * (a newer peer may send more) and treats nil as absent.
 */
#ifndef FT_WIRE_EVENT_CODEC_H
#define FT_WIRE_EVENT_CODEC_H

#include <fastest/event.h>

#include "plan/arena.h"
#include "wire/frame.h"

/* Decodes an event frame into *out (header set, everything else zero or
 * -1 as above unless sent). Every string and array *out points to is
 * allocated from arena (NUL-terminated copies), so it lives as long as the
 * arena, independent of the frame's bytes. Returns 0, FASTEST_EPROTO when the frame is not a
 * well-formed event (wrong frame kind, not a map, wrong value types, unknown
 * event kind, trailing bytes), or FASTEST_ENOMEM; *out_error is then set
 * (free() it) and *out is unspecified. */
int wire_decode_event(const struct wire_frame *frame, struct ft_arena *arena,
                      struct fastest_event *out /* OUT */, char **out_error);

#endif
