/* Recorded durations: how long each item took in earlier runs, kept in
 * fastest's cache directory (`.fastest_cache/durations`) for the strategy
 * heuristic and the strategies' batch sizes.
 *
 * The file is text: the line "fastest durations 1", then one
 * "SECONDS<TAB>NODE_ID" line per item, sorted by node id. It is replaced
 * atomically (rename), and a file that is damaged in any way is ignored as
 * a whole: durations only ever cost time when wrong, never a result. */
#ifndef FT_CACHE_DURATIONS_H
#define FT_CACHE_DURATIONS_H

#include <stddef.h>

struct dur_entry {
    char *node_id;
    double seconds;
};

struct dur_table {
    struct dur_entry *entries; /* sorted by node_id, unique */
    size_t count, capacity;
};

/* Reads dir/durations into *out (empty when the file is missing or
 * damaged). Returns 0 or FASTEST_ENOMEM; free with dur_table_free. */
int dur_load(const char *dir, struct dur_table *out);

/* Parses the file's text (length bytes); FASTEST_EINVAL when damaged. */
int dur_parse(const char *text, size_t length, struct dur_table *out);

/* The recorded seconds for node_id, or -1 when none. */
double dur_lookup(const struct dur_table *table, const char *node_id);

/* Appends node_id's seconds to a table being collected (a copy of node_id
 * is kept; the order is restored by dur_merge). Returns 0 or
 * FASTEST_ENOMEM. */
int dur_append(struct dur_table *table, const char *node_id, double seconds);

/* Merges newer (collected with dur_append; emptied) into table: newer's
 * seconds replace table's for the same node id. Returns 0 or
 * FASTEST_ENOMEM (table unchanged). */
int dur_merge(struct dur_table *table, struct dur_table *newer);

/* Writes the table as dir/durations, creating dir as the cache directory.
 * Returns 0, or FASTEST_EIO / FASTEST_ENOMEM with *out_error (malloc'd;
 * the caller frees it). */
int dur_save(const char *dir, const struct dur_table *table, char **out_error);

void dur_table_free(struct dur_table *table);

#endif
