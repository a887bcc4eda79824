/* PytestCollectionWarnings: worded as pytest words them, and sorted into
 * the order pytest emits them in. */
#include "discovery/warning.h"

#include <string.h>

/* The text of node's first line, stripped as str.strip() strips it (what
 * warnings.formatwarning shows under the warning). */
static const char *source_line_of(struct extractor *ex, TSNode node)
{
    const char *start = ex->source + ts_node_start_byte(node) - ts_node_start_point(node).column;
    const char *end = start + strcspn(start, "\r\n");
    static const char whitespace[] = " \t\f\v\x1c\x1d\x1e\x1f";
    while (start < end && strchr(whitespace, *start))
        start++;
    while (end > start && strchr(whitespace, end[-1]))
        end--;
    return arena_strndup(ex->arena, start, (size_t)(end - start));
}

/* Records a PytestCollectionWarning about node. order_key places it in
 * pytest's emission order: the path of the collector whose collect() warns
 * (one 8-digit hex number per class down from the module, "" for the
 * module itself). pytest collects depth first and a collector warns for
 * its functions while it collects, before any of its classes collect, so
 * sorting by key (shorter first on a common prefix, stable otherwise)
 * yields pytest's order. */
static void add_warning(struct extractor *ex, enum disc_warning_kind kind, TSNode node,
                        const char *message, const char *collector, const char *order_key)
{
    struct disc_module *module = ex->module;
    struct disc_warning *warning =
        EX_PUSH(ex, module->warnings, module->warning_count, ex->warning_capacity);
    const char **key = EX_PUSH(ex, ex->warning_order, ex->warning_order_count,
                               ex->warning_order_capacity);
    if (!warning || !key || !message) {
        if (warning)
            module->warning_count--;
        return;
    }
    warning->kind = kind;
    warning->line = (int)ts_node_start_point(node).row;
    warning->message = message;
    warning->collector = collector;
    warning->source_line = source_line_of(ex, node);
    *key = order_key ? order_key : "";
}

/* Class.collect: a class with a constructor is not collected. */
void disc_add_class_warning(struct extractor *ex, const struct binding *entry,
                            const char *constructor, const char *parent_class,
                            const char *order_key)
{
    add_warning(ex, DISC_WARNING_CLASS, entry->outer,
                arena_printf(ex->arena,
                             "cannot collect test class '%s' because it has a %s constructor",
                             entry->name, constructor),
                parent_class ? arena_printf(ex->arena, "%s::%s", parent_class, entry->name)
                             : entry->name,
                order_key);
}

/* Stable insertion sort of the warnings by their order keys (warnings are
 * few). */
void disc_sort_warnings(struct extractor *ex)
{
    struct disc_warning *warnings = ex->module->warnings;
    const char **keys = ex->warning_order;
    for (size_t i = 1; i < ex->module->warning_count; i++) {
        struct disc_warning warning = warnings[i];
        const char *key = keys[i];
        size_t j = i;
        for (; j > 0 && strcmp(keys[j - 1], key) > 0; j--) {
            warnings[j] = warnings[j - 1];
            keys[j] = keys[j - 1];
        }
        warnings[j] = warning;
        keys[j] = key;
    }
}

/* A yield test's warning, and the xfail mark pytest adds to its item. */
struct mark_ref disc_add_yield_warning(struct extractor *ex, const struct binding *entry,
                                       const struct collect_context *context)
{
    const char *message = arena_printf(
        ex->arena, "yield tests were removed in pytest 4.0 - %s will be ignored", entry->name);
    add_warning(ex, DISC_WARNING_ITEM, entry->outer, message, context->class_name,
                context->order_key);
    return (struct mark_ref){
        .name = "xfail",
        .args_text = message ? arena_printf(ex->arena, "(run=False, reason='%s')", message)
                             : NULL,
    };
}
