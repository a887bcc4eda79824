/* inih is driven through ini_parse_stream with a reader that hands it one
 * line at a time from memory. Three things inih does not do as iniconfig
 * does are handled around it:
 *   - the system inih is built with INI_MAX_LINE 200 and strips inline
 *     `;` comments: it gets each line cut to fit, and values are taken
 *     from the full raw line instead of from inih's copy;
 *   - it is built without INI_CALL_HANDLER_ON_NEW_SECTION, so it never
 *     reports a section that has no keys (an empty `[pytest]` counts for
 *     pytest): the reader notes section headers itself;
 *   - it accepts duplicates, keys before any section and indented lines
 *     with nothing to continue: the handler refuses them with iniconfig's
 *     messages. */
#include "config/ini_reader.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include <fastest/errors.h>

#include "cli/text.h"
#include "config/file_text.h"

struct reading {
    const char *path;
    const char *cursor, *end;
    unsigned line_number; /* of the line inih works on, 1-based */
    char *raw_line;       /* that line in full, without its newline */
    size_t raw_capacity;
    struct ini_document *document;
    struct ini_section *section; /* the current one, NULL before any */
    struct cfg_value *last_value; /* what an indented line continues */
    int rc;
    char *error; /* the first error; inih keeps going, iniconfig does not */
    unsigned error_line;
};

static const char *skip_blanks(const char *text)
{
    while (isspace((unsigned char)*text))
        text++;
    return text;
}

/* text without trailing blanks, in a new string (NULL when out of memory). */
static char *strip_copy(const char *text, size_t length)
{
    text = skip_blanks(text);
    length = strlen(text) < length ? strlen(text) : length;
    while (length && isspace((unsigned char)text[length - 1]))
        length--;
    return strndup(text, length);
}

static void fail(struct reading *r, unsigned line, char *message)
{
    if (r->error && r->error_line <= line) {
        free(message);
        return;
    }
    free(r->error);
    r->error = message ? ft_format("%s:%u: %s", r->path, line, message) : NULL;
    r->error_line = line;
    r->rc = r->error ? FASTEST_ECONFIG : FASTEST_ENOMEM;
    free(message);
}

static int add_section(struct reading *r, const char *name)
{
    if (!*name) {
        fail(r, r->line_number, ft_format("empty section name"));
        return 0;
    }
    if (ini_section(r->document, name)) {
        char *shown = ft_python_repr(name);
        fail(r, r->line_number, shown ? ft_format("duplicate section %s", shown) : NULL);
        free(shown);
        return 0;
    }
    struct ini_document *d = r->document;
    struct ini_section *grown = realloc(d->sections, (d->count + 1) * sizeof(*grown));
    if (!grown)
        return FASTEST_ENOMEM;
    d->sections = grown;
    r->section = &grown[d->count];
    *r->section = (struct ini_section){.name = strdup(name), .line = r->line_number};
    if (!r->section->name)
        return FASTEST_ENOMEM;
    d->count++;
    r->last_value = NULL;
    return 0;
}

/* iniconfig's test for a section header: the line starts with '[' and,
 * cut at the first '#' or ';' and stripped, ends with ']'. */
static int note_section_header(struct reading *r)
{
    const char *line = r->raw_line;
    if (line[0] != '[')
        return 0;
    size_t length = strcspn(line, "#;");
    while (length && isspace((unsigned char)line[length - 1]))
        length--;
    if (length < 2 || line[length - 1] != ']')
        return 0;
    char *name = strndup(line + 1, length - 2);
    if (!name)
        return FASTEST_ENOMEM;
    int rc = add_section(r, name);
    free(name);
    return rc;
}

static int grow_raw_line(struct reading *r, size_t length)
{
    if (length + 1 <= r->raw_capacity)
        return 0;
    char *grown = realloc(r->raw_line, length + 1);
    if (!grown)
        return FASTEST_ENOMEM;
    r->raw_line = grown;
    r->raw_capacity = length + 1;
    return 0;
}

/* inih's reader: copies the next line, cut to fit its buffer, keeping the
 * full line in r->raw_line. */
static char *read_line(char *buffer, int size, void *stream)
{
    struct reading *r = stream;
    if (r->cursor >= r->end || r->rc == FASTEST_ENOMEM)
        return NULL;
    const char *newline = memchr(r->cursor, '\n', (size_t)(r->end - r->cursor));
    size_t length = newline ? (size_t)(newline - r->cursor) : (size_t)(r->end - r->cursor);
    if (grow_raw_line(r, length) != 0) {
        r->rc = FASTEST_ENOMEM;
        return NULL;
    }
    memcpy(r->raw_line, r->cursor, length);
    r->raw_line[length] = '\0';
    r->cursor += length + (newline ? 1 : 0);
    r->line_number++;

    size_t fits = length < (size_t)size - 2 ? length : (size_t)size - 2;
    memcpy(buffer, r->raw_line, fits);
    buffer[fits] = '\n';
    buffer[fits + 1] = '\0';
    int rc = note_section_header(r);
    if (rc)
        r->rc = rc;
    return buffer;
}

static int continue_value(struct reading *r)
{
    char *text = strip_copy(r->raw_line, strlen(r->raw_line));
    if (!text)
        return FASTEST_ENOMEM;
    const char *previous = r->last_value->items[0];
    char *joined = *previous ? ft_format("%s\n%s", previous, text) : strdup(text);
    free(text);
    if (!joined)
        return FASTEST_ENOMEM;
    int rc = value_set_text(r->last_value, joined);
    free(joined);
    return rc;
}

static int add_key(struct reading *r, const char *name)
{
    if (!r->section) {
        fail(r, r->line_number, ft_format("no section header defined"));
        return 0;
    }
    if (table_find(&r->section->table, name)) {
        char *shown = ft_python_repr(name);
        fail(r, r->line_number, shown ? ft_format("duplicate name %s", shown) : NULL);
        free(shown);
        return 0;
    }
    const char *separator = r->raw_line + strcspn(r->raw_line, "=:");
    char *text = strip_copy(separator + 1, strlen(separator + 1));
    if (!text)
        return FASTEST_ENOMEM;
    r->last_value = table_add(&r->section->table, name, false, r->line_number);
    int rc = r->last_value ? value_set_text(r->last_value, text) : FASTEST_ENOMEM;
    free(text);
    return rc;
}

/* inih's handler: a key line, or (indented raw line) a continuation. */
static int on_value(void *user, const char *section, const char *name, const char *value)
{
    (void)section, (void)value;
    struct reading *r = user;
    if (r->rc == FASTEST_ENOMEM)
        return 0;
    int rc;
    if (isspace((unsigned char)r->raw_line[0])) {
        if (!r->last_value || strcmp(r->last_value->key, name) != 0) {
            fail(r, r->line_number, ft_format("unexpected value continuation"));
            return 0;
        }
        rc = continue_value(r);
    } else {
        rc = add_key(r, name);
    }
    if (rc)
        r->rc = rc;
    return rc == 0;
}

/* The text of line `number` (1-based), rstripped, in a new string. */
static char *line_text(const char *text, size_t length, unsigned number)
{
    const char *start = text, *end = text + length;
    for (unsigned n = 1; n < number && start < end; n++) {
        const char *newline = memchr(start, '\n', (size_t)(end - start));
        start = newline ? newline + 1 : end;
    }
    const char *newline = memchr(start, '\n', (size_t)(end - start));
    size_t line_length = newline ? (size_t)(newline - start) : (size_t)(end - start);
    while (line_length && isspace((unsigned char)start[line_length - 1]))
        line_length--;
    return strndup(start, line_length);
}

/* A line inih refused (no '=' or ':', no ']'), in iniconfig's words. */
static void fail_unparsed_line(struct reading *r, const char *text, size_t length,
                               unsigned number)
{
    char *line = line_text(text, length, number);
    char *shown = line ? ft_python_repr(line) : NULL;
    if (line && isspace((unsigned char)line[0]))
        fail(r, number, ft_format("unexpected value continuation"));
    else
        fail(r, number, shown ? ft_format("unexpected line: %s", shown) : NULL);
    free(shown);
    free(line);
}

int ini_read_text(const char *path, const char *text, size_t length, struct ini_document *out,
                  char **out_error)
{
    struct reading r = {.path = path, .cursor = text, .end = text + length, .document = out};
    int error_line = ini_parse_stream(read_line, &r, on_value, &r);
    if (error_line > 0 && (!r.error || (unsigned)error_line < r.error_line))
        fail_unparsed_line(&r, text, length, (unsigned)error_line);
    free(r.raw_line);
    if (r.rc) {
        ini_document_clear(out);
        *out_error = r.error;
        return r.rc;
    }
    return 0;
}

int ini_read(const char *path, struct ini_document *out, char **out_error)
{
    char *text;
    size_t length;
    int rc = cfg_read_file(path, &text, &length, out_error);
    if (rc)
        return rc;
    rc = ini_read_text(path, text, length, out, out_error);
    free(text);
    return rc;
}

const struct ini_section *ini_section(const struct ini_document *document, const char *name)
{
    for (size_t i = 0; i < document->count; i++)
        if (strcmp(document->sections[i].name, name) == 0)
            return &document->sections[i];
    return NULL;
}

void ini_document_clear(struct ini_document *document)
{
    for (size_t i = 0; i < document->count; i++) {
        free(document->sections[i].name);
        table_clear(&document->sections[i].table);
    }
    free(document->sections);
    document->sections = NULL;
    document->count = 0;
}
