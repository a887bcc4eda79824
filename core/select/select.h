/* Selection: pytest's -k, -m and --deselect over a plan's items, in
 * pytest's order (deselect_by_keyword, deselect_by_mark, then main's
 * --deselect prefixes). Items stay in the plan, marked `deselected`. */
#ifndef FT_SELECT_SELECT_H
#define FT_SELECT_SELECT_H

#include <stddef.h>

#include "discovery/settings.h"
#include "plan/plan.h"

struct sel_counts {
    size_t selected;
    size_t deselected;
};

/* Applies settings->keyword, ->markexpr and ->deselect. Returns 0, or
 * FASTEST_EUSAGE with *out_error (malloc'd, the caller frees) holding
 * pytest's message, e.g. "Wrong expression passed to '-k': a and (: at
 * column 8: expected not OR left parenthesis OR identifier; got end of
 * input" (pytest prints it after "ERROR: " and exits 4), or FASTEST_ENOMEM.
 * Dynamic placeholders are matched by what is known of them: the engine
 * re-applies selection to the items it resolves. */
int sel_apply(const struct disc_settings *settings, struct ft_plan *plan,
              struct sel_counts *out_counts, char **out_error);

#endif
