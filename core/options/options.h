/* The run's options: every value given on the command line (after addopts
 * are merged in), keyed by pytest's `dest` names ("verbose", "keyword",
 * "junitxml", ...). Values are strings; a repeatable option keeps them all in
 * order, and the last one is "the" value. Counting flags (-v, -q) store
 * their running count as text.
 */
#ifndef FT_OPTIONS_H
#define FT_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

struct ft_options;

/* Returns a new empty store, or NULL when out of memory. Free with
 * opt_free. */
struct ft_options *opt_new(void);
void opt_free(struct ft_options *options);

/* Appends a value for dest (both copied). Returns 0 or FASTEST_ENOMEM. */
int opt_add(struct ft_options *options, const char *dest, const char *value);
/* Replaces every value of dest with this one. Returns 0 or FASTEST_ENOMEM. */
int opt_set(struct ft_options *options, const char *dest, const char *value);
/* Removes every value of dest. */
void opt_unset(struct ft_options *options, const char *dest);

/* The last value of dest, or NULL. Owned by the store. */
const char *opt_get(const struct ft_options *options, const char *dest);
/* All values of dest in order; *out_count set (0 and NULL when unset).
 * Owned by the store; valid until the next change to dest. */
const char *const *opt_values(const struct ft_options *options, const char *dest,
                              size_t *out_count);
/* The last value as an integer, or fallback when unset or not a number. */
long opt_get_long(const struct ft_options *options, const char *dest, long fallback);
/* True when dest is set to anything but "0" or "". */
bool opt_is_true(const struct ft_options *options, const char *dest);

/* True when `-p no:NAME` disabled the pytest plugin name. */
bool opt_plugin_disabled(const struct ft_options *options, const char *name);

/* Calls visit once per dest that has values, in the order dests were
 * first set. The arrays are owned by the store. */
typedef void (*opt_visit_fn)(void *context, const char *dest, const char *const *values,
                             size_t count);
void opt_each(const struct ft_options *options, opt_visit_fn visit, void *context);

#endif
