#include "worker/pool.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <msgpack.h>

#include <fastest/errors.h>

#include "base/monotonic_clock.h"
#include "base/vector.h"
#include "io/write_all.h"
#include "plan/arena.h"
#include "python/engine.h"
#include "python/engine_mode.h"
#include "python/prefault.h"
#include "session/session.h"
#include "wire/control.h"
#include "wire/event_codec.h"
#include "worker/crash_report.h"
#include "worker/measure_first.h"
#include "worker/release.h"
#include "worker/spawn.h"
#include "worker/stream.h"

#define DIAG_TAIL 4096

struct worker {
    unsigned index; /* gwN; a replacement gets the next number */
    struct wk_process process;
    bool alive;
    struct wk_stream stream;
    char diag[DIAG_TAIL + 1]; /* the last bytes of faulthandler output */
    size_t diag_length;
    /* Items sent and not finished, in run order, as plan indices. The head
     * may be the previous batch's last item, whose teardown the engine runs
     * with the next batch. */
    size_t *fifo;
    size_t fifo_head, fifo_count, fifo_capacity;
    struct wk_item_progress progress;  /* of the head */
    /* The item that finished last, held until its warnings are in (an
     * engine reports an item's warnings after its item_finish, as pytest
     * does): released when the next item starts or the batch ends. */
    bool trailing;
    size_t trailing_item;
    size_t pending_begin, pending_end; /* its unit's unsent items, in queue */
    bool busy;                         /* a batch is out, its done frame not yet back */
    bool finishing;                    /* told to finish (command pipe closed) */
    bool finished;                     /* its final done frame arrived */
    double clock;                      /* when the running item started (about), for --timeout */
    double timed_out;                  /* > 0: killed after this many seconds */
    /* What its engine said as it failed while it held an item (an error
     * frame; it then exits): that item's error, as a crash is. malloc'd. */
    char *engine_failure;
    size_t batches, items_sent;        /* for the FASTEST_DEBUG timeline */
};

struct unit {
    size_t begin, end; /* into pool.queue */
};

struct pool {
    struct fastest_session *session;
    const struct fastest_worker_plan *plan;
    double timeout;
    struct worker *workers;
    size_t slots;
    unsigned next_index;
    char run_id[33]; /* PYTEST_XDIST_TESTRUNUID: 32 hex digits */
    size_t *queue; /* plan indices; units are ranges of it */
    size_t queue_count, queue_capacity;
    size_t unsent;      /* items queued or pending, not yet sent to any worker */
    struct unit *units; /* in order; retried units are pushed at the front */
    size_t unit_head, unit_count, unit_capacity;
    struct wk_release *release;
    struct ft_arena *scratch; /* the event being decoded */
    msgpack_sbuffer out;
    int rc;      /* the first fatal error */
    char *error; /* its message (malloc'd) */
    bool stopped;
    /* Items whose worker was killed (SIGKILL, not by --timeout) while
     * other workers ran beside it, kept to run again at the end, alone
     * (run_alone); during that last round a crash is final. */
    size_t *alone;
    size_t alone_count, alone_capacity;
    bool running_alone;
    uint32_t heard_kinds; /* the events the engine hears again: release_event */
    double started; /* when wk_run began, for the FASTEST_DEBUG timeline */
};

static void fatal(struct pool *pool, int rc, char *message /* taken */)
{
    if (pool->rc == 0) {
        pool->rc = rc;
        pool->error = message;
    } else {
        free(message);
    }
}

static char *format(const char *format, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *text = NULL;
    if (vasprintf(&text, format, args) < 0)
        text = NULL;
    va_end(args);
    return text;
}

/* --- the queue of units --- */

/* Appends items as one unit, at the back or (a retry) at the front. */
static int push_unit(struct pool *pool, const size_t *items, size_t count, bool front)
{
    if (!count)
        return 0;
    if (vector_reserve((void **)&pool->queue, &pool->queue_capacity, pool->queue_count + count,
                       sizeof(size_t)) ||
        vector_reserve((void **)&pool->units, &pool->unit_capacity, pool->unit_count + 1,
                       sizeof(struct unit)))
        return FASTEST_ENOMEM;
    memcpy(pool->queue + pool->queue_count, items, count * sizeof(size_t));
    struct unit unit = {pool->queue_count, pool->queue_count + count};
    pool->queue_count += count;
    pool->unsent += count;
    if (front && pool->unit_head > 0) {
        pool->units[--pool->unit_head] = unit;
    } else if (front) {
        memmove(pool->units + 1, pool->units, pool->unit_count * sizeof(struct unit));
        pool->units[0] = unit;
        pool->unit_count++;
    } else {
        pool->units[pool->unit_count++] = unit;
    }
    return 0;
}

static bool work_left(const struct pool *pool)
{
    return pool->unit_head < pool->unit_count;
}

/* Gives worker its next unsent items: its own unit's, a queued unit, or
 * (work stealing) the second half of the largest unsent remainder. */
static bool take_work(struct pool *pool, struct worker *worker)
{
    if (worker->pending_begin < worker->pending_end)
        return true;
    if (work_left(pool)) {
        struct unit unit = pool->units[pool->unit_head++];
        worker->pending_begin = unit.begin;
        worker->pending_end = unit.end;
        return true;
    }
    if (!(pool->plan->flags & FASTEST_WORKERS_STEAL))
        return false;
    struct worker *victim = NULL;
    for (size_t i = 0; i < pool->slots; i++) {
        struct worker *other = &pool->workers[i];
        size_t left = other->pending_end - other->pending_begin;
        if (other->alive && left >= 2 &&
            (!victim || left > victim->pending_end - victim->pending_begin))
            victim = other;
    }
    if (!victim)
        return false;
    size_t middle = victim->pending_begin + (victim->pending_end - victim->pending_begin) / 2;
    worker->pending_begin = middle;
    worker->pending_end = victim->pending_end;
    victim->pending_end = middle;
    return true;
}

/* --- talking to workers --- */

static void finish_worker(struct worker *worker)
{
    close(worker->process.command_fd);
    worker->process.command_fd = -1;
    worker->finishing = true;
    worker->clock = monotonic_now();
}

/* How many of worker's pending items go out next: all of them when the
 * plan keeps units whole (chunk_items 0); otherwise at most chunk_items,
 * and at most an even share of half of what is still unsent (guided
 * self-scheduling), so that chunks shrink toward the end of the run and
 * the workers finish together instead of one waiting on another's last
 * large chunk. */
static size_t chunk_size(const struct pool *pool, const struct worker *worker)
{
    size_t count = worker->pending_end - worker->pending_begin;
    size_t most = pool->plan->chunk_items;
    if (!most)
        return count;
    size_t share = (pool->unsent + 2 * pool->slots - 1) / (2 * pool->slots);
    if (share && share < most)
        most = share;
    return count < most ? count : most;
}

/* Sends an idle worker its next batch, or tells it to finish. */
static void dispatch(struct pool *pool, struct worker *worker)
{
    if (!worker->alive || worker->busy || worker->finishing)
        return;
    if (pool->stopped || !take_work(pool, worker)) {
        finish_worker(worker);
        return;
    }
    size_t count = chunk_size(pool, worker);
    const size_t *items = pool->queue + worker->pending_begin;
    char *error = NULL;
    pool->out.size = 0;
    int rc = wire_encode_run_items(&pool->out, items, count, &error);
    if (rc == 0 && vector_reserve((void **)&worker->fifo, &worker->fifo_capacity,
                                  worker->fifo_head + worker->fifo_count + count, sizeof(size_t)))
        rc = FASTEST_ENOMEM;
    if (rc) {
        fatal(pool, rc, error);
        return;
    }
    if (worker->fifo_count == 0)
        worker->fifo_head = 0;
    memcpy(worker->fifo + worker->fifo_head + worker->fifo_count, items, count * sizeof(size_t));
    worker->fifo_count += count;
    worker->pending_begin += count;
    pool->unsent -= count;
    worker->batches++;
    worker->items_sent += count;
    worker->busy = true;
    worker->clock = monotonic_now();
    /* A failure means it died: its event pipe's EOF tells the rest. */
    io_write_all(worker->process.command_fd, pool->out.data, pool->out.size);
}

/* The other workers' pipe ends, which a new child must close. */
static size_t other_fds(const struct pool *pool, int *fds)
{
    size_t count = 0;
    for (size_t i = 0; i < pool->slots; i++) {
        const struct worker *worker = &pool->workers[i];
        if (!worker->alive)
            continue;
        fds[count++] = worker->process.command_fd;
        fds[count++] = worker->process.event_fd;
        fds[count++] = worker->process.diag_fd;
    }
    return count;
}

/* A run's id as pytest-xdist makes one (uuid4().hex): 32 random hex
 * digits (zeros in the unlikely case the kernel gives no randomness). */
static void new_run_id(char out[33])
{
    unsigned char bytes[16];
    if (getrandom(bytes, sizeof bytes, 0) != (ssize_t)sizeof bytes)
        memset(bytes, 0, sizeof bytes);
    for (size_t i = 0; i < sizeof bytes; i++)
        snprintf(out + 2 * i, 3, "%02x", bytes[i]);
}

static void start_worker(struct pool *pool, struct worker *worker)
{
    int fds[3 * pool->slots + 1];
    size_t fd_count = other_fds(pool, fds);
    char *error = NULL;
    size_t *fifo = worker->fifo;
    size_t fifo_capacity = worker->fifo_capacity;
    *worker =
        (struct worker){.index = pool->next_index++, .fifo = fifo, .fifo_capacity = fifo_capacity};
    struct wk_identity identity = {worker->index, pool->slots, pool->run_id};
    int rc = wk_spawn(pool->session, &identity, fds, fd_count, &worker->process, &error);
    if (rc) {
        fatal(pool, rc, error);
        return;
    }
    worker->alive = true;
    dispatch(pool, worker);
}

/* --- what comes back --- */

static size_t head_item(const struct worker *worker)
{
    return worker->fifo[worker->fifo_head];
}

/* What set an item's limit (limit_of), for the report of a test that
 * outran it. */
static const char *limit_source(const struct ft_session_item *item)
{
    return item->has_timeout_mark ? "its timeout mark" : "--timeout";
}

static void pop_head(struct worker *worker)
{
    worker->fifo_head++;
    worker->fifo_count--;
    worker->progress = (struct wk_item_progress){0};
}

static void item_done(struct pool *pool, size_t item)
{
    if (wk_release_done(pool->release, item))
        pool->stopped = true;
}

/* Where the release queue hands the events, in plan order: the
 * reporters; then, for the kinds the engine asks for
 * (pyh_engine_before_workers), its session in this process, which hears
 * them as pytest-xdist's controller hears its workers' (pyh_engine_replay),
 * after pytest's own reporting plugins would (what a hook prints follows
 * the progress): its session's end then sees them all. */
static void release_event(void *context, const struct fastest_event *event)
{
    struct pool *pool = context;
    session_emit(pool->session, event);
    if (pool->rc != 0 || event->kind >= 32 || !(pool->heard_kinds & (UINT32_C(1) << event->kind)))
        return;
    static const struct fastest_event flush = {.kind = FASTEST_EVENT_FLUSH};
    session_emit(pool->session, &flush);
    char *error = NULL;
    int rc = pyh_engine_replay(pool->session, event, &error);
    if (rc)
        fatal(pool, rc, error);
}

static void add_event(struct pool *pool, size_t item, const struct fastest_event *event)
{
    if (wk_release_add(pool->release, item, event) != 0)
        fatal(pool, FASTEST_ENOMEM, format("out of memory holding the results of workers"));
}

static void release_trailing(struct pool *pool, struct worker *worker)
{
    if (worker->trailing) {
        worker->trailing = false;
        item_done(pool, worker->trailing_item);
    }
}

static bool is_trailing_item_event(const struct pool *pool, const struct worker *worker,
                                   const struct fastest_event *event)
{
    return worker->trailing && event->node_id &&
           strcmp(event->node_id, pool->session->items[worker->trailing_item].node_id) == 0;
}

static void on_event(struct pool *pool, struct worker *worker, const struct fastest_event *event)
{
    bool per_item = event->kind == FASTEST_EVENT_ITEM_START ||
                    event->kind == FASTEST_EVENT_TEST_REPORT ||
                    event->kind == FASTEST_EVENT_ITEM_FINISH;
    if (event->kind == FASTEST_EVENT_INTERRUPTED && worker->fifo_count &&
        worker->progress.started) {
        /* pytest's session ends inside this item: its events so far, then
         * the interruption, go out in its place, and nothing after it. */
        size_t item = head_item(worker);
        add_event(pool, item, event);
        pop_head(worker);
        item_done(pool, item);
        return;
    }
    if (!per_item) {
        /* Warnings travel with the item that raised them, so they keep
         * their place in the report. */
        if (is_trailing_item_event(pool, worker, event))
            add_event(pool, worker->trailing_item, event);
        else if (worker->fifo_count && worker->progress.started)
            add_event(pool, head_item(worker), event);
        else
            session_emit(pool->session, event);
        return;
    }
    if (event->kind == FASTEST_EVENT_ITEM_START)
        release_trailing(pool, worker);
    const char *expected =
        worker->fifo_count ? pool->session->items[head_item(worker)].node_id : "(nothing)";
    if (!event->node_id || strcmp(event->node_id, expected) != 0) {
        fatal(pool, FASTEST_EPROTO,
              format("worker gw%u reported on '%s' while it was running '%s'; this is a bug in "
                     "fastest, please report it",
                     worker->index, event->node_id ? event->node_id : "(no node id)", expected));
        return;
    }
    size_t item = head_item(worker);
    struct wk_item_progress *progress = &worker->progress;
    if (event->kind == FASTEST_EVENT_ITEM_START) {
        progress->started = true;
    } else if (event->kind == FASTEST_EVENT_TEST_REPORT) {
        if (event->phase == FASTEST_PHASE_SETUP) {
            progress->setup_reported = true;
            progress->setup_passed = event->outcome == FASTEST_OUTCOME_PASSED;
        }
        progress->call_reported |= event->phase == FASTEST_PHASE_CALL;
        progress->teardown_reported |= event->phase == FASTEST_PHASE_TEARDOWN;
    }
    add_event(pool, item, event);
    if (event->kind == FASTEST_EVENT_ITEM_FINISH) {
        pop_head(worker);
        release_trailing(pool, worker);
        worker->trailing = true;
        worker->trailing_item = item;
        /* The next item starts now; its own events come when it ends. */
        worker->clock = monotonic_now();
    }
}

/* Drops the items worker holds that its engine never started: they will
 * not run. */
static void drop_unstarted(struct pool *pool, struct worker *worker)
{
    size_t keep = worker->fifo_count && worker->progress.started ? 1 : 0;
    while (worker->fifo_count > keep) {
        wk_release_drop(pool->release, worker->fifo[worker->fifo_head + worker->fifo_count - 1]);
        worker->fifo_count--;
    }
}

/* A batch ended. When the engine stopped (-x, --maxfail, pytest.exit) the
 * items it did not start will not run; otherwise they are the engine's to
 * finish (the pytest engine runs a batch's last item with the next batch
 * or at finish) and stay. */
static void on_batch_done(struct pool *pool, struct worker *worker, bool stopped)
{
    worker->busy = false;
    if (stopped)
        drop_unstarted(pool, worker);
    dispatch(pool, worker);
}

static void on_frame(struct pool *pool, struct worker *worker, const struct wire_frame *frame)
{
    char *error = NULL;
    if (frame->kind == WIRE_FRAME_EVENT) {
        arena_reset(pool->scratch);
        struct fastest_event event;
        int rc = wire_decode_event(frame, pool->scratch, &event, &error);
        if (rc)
            fatal(pool, rc,
                  format("worker gw%u sent a malformed event: %s", worker->index,
                         error ? error : fastest_strerror(rc)));
        else
            on_event(pool, worker, &event);
    } else if (frame->kind == WIRE_FRAME_DONE) {
        bool stopped = false;
        release_trailing(pool, worker);
        if (wire_decode_done(frame, &stopped, &error) != 0) {
            fatal(pool, FASTEST_EPROTO,
                  format("worker gw%u sent a malformed done frame: %s", worker->index, error));
        } else if (worker->finishing) {
            worker->finished = true;
            drop_unstarted(pool, worker);
        } else {
            on_batch_done(pool, worker, stopped);
        }
    } else if (frame->kind == WIRE_FRAME_ERROR) {
        const char *message = NULL;
        struct ft_arena *arena = arena_new();
        if (arena && wire_decode_error(frame, arena, &message, &error) == 0 && worker->fifo_count)
            /* A bug of fastest's (or a test that broke the engine): it costs
             * the item, as a crash does, once the worker has exited. */
            worker->engine_failure = strdup(message);
        else if (message)
            fatal(pool, FASTEST_ECHILD, format("worker gw%u: %s", worker->index, message));
        else
            fatal(pool, FASTEST_EPROTO,
                  format("worker gw%u sent a malformed error frame", worker->index));
        arena_free(arena);
    }
    free(error);
}

static void read_diag(struct worker *worker)
{
    char buffer[4096];
    ssize_t got;
    while ((got = read(worker->process.diag_fd, buffer, sizeof buffer)) > 0) {
        size_t count = (size_t)got;
        if (count >= DIAG_TAIL) {
            memcpy(worker->diag, buffer + count - DIAG_TAIL, DIAG_TAIL);
            worker->diag_length = DIAG_TAIL;
        } else {
            size_t keep =
                worker->diag_length + count > DIAG_TAIL ? DIAG_TAIL - count : worker->diag_length;
            memmove(worker->diag, worker->diag + worker->diag_length - keep, keep);
            memcpy(worker->diag + keep, buffer, count);
            worker->diag_length = keep + count;
        }
        worker->diag[worker->diag_length] = '\0';
    }
}

struct crash_sink {
    struct pool *pool;
    size_t item;
};

static void crash_event(void *context, const struct fastest_event *event)
{
    struct crash_sink *sink = context;
    add_event(sink->pool, sink->item, event);
}

/* Whether the worker may have died for memory the tests beside it took:
 * the kernel's out-of-memory killer sends SIGKILL, and a test that needs
 * most of the machine's memory, which pytest runs with no other test
 * beside it, fits only alone. So a SIGKILL the pool did not send (as for
 * --timeout) while other workers ran costs no test yet: its test runs
 * again at the end, alone. */
static bool killed_beside_others(const struct pool *pool, const struct worker *worker,
                                 int wait_status)
{
    return WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGKILL && !worker->timed_out &&
           !worker->engine_failure && !pool->running_alone && pool->slots > 1;
}

static void keep_for_alone(struct pool *pool, size_t item)
{
    if (vector_reserve((void **)&pool->alone, &pool->alone_capacity, pool->alone_count + 1,
                       sizeof(size_t))) {
        fatal(pool, FASTEST_ENOMEM, NULL);
        return;
    }
    pool->alone[pool->alone_count++] = item;
    wk_release_rerun(pool->release, item);
}

/* The worker is gone: its head item (if any) gets the error or is kept to
 * run alone, the rest of what it held goes back to the front of the queue
 * for a fresh worker. */
static void on_crash(struct pool *pool, struct worker *worker, int wait_status)
{
    release_trailing(pool, worker);
    if (worker->fifo_count && killed_beside_others(pool, worker, wait_status)) {
        session_host()->log(pool->session, FASTEST_LOG_DEBUG,
                            "workers: gw%u was killed (SIGKILL) beside other workers: %s runs "
                            "again alone at the end",
                            worker->index, pool->session->items[head_item(worker)].node_id);
        keep_for_alone(pool, head_item(worker));
        pop_head(worker);
    } else if (worker->fifo_count) {
        size_t item = head_item(worker);
        char *cause =
            worker->engine_failure
                ? format("the engine of worker gw%u failed while running this test (a bug of "
                         "fastest's: please report it); a fresh worker ran the remaining tests",
                         worker->index)
                : wk_crash_cause(worker->index, wait_status, worker->timed_out,
                                 limit_source(&pool->session->items[item]));
        struct crash_sink sink = {pool, item};
        wk_crash_events(pool->session->items[item].node_id, pool->session->items[item].path,
                        &worker->progress, cause ? cause : "the worker died",
                        worker->engine_failure ? worker->engine_failure : worker->diag, crash_event,
                        &sink);
        free(cause);
        pop_head(worker);
        item_done(pool, item);
    } else if (!worker->finished) {
        /* No item was running: no limit was passed (timed_out is 0). */
        char *cause = wk_crash_cause(worker->index, wait_status, worker->timed_out, NULL);
        fprintf(stderr, "fastest: %s (outside any test)%s%s\n", cause ? cause : "worker died",
                worker->diag_length ? "\n" : "", worker->diag);
        free(cause);
    }
    size_t remainder = worker->fifo_count + (worker->pending_end - worker->pending_begin);
    size_t *items = malloc((remainder ? remainder : 1) * sizeof(size_t));
    if (!items) {
        fatal(pool, FASTEST_ENOMEM, NULL);
        return;
    }
    memcpy(items, worker->fifo + worker->fifo_head, worker->fifo_count * sizeof(size_t));
    memcpy(items + worker->fifo_count, pool->queue + worker->pending_begin,
           (worker->pending_end - worker->pending_begin) * sizeof(size_t));
    /* The unsent ones are counted again as the new unit's. */
    pool->unsent -= worker->pending_end - worker->pending_begin;
    worker->fifo_count = 0;
    worker->pending_begin = worker->pending_end = 0;
    int rc = push_unit(pool, items, remainder, true);
    free(items);
    if (rc)
        fatal(pool, rc, NULL);
}

static void close_worker(struct worker *worker)
{
    free(worker->engine_failure);
    worker->engine_failure = NULL;
    if (worker->process.command_fd >= 0)
        close(worker->process.command_fd);
    close(worker->process.event_fd);
    close(worker->process.diag_fd);
    wk_stream_free(&worker->stream);
    worker->alive = false;
}

/* Its event pipe reached EOF: reap it, and replace it when it died with
 * work left. */
static void on_exit_of(struct pool *pool, struct worker *worker)
{
    int status = 0;
    while (waitpid(worker->process.pid, &status, 0) < 0 && errno == EINTR)
        ;
    read_diag(worker);
    bool clean = worker->finished && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    session_host()->log(pool->session, FASTEST_LOG_DEBUG,
                        "workers: gw%u %s at +%.3f s after %zu items in %zu batches", worker->index,
                        clean ? "finished" : "died", monotonic_now() - pool->started,
                        worker->items_sent, worker->batches);
    if (!clean && !pool->stopped && pool->rc == 0)
        on_crash(pool, worker, status);
    close_worker(worker);
    if (!clean && !pool->stopped && pool->rc == 0 && work_left(pool))
        start_worker(pool, worker);
}

static void on_readable(struct pool *pool, struct worker *worker)
{
    bool eof = false;
    int rc = wk_stream_fill(&worker->stream, worker->process.event_fd, &eof);
    if (rc) {
        fatal(pool, rc, format("cannot read from worker gw%u", worker->index));
        return;
    }
    struct wire_frame frame;
    char *error = NULL;
    while (pool->rc == 0 && (rc = wk_stream_next(&worker->stream, &frame, &error)) == 1)
        on_frame(pool, worker, &frame);
    if (rc < 0) {
        fatal(pool, rc, format("worker gw%u: %s", worker->index, error));
        free(error);
    }
    if (eof && pool->rc == 0)
        on_exit_of(pool, worker);
}

/* --- timeouts --- */

/* How long the worker's running item (its head) may take: its timeout
 * mark's seconds, else --timeout; 0 for no limit. */
static double limit_of(const struct pool *pool, const struct worker *worker)
{
    const struct ft_session_item *item = &pool->session->items[head_item(worker)];
    return item->has_timeout_mark ? item->timeout_mark : pool->timeout;
}

static bool timing(const struct pool *pool, const struct worker *worker)
{
    return worker->alive && !worker->timed_out && worker->fifo_count &&
           (worker->busy || worker->finishing) && limit_of(pool, worker) > 0;
}

/* Milliseconds until the next item's limit expires, or -1. */
static int poll_timeout(const struct pool *pool)
{
    double soonest = -1;
    double current = monotonic_now();
    for (size_t i = 0; i < pool->slots; i++) {
        const struct worker *worker = &pool->workers[i];
        if (!timing(pool, worker))
            continue;
        double left = worker->clock + limit_of(pool, worker) - current;
        if (soonest < 0 || left < soonest)
            soonest = left > 0 ? left : 0;
    }
    return soonest < 0 ? -1 : (int)(soonest * 1000) + 1;
}

/* A test past its limit: faulthandler dumps where it hangs (SIGUSR1), then
 * the worker is killed; its EOF brings the error report. */
static void expire(struct pool *pool)
{
    double current = monotonic_now();
    for (size_t i = 0; i < pool->slots; i++) {
        struct worker *worker = &pool->workers[i];
        if (!timing(pool, worker))
            continue;
        double limit = limit_of(pool, worker);
        if (current - worker->clock < limit)
            continue;
        worker->timed_out = limit;
        kill(worker->process.pid, SIGUSR1);
        struct pollfd diag = {worker->process.diag_fd, POLLIN, 0};
        while (poll(&diag, 1, 100) > 0 && (diag.revents & POLLIN))
            read_diag(worker);
        kill(worker->process.pid, SIGKILL);
    }
}

/* --- the run --- */

static bool any_alive(const struct pool *pool)
{
    for (size_t i = 0; i < pool->slots; i++)
        if (pool->workers[i].alive)
            return true;
    return false;
}

/* Whether every living worker has work out: none waits on the parent. */
static bool all_busy(const struct pool *pool)
{
    for (size_t i = 0; i < pool->slots; i++) {
        const struct worker *worker = &pool->workers[i];
        if (worker->alive && !worker->busy && !worker->finishing)
            return false;
    }
    return true;
}

/* How long the parent lets results pile up in the pipes while every
 * worker is busy: one wake-up then reads many items' frames, where one
 * per item (each worker writes at every item's end) cost the parent a
 * poll and a read per test, on cores the workers need. */
#define COALESCE_NS 1000000L

static void serve(struct pool *pool)
{
    struct pollfd fds[2 * pool->slots + 1];
    struct worker *owners[2 * pool->slots + 1];
    while (pool->rc == 0 && !pool->stopped && any_alive(pool)) {
        size_t count = 0;
        for (size_t i = 0; i < pool->slots; i++) {
            struct worker *worker = &pool->workers[i];
            if (!worker->alive)
                continue;
            owners[count] = worker;
            fds[count++] = (struct pollfd){worker->process.event_fd, POLLIN, 0};
            owners[count] = worker;
            fds[count++] = (struct pollfd){worker->process.diag_fd, POLLIN, 0};
        }
        int ready = poll(fds, count, poll_timeout(pool));
        if (ready < 0 && errno != EINTR) {
            fatal(pool, FASTEST_EIO, format("poll() failed: %s", strerror(errno)));
            break;
        }
        for (size_t i = 0; ready > 0 && i < count && pool->rc == 0; i++) {
            if (!fds[i].revents || !owners[i]->alive)
                continue;
            if (i % 2 == 1)
                read_diag(owners[i]);
            else
                on_readable(pool, owners[i]);
        }
        expire(pool);
        if (ready > 0 && all_busy(pool))
            nanosleep(&(struct timespec){0, COALESCE_NS}, NULL);
    }
}

/* The last round: the items kept to run alone (killed_beside_others), in
 * one fresh worker with no other beside it, one after another. The
 * release queue has held every item after them in the plan meanwhile. */
static void run_alone(struct pool *pool)
{
    if (pool->rc != 0 || pool->stopped || !pool->alone_count)
        return;
    pool->running_alone = true;
    int rc = push_unit(pool, pool->alone, pool->alone_count, false);
    if (rc) {
        fatal(pool, rc, NULL);
        return;
    }
    start_worker(pool, &pool->workers[0]);
    serve(pool);
}

/* Kills what is still running (a stop or a fatal error) and reaps it. */
static void shut_down(struct pool *pool)
{
    for (size_t i = 0; i < pool->slots; i++) {
        struct worker *worker = &pool->workers[i];
        if (!worker->alive)
            continue;
        kill(worker->process.pid, SIGKILL);
        while (waitpid(worker->process.pid, NULL, 0) < 0 && errno == EINTR)
            ;
        close_worker(worker);
    }
}

static int check_plan(const struct fastest_session *session, const struct fastest_worker_plan *plan,
                      char **out_error)
{
    size_t total = 0;
    for (size_t u = 0; u < plan->unit_count; u++)
        total += plan->unit_sizes[u];
    for (size_t i = 0; i < plan->item_count; i++)
        if (plan->items[i] >= session->item_count)
            total = (size_t)-1;
    if (plan->header.struct_size < sizeof(*plan) || plan->worker_count < 1 ||
        total != plan->item_count) {
        *out_error = format("workers_run: the plan's units cover %zu of its %zu items (or an "
                            "index is out of range, or worker_count is 0); fix the strategy",
                            total, plan->item_count);
        return FASTEST_EINVAL;
    }
    return 0;
}

int wk_run(struct fastest_session *session, const struct fastest_worker_plan *whole_plan,
           char **out_error)
{
    *out_error = NULL;
    double started = monotonic_now();
    int rc = check_plan(session, whole_plan, out_error);
    if (rc == 0)
        rc = pyh_engine_preload(session, whole_plan->items, whole_plan->item_count, out_error);
    /* What the workers run: the whole plan, or what measure-first left. */
    struct fastest_worker_plan rest = *whole_plan;
    size_t *rest_sizes = NULL;
    if (rc == 0 && rest.item_count > 0 && opt_is_true(session->options, WK_MEASURE_FIRST))
        rc = wk_measure_first(session, &rest, &rest_sizes, out_error);
    const struct fastest_worker_plan *plan = &rest;
    uint32_t heard_kinds = 0;
    if (rc == 0 && plan->item_count > 0)
        rc = pyh_engine_before_workers(session, &heard_kinds, out_error);
    if (rc || plan->item_count == 0) {
        free(rest_sizes);
        return rc;
    }
    session_host()->log(session, FASTEST_LOG_DEBUG,
                        "workers: %zu items in %zu units for %u workers; preloaded in %.3f s",
                        plan->item_count, plan->unit_count, plan->worker_count,
                        monotonic_now() - started);
    const char *timeout = opt_get(session->options, "timeout");
    struct pool pool = {
        .session = session,
        .plan = plan,
        .timeout = timeout ? strtod(timeout, NULL) : 0,
        .slots = plan->worker_count < plan->item_count ? plan->worker_count : plan->item_count,
        .release = wk_release_new(session, plan->items, plan->item_count, release_event, &pool),
        .scratch = arena_new(),
        .started = started,
        .heard_kinds = heard_kinds,
    };
    pool.workers = calloc(pool.slots, sizeof(*pool.workers));
    new_run_id(pool.run_id);
    msgpack_sbuffer_init(&pool.out);
    size_t offset = 0;
    rc = pool.workers && pool.release && pool.scratch ? 0 : FASTEST_ENOMEM;
    for (size_t u = 0; rc == 0 && u < plan->unit_count; u++) {
        rc = push_unit(&pool, plan->items + offset, plan->unit_sizes[u], false);
        offset += plan->unit_sizes[u];
    }
    /* A dead worker's command pipe must not kill this process. */
    void (*previous)(int) = signal(SIGPIPE, SIG_IGN);
    for (size_t i = 0; rc == 0 && pool.rc == 0 && i < pool.slots; i++)
        start_worker(&pool, &pool.workers[i]);
    session_host()->log(session, FASTEST_LOG_DEBUG, "workers: forked by +%.3f s",
                        monotonic_now() - started);
    if (rc == 0) {
        serve(&pool);
        run_alone(&pool);
    }
    shut_down(&pool);
    /* The workers are gone: what this process shared with them is its own
     * again, but write-protected until it writes each page. */
    pyh_prefault_forked_memory();
    signal(SIGPIPE, previous);
    if (rc == 0 && pool.rc) {
        rc = pool.rc;
        *out_error = pool.error ? pool.error : strdup(fastest_strerror(rc));
        pool.error = NULL;
    } else if (rc == 0 && pool.stopped) {
        rc = FASTEST_EINTR;
    }
    free(pool.error);
    for (size_t i = 0; pool.workers && i < pool.slots; i++)
        free(pool.workers[i].fifo);
    free(pool.workers);
    free(pool.queue);
    free(pool.units);
    free(pool.alone);
    msgpack_sbuffer_destroy(&pool.out);
    arena_free(pool.scratch);
    wk_release_free(pool.release);
    free(rest_sizes);
    return rc;
}
