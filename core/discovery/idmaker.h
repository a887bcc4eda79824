/* pytest 7.2.1's parametrize ids (_pytest/python.py IdMaker), for values
 * known statically. */
#ifndef FT_DISCOVERY_IDMAKER_H
#define FT_DISCOVERY_IDMAKER_H

#include <stddef.h>

#include "discovery/literal.h"
#include "plan/arena.h"

/* IdMaker._idval_from_value: the id of a value, or NULL when pytest would
 * fall back to argname+index (tuples, lists, NOTSET, ...). Arena-owned.
 * Must not be called with LIT_UNKNOWN or LIT_PARAM. */
char *id_from_value(struct ft_arena *arena, const struct lit_value *value);

/* compat.ascii_escaped for str (UTF-8 in, escapes as str.encode
 * ("unicode_escape") then non-printables as \xNN) and for bytes. */
char *id_escape_str(struct ft_arena *arena, const char *text, size_t length);
char *id_escape_bytes(struct ft_arena *arena, const char *bytes, size_t length);

/* Python's repr(float) / str(float). Arena-owned. */
char *id_float_repr(struct ft_arena *arena, double value);

/* IdMaker.make_unique_parameterset_ids: ids seen more than once get the
 * suffixes 0, 1, ... in order. Replaces entries of ids with arena strings.
 * Returns 0 or FASTEST_ENOMEM. */
int id_make_unique(struct ft_arena *arena, const char **ids, size_t count);

#endif
