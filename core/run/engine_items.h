/* The engine's part in collection: importing the files whose items it must
 * build, and the run order it gives them. */
#ifndef FT_RUN_ENGINE_ITEMS_H
#define FT_RUN_ENGINE_ITEMS_H

#include <stdbool.h>
#include <stddef.h>

#include "plan/plan.h"

struct fastest_session;

/* The node ids the engine built, in its run order (pytest's, after its
 * reordering for higher-scoped parametrized fixtures). */
struct engine_order {
    char **node_ids;
    size_t count, capacity;
    bool *imported_files; /* per plan file: its items are the engine's */
    bool engine_collected; /* the engine imported at least one file */
    /* Per plan file: how many items static discovery had given an
     * imported file, before the engine's replaced them. */
    size_t *static_counts;
    /* Per plan file: how many items the engine built that its node names
     * (the plan file's selector) select, deselected ones included: pytest
     * finds a node id argument's items before any hook takes some away. */
    size_t *named_counts;
    /* Items a conftest's pytest_collection_modifyitems deselected
     * (config.hook.pytest_deselected): counted, never run. */
    size_t deselected_count;
    /* Items such a hook removed without deselecting them: collected in
     * pytest's count, never run. */
    size_t dropped_count;
};

/* Has the engine import, in one collection, the files that need it: every
 * collected file when import_all is true (a run: pytest imports every
 * collected module, even one whose items -k or -m will deselect, and
 * reports its import errors and module-level skips before any test runs),
 * else only the files static discovery could not decide (dynamic ones,
 * whatever selection made of their static items, and errors whose text
 * needs the import).
 * Their items in the plan are replaced by the engine's. *out_order receives the engine's
 * order (free with engine_order_free). Returns 0 or an error with
 * *out_error (malloc'd; the caller frees it). */
int engine_import_files(struct fastest_session *session, struct ft_plan *plan,
                        bool import_all, struct engine_order *out_order, char **out_error);

void engine_order_free(struct engine_order *order);

/* A node id -> plan item lookup (sorted array + binary search). */
struct item_index {
    struct plan_item **items;
    size_t count;
};
int item_index_build(struct ft_plan *plan, struct item_index *out);
struct plan_item *item_index_find(const struct item_index *index, const char *node_id);
void item_index_free(struct item_index *index);

#endif
