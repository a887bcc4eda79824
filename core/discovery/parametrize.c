/* @pytest.mark.parametrize to item ids, as pytest 7.2.1's
 * Metafunc.parametrize and IdMaker compute them, for literal arguments. */
#include <string.h>

#include "discovery/extractor.h"
#include "discovery/idmaker.h"

/* One parameter set of one parametrize call. */
struct param_set {
    const struct lit_value *const *values; /* NULL for the empty-set NOTSET */
    const char *explicit_id;               /* pytest.param(id=...), escaped */
    struct mark_list marks;
};

struct parametrize_call {
    const char **argnames;
    size_t argname_count;
    const struct lit_value *argvalues;
    const struct lit_value *ids; /* NULL when not given or None */
};

static const struct lit_value *eval(struct extractor *ex, TSNode node)
{
    return lit_eval(ex->arena, &ex->scope, node);
}

/* Reads the arguments of one parametrize mark. False when not literal. */
static bool read_call(struct extractor *ex, TSNode args, struct parametrize_call *call)
{
    if (ts_node_is_null(args))
        return false;
    memset(call, 0, sizeof *call);
    const struct lit_value *argnames = NULL;
    uint32_t count = lit_named_count(args);
    int positional = 0;
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_named_child(args, i);
        if (ex_type_is(child, "comment"))
            continue;
        if (ex_type_is(child, "keyword_argument")) {
            TSNode name = ts_node_child_by_field_name(child, "name", 4);
            TSNode value = ts_node_child_by_field_name(child, "value", 5);
            if (ex_is(ex, name, "argnames"))
                argnames = eval(ex, value);
            else if (ex_is(ex, name, "argvalues"))
                call->argvalues = eval(ex, value);
            else if (ex_is(ex, name, "ids")) {
                const struct lit_value *ids = eval(ex, value);
                if (ids->kind != LIT_NONE)
                    call->ids = ids;
            } else if (!ex_is(ex, name, "indirect") && !ex_is(ex, name, "scope"))
                return false;
            continue;
        }
        if (ex_type_is(child, "list_splat") || ex_type_is(child, "dictionary_splat"))
            return false;
        if (positional == 0)
            argnames = eval(ex, child);
        else if (positional == 1)
            call->argvalues = eval(ex, child);
        else
            return false; /* indirect/ids/scope given positionally: rare */
        positional++;
    }
    if (!argnames || !call->argvalues)
        return false;
    if (call->argvalues->kind != LIT_LIST && call->argvalues->kind != LIT_TUPLE)
        return false;
    if (call->ids && call->ids->kind != LIT_LIST && call->ids->kind != LIT_TUPLE)
        return false;

    /* "a, b" or ("a", "b"): pytest strips and drops empty names. */
    if (argnames->kind == LIT_STR) {
        size_t length = argnames->length;
        call->argnames = arena_alloc(ex->arena, (length + 1) * sizeof *call->argnames);
        if (!call->argnames)
            return false;
        const char *text = argnames->text, *end = text + length;
        while (text <= end) {
            const char *comma = memchr(text, ',', (size_t)(end - text));
            const char *stop = comma ? comma : end;
            const char *first = text, *last = stop;
            while (first < last && (*first == ' ' || *first == '\t' || *first == '\n'))
                first++;
            while (last > first && (last[-1] == ' ' || last[-1] == '\t' || last[-1] == '\n'))
                last--;
            if (last > first)
                call->argnames[call->argname_count++] =
                    arena_strndup(ex->arena, first, (size_t)(last - first));
            text = stop + 1;
        }
    } else if (argnames->kind == LIT_LIST || argnames->kind == LIT_TUPLE) {
        call->argnames =
            arena_alloc(ex->arena, (argnames->item_count + 1) * sizeof *call->argnames);
        if (!call->argnames)
            return false;
        for (size_t i = 0; i < argnames->item_count; i++) {
            if (argnames->items[i]->kind != LIT_STR)
                return false;
            call->argnames[call->argname_count++] = argnames->items[i]->text;
        }
    } else {
        return false;
    }
    return call->argname_count > 0;
}

/* ParameterSet._for_parametrize: each argvalue as a parameter set. */
static bool read_param_sets(struct extractor *ex, const struct parametrize_call *call,
                            struct param_set **out, size_t *out_count)
{
    size_t count = call->argvalues->item_count;
    struct param_set *sets = arena_alloc(ex->arena, (count ? count : 1) * sizeof *sets);
    if (!sets)
        return false;
    if (count == 0) {
        /* An empty parameter set: one NOTSET set with the
         * empty_parameter_set_mark (skip by default). */
        struct mark_ref *skip = EX_PUSH(ex, sets[0].marks.marks, sets[0].marks.count,
                                        sets[0].marks.capacity);
        if (!skip)
            return false;
        skip->name = "skip";
        *out = sets;
        *out_count = 1;
        return true;
    }
    for (size_t i = 0; i < count; i++) {
        const struct lit_value *value = call->argvalues->items[i];
        struct param_set *set = &sets[i];
        if (value->kind == LIT_PARAM) {
            if (value->param_id_unknown || value->item_count != call->argname_count)
                return false;
            set->values = value->items;
            if (value->param_id &&
                !(set->explicit_id = id_escape_str(ex->arena, value->param_id,
                                                   strlen(value->param_id))))
                return false;
            if (!ts_node_is_null(value->param_marks) &&
                !ex_collect_marks(ex, value->param_marks, &set->marks))
                return false;
        } else if (call->argname_count == 1) {
            const struct lit_value **single = arena_alloc(ex->arena, sizeof *single);
            if (!single)
                return false;
            single[0] = value;
            set->values = single;
        } else {
            if ((value->kind != LIT_TUPLE && value->kind != LIT_LIST) ||
                value->item_count != call->argname_count)
                return false; /* pytest reports a collection error */
            set->values = value->items;
        }
    }
    *out = sets;
    *out_count = count;
    return true;
}

/* IdMaker._resolve_ids + make_unique_parameterset_ids. */
static const char **make_ids(struct extractor *ex, const struct parametrize_call *call,
                             const struct param_set *sets, size_t count)
{
    if (call->ids && call->ids->item_count != count)
        return NULL; /* pytest: "N parameter sets specified, with different number of ids" */
    const char **ids = arena_alloc(ex->arena, count * sizeof *ids);
    if (!ids)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        const struct param_set *set = &sets[i];
        if (set->explicit_id) {
            ids[i] = set->explicit_id;
            continue;
        }
        if (call->ids && call->ids->items[i]->kind != LIT_NONE) {
            const struct lit_value *given = call->ids->items[i];
            if (given->kind == LIT_TUPLE || given->kind == LIT_LIST || given->kind == LIT_PARAM)
                return NULL; /* pytest fails: unsupported id type */
            if (!(ids[i] = id_from_value(ex->arena, given)))
                return NULL;
            continue;
        }
        const char *joined = "";
        for (size_t a = 0; a < call->argname_count; a++) {
            const char *part = set->values ? id_from_value(ex->arena, set->values[a]) : NULL;
            if (!part)
                part = arena_printf(ex->arena, "%s%zu", call->argnames[a], i);
            joined = a == 0 ? part : arena_printf(ex->arena, "%s-%s", joined, part);
            if (!joined)
                return NULL;
        }
        ids[i] = joined;
    }
    if (id_make_unique(ex->arena, ids, count))
        return NULL;
    return ids;
}

static bool takes_argument(const char *const *argnames, size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(argnames[i], name) == 0)
            return true;
    return false;
}

bool ex_expand_parametrize(struct extractor *ex, const struct mark_ref *marks, size_t mark_count,
                           const char *const *argnames, size_t argname_count,
                           struct callspec **out_calls, size_t *out_count)
{
    struct callspec *calls = NULL;
    size_t call_count = 0;
    const char **used_names = NULL;
    size_t used_count = 0, used_capacity = 0;
    for (size_t m = 0; m < mark_count; m++) {
        if (strcmp(marks[m].name, "parametrize") != 0)
            continue;
        struct parametrize_call call;
        if (!read_call(ex, marks[m].args, &call))
            return false;
        for (size_t a = 0; a < call.argname_count; a++) {
            /* Unknown arguments (indirect fixtures, typos) and duplicates
             * are pytest's to judge. */
            if (!takes_argument(argnames, argname_count, call.argnames[a]) ||
                takes_argument((const char *const *)used_names, used_count, call.argnames[a]))
                return false;
            const char **slot = EX_PUSH(ex, used_names, used_count, used_capacity);
            if (!slot)
                return false;
            *slot = call.argnames[a];
        }
        struct param_set *sets;
        size_t set_count;
        if (!read_param_sets(ex, &call, &sets, &set_count))
            return false;
        const char **ids = make_ids(ex, &call, sets, set_count);
        if (!ids)
            return false;
        /* Metafunc.parametrize: every existing call times every new set. */
        size_t base_count = call_count ? call_count : 1;
        struct callspec *combined =
            arena_alloc(ex->arena, base_count * set_count * sizeof *combined);
        if (!combined)
            return false;
        size_t next = 0;
        for (size_t b = 0; b < base_count; b++) {
            for (size_t s = 0; s < set_count; s++) {
                struct callspec *spec = &combined[next++];
                const struct callspec *base = call_count ? &calls[b] : NULL;
                spec->id = base ? arena_printf(ex->arena, "%s-%s", base->id, ids[s]) : ids[s];
                if (!spec->id)
                    return false;
                size_t base_marks = base ? base->marks.count : 0;
                for (size_t k = 0; k < base_marks + sets[s].marks.count; k++) {
                    struct mark_ref *slot =
                        EX_PUSH(ex, spec->marks.marks, spec->marks.count, spec->marks.capacity);
                    if (!slot)
                        return false;
                    *slot = k < base_marks ? base->marks.marks[k]
                                           : sets[s].marks.marks[k - base_marks];
                }
            }
        }
        calls = combined;
        call_count = next;
    }
    *out_calls = calls;
    *out_count = call_count;
    return true;
}
