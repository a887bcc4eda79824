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

struct slot {
    unsigned char state;
    struct held_event *first, *last;
};

struct wk_release {
    struct fastest_session *session;
    struct ft_arena *arena; /* the held events */
    struct slot *slots;     /* one per plan item */
    size_t next;            /* the first plan index not yet released */
    size_t remaining;       /* scheduled items not yet released */
    size_t maxfail;         /* -x is 1; 0: never stop */
    bool stopped;
};

struct wk_release *wk_release_new(struct fastest_session *session, const size_t *items,
                                  size_t count)
{
    struct wk_release *release = calloc(1, sizeof(*release));
    if (!release)
        return NULL;
    release->session = session;
    /* Read once: an option lookup per released item showed in profiles. */
    long maxfail = opt_is_true(session->options, "exitfirst")
                       ? 1
                       : opt_get_long(session->options, "maxfail", 0);
    release->maxfail = maxfail > 0 ? (size_t)maxfail : 0;
    release->arena = arena_new();
    release->slots = calloc(session->item_count + 1, sizeof(*release->slots));
    if (!release->arena || !release->slots) {
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
    arena_free(release->arena);
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

static void emit_held(struct wk_release *release, struct slot *slot)
{
    for (struct held_event *held = slot->first; held; held = held->next)
        session_emit(release->session, held->event);
    slot->first = slot->last = NULL;
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
    if (item == release->next && !slot->first) {
        session_emit(release->session, event);
        return 0;
    }
    struct held_event *held = arena_alloc(release->arena, sizeof(*held));
    if (!held || !(held->event = event_copy(release->arena, event)))
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
        release->slots[item].first = release->slots[item].last = NULL;
    }
    advance(release);
}

bool wk_release_complete(const struct wk_release *release)
{
    return release->stopped || release->remaining == 0;
}
