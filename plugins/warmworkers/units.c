#include "units.h"

#include <stdbool.h>
#include <string.h>

#include <fastest/errors.h>

static int same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

enum units_scope units_scope_of(const struct fastest_host *host,
                                const struct fastest_session *session)
{
    const char *dist = host->option(session, "dist");
    return dist && strcmp(dist, "loadfile") == 0 ? UNITS_SCOPE_MODULE : UNITS_SCOPE_CLASS;
}

unsigned units_worker_count(const struct fastest_host *host, const struct fastest_session *session,
                            unsigned fallback)
{
    int requested = host->requested_workers(session);
    if (requested < 0)
        return fallback ? fallback : 1;
    return requested > 0 ? (unsigned)requested : 1;
}

void units_free(const struct fastest_host *host, struct units *units)
{
    host->free(units->items);
    host->free(units->sizes);
    host->free(units->durations);
    host->free(units->whole);
    host->free(units->estimated);
    *units = (struct units){0};
}

/* The unit each item joins: a new one when its scope differs from the
 * previous item's, the group's own when it has an xdist_group. Fills
 * unit_of[] and returns the unit count. */
static size_t assign(enum units_scope scope, const struct fastest_item_info *info, size_t count,
                     size_t *unit_of)
{
    size_t units = 0;
    for (size_t i = 0; i < count; i++) {
        if (info[i].group) {
            size_t j = 0;
            while (j < i && !same(info[j].group, info[i].group))
                j++;
            if (j < i) {
                unit_of[i] = unit_of[j];
                continue;
            }
        } else if (i > 0 && !info[i - 1].group && same(info[i - 1].path, info[i].path) &&
                   (scope == UNITS_SCOPE_MODULE ||
                    same(info[i - 1].class_name, info[i].class_name))) {
            unit_of[i] = unit_of[i - 1];
            continue;
        }
        unit_of[i] = units++;
    }
    return units;
}

/* Which units stay on one worker: every unit under --dist loadscope and
 * loadfile, the xdist_group groups under loadgroup, and, whatever --dist
 * says, a unit with an item that shares a fixture. */
static void mark_whole(const char *dist, const struct fastest_item_info *info, size_t count,
                       const size_t *unit_of, unsigned char *whole, size_t unit_count)
{
    int every = dist && (strcmp(dist, "loadscope") == 0 || strcmp(dist, "loadfile") == 0);
    int groups = dist && strcmp(dist, "loadgroup") == 0;
    for (size_t u = 0; u < unit_count; u++)
        whole[u] = (unsigned char)every;
    for (size_t i = 0; i < count; i++)
        if ((groups && info[i].group) || info[i].shares_fixtures)
            whole[unit_of[i]] = 1;
}

int units_build(const struct fastest_host *host, struct fastest_session *session,
                enum units_scope scope, struct units *out)
{
    *out = (struct units){0};
    size_t count = host->item_count(session);
    size_t slots = count ? count : 1;
    struct fastest_item_info *info = host->alloc(slots * sizeof(*info));
    size_t *unit_of = host->alloc(slots * sizeof(size_t));
    size_t *fill = host->alloc(slots * sizeof(size_t));
    out->items = host->alloc(slots * sizeof(size_t));
    out->sizes = host->alloc(slots * sizeof(size_t));
    out->durations = host->alloc(slots * sizeof(double));
    out->whole = host->alloc(slots);
    out->estimated = host->alloc(slots);
    int rc = info && unit_of && fill && out->items && out->sizes && out->durations && out->whole &&
                     out->estimated
                 ? 0
                 : FASTEST_ENOMEM;
    double known_total = 0;
    size_t known = 0;
    for (size_t i = 0; rc == 0 && i < count; i++) {
        info[i] = (struct fastest_item_info){
            .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_item_info)};
        rc = host->item_info(session, i, &info[i]);
        if (info[i].recorded_duration >= 0) {
            known_total += info[i].recorded_duration;
            known++;
        }
    }
    if (rc == 0) {
        double estimate = known ? known_total / (double)known : 0.001;
        out->count = assign(scope, info, count, unit_of);
        out->item_count = count;
        mark_whole(host->option(session, "dist"), info, count, unit_of, out->whole, out->count);
        for (size_t u = 0; u < out->count; u++) {
            out->sizes[u] = 0;
            out->durations[u] = 0;
            out->estimated[u] = 0;
        }
        for (size_t i = 0; i < count; i++) {
            bool recorded = info[i].recorded_duration >= 0;
            out->sizes[unit_of[i]]++;
            out->durations[unit_of[i]] += recorded ? info[i].recorded_duration : estimate;
            out->estimated[unit_of[i]] |= !recorded;
        }
        /* Counting sort: each unit's items, in plan order. */
        size_t start = 0;
        for (size_t u = 0; u < out->count; u++) {
            fill[u] = start;
            start += out->sizes[u];
        }
        for (size_t i = 0; i < count; i++)
            out->items[fill[unit_of[i]]++] = i;
    }
    host->free(info);
    host->free(unit_of);
    host->free(fill);
    if (rc)
        units_free(host, out);
    return rc;
}
