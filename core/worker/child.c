#include "worker/child.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <msgpack.h>

#include <fastest/errors.h>

#include "io/write_all.h"
#include "plan/arena.h"
#include "python/engine.h"
#include "session/session.h"
#include "wire/control.h"
#include "worker/fork.h"

/* The parent is gone or the pipe broke: nobody is left to report to. */
static _Noreturn void quit(int status)
{
    wk_child_flush();
    _exit(status);
}

/* Reads exactly size bytes; false at EOF before the first byte. */
static bool read_exact(int fd, uint8_t *data, size_t size)
{
    size_t done = 0;
    while (done < size) {
        ssize_t got = read(fd, data + done, size - done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got == 0 && done == 0)
            return false;
        if (got <= 0)
            quit(1);
        done += (size_t)got;
    }
    return true;
}

struct child {
    struct fastest_session *session;
    const struct wk_child_channels *channels;
    msgpack_sbuffer out; /* frames not yet written */
};

static void send_frames(struct child *child)
{
    if (io_write_all(child->channels->event_fd, child->out.data, child->out.size) != 0)
        quit(1);
    child->out.size = 0;
}

/* Engine events become frames, written as each item starts: the previous
 * item's events, its warnings (which follow its item_finish) included, go
 * with the start of the next, so when this process dies the parent knows
 * which items finished and which one it died in (the engine holds an
 * item's reports until its phases are over anyway, so the phase is not
 * known; core/worker/crash_report.h). The batch's other frames go with its
 * done frame. A write per event cost a system call and a wake-up of the
 * parent each, five per passing test. */
static void event_packed(void *context, bool item_start)
{
    if (item_start)
        send_frames(context);
}

static _Noreturn void engine_failed(struct child *child, const char *message)
{
    char *error = NULL;
    if (wire_encode_error(&child->out, message ? message : "the engine failed", &error) == 0)
        send_frames(child);
    free(error);
    quit(WK_CHILD_ENGINE_FAILED);
}

static void send_done(struct child *child, bool stopped)
{
    char *error = NULL;
    if (wire_encode_done(&child->out, stopped, &error) != 0)
        engine_failed(child, error);
    send_frames(child);
}

/* Reads the next run_items frame into arena; false at EOF. */
static bool next_batch(struct child *child, struct ft_arena *arena, size_t **out_items,
                       size_t *out_count)
{
    uint8_t header[WIRE_HEADER_SIZE];
    if (!read_exact(child->channels->command_fd, header, sizeof header))
        return false;
    struct wire_frame frame = {0};
    size_t payload_size;
    char *error = NULL;
    if (wire_frame_header_parse(header, &frame.kind, &payload_size, &error) != 0)
        engine_failed(child, error);
    uint8_t *payload = arena_alloc(arena, payload_size + 1);
    if (!payload)
        engine_failed(child, "out of memory");
    if (payload_size && !read_exact(child->channels->command_fd, payload, payload_size))
        engine_failed(child, "the parent closed the command pipe inside a frame");
    frame.payload = payload;
    frame.payload_size = payload_size;
    frame.frame_size = WIRE_HEADER_SIZE + payload_size;
    if (wire_decode_run_items(&frame, arena, out_items, out_count, &error) != 0)
        engine_failed(child, error);
    return true;
}

_Noreturn void wk_child_main(struct fastest_session *session,
                             const struct wk_child_channels *channels,
                             const struct wk_identity *identity)
{
    struct child child = {session, channels, {0}};
    msgpack_sbuffer_init(&child.out);
    struct pyh_wire_target events = {&child.out, event_packed, &child};
    char *error = NULL;
    if (wk_child_python_setup(session->engine, channels->diag_fd, identity, &error) != 0)
        engine_failed(&child, error);
    for (;;) {
        struct ft_arena *arena = arena_new();
        size_t *items = NULL;
        size_t count = 0;
        if (!arena)
            engine_failed(&child, "out of memory");
        if (!next_batch(&child, arena, &items, &count)) {
            arena_free(arena);
            break;
        }
        int rc = pyh_engine_run_to_wire(session, items, count, &events, &error);
        arena_free(arena);
        /* A stop (-x, --maxfail) is the parent's to decide: it counts the
         * outcomes of every worker, in plan order. */
        if (rc && rc != FASTEST_EINTR)
            engine_failed(&child, error);
        send_done(&child, rc == FASTEST_EINTR);
    }
    if (pyh_engine_finish_to_wire(session, &events, &error) != 0 ||
        pyh_engine_unconfigure(session, &error) != 0)
        engine_failed(&child, error);
    send_done(&child, false);
    quit(0);
}
