/* The directory walk (walk.c). Internal to core/discovery/. */
#ifndef FT_DISCOVERY_WALK_H
#define FT_DISCOVERY_WALK_H

#include "discovery/walker.h"

/* The dirs above the one walked, to stop at a symlink loop. */
struct dir_stack;

/* Collects dir (absolute) and what is below it into the plan; stack is
 * NULL for the walk's root. */
void disc_walk_dir(struct walker *walker, const char *dir, const struct dir_stack *stack);

#endif
