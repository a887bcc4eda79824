#include "worker/release.h"

#include <stdlib.h>

#include <fastest/errors.h>

#include "plan/arena.h"
#include "session/event_copy.h"
#include "session/session.h"

enum slot_state { SLOT_UNSCHEDULED, SLOT_RUNNING, SLOT_DONE, SLOT_DROPPED };

struct held_event {
    struct fastest_event *event;
    struct held_event *next;
};

/* Each held item's events live in the item's own small arena, freed when
 * they are released: the memory goes back to malloc, which gives it to
 * the items held next. (One arena for all, freed at the end, grew by what
 * every worker but the first sent, and new memory costs a page fault a
 * page; in the process that forked the workers, whose pages they share, a
 * costly one.) */
enum { SLOT_ARENA_BLOCK = 2048 };

struct slot {
    unsigned char state;
    /* Its events the sink has, counted while it runs; and, once it runs
     * again from its start (wk_release_rerun), how many of the new run's
     * first events the sink has already: those are not handed over. */
    unsigned handed, known;
    struct ft_arena *arena; /* its held events, or NULL */
    struct held_event *first, *last;
};

struct wk_release {
    struct fastest_session *session;
    fastest_event_sink sink;
    void *sink_context;
    struct slot *slots;     /* one per plan item */
    size_t next;            /* the first plan index not yet released */
    size_t remaining;       /* scheduled items not yet released */
    size_t maxfail;         /* -x is 1; 0: never stop */
    bool stopped;
};

struct wk_release *wk_release_new(struct fastest_session *session, const size_t *items,
                                  size_t count, fastest_event_sink sink, void *sink_context)
{
    struct wk_release *release = calloc(1, sizeof(*release));
    if (!release)
        return NULL;
    release->session = session;
    release->sink = sink;
    release->sink_context = sink_context;
    /* Read once: an option lookup per released item showed in profiles. */
    long maxfail = opt_is_true(session->options, "exitfirst")
                       ? 1
                       : opt_get_long(session->options, "maxfail", 0);
    release->maxfail = maxfail > 0 ? (size_t)maxfail : 0;
    release->slots = calloc(session->item_count + 1, sizeof(*release->slots));
    if (!release->slots) {
        wk_release_free(release);
        return NULL;
    }
    for (size_t i = 0; i < count; i++)
        if (items[i] < session->item_count && release->slots[items[i]].state == SLOT_UNSCHEDULED) {
            release->slots[items[i]].state = SLOT_RUNNING;
            release->remaining++;
        }
    while (release->next < session->item_count &&
           release->slots[release->next].state == SLOT_UNSCHEDULED)
        release->next++;
    return release;
}

void wk_release_free(struct wk_release *release)
{
    if (!release)
        return;
    for (size_t i = 0; release->slots && i < release->session->item_count; i++)
        arena_free(release->slots[i].arena);
    free(release->slots);
    free(release);
}

/* --maxfail reached, or an interruption released (pytest's session stops). */
static bool stop_reached(const struct wk_release *release)
{
    const struct fastest_session *session = release->session;
    if (session->tally.interrupted || session->tally.exit_requested)
        return true;
    return release->maxfail && session->tally.failed + session->tally.errors >= release->maxfail;
}

static void forget_held(struct slot *slot)
{
    arena_free(slot->arena);
    slot->arena = NULL;
    slot->first = slot->last = NULL;
}

static void hand_over(struct wk_release *release, struct slot *slot,
                      const struct fastest_event *event)
{
    slot->handed++;
    release->sink(release->sink_context, event);
}

static void emit_held(struct wk_release *release, struct slot *slot)
{
    for (struct held_event *held = slot->first; held; held = held->next)
        hand_over(release, slot, held->event);
    forget_held(slot);
}

/* Releases every finished item at the head of the line, and the held
 * events of the one that is next (its later events then go straight
 * through). */
static void advance(struct wk_release *release)
{
    size_t count = release->session->item_count;
    while (!release->stopped && release->next < count) {
        struct slot *slot = &release->slots[release->next];
        emit_held(release, slot);
        if (slot->state == SLOT_RUNNING)
            return;
        if (slot->state != SLOT_UNSCHEDULED)
            release->remaining--;
        release->next++;
        release->stopped = stop_reached(release);
    }
}

int wk_release_add(struct wk_release *release, size_t item, const struct fastest_event *event)
{
    if (release->stopped || item >= release->session->item_count)
        return 0;
    struct slot *slot = &release->slots[item];
    if (slot->known) {
        slot->known--;
        return 0;
    }
    if (item == release->next && !slot->first) {
        hand_over(release, slot, event);
        return 0;
    }
    if (!slot->arena && !(slot->arena = arena_new_sized(SLOT_ARENA_BLOCK)))
        return FASTEST_ENOMEM;
    struct held_event *held = arena_alloc(slot->arena, sizeof(*held));
    if (!held || !(held->event = event_copy(slot->arena, event)))
        return FASTEST_ENOMEM;
    if (slot->last)
        slot->last->next = held;
    else
        slot->first = held;
    slot->last = held;
    return 0;
}

bool wk_release_done(struct wk_release *release, size_t item)
{
    if (item < release->session->item_count && release->slots[item].state == SLOT_RUNNING)
        release->slots[item].state = SLOT_DONE;
    advance(release);
    return release->stopped;
}

void wk_release_drop(struct wk_release *release, size_t item)
{
    if (item < release->session->item_count && release->slots[item].state == SLOT_RUNNING) {
        release->slots[item].state = SLOT_DROPPED;
        forget_held(&release->slots[item]);
    }
    advance(release);
}

void wk_release_rerun(struct wk_release *release, size_t item)
{
    if (item >= release->session->item_count)
        return;
    struct slot *slot = &release->slots[item];
    forget_held(slot);
    slot->known = slot->handed;
    slot->handed = 0;
}

bool wk_release_complete(const struct wk_release *release)
{
    return release->stopped || release->remaining == 0;
}
