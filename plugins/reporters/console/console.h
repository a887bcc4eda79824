/* The console reporter's state, shared by its files: console.c (plugin
 * table, events, progress), header.c (session header and collected
 * line), collect_only.c (--co listings), summary.c (everything printed at
 * session finish). Mirrors _pytest.terminal.TerminalReporter. */
#ifndef CONSOLE_CONSOLE_H
#define CONSOLE_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

#include <fastest/host.h>

#include "base/string_set.h"

#include "report.h"
#include "settings.h"
#include "text.h"
#include "writer.h"

/* One stats category: pytest's self.stats[name], in insertion order. */
struct category {
    const char *name; /* static storage */
    struct report **reports; /* owned; NULL for a deselected item and for a
                              * report the summary never reads (summary_reads) */
    size_t count;
    size_t capacity;
};

#define CONSOLE_MAX_CATEGORIES 10

/* pytest's currentfspath: nothing, a path or -v prefix, or "line done". */
enum line_owner { LINE_NONE, LINE_PREFIX, LINE_DONE };

struct collected_item {
    char *node_id;
    char *node_kind;
};

struct console {
    const struct fastest_host *host;
    const struct fastest_session *session;
    struct console_settings settings;
    struct writer out;
    char cwd[4096];
    char *rootdir;
    char *configfile;

    struct category categories[CONSOLE_MAX_CATEGORIES];
    size_t category_count;

    enum line_owner line_owner;
    struct text current_prefix; /* the path or -v prefix when LINE_PREFIX */

    size_t tests_collected;   /* selected items (session.testscollected) */
    size_t collected_total;   /* selected + deselected (_numcollected) */
    /* The node ids progress has counted, each once, as pytest's
     * _progress_nodeids_reported: an item collected twice (overlapping
     * arguments) does not count again. */
    struct string_set progress_nodes;
    size_t tests_failed;      /* session.testsfailed, for "stopping after" */
    size_t collect_errors;

    struct collected_item *collected;
    size_t collected_count;
    size_t collected_capacity;

    double session_duration;
    int exit_status;
    /* INTERRUPTED: what stopped the run (pytest's _keyboardinterrupt_memo). */
    struct report *interruption;
};

/* Files a report (which may be NULL for deselected items) under category;
 * the console owns it from then on. */
void console_add_stat(struct console *console, const char *category, struct report *report);
/* The category named name, or NULL. */
const struct category *console_stat(const struct console *console, const char *name);
/* pytest's _get_main_color: MARKUP_RED, MARKUP_YELLOW or MARKUP_GREEN. */
unsigned console_main_color(const struct console *console);

/* ensure_newline / write_line / write_sep of TerminalReporter. */
void console_ensure_newline(struct console *console);
void console_write_line(struct console *console, const char *line, unsigned markup);
void console_write_sep(struct console *console, const char *sepchar, const char *title,
                       unsigned markup);

/* _format_trimmed: before + the first line of message + after, the message
 * ellipsized to fit available columns; false (nothing appended) when even
 * the ellipsis does not fit. */
bool console_format_trimmed(const char *before, const char *after, const char *message,
                            int available, struct text *out);

/* header.c */
void console_session_header(struct console *console);
void console_collected_line(struct console *console);

/* collect_only.c */
int console_remember_collected(struct console *console, const struct fastest_event *event);
void console_print_collected(struct console *console);

/* summary.c: everything pytest prints from pytest_sessionfinish on. */
void console_session_summary(struct console *console);

/* github.c: GitHub Actions ::error commands for the failures and errors,
 * when settings.github is on. */
void console_github_annotations(struct console *console);

#endif
