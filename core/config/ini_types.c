#include "config/ini_types.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fastest/errors.h>

#include "cli/text.h"

int cfg_list_append(struct cfg_list *list, const char *text)
{
    char **grown = realloc(list->items, (list->count + 1) * sizeof(*grown));
    if (!grown)
        return FASTEST_ENOMEM;
    list->items = grown;
    grown[list->count] = strdup(text);
    if (!grown[list->count])
        return FASTEST_ENOMEM;
    list->count++;
    return 0;
}

void cfg_list_free(struct cfg_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = 0;
}

int cfg_split_args(const char *text, struct cfg_list *out, char **out_error)
{
    size_t length = strlen(text);
    char *word = malloc(length + 1);
    if (!word)
        return FASTEST_ENOMEM;
    const char *c = text;
    int rc = 0;
    while (!rc) {
        while (isspace((unsigned char)*c))
            c++;
        if (!*c)
            break;
        size_t used = 0;
        /* A word runs to the next blank outside quotes; quoted parts and
         * escapes join it ("a'b c'd" is one word). */
        while (*c && !isspace((unsigned char)*c) && !rc) {
            if (*c == '\\') {
                if (!c[1]) {
                    *out_error = ft_format("No escaped character");
                    rc = FASTEST_EINVAL;
                    break;
                }
                word[used++] = c[1];
                c += 2;
            } else if (*c == '\'' || *c == '"') {
                char quote = *c++;
                while (*c && *c != quote) {
                    if (quote == '"' && *c == '\\' && (c[1] == '"' || c[1] == '\\'))
                        c++;
                    word[used++] = *c++;
                }
                if (!*c) {
                    *out_error = ft_format("No closing quotation");
                    rc = FASTEST_EINVAL;
                    break;
                }
                c++;
            } else {
                word[used++] = *c++;
            }
        }
        if (rc)
            break;
        word[used] = '\0';
        rc = cfg_list_append(out, word);
    }
    free(word);
    if (rc == FASTEST_EINVAL && !*out_error)
        rc = FASTEST_ENOMEM;
    return rc;
}

int cfg_split_lines(const char *text, struct cfg_list *out)
{
    while (*text) {
        size_t length = strcspn(text, "\n");
        const char *start = text;
        const char *end = text + length;
        while (start < end && isspace((unsigned char)*start))
            start++;
        while (end > start && isspace((unsigned char)end[-1]))
            end--;
        if (end > start) {
            char *line = strndup(start, (size_t)(end - start));
            int rc = line ? cfg_list_append(out, line) : FASTEST_ENOMEM;
            free(line);
            if (rc)
                return rc;
        }
        text += length + (text[length] ? 1 : 0);
    }
    return 0;
}

int cfg_parse_bool(const char *text, bool *out_value)
{
    static const char *const truths[] = {"y", "yes", "t", "true", "on", "1"};
    static const char *const falsehoods[] = {"n", "no", "f", "false", "off", "0"};
    while (isspace((unsigned char)*text))
        text++;
    size_t length = strlen(text);
    while (length && isspace((unsigned char)text[length - 1]))
        length--;
    for (size_t i = 0; i < sizeof(truths) / sizeof(truths[0]); i++) {
        if (strlen(truths[i]) == length && strncasecmp(text, truths[i], length) == 0)
            return *out_value = true, 0;
        if (strlen(falsehoods[i]) == length && strncasecmp(text, falsehoods[i], length) == 0)
            return *out_value = false, 0;
    }
    return FASTEST_EINVAL;
}
