/* Keeping an event beyond the callback that received it. */
#ifndef FT_SESSION_EVENT_COPY_H
#define FT_SESSION_EVENT_COPY_H

#include <fastest/event.h>

#include "plan/arena.h"

/* A deep copy of event (its strings and arrays too), owned by arena; NULL
 * when out of memory. */
struct fastest_event *event_copy(struct ft_arena *arena, const struct fastest_event *event);

#endif
