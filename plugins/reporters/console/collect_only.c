/* --collect-only listings (TerminalReporter._printcollecteditems): node ids
 * for -q, per-file counts for -qq, else pytest 7.2's collector tree, rebuilt
 * from node ids: <Package> (flat, one per folder holding __init__.py),
 * <Module>, <Class> or <UnitTestCase>, then the item. */
#include "console.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int console_remember_collected(struct console *console, const struct fastest_event *event)
{
    if (console->collected_count == console->collected_capacity) {
        size_t capacity = console->collected_capacity ? 2 * console->collected_capacity : 64;
        struct collected_item *items = realloc(console->collected, capacity * sizeof *items);
        if (!items)
            return -1;
        console->collected = items;
        console->collected_capacity = capacity;
    }
    struct collected_item *item = &console->collected[console->collected_count];
    item->node_id = strdup(event->node_id ? event->node_id : "");
    item->node_kind = strdup(event->node_kind ? event->node_kind : "Function");
    if (!item->node_id || !item->node_kind) {
        free(item->node_id);
        free(item->node_kind);
        return -1;
    }
    console->collected_count++;
    return 0;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* -qq: "path: count" per file, sorted by path. */
static void print_file_counts(struct console *console)
{
    size_t count = console->collected_count;
    char **paths = calloc(count, sizeof *paths);
    if (!paths)
        return;
    for (size_t i = 0; i < count; i++)
        paths[i] = strndup(console->collected[i].node_id,
                           strcspn(console->collected[i].node_id, ":"));
    qsort(paths, count, sizeof *paths, compare_strings);
    struct text line = {0};
    for (size_t i = 0, run = 1; i < count; i++, run++) {
        if (i + 1 < count && paths[i] && paths[i + 1] && strcmp(paths[i], paths[i + 1]) == 0)
            continue;
        text_clear(&line);
        text_printf(&line, "%s: %zu", paths[i] ? paths[i] : "", run);
        writer_line(&console->out, text_str(&line), MARKUP_NONE);
        run = 0;
    }
    text_free(&line);
    for (size_t i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
}

#define MAX_CHAIN 16

/* One collector of an item's chain: its key (what identifies the node) and
 * its display text "<Kind name>". */
struct collector {
    struct text key;
    struct text display;
};

static bool is_package_dir(const struct console *console, const char *dir, size_t length)
{
    struct text init = {0};
    text_printf(&init, "%s/%.*s/__init__.py", console->rootdir, (int)length, dir);
    struct stat info;
    bool found = stat(text_str(&init), &info) == 0;
    text_free(&init);
    return found;
}

/* Fills chain with the collectors above and including the item; returns
 * how many. */
static size_t build_chain(const struct console *console, const struct collected_item *item,
                          struct collector *chain)
{
    const char *node_id = item->node_id;
    const char *separator = strstr(node_id, "::");
    size_t path_length = separator ? (size_t)(separator - node_id) : strlen(node_id);
    const char *slash = memrchr(node_id, '/', path_length);
    size_t count = 0;
    const char *module_name = node_id;
    if (slash && is_package_dir(console, node_id, (size_t)(slash - node_id))) {
        const char *parent = memrchr(node_id, '/', (size_t)(slash - node_id));
        const char *package = parent ? parent + 1 : node_id;
        text_printf(&chain[count].key, "P:%.*s", (int)(slash - node_id), node_id);
        text_printf(&chain[count].display, "<Package %.*s>", (int)(slash - package), package);
        count++;
        module_name = slash + 1;
    }
    text_printf(&chain[count].key, "M:%.*s", (int)path_length, node_id);
    text_printf(&chain[count].display, "<Module %.*s>",
                (int)(path_length - (size_t)(module_name - node_id)), module_name);
    count++;
    /* every "::" part: classes, then the item itself */
    const char *part = separator;
    while (part && count < MAX_CHAIN) {
        part += 2;
        const char *next = strstr(part, "::");
        size_t length = next ? (size_t)(next - part) : strlen(part);
        const char *kind = next ? (strcmp(item->node_kind, "TestCaseFunction") == 0
                                       ? "UnitTestCase"
                                       : "Class")
                                : item->node_kind;
        text_printf(&chain[count].key, "C:%.*s", (int)(part + length - node_id), node_id);
        text_printf(&chain[count].display, "<%s %.*s>", kind, (int)length, part);
        count++;
        part = next;
    }
    return count;
}

static void print_tree(struct console *console)
{
    struct collector stack[MAX_CHAIN] = {0}, chain[MAX_CHAIN] = {0};
    size_t depth = 0;
    struct text line = {0};
    for (size_t i = 0; i < console->collected_count; i++) {
        for (size_t j = 0; j < MAX_CHAIN; j++) {
            text_clear(&chain[j].key);
            text_clear(&chain[j].display);
        }
        size_t length = build_chain(console, &console->collected[i], chain);
        size_t shared = 0;
        while (shared < depth && shared < length &&
               strcmp(text_str(&stack[shared].key), text_str(&chain[shared].key)) == 0)
            shared++;
        /* pytest pops until the stack is a prefix of the chain */
        depth = shared;
        for (; depth < length; depth++) {
            text_clear(&stack[depth].key);
            text_append_str(&stack[depth].key, text_str(&chain[depth].key));
            text_clear(&line);
            for (size_t indent = 0; indent < depth; indent++)
                text_append_str(&line, "  ");
            text_append_str(&line, text_str(&chain[depth].display));
            writer_line(&console->out, text_str(&line), MARKUP_NONE);
        }
    }
    for (size_t j = 0; j < MAX_CHAIN; j++) {
        text_free(&stack[j].key);
        text_free(&stack[j].display);
        text_free(&chain[j].key);
        text_free(&chain[j].display);
    }
    text_free(&line);
}

void console_print_collected(struct console *console)
{
    if (console->settings.verbosity < -1) {
        print_file_counts(console);
    } else if (console->settings.verbosity == -1) {
        for (size_t i = 0; i < console->collected_count; i++)
            writer_line(&console->out, console->collected[i].node_id, MARKUP_NONE);
    } else {
        print_tree(console);
    }
}
