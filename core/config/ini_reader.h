/* INI files read the way pytest reads them (the iniconfig package):
 *   - `[name]` starts a section (text after `#`/`;` on that line ignored);
 *   - `key = value` or `key: value`, both sides stripped, inline comments
 *     kept as part of the value;
 *   - an indented line continues the previous value, joined with "\n"
 *     (an empty first value takes no leading "\n");
 *   - lines whose first non-blank is `#` or `;` are comments;
 *   - a duplicate section or key, a key before any section, a continuation
 *     with nothing to continue, or a line that is none of the above is an
 *     error reported as iniconfig reports it: "path:line: what".
 * inih does the line reading and classifies key and continuation lines;
 * see ini_reader.c for what is done around it and why. */
#ifndef FT_CONFIG_INI_READER_H
#define FT_CONFIG_INI_READER_H

#include <stddef.h>

#include "config/table.h"

struct ini_section {
    char *name;
    unsigned line;
    struct cfg_table table;
};

struct ini_document {
    struct ini_section *sections;
    size_t count;
};

/* Reads the file at path into *out (which must be zeroed). Returns 0;
 * FASTEST_ECONFIG with *out_error = "path:line: what" (or "path: cannot
 * read: why"), leaving *out empty; or FASTEST_ENOMEM. *out_error is
 * malloc'd; the caller frees it. */
int ini_read(const char *path, struct ini_document *out, char **out_error);

/* The same for text already in memory; path only names it in messages. */
int ini_read_text(const char *path, const char *text, size_t length, struct ini_document *out,
                  char **out_error);

/* The section of that name, or NULL. Owned by the document. */
const struct ini_section *ini_section(const struct ini_document *document, const char *name);

void ini_document_clear(struct ini_document *document);

#endif
