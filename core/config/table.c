#include "config/table.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

struct cfg_value *table_find(const struct cfg_table *table, const char *key)
{
    for (size_t i = 0; i < table->count; i++)
        if (strcmp(table->values[i].key, key) == 0)
            return &table->values[i];
    return NULL;
}

struct cfg_value *table_add(struct cfg_table *table, const char *key, bool is_list,
                            unsigned line)
{
    struct cfg_value *grown = realloc(table->values, (table->count + 1) * sizeof(*grown));
    if (!grown)
        return NULL;
    table->values = grown;
    struct cfg_value *value = &grown[table->count];
    *value = (struct cfg_value){.key = strdup(key), .is_list = is_list, .line = line};
    if (!value->key)
        return NULL;
    table->count++;
    if (!is_list && value_append(value, "") != 0)
        return NULL;
    return value;
}

int table_adopt(struct cfg_table *table, struct cfg_value *value)
{
    struct cfg_value *grown = realloc(table->values, (table->count + 1) * sizeof(*grown));
    if (!grown)
        return FASTEST_ENOMEM;
    table->values = grown;
    grown[table->count++] = *value;
    *value = (struct cfg_value){0};
    return 0;
}

int value_append(struct cfg_value *value, const char *text)
{
    char **grown = realloc(value->items, (value->item_count + 1) * sizeof(*grown));
    if (!grown)
        return FASTEST_ENOMEM;
    value->items = grown;
    grown[value->item_count] = strdup(text);
    if (!grown[value->item_count])
        return FASTEST_ENOMEM;
    value->item_count++;
    return 0;
}

int value_set_text(struct cfg_value *value, const char *text)
{
    char *copy = strdup(text);
    if (!copy)
        return FASTEST_ENOMEM;
    free(value->items[0]);
    value->items[0] = copy;
    return 0;
}

void table_clear(struct cfg_table *table)
{
    for (size_t i = 0; i < table->count; i++) {
        for (size_t j = 0; j < table->values[i].item_count; j++)
            free(table->values[i].items[j]);
        free(table->values[i].items);
        free(table->values[i].key);
    }
    free(table->values);
    table->values = NULL;
    table->count = 0;
}
