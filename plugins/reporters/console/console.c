/* The `console` reporter plugin: pytest 7.2's terminal output from fastest's
 * events. This file holds the plugin table, the event dispatch and the
 * per-test progress (letters, -v lines, [ NN%]). */
#include "console.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>
#include <fastest/plugin.h>
#include <fastest/reporter.h>

#include "paths.h"

/* --- stats -------------------------------------------------------- */

void console_add_stat(struct console *console, const char *name, struct report *report)
{
    struct category *category = (struct category *)console_stat(console, name);
    if (!category) {
        if (console->category_count == CONSOLE_MAX_CATEGORIES) {
            report_free(report);
            return;
        }
        category = &console->categories[console->category_count++];
        category->name = name;
    }
    if (category->count == category->capacity) {
        size_t capacity = category->capacity ? 2 * category->capacity : 16;
        struct report **reports = realloc(category->reports, capacity * sizeof *reports);
        if (!reports) {
            report_free(report);
            return;
        }
        category->reports = reports;
        category->capacity = capacity;
    }
    category->reports[category->count++] = report;
}

const struct category *console_stat(const struct console *console, const char *name)
{
    for (size_t i = 0; i < console->category_count; i++)
        if (strcmp(console->categories[i].name, name) == 0)
            return &console->categories[i];
    return NULL;
}

static bool is_last_item(const struct console *console)
{
    return console->progress_nodes.live == console->tests_collected;
}

static bool has_stat(const struct console *console, const char *name)
{
    return console_stat(console, name) != NULL;
}

unsigned console_main_color(const struct console *console)
{
    if (has_stat(console, "failed") || has_stat(console, "error"))
        return MARKUP_RED;
    if (has_stat(console, "warnings") || has_stat(console, "xpassed"))
        return MARKUP_YELLOW;
    if (has_stat(console, "passed") || !is_last_item(console))
        return MARKUP_GREEN;
    return MARKUP_YELLOW;
}

/* --- lines -------------------------------------------------------- */

void console_ensure_newline(struct console *console)
{
    if (console->line_owner != LINE_NONE) {
        writer_line(&console->out, "", MARKUP_NONE);
        console->line_owner = LINE_NONE;
    }
}

void console_write_line(struct console *console, const char *line, unsigned markup)
{
    console_ensure_newline(console);
    writer_line(&console->out, line, markup);
}

void console_write_sep(struct console *console, const char *sepchar, const char *title,
                       unsigned markup)
{
    console_ensure_newline(console);
    writer_sep(&console->out, sepchar, title, 0, markup);
}

/* --- progress ----------------------------------------------------- */

static void count_progress(struct console *console, const char *node_id)
{
    string_set_add(&console->progress_nodes, node_id);
}

static void progress_message(const struct console *console, struct text *out)
{
    size_t collected = console->tests_collected;
    if (console->settings.progress == PROGRESS_COUNT) {
        if (!collected) {
            text_printf(out, " [ %zu / %zu ]", collected, collected);
            return;
        }
        int digits = snprintf(NULL, 0, "%zu", collected);
        text_printf(out, " [%*zu/%zu]", digits, console->progress_nodes.live, collected);
    } else if (collected) {
        text_printf(out, " [%3zu%%]", console->progress_nodes.live * 100 / collected);
    } else {
        text_append_str(out, " [100%]");
    }
}

static void write_progress_filling_space(struct console *console)
{
    struct text message = {0}, padded = {0};
    progress_message(console, &message);
    int fill = console->out.fullwidth - (int)console->out.current_line_width - 1;
    for (int i = (int)message.length; i < fill; i++)
        text_append_str(&padded, " ");
    text_append_str(&padded, text_str(&message));
    writer_write(&console->out, text_str(&padded), console_main_color(console));
    text_free(&message);
    text_free(&padded);
}

/* Length of a node id's file part (before the first "::"). */
static size_t node_path_length(const char *node_id)
{
    const char *separator = strstr(node_id, "::");
    return separator ? (size_t)(separator - node_id) : strlen(node_id);
}

/* Whether prefix is rootdir/path, path being path_length bytes. */
static bool is_fspath(const struct text *prefix, const char *rootdir, const char *path,
                      size_t path_length)
{
    size_t root_length = strlen(rootdir);
    const char *text = text_str(prefix);
    return prefix->length == root_length + 1 + path_length &&
           memcmp(text, rootdir, root_length) == 0 && text[root_length] == '/' &&
           memcmp(text + root_length + 1, path, path_length) == 0;
}

/* write_fspath_result: start the file's progress line when the file changes. */
static void write_fspath_result(struct console *console, const char *node_id, const char *result,
                                unsigned markup)
{
    size_t path_length = node_path_length(node_id);
    if (console->line_owner != LINE_PREFIX ||
        !is_fspath(&console->current_prefix, console->rootdir, node_id, path_length)) {
        struct text fspath = {0};
        text_printf(&fspath, "%s/%.*s", console->rootdir, (int)path_length, node_id);
        if (console->line_owner != LINE_NONE && console->settings.progress != PROGRESS_NONE)
            write_progress_filling_space(console);
        text_clear(&console->current_prefix);
        text_append_str(&console->current_prefix, text_str(&fspath));
        console->line_owner = LINE_PREFIX;
        struct text relative = {0};
        paths_bestrelpath(console->cwd, text_str(&fspath), &relative);
        text_append_str(&relative, " ");
        writer_line(&console->out, "", MARKUP_NONE);
        writer_write(&console->out, text_str(&relative), MARKUP_NONE);
        text_free(&relative);
        text_free(&fspath);
    }
    writer_write(&console->out, result, markup);
}

/* _locationline: the -v line's "path::test " prefix. */
static void location_line(const struct console *console, const struct fastest_event *event,
                          struct text *out)
{
    if (!event->location_path) {
        text_append_str(out, "[location] ");
        return;
    }
    struct text line = {0};
    paths_cwd_relative_nodeid(console->rootdir, console->cwd, event->node_id, &line);
    const char *domain = event->location_domain;
    size_t domain_length = domain ? strlen(domain) : 0;
    if (domain_length && line.length >= domain_length &&
        strcmp(text_str(&line) + line.length - domain_length, domain) == 0) {
        line.length -= domain_length;
        size_t bracket = strcspn(domain, "[");
        for (size_t i = 0; i < bracket; i++) {
            if (domain[i] == '.')
                text_append_str(&line, "::");
            else
                text_append(&line, &domain[i], 1);
        }
        text_append_str(&line, domain + bracket);
    }
    text_append_str(out, text_str(&line));
    size_t path_length = node_path_length(event->node_id);
    if (console->settings.verbosity >= 2 &&
        (strlen(event->location_path) != path_length ||
         strncmp(event->location_path, event->node_id, path_length) != 0)) {
        struct text full = {0};
        text_printf(&full, "%s/%s", console->rootdir, event->location_path);
        text_append_str(out, " <- ");
        paths_bestrelpath(console->cwd, text_str(&full), out);
        text_free(&full);
    }
    text_append_str(out, " ");
    text_free(&line);
}

static void write_ensure_prefix(struct console *console, const char *prefix, const char *extra,
                                unsigned markup)
{
    if (console->line_owner != LINE_PREFIX ||
        strcmp(text_str(&console->current_prefix), prefix) != 0) {
        writer_line(&console->out, "", MARKUP_NONE);
        text_clear(&console->current_prefix);
        text_append_str(&console->current_prefix, prefix);
        console->line_owner = LINE_PREFIX;
        writer_write(&console->out, prefix, MARKUP_NONE);
    }
    if (*extra) {
        writer_write(&console->out, extra, markup);
        console->line_owner = LINE_DONE;
    }
}

bool console_format_trimmed(const char *before, const char *after, const char *message,
                            int available, struct text *out)
{
    size_t message_length = strcspn(message, "\n");
    int format_width = (int)(text_width(before, strlen(before)) + text_width(after, strlen(after)));
    if (format_width + 3 > available)
        return false;
    text_append_str(out, before);
    if (format_width + (int)text_width(message, message_length) > available) {
        int keep = available - 3 - format_width;
        size_t bytes = 0;
        for (int kept = 0; bytes < message_length; bytes++) {
            if (((unsigned char)message[bytes] & 0xc0) != 0x80 && kept++ == keep)
                break;
        }
        text_append(out, message, bytes);
        text_append_str(out, "...");
    } else {
        text_append(out, message, message_length);
    }
    text_append_str(out, after);
    return true;
}

/* _get_raw_skip_reason. */
static const char *raw_skip_reason(const struct report *report)
{
    if (report->wasxfail)
        return strncmp(report->wasxfail, "reason: ", 8) == 0 ? report->wasxfail + 8
                                                             : report->wasxfail;
    const char *reason = report->skip_reason ? report->skip_reason : "";
    if (strncmp(reason, "Skipped: ", 9) == 0)
        return reason + 9;
    return strcmp(reason, "Skipped") == 0 ? "" : reason;
}

static unsigned status_markup(const struct report *report)
{
    if (report->outcome == FASTEST_OUTCOME_PASSED)
        return report->wasxfail ? MARKUP_YELLOW : MARKUP_GREEN;
    if (report->outcome == FASTEST_OUTCOME_FAILED)
        return MARKUP_RED;
    return report->outcome == FASTEST_OUTCOME_SKIPPED ? MARKUP_YELLOW : MARKUP_NONE;
}

/* What a piped stdout gets from Python's own buffering under pytest:
 * progress in blocks of this size, when nobody watches it live. */
#define PROGRESS_BLOCK_SIZE 8192

/* Progress goes out report by report only when it must (see
 * live_progress): a write per test was one system call per item, and
 * with workers one wake-up of the parent too. Events reach the console
 * only while the tests' output capture is suspended, so a block written
 * later still lands on the real stdout. */
static void flush_progress(struct console *console)
{
    if (console->settings.live_progress || console->out.pending.length >= PROGRESS_BLOCK_SIZE)
        writer_flush(&console->out);
}

static void on_item_start(struct console *console, const struct fastest_event *event)
{
    if (console->settings.verbosity > 0) {
        struct text prefix = {0};
        location_line(console, event, &prefix);
        write_ensure_prefix(console, text_str(&prefix), "", MARKUP_NONE);
        text_free(&prefix);
    } else if (console->settings.verbosity == 0) {
        write_fspath_result(console, event->node_id, "", MARKUP_NONE);
    }
    flush_progress(console);
}

/* Whether the summary reads a report of this category again: a passed
 * test's only with -rp, -rP (or -rA) or --durations; a passed setup's or
 * teardown's only for its captured sections (shown under the failure or
 * pass of its test) or for --durations. The others are counted alone, as
 * most of a run's reports are: copying each cost a large suite more than
 * its summary does. */
static bool summary_reads(const struct console *console, const char *category,
                          const struct report *report)
{
    const struct console_settings *settings = &console->settings;
    if (settings->durations_enabled)
        return true;
    if (strcmp(category, "passed") == 0)
        return strchr(settings->reportchars, 'p') || strchr(settings->reportchars, 'P');
    if (!*category)
        return report->section_count > 0;
    return true;
}

static void on_test_report(struct console *console, const struct fastest_event *event)
{
    struct report view = report_view(event);
    const struct report *report = &view;
    struct test_status status = report_status(report);
    if (report->outcome == FASTEST_OUTCOME_FAILED && !report->wasxfail)
        console->tests_failed++;
    struct report *kept = NULL;
    if (summary_reads(console, status.category, report) && !(kept = report_keep(report)))
        return;
    console_add_stat(console, status.category, kept);
    if (!*status.letter && !*status.word)
        return;
    unsigned markup = status_markup(report);
    if (console->settings.verbosity <= 0) {
        writer_write(&console->out, status.letter, markup);
    } else {
        count_progress(console, report->node_id);
        struct text prefix = {0};
        location_line(console, event, &prefix);
        write_ensure_prefix(console, text_str(&prefix), status.word, markup);
        text_free(&prefix);
        if (report->outcome == FASTEST_OUTCOME_SKIPPED || report->wasxfail) {
            const char *reason = raw_skip_reason(report);
            struct text formatted = {0};
            if (console->settings.verbosity < 2) {
                int available = console->out.fullwidth - (int)console->out.current_line_width -
                                (int)strlen(" [100%]") - 1;
                console_format_trimmed(" (", ")", reason, available, &formatted);
            } else {
                text_printf(&formatted, " (%s)", reason);
            }
            if (*reason && formatted.length)
                writer_write(&console->out, text_str(&formatted), MARKUP_NONE);
            text_free(&formatted);
        }
        if (console->settings.progress != PROGRESS_NONE)
            write_progress_filling_space(console);
    }
    flush_progress(console);
}

static void on_item_finish(struct console *console, const struct fastest_event *event)
{
    if (console->settings.verbosity > 0 || console->settings.progress == PROGRESS_NONE)
        return;
    struct text sample = {0};
    if (console->settings.progress == PROGRESS_COUNT)
        text_printf(&sample, " [%zu/%zu]", console->tests_collected, console->tests_collected);
    else
        text_append_str(&sample, " [100%]");
    count_progress(console, event->node_id);
    if (is_last_item(console)) {
        write_progress_filling_space(console);
    } else if ((int)(console->out.current_line_width + sample.length + 1) >=
               console->settings.width) {
        struct text message = {0};
        progress_message(console, &message);
        text_append_str(&message, "\n");
        writer_write(&console->out, text_str(&message), console_main_color(console));
        text_free(&message);
    }
    text_free(&sample);
    flush_progress(console);
}

static void on_collect_report(struct console *console, const struct fastest_event *event)
{
    struct report *report = report_copy(event);
    if (!report)
        return;
    if (report->outcome == FASTEST_OUTCOME_FAILED) {
        console->tests_failed++;
        console->collect_errors++;
        console_add_stat(console, "error", report);
    } else if (report->outcome == FASTEST_OUTCOME_SKIPPED) {
        console_add_stat(console, "skipped", report);
    } else {
        report_free(report);
    }
}

static void on_collection_finish(struct console *console, const struct fastest_event *event)
{
    console->tests_collected = event->item_count;
    /* pytest's count is of what collection built, before any hook
     * deselected or removed items (dropped_count was appended: checked). */
    console->collected_total = event->item_count + event->deselected_count;
    if (FASTEST_HAS_MEMBER(event, struct fastest_event, dropped_count))
        console->collected_total += event->dropped_count;
    for (size_t i = 0; i < event->deselected_count; i++)
        console_add_stat(console, "deselected", NULL);
    console_collected_line(console);
    if (console->settings.collection_finish_lines)
        writer_line(&console->out, console->settings.collection_finish_lines, MARKUP_NONE);
    if (console->settings.collect_only && console->collected_count) {
        if (console->settings.verbosity > -1)
            writer_line(&console->out, "", MARKUP_NONE);
        console_print_collected(console);
    }
    if (console->settings.collection_finish_output)
        writer_write(&console->out, console->settings.collection_finish_output, MARKUP_NONE);
    writer_flush(&console->out);
}

static void on_event(void *state, const struct fastest_event *event)
{
    struct console *console = state;
    switch (event->kind) {
    case FASTEST_EVENT_SESSION_START:
        free(console->rootdir);
        free(console->configfile);
        console->rootdir = strdup(event->rootdir ? event->rootdir : console->cwd);
        console->configfile = event->configfile ? strdup(event->configfile) : NULL;
        console_session_header(console);
        break;
    case FASTEST_EVENT_ITEM_COLLECTED:
        console_remember_collected(console, event);
        break;
    case FASTEST_EVENT_COLLECT_REPORT:
        on_collect_report(console, event);
        break;
    case FASTEST_EVENT_COLLECTION_FINISH:
        on_collection_finish(console, event);
        break;
    case FASTEST_EVENT_ITEM_START:
        on_item_start(console, event);
        break;
    case FASTEST_EVENT_TEST_REPORT:
        on_test_report(console, event);
        break;
    case FASTEST_EVENT_ITEM_FINISH:
        on_item_finish(console, event);
        break;
    case FASTEST_EVENT_WARNING: {
        struct report *report = report_copy(event);
        if (report)
            console_add_stat(console, "warnings", report);
        break;
    }
    case FASTEST_EVENT_FLUSH:
        writer_flush(&console->out);
        break;
    case FASTEST_EVENT_INTERRUPTED:
        report_free(console->interruption);
        console->interruption = report_copy(event);
        break;
    case FASTEST_EVENT_SESSION_FINISH:
        console->exit_status = event->exit_status;
        console->session_duration = event->session_duration;
        console_session_summary(console);
        writer_flush(&console->out);
        break;
    default:
        break; /* kinds added after this reporter was built */
    }
}

static int open_console(const struct fastest_host *host, struct fastest_session *session,
                        void **out_state, char **out_error)
{
    *out_state = NULL;
    /* This reporter stands in for pytest's terminal plugin: without it,
     * pytest reports nothing at all. */
    if (settings_plugin_blocked(host, session, "terminal"))
        return 0;
    struct console *console = calloc(1, sizeof *console);
    if (!console) {
        *out_error = host->strdup("console reporter: out of memory");
        return FASTEST_ENOMEM;
    }
    console->host = host;
    console->session = session;
    settings_read(host, session, &console->settings);
    if (!getcwd(console->cwd, sizeof console->cwd))
        strcpy(console->cwd, ".");
    writer_init(&console->out, STDOUT_FILENO, console->settings.has_markup,
                console->settings.width);
    *out_state = console;
    return 0;
}

static int close_console(void *state, char **out_error)
{
    (void)out_error;
    struct console *console = state;
    writer_close(&console->out);
    for (size_t i = 0; i < console->category_count; i++) {
        for (size_t j = 0; j < console->categories[i].count; j++)
            report_free(console->categories[i].reports[j]);
        free(console->categories[i].reports);
    }
    for (size_t i = 0; i < console->collected_count; i++) {
        free(console->collected[i].node_id);
        free(console->collected[i].node_kind);
    }
    free(console->collected);
    report_free(console->interruption);
    text_free(&console->current_prefix);
    string_set_free(&console->progress_nodes);
    free(console->rootdir);
    free(console->configfile);
    free(console);
    return 0;
}

static const struct fastest_reporter console_table = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_reporter),
    .open = open_console,
    .on_event = on_event,
    .close = close_console,
};

static const struct fastest_option console_options[] = {
    {"--github", NULL, "github", 0, NULL,
     "After the report, print GitHub Actions ::error annotations for failures and errors "
     "(automatic when GITHUB_ACTIONS=true)"},
};

static const struct fastest_plugin console_plugin = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_plugin),
    .name = "console",
    .version = FASTEST_VERSION_STRING,
    .description = "pytest's terminal report: progress, failures, summaries",
    .kind = FASTEST_PLUGIN_REPORTER,
    .table = &console_table,
    .options = console_options,
    .option_count = sizeof console_options / sizeof *console_options,
};

FASTEST_PLUGIN_ENTRY(host_abi, host, out_plugin, out_error)
{
    (void)host_abi;
    (void)host;
    (void)out_error;
    *out_plugin = &console_plugin;
    return 0;
}
