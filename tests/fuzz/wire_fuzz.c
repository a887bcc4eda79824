/* libFuzzer target for the wire decoder: any bytes, parsed as a stream of
 * frames and decoded as events or control frames, must end in 0 or a clean
 * FASTEST_EPROTO: no crash, no leak, no huge allocation, no hang. */
#include <stdint.h>
#include <stdlib.h>

#include "plan/arena.h"
#include "wire/control.h"
#include "wire/event_codec.h"
#include "wire/frame.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t offset = 0;
    while (offset < size) {
        struct wire_frame frame;
        char *error = NULL;
        if (wire_frame_parse(data + offset, size - offset, &frame, &error) < 0) {
            free(error);
            break;
        }
        struct ft_arena *arena = arena_new();
        if (!arena)
            break;
        struct fastest_event event;
        size_t *items, count;
        const char *message;
        bool stopped;
        int rc;
        switch (frame.kind) {
        case WIRE_FRAME_RUN_ITEMS:
            rc = wire_decode_run_items(&frame, arena, &items, &count, &error);
            break;
        case WIRE_FRAME_DONE:
            rc = wire_decode_done(&frame, &stopped, &error);
            break;
        case WIRE_FRAME_ERROR:
            rc = wire_decode_error(&frame, arena, &message, &error);
            break;
        default:
            rc = wire_decode_event(&frame, arena, &event, &error);
            break;
        }
        (void)rc;
        free(error);
        arena_free(arena);
        offset += frame.frame_size;
    }
    return 0;
}
