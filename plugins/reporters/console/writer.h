/* The console's one output channel: pytest's TerminalWriter over a buffer
 * that goes to stdout on writer_flush (per report when progress is live,
 * else in blocks, and at exit), so the report is never interleaved with
 * other output of the process. */
#ifndef CONSOLE_WRITER_H
#define CONSOLE_WRITER_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

/* pytest's markup keywords, emitted colour first, then bold, as nearly
 * every pytest call site orders them (MARKUP_BOLD_FIRST for the others). */
enum markup {
    MARKUP_NONE = 0,
    MARKUP_RED = 1,
    MARKUP_GREEN = 2,
    MARKUP_YELLOW = 3,
    MARKUP_CYAN = 4,
    MARKUP_COLOR_MASK = 7,
    MARKUP_BOLD = 8,
    MARKUP_BOLD_FIRST = 16, /* with MARKUP_BOLD: bold, then the colour */
};

struct writer {
    int fd;
    bool has_markup;
    int fullwidth;
    struct text pending;      /* written, not yet flushed */
    size_t current_line_width; /* code points since the last newline */
};

void writer_init(struct writer *writer, int fd, bool has_markup, int fullwidth);
/* Flushes what is pending and frees the buffer. */
void writer_close(struct writer *writer);
void writer_flush(struct writer *writer);

/* Appends message wrapped in markup's escape codes (when markup is on). */
void writer_markup(const struct writer *writer, struct text *out, const char *message,
                   unsigned markup);
void writer_write(struct writer *writer, const char *message, unsigned markup);
void writer_line(struct writer *writer, const char *message, unsigned markup);
/* pytest's TerminalWriter.sep: "==== title ====" as wide as fullwidth
 * (writer->fullwidth when fullwidth <= 0); title may be NULL. */
void writer_sep(struct writer *writer, const char *sepchar, const char *title, int fullwidth,
                unsigned markup);

#endif
