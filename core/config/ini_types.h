/* pytest's ini value types (parser.addini's `type`), turned from the text
 * a config file holds into what getini returns. */
#ifndef FT_CONFIG_INI_TYPES_H
#define FT_CONFIG_INI_TYPES_H

#include <stdbool.h>
#include <stddef.h>

/* A list of strings; free with cfg_list_free. */
struct cfg_list {
    char **items;
    size_t count;
};

/* Python's shlex.split(text) (POSIX mode, no comments), as pytest splits
 * `args` values and PYTEST_ADDOPTS: blanks separate words, '...' is
 * literal, "..." honours \" and \\, a backslash outside quotes escapes any
 * character. Appends the words to *out. Returns 0, FASTEST_EINVAL with
 * *out_error ("No closing quotation" / "No escaped character", shlex's
 * words; malloc'd, the caller frees it), or FASTEST_ENOMEM. */
int cfg_split_args(const char *text, struct cfg_list *out, char **out_error);

/* pytest's `linelist`: each line stripped, empty lines dropped. Appends to
 * *out. Returns 0 or FASTEST_ENOMEM. */
int cfg_split_lines(const char *text, struct cfg_list *out);

/* pytest's `bool` (its _strtobool on the stripped text): y, yes, t, true,
 * on, 1 / n, no, f, false, off, 0, any case. Returns 0, or FASTEST_EINVAL
 * for anything else. */
int cfg_parse_bool(const char *text, bool *out_value);

/* Appends a copy of text. Returns 0 or FASTEST_ENOMEM. */
int cfg_list_append(struct cfg_list *list, const char *text);
void cfg_list_free(struct cfg_list *list);

#endif
