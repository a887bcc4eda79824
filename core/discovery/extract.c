/* The static extractor's entry: the source checks Python makes before it
 * compiles a module (NUL bytes, encoding, syntax), the parse, and the
 * helpers every part of the extractor shares. The module walk itself is in
 * module.c; it mirrors pytest 7.2.1's PyCollector.collect / Class.collect /
 * UnitTestCase.collect and leaves to import (marks `dynamic`) whatever it
 * cannot decide. */
#include "discovery/extract.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "discovery/extractor.h"
#include "discovery/module.h"
#include "discovery/namespace.h"
#include "discovery/warning.h"

const TSLanguage *tree_sitter_python(void);

/* --- small helpers ------------------------------------------------------ */

void *ex_push(struct extractor *ex, void **array, size_t *count, size_t *capacity, size_t size)
{
    if (*count == *capacity) {
        size_t grown = *capacity ? *capacity * 2 : 8;
        void *bigger = arena_alloc(ex->arena, grown * size);
        if (!bigger)
            return NULL;
        if (*count)
            memcpy(bigger, *array, *count * size);
        *array = bigger;
        *capacity = grown;
    }
    char *slot = (char *)*array + (*count)++ * size;
    memset(slot, 0, size);
    return slot;
}

void ex_mark_dynamic(struct extractor *ex, TSNode node, const char *format, ...)
{
    ex->module->flags |= PLAN_FILE_DYNAMIC;
    if (ex->module->dynamic_reason)
        return;
    va_list args;
    va_start(args, format);
    char *reason = arena_vprintf(ex->arena, format, args);
    va_end(args);
    if (reason && !ts_node_is_null(node))
        reason = arena_printf(ex->arena, "line %u: %s", ts_node_start_point(node).row + 1, reason);
    ex->module->dynamic_reason = reason;
}

char *ex_text(struct extractor *ex, TSNode node)
{
    return lit_node_text(ex->arena, ex->source, node);
}

bool ex_is(const struct extractor *ex, TSNode node, const char *text)
{
    return !ts_node_is_null(node) && lit_node_is(ex->source, node, text);
}

bool ex_type_is(TSNode node, const char *type)
{
    return !ts_node_is_null(node) && strcmp(ts_node_type(node), type) == 0;
}

/* --- source checks ----------------------------------------------------- */

static bool valid_utf8(const unsigned char *text, size_t length)
{
    for (size_t i = 0; i < length;) {
        unsigned char c = text[i];
        size_t extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2
                                  : (c & 0xF8) == 0xF0   ? 3
                                                         : 9;
        if (extra == 9 || i + extra >= length + (extra == 0))
            return false;
        for (size_t k = 1; k <= extra; k++)
            if ((text[i + k] & 0xC0) != 0x80)
                return false;
        i += extra + 1;
    }
    return true;
}

/* A PEP 263 cookie naming something else than UTF-8 in the first two lines. */
static bool foreign_encoding(const char *source, size_t length)
{
    size_t line_end = 0;
    for (int line = 0; line < 2 && line_end < length; line++) {
        size_t start = line_end;
        while (line_end < length && source[line_end] != '\n')
            line_end++;
        const char *cookie = memmem(source + start, line_end - start, "coding", 6);
        if (cookie && memchr(source + start, '#', (size_t)(cookie - source - start))) {
            const char *p = cookie + 6;
            if (p < source + line_end && (*p == ':' || *p == '=')) {
                p++;
                while (p < source + line_end && (*p == ' ' || *p == '\t'))
                    p++;
                return !(strncasecmp(p, "utf-8", 5) == 0 || strncasecmp(p, "utf8", 4) == 0);
            }
        }
        line_end++;
    }
    return false;
}

static void set_error(struct extractor *ex, const char *message, int line)
{
    ex->module->error = arena_strdup(ex->arena, message);
    ex->module->error_line = line;
    ex->module->flags |= PLAN_FILE_ERROR_NEEDS_IMPORT;
}

/* The first ERROR or MISSING node, for the line of a syntax error. */
static int first_error_line(TSNode node)
{
    if (ts_node_is_missing(node) || ex_type_is(node, "ERROR"))
        return (int)ts_node_start_point(node).row;
    uint32_t count = ts_node_child_count(node);
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_child(node, i);
        if (ts_node_has_error(child))
            return first_error_line(child);
    }
    return (int)ts_node_start_point(node).row;
}

int disc_extract(struct ft_arena *arena, const char *source, size_t length,
                 const struct disc_patterns *patterns, bool is_conftest,
                 struct disc_module **out, char **out_error)
{
    struct disc_module *module = arena_alloc(arena, sizeof *module);
    if (!module) {
        *out_error = strdup("out of memory extracting a module");
        return FASTEST_ENOMEM;
    }
    module->error_line = -1;
    *out = module;
    struct extractor ex = {
        .arena = arena,
        .source = source,
        .patterns = patterns,
        .is_conftest = is_conftest,
        .module = module,
    };
    ex.scope = (struct lit_scope){
        .source = source,
        .resolve = disc_resolve_name,
        .is_param_call = ex_is_param_call,
        .context = &ex,
    };
    if (memchr(source, '\0', length)) {
        set_error(&ex, "SyntaxError: source code cannot contain null bytes", -1);
        return 0;
    }
    if (foreign_encoding(source, length)) {
        ex_mark_dynamic(&ex, (TSNode){0}, "the file declares an encoding other than UTF-8");
        return 0;
    }
    size_t skip = length >= 3 && memcmp(source, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (!valid_utf8((const unsigned char *)source + skip, length - skip)) {
        set_error(&ex, "SyntaxError: (unicode error) 'utf-8' codec can't decode the source",
                  -1);
        return 0;
    }
    TSParser *parser = ts_parser_new();
    if (!parser || !ts_parser_set_language(parser, tree_sitter_python())) {
        if (parser)
            ts_parser_delete(parser);
        *out_error = strdup("the tree-sitter-python grammar does not match libtree-sitter's "
                            "ABI: rebuild fastest against the installed libtree-sitter");
        return FASTEST_EINVAL;
    }
    TSTree *tree = ts_parser_parse_string(parser, NULL, source, (uint32_t)length);
    if (!tree) {
        ts_parser_delete(parser);
        *out_error = strdup("out of memory parsing a module");
        return FASTEST_ENOMEM;
    }
    TSNode root = ts_tree_root_node(tree);
    if (ts_node_has_error(root)) {
        int line = first_error_line(root);
        char message[64];
        snprintf(message, sizeof message, "SyntaxError: invalid syntax (line %d)", line + 1);
        set_error(&ex, message, line);
    } else {
        disc_collect_module(&ex, root);
        disc_sort_warnings(&ex);
    }
    ts_tree_delete(tree);
    ts_parser_delete(parser);
    return 0;
}
