/* A configuration section as pytest holds it: key -> a string, or a list of
 * strings (only pyproject.toml produces lists). Keys keep file order. */
#ifndef FT_CONFIG_TABLE_H
#define FT_CONFIG_TABLE_H

#include <stdbool.h>
#include <stddef.h>

struct cfg_value {
    char *key;
    bool is_list;
    char **items; /* a string value is items[0] with item_count 1 */
    size_t item_count;
    unsigned line; /* where the key was set; 0 when unknown (TOML) */
};

struct cfg_table {
    struct cfg_value *values;
    size_t count;
};

/* The value of key, or NULL. Owned by the table. */
struct cfg_value *table_find(const struct cfg_table *table, const char *key);
/* Adds key with an empty string (is_list false) or an empty list. Returns
 * the new value, or NULL when out of memory. The key must not exist. */
struct cfg_value *table_add(struct cfg_table *table, const char *key, bool is_list,
                            unsigned line);
/* Appends a copy of text to a list value. Returns 0 or FASTEST_ENOMEM. */
int value_append(struct cfg_value *value, const char *text);
/* Replaces a string value's text by a copy of text. Returns 0 or
 * FASTEST_ENOMEM. */
int value_set_text(struct cfg_value *value, const char *text);
/* Moves *value (key and items) to the end of table, leaving *value empty
 * (its old table may still be cleared). Returns 0 or FASTEST_ENOMEM, when
 * *value is left as it was. */
int table_adopt(struct cfg_table *table, struct cfg_value *value);
/* Releases every value; the table is left empty and reusable. */
void table_clear(struct cfg_table *table);

#endif
