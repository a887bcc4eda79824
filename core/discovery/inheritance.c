/* Class inheritance within one module: a class's bases (whether it is a
 * unittest.TestCase, whether a base comes from elsewhere), Python's MRO,
 * and attribute lookup along it. */
#include "discovery/inheritance.h"

#include <string.h>

#include "discovery/namespace.h"

static const struct binding *module_class(struct extractor *ex, TSNode base)
{
    if (!ex_type_is(base, "identifier"))
        return NULL;
    uint32_t start = ts_node_start_byte(base);
    const struct binding *entry =
        disc_lookup(&ex->module_namespace, ex->source + start, ts_node_end_byte(base) - start);
    return entry && entry->kind == BIND_CLASS && entry->bind_count == 1 && !entry->conditional
               ? entry
               : NULL;
}

void disc_scan_class(struct extractor *ex, struct class_info *info, const struct binding *entry,
                     int depth)
{
    memset(info, 0, sizeof *info);
    info->entry = entry;
    info->scanned = true;
    disc_scan_statements(ex, &info->body, ts_node_child_by_field_name(entry->definition, "body", 4),
                         false, false);
    TSNode superclasses = ts_node_child_by_field_name(entry->definition, "superclasses", 12);
    uint32_t count = lit_named_count(superclasses);
    for (uint32_t i = 0; i < count; i++) {
        TSNode base = ts_node_named_child(superclasses, i);
        if (ex_type_is(base, "comment") || ex_is(ex, base, "object"))
            continue;
        if (ex_is_testcase_base(ex, base)) {
            info->unittest = true;
            continue;
        }
        const struct binding *base_entry = module_class(ex, base);
        if (!base_entry || depth > 16 || base_entry == entry || info->base_count == 8) {
            info->unknown_base = true;
            continue;
        }
        struct class_info *base_info = arena_alloc(ex->arena, sizeof *base_info);
        if (!base_info) {
            info->unknown_base = true;
            continue;
        }
        disc_scan_class(ex, base_info, base_entry, depth + 1);
        info->unittest |= base_info->unittest;
        info->unknown_base |= base_info->unknown_base;
        info->bases[info->base_count++] = base_info;
    }
}

/* C3 linearization (Python's MRO) over classes of this module. Returns the
 * number of classes written to out, or 0 when there is none (Python would
 * raise TypeError: left to import). */
size_t disc_linearize(const struct class_info *info, const struct class_info **out, size_t max)
{
    const struct class_info *sequences[9][64];
    size_t lengths[9] = {0}, heads[9] = {0};
    size_t sequence_count = 0;
    for (size_t b = 0; b < info->base_count; b++) {
        lengths[sequence_count] = disc_linearize(info->bases[b], sequences[sequence_count], 64);
        if (!lengths[sequence_count])
            return 0;
        sequence_count++;
    }
    for (size_t b = 0; b < info->base_count; b++)
        sequences[sequence_count][b] = info->bases[b];
    lengths[sequence_count++] = info->base_count;
    size_t used = 0;
    out[used++] = info;
    for (;;) {
        const struct class_info *candidate = NULL;
        bool remaining = false;
        for (size_t s = 0; s < sequence_count && !candidate; s++) {
            if (heads[s] >= lengths[s])
                continue;
            remaining = true;
            const struct class_info *head = sequences[s][heads[s]];
            bool in_tail = false;
            for (size_t t = 0; t < sequence_count && !in_tail; t++)
                for (size_t k = heads[t] + 1; k < lengths[t] && !in_tail; k++)
                    in_tail = sequences[t][k]->entry == head->entry;
            if (!in_tail)
                candidate = head;
        }
        if (!remaining)
            return used;
        if (!candidate || used == max)
            return 0;
        out[used++] = candidate;
        for (size_t s = 0; s < sequence_count; s++)
            if (heads[s] < lengths[s] && sequences[s][heads[s]]->entry == candidate->entry)
                heads[s]++;
    }
}

/* The value of a name bound in a class body, via the MRO. */
const struct binding *disc_class_attribute(const struct class_info *const *mro, size_t count,
                                           const char *name)
{
    for (size_t i = 0; i < count; i++) {
        struct binding *entry = disc_lookup((struct namespace *)&mro[i]->body, name, strlen(name));
        if (entry)
            return entry;
    }
    return NULL;
}
