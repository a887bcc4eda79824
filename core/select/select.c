#include "select/select.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "select/expression.h"

/* Case-insensitive substring search (KeywordMatcher lowers both sides;
 * ASCII folding, which is what node names use). */
static bool contains_folded(const char *haystack, const char *needle)
{
    size_t length = strlen(needle);
    for (; *haystack; haystack++)
        if (strncasecmp(haystack, needle, length) == 0)
            return true;
    return length == 0;
}

static bool keyword_matcher(void *context, const char *ident)
{
    const struct plan_item *item = context;
    for (size_t i = 0; i < item->keyword_count; i++)
        if (contains_folded(item->keywords[i], ident))
            return true;
    return false;
}

static bool mark_matcher(void *context, const char *ident)
{
    const struct plan_item *item = context;
    for (size_t i = 0; i < item->mark_count; i++)
        if (strcmp(item->marks[i].name, ident) == 0)
            return true;
    return false;
}

static int compile_option(struct ft_plan *plan, const char *option, const char *input,
                          struct sel_expression **out, char **out_error)
{
    char *detail = NULL;
    int rc = sel_compile(plan_arena(plan), input, out, &detail);
    if (rc == FASTEST_EUSAGE) {
        if (asprintf(out_error, "Wrong expression passed to '%s': %s: %s", option, input,
                     detail ? detail : "") < 0)
            *out_error = NULL;
    } else if (rc) {
        *out_error = strdup(fastest_strerror(rc));
    }
    free(detail);
    return rc;
}

int sel_apply(const struct disc_settings *settings, struct ft_plan *plan,
              struct sel_counts *out_counts, char **out_error)
{
    *out_error = NULL;
    struct sel_expression *keyword = NULL, *markexpr = NULL;
    int rc = 0;
    /* deselect_by_keyword lstrips -k and skips an empty one; -m is taken
     * as given. */
    const char *keyword_text = settings->keyword;
    while (keyword_text && *keyword_text && strchr(" \t\n\r\f\v", *keyword_text))
        keyword_text++;
    if (keyword_text && *keyword_text)
        rc = compile_option(plan, "-k", keyword_text, &keyword, out_error);
    if (!rc && settings->markexpr && *settings->markexpr)
        rc = compile_option(plan, "-m", settings->markexpr, &markexpr, out_error);
    if (rc)
        return rc;
    size_t count = plan_item_count(plan);
    struct sel_counts counts = {0};
    for (size_t i = 0; i < count; i++) {
        struct plan_item *item = plan_item_at(plan, i);
        if (!item) {
            *out_error = strdup("out of memory selecting items");
            return FASTEST_ENOMEM;
        }
        bool keep = true;
        if (keyword && !sel_evaluate(keyword, keyword_matcher, item))
            keep = false;
        if (keep && markexpr && !sel_evaluate(markexpr, mark_matcher, item))
            keep = false;
        for (size_t d = 0; keep && d < settings->deselect_count; d++)
            if (strncmp(item->node_id, settings->deselect[d], strlen(settings->deselect[d])) == 0)
                keep = false;
        item->deselected = !keep;
        if (keep)
            counts.selected++;
        else
            counts.deselected++;
    }
    if (out_counts)
        *out_counts = counts;
    return 0;
}
