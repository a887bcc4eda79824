/* Everything pytest prints from pytest_sessionfinish on: ERRORS, FAILURES,
 * warnings summary, PASSES, slowest durations, short test summary info,
 * the "!!! stopping after ... !!!" lines and the final stats line. */
#include "console.h"

#include <stdlib.h>
#include <string.h>

#include "../junitxml/logfile_path.h"
#include "paths.h"

/* pytest's _getfailureheadline: the location's domain, or "test session"
 * when it has none or an empty one (a collect report of the session). */
static const char *headline(const struct report *report)
{
    const char *domain = report->location_domain;
    return domain && *domain ? domain : "test session";
}

static bool wants_section(const struct console *console, const char *title)
{
    const char *show = console->settings.showcapture;
    return strcmp(show, "all") == 0 || strstr(title, show) != NULL;
}

static void write_section(struct console *console, const struct fastest_section *section)
{
    writer_sep(&console->out, "-", section->title, 0, MARKUP_NONE);
    size_t length = strlen(section->content);
    struct text content = {0};
    text_append(&content, section->content,
                length && section->content[length - 1] == '\n' ? length - 1 : length);
    writer_line(&console->out, text_str(&content), MARKUP_NONE);
    text_free(&content);
}

/* _outrep_summary: the longrepr as rendered, then the captured sections. */
static void outrep_summary(struct console *console, const struct report *report)
{
    const char *longrepr = console->settings.has_markup && report->longrepr_markup
                               ? report->longrepr_markup
                               : report->longrepr;
    if (longrepr)
        writer_write(&console->out, longrepr, MARKUP_NONE);
    if (strcmp(console->settings.showcapture, "no") == 0)
        return;
    for (size_t i = 0; i < report->section_count; i++)
        if (wants_section(console, report->sections[i].title))
            write_section(console, &report->sections[i]);
}

/* _handle_teardown_sections: a passed teardown's "... teardown" sections. */
static void teardown_sections(struct console *console, const char *node_id)
{
    const struct category *quiet = console_stat(console, "");
    if (!quiet || strcmp(console->settings.showcapture, "no") == 0)
        return;
    for (size_t i = 0; i < quiet->count; i++) {
        const struct report *report = quiet->reports[i];
        if (!report || report->phase != FASTEST_PHASE_TEARDOWN ||
            strcmp(report->node_id, node_id) != 0)
            continue;
        for (size_t j = 0; j < report->section_count; j++) {
            const char *title = report->sections[j].title;
            if (wants_section(console, title) && strstr(title, "teardown"))
                write_section(console, &report->sections[j]);
        }
    }
}

static void summary_errors(struct console *console)
{
    const struct category *errors = console_stat(console, "error");
    if (!errors || strcmp(console->settings.tbstyle, "no") == 0)
        return;
    console_write_sep(console, "=", "ERRORS", MARKUP_NONE);
    struct text title = {0};
    for (size_t i = 0; i < errors->count; i++) {
        const struct report *report = errors->reports[i];
        text_clear(&title);
        if (report->is_collect)
            text_printf(&title, "ERROR collecting %s", headline(report));
        else
            text_printf(&title, "ERROR at %s of %s",
                        report->phase == FASTEST_PHASE_SETUP ? "setup" : "teardown",
                        headline(report));
        console_write_sep(console, "_", text_str(&title), MARKUP_RED | MARKUP_BOLD);
        outrep_summary(console, report);
    }
    text_free(&title);
}

/* _getcrashline, for --tb=line: str(reprcrash), which is "None" where
 * pytest's traceback has no crash entry. */
static void crash_line(const struct report *report, struct text *out)
{
    if (report->crash_path) {
        const char *message = report->crash_message ? report->crash_message : "";
        text_printf(out, "%s:%d: %.*s", report->crash_path, (int)report->crash_line,
                    (int)strcspn(message, "\n"), message);
    } else if (report->longrepr_form == FASTEST_LONGREPR_MESSAGE_ONLY) {
        text_append_str(out, "None");
    } else if (report->longrepr) {
        /* str(longrepr)[:50]; a text longrepr was rendered with out.line(),
         * whose newline str() does not have */
        const char *longrepr = report->longrepr;
        size_t length = strlen(longrepr);
        if (length && longrepr[length - 1] == '\n')
            length--;
        size_t bytes = 0;
        for (int chars = 0; bytes < length; bytes++)
            if (((unsigned char)longrepr[bytes] & 0xc0) != 0x80 && chars++ == 50)
                break;
        text_append(out, longrepr, bytes);
    }
}

static void summary_failures(struct console *console)
{
    const struct category *failed = console_stat(console, "failed");
    if (!failed || strcmp(console->settings.tbstyle, "no") == 0)
        return;
    console_write_sep(console, "=", "FAILURES", MARKUP_NONE);
    struct text line = {0};
    for (size_t i = 0; i < failed->count; i++) {
        const struct report *report = failed->reports[i];
        if (strcmp(console->settings.tbstyle, "line") == 0) {
            text_clear(&line);
            crash_line(report, &line);
            console_write_line(console, text_str(&line), MARKUP_NONE);
            continue;
        }
        console_write_sep(console, "_", headline(report), MARKUP_RED | MARKUP_BOLD);
        outrep_summary(console, report);
        teardown_sections(console, report->node_id);
    }
    text_free(&line);
}

static void summary_passes(struct console *console)
{
    const struct category *passed = console_stat(console, "passed");
    if (!passed || strcmp(console->settings.tbstyle, "no") == 0 ||
        !strchr(console->settings.reportchars, 'P'))
        return;
    console_write_sep(console, "=", "PASSES", MARKUP_NONE);
    for (size_t i = 0; i < passed->count; i++) {
        const struct report *report = passed->reports[i];
        if (report->section_count) {
            console_write_sep(console, "_", headline(report), MARKUP_GREEN | MARKUP_BOLD);
            outrep_summary(console, report);
        }
        teardown_sections(console, report->node_id);
    }
}

/* WarningReport.get_location: the node id, else the warning's file:line. */
static void warning_location(const struct console *console, const struct report *report,
                             struct text *out)
{
    if (report->node_id && *report->node_id) {
        text_append_str(out, report->node_id);
    } else if (report->location_path) {
        paths_bestrelpath(console->cwd, report->location_path, out);
        text_printf(out, ":%d", (int)report->location_line);
    }
}

/* collapsed_location_report for the warnings whose message is that of
 * warnings->reports[first]: marks them shown, appends their locations (one
 * per line, or "file: N warnings" per file from 10 on). */
static void collapsed_locations(const struct console *console, const struct category *warnings,
                                size_t first, bool *shown, struct text *out)
{
    const char *message = warnings->reports[first]->warning_message;
    struct text all = {0}; /* the group's locations, NUL-separated */
    size_t count = 0;
    for (size_t j = first; j < warnings->count; j++) {
        if (shown[j] || strcmp(warnings->reports[j]->warning_message, message) != 0)
            continue;
        shown[j] = true;
        size_t before = all.length;
        warning_location(console, warnings->reports[j], &all);
        if (all.length > before) {
            text_append(&all, "", 1);
            count++;
        }
    }
    const char *location = all.data;
    for (size_t i = 0; i < count; i++, location += strlen(location) + 1) {
        if (count < 10) {
            text_printf(out, "%s%s", i ? "\n" : "", location);
            continue;
        }
        /* Counter(str(loc).split("::", 1)[0]), in first-seen order */
        const char *end = strstr(location, "::");
        size_t key_length = end ? (size_t)(end - location) : strlen(location);
        size_t same = 0;
        bool seen_before = false;
        const char *other = all.data;
        for (size_t k = 0; k < count; k++, other += strlen(other) + 1) {
            const char *other_end = strstr(other, "::");
            size_t other_length = other_end ? (size_t)(other_end - other) : strlen(other);
            if (other_length == key_length && memcmp(other, location, key_length) == 0) {
                seen_before |= k < i;
                same++;
            }
        }
        if (!seen_before)
            text_printf(out, "%s%.*s: %zu warning%s", out->length ? "\n" : "", (int)key_length,
                        location, same, same > 1 ? "s" : "");
    }
    text_free(&all);
}

static void summary_warnings(struct console *console)
{
    const struct category *warnings = console_stat(console, "warnings");
    if (!warnings || !strchr(console->settings.reportchars, 'w'))
        return;
    bool *shown = calloc(warnings->count, sizeof *shown);
    if (!shown)
        return;
    console_write_sep(console, "=", "warnings summary", MARKUP_YELLOW);
    struct text locations = {0}, message = {0};
    for (size_t i = 0; i < warnings->count; i++) {
        if (shown[i])
            continue;
        const char *text = warnings->reports[i]->warning_message;
        text_clear(&locations);
        text_clear(&message);
        collapsed_locations(console, warnings, i, shown, &locations);
        if (locations.length) {
            writer_line(&console->out, text_str(&locations), MARKUP_NONE);
            for (const char *line = text; *line;) {
                size_t length = strcspn(line, "\n");
                text_printf(&message, "%s  %.*s", message.length ? "\n" : "", (int)length, line);
                line += length + (line[length] == '\n');
            }
        } else {
            text_append_str(&message, text);
        }
        while (message.length && strchr(" \t\n\r\f\v", message.data[message.length - 1]))
            message.data[--message.length] = '\0';
        writer_line(&console->out, text_str(&message), MARKUP_NONE);
        writer_line(&console->out, "", MARKUP_NONE);
    }
    writer_line(&console->out,
                "-- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html",
                MARKUP_NONE);
    text_free(&locations);
    text_free(&message);
    free(shown);
}

static const char *phase_name(uint32_t phase)
{
    return phase == FASTEST_PHASE_SETUP ? "setup" : phase == FASTEST_PHASE_CALL ? "call" : "teardown";
}

struct timed_report {
    const struct report *report;
    size_t order; /* keeps the sort stable, as Python's is */
};

static int slowest_first(const void *a, const void *b)
{
    const struct timed_report *left = a, *right = b;
    if (left->report->duration != right->report->duration)
        return left->report->duration < right->report->duration ? 1 : -1;
    return left->order < right->order ? -1 : 1;
}

/* _pytest.runner.pytest_terminal_summary: --durations. */
static void summary_durations(struct console *console)
{
    const struct console_settings *settings = &console->settings;
    if (!settings->durations_enabled)
        return;
    size_t total = 0;
    for (size_t i = 0; i < console->category_count; i++)
        total += console->categories[i].count;
    struct timed_report *timed = calloc(total ? total : 1, sizeof *timed);
    if (!timed)
        return;
    size_t count = 0;
    for (size_t i = 0; i < console->category_count; i++) {
        const struct category *category = &console->categories[i];
        if (strcmp(category->name, "warnings") == 0 || strcmp(category->name, "deselected") == 0)
            continue;
        for (size_t j = 0; j < category->count; j++)
            if (!category->reports[j]->is_collect) {
                timed[count].report = category->reports[j];
                timed[count].order = count;
                count++;
            }
    }
    if (count) {
        qsort(timed, count, sizeof *timed, slowest_first);
        struct text line = {0};
        if (settings->durations == 0) {
            console_write_sep(console, "=", "slowest durations", MARKUP_NONE);
        } else {
            text_printf(&line, "slowest %ld durations", settings->durations);
            console_write_sep(console, "=", text_str(&line), MARKUP_NONE);
            if ((size_t)settings->durations < count)
                count = (size_t)settings->durations;
        }
        for (size_t i = 0; i < count; i++) {
            const struct report *report = timed[i].report;
            text_clear(&line);
            if (settings->verbosity < 2 && report->duration < settings->durations_min) {
                console_write_line(console, "", MARKUP_NONE);
                text_printf(&line, "(%zu durations < %gs hidden.  Use -vv to show these durations.)",
                            count - i, settings->durations_min);
                console_write_line(console, text_str(&line), MARKUP_NONE);
                break;
            }
            text_printf(&line, "%.2fs %-8s %s", report->duration, phase_name(report->phase),
                        report->node_id);
            console_write_line(console, text_str(&line), MARKUP_NONE);
        }
        text_free(&line);
    }
    free(timed);
}

/* _get_node_id_with_markup: the cwd-relative id, its "::" parts bold. */
static void node_id_with_markup(const struct console *console, const struct report *report,
                                struct text *out)
{
    struct text node = {0};
    paths_cwd_relative_nodeid(console->rootdir, console->cwd, report->node_id, &node);
    const char *parts = strstr(text_str(&node), "::");
    if (parts) {
        text_append(out, text_str(&node), (size_t)(parts - text_str(&node)) + 2);
        writer_markup(&console->out, out, parts + 2, MARKUP_BOLD);
    } else {
        text_append_str(out, text_str(&node));
    }
    text_free(&node);
}

/* _get_line_with_reprcrash_message. */
static void simple_line(const struct console *console, const struct report *report,
                        const char *word, unsigned color, struct text *out)
{
    writer_markup(&console->out, out, word, color);
    text_append_str(out, " ");
    node_id_with_markup(console, report, out);
    if (!report->crash_path)
        return;
    const char *message = report->crash_message ? report->crash_message : "";
    if (console->settings.on_ci) {
        text_printf(out, " - %s", message);
        return;
    }
    /* pytest measures the marked-up line: with colour, -1 wide. */
    int available = console->out.fullwidth - text_wcswidth(text_str(out), out->length);
    console_format_trimmed(" - ", "", message, available, out);
}

/* _folded_skips: skipped reports grouped by (path, line, reason). */
static void skipped_lines(const struct console *console, struct text *lines, size_t *line_count)
{
    const struct category *skipped = console_stat(console, "skipped");
    if (!skipped)
        return;
    bool *done = calloc(skipped->count, sizeof *done);
    if (!done)
        return;
    struct text path = {0}, other = {0};
    for (size_t i = 0; i < skipped->count; i++) {
        if (done[i])
            continue;
        const struct report *report = skipped->reports[i];
        text_clear(&path);
        paths_bestrelpath(console->cwd, report->skip_path ? report->skip_path : "", &path);
        const char *reason = report->skip_reason ? report->skip_reason : "";
        size_t count = 0;
        for (size_t j = i; j < skipped->count; j++) {
            const struct report *candidate = skipped->reports[j];
            text_clear(&other);
            paths_bestrelpath(console->cwd, candidate->skip_path ? candidate->skip_path : "",
                              &other);
            if (!done[j] && candidate->skip_line == report->skip_line &&
                strcmp(text_str(&other), text_str(&path)) == 0 &&
                strcmp(candidate->skip_reason ? candidate->skip_reason : "", reason) == 0) {
                done[j] = true;
                count++;
            }
        }
        if (strncmp(reason, "Skipped: ", 9) == 0)
            reason += 9;
        text_append(lines, "", 1); /* lines are NUL-separated */
        writer_markup(&console->out, lines, "SKIPPED", MARKUP_YELLOW);
        if (report->skip_line >= 0)
            text_printf(lines, " [%zu] %s:%d: %s", count, text_str(&path), (int)report->skip_line,
                        reason);
        else
            text_printf(lines, " [%zu] %s: %s", count, text_str(&path), reason);
        (*line_count)++;
    }
    text_free(&path);
    text_free(&other);
    free(done);
}

static void short_test_summary(struct console *console)
{
    const char *chars = console->settings.reportchars;
    if (!*chars)
        return;
    struct text lines = {0}; /* each line preceded by a NUL */
    size_t line_count = 0;
    for (const char *c = chars; *c; c++) {
        const char *category = NULL, *word = NULL;
        unsigned color = MARKUP_RED;
        switch (*c) {
        case 'f': category = "failed", word = "FAILED"; break;
        case 'E': category = "error", word = "ERROR"; break;
        case 'p': category = "passed", word = "PASSED", color = MARKUP_GREEN; break;
        case 'x': category = "xfailed", word = "XFAIL", color = MARKUP_YELLOW; break;
        case 'X': category = "xpassed", word = "XPASS", color = MARKUP_YELLOW; break;
        case 's': skipped_lines(console, &lines, &line_count); continue;
        default: continue;
        }
        const struct category *reports = console_stat(console, category);
        for (size_t i = 0; reports && i < reports->count; i++) {
            const struct report *report = reports->reports[i];
            text_append(&lines, "", 1);
            if (*c == 'x' || *c == 'X') {
                writer_markup(&console->out, &lines, word, color);
                text_append_str(&lines, " ");
                node_id_with_markup(console, report, &lines);
                if (*c == 'X')
                    text_printf(&lines, " %s", report->wasxfail);
                else if (*report->wasxfail)
                    text_printf(&lines, " - %s", report->wasxfail);
            } else {
                struct text line = {0};
                simple_line(console, report, word, color, &line);
                text_append_str(&lines, text_str(&line));
                text_free(&line);
            }
            line_count++;
        }
    }
    if (line_count) {
        console_write_sep(console, "=", "short test summary info", MARKUP_CYAN | MARKUP_BOLD);
        const char *line = lines.data + 1;
        for (size_t i = 0; i < line_count; i++, line += strlen(line) + 1)
            console_write_line(console, line, MARKUP_NONE);
    }
    text_free(&lines);
}

static const char *const known_types[] = {"failed",   "passed",  "skipped",  "deselected",
                                          "xfailed",  "xpassed", "warnings", "error"};

static unsigned color_for_type(const char *type)
{
    if (strcmp(type, "failed") == 0 || strcmp(type, "error") == 0)
        return MARKUP_RED;
    return strcmp(type, "passed") == 0 ? MARKUP_GREEN : MARKUP_YELLOW;
}

/* One part of the stats line, e.g. "2 passed" in green. */
static void add_part(const struct console *console, struct text *message, int *fullwidth,
                     const char *part, unsigned markup)
{
    struct text marked = {0};
    writer_markup(&console->out, &marked, part, markup);
    *fullwidth += (int)(marked.length - strlen(part));
    text_printf(message, "%s%s", message->length ? ", " : "", text_str(&marked));
    text_free(&marked);
}

/* build_summary_stats_line: the parts and the main colour. */
static unsigned stats_parts(const struct console *console, struct text *message, int *fullwidth)
{
    if (console->settings.collect_only) {
        size_t total = console->collected_total;
        const struct category *deselected_stat = console_stat(console, "deselected");
        const struct category *error_stat = console_stat(console, "error");
        size_t deselected = deselected_stat ? deselected_stat->count : 0;
        size_t errors = error_stat ? error_stat->count : 0;
        unsigned main_color = MARKUP_GREEN;
        struct text part = {0};
        if (total == 0) {
            main_color = MARKUP_YELLOW;
            text_append_str(&part, "no tests collected");
        } else if (deselected == 0) {
            text_printf(&part, "%zu test%s collected", total, total == 1 ? "" : "s");
        } else if (total == deselected) {
            main_color = MARKUP_YELLOW;
            text_printf(&part, "no tests collected (%zu deselected)", deselected);
        } else {
            text_printf(&part, "%zu/%zu tests collected (%zu deselected)", total - deselected,
                        total, deselected);
        }
        add_part(console, message, fullwidth, text_str(&part), main_color);
        if (errors) {
            main_color = MARKUP_RED;
            text_clear(&part);
            text_printf(&part, "%zu error%s", errors, errors == 1 ? "" : "s");
            add_part(console, message, fullwidth, text_str(&part), main_color);
        }
        text_free(&part);
        return main_color;
    }
    unsigned main_color = console_main_color(console);
    struct text part = {0};
    for (size_t i = 0; i < sizeof known_types / sizeof known_types[0]; i++) {
        const struct category *category = console_stat(console, known_types[i]);
        if (!category || !category->count)
            continue;
        const char *noun = known_types[i];
        size_t count = category->count;
        text_clear(&part);
        if (strcmp(noun, "error") == 0 || strcmp(noun, "warnings") == 0)
            text_printf(&part, "%zu %s%s", count, strcmp(noun, "error") == 0 ? "error" : "warning",
                        count == 1 ? "" : "s");
        else
            text_printf(&part, "%zu %s", count, noun);
        unsigned color = color_for_type(noun);
        add_part(console, message, fullwidth, text_str(&part),
                 color | (color == main_color ? MARKUP_BOLD : 0));
    }
    if (!message->length)
        add_part(console, message, fullwidth, "no tests ran", MARKUP_YELLOW);
    text_free(&part);
    return main_color;
}

/* format_session_duration. */
static void session_duration(double seconds, struct text *out)
{
    if (seconds < 60) {
        text_printf(out, " in %.2fs", seconds);
        return;
    }
    long whole = (long)seconds;
    text_printf(out, " in %.2fs (%ld:%02ld:%02ld)", seconds, whole / 3600, whole / 60 % 60,
                whole % 60);
}

static void summary_stats(struct console *console)
{
    if (console->settings.verbosity < -1)
        return;
    struct text message = {0}, duration = {0};
    int fullwidth = console->out.fullwidth;
    unsigned main_color = stats_parts(console, &message, &fullwidth);
    session_duration(console->session_duration, &duration);
    struct text marked = {0};
    writer_markup(&console->out, &marked, text_str(&duration), main_color);
    fullwidth += (int)(marked.length - duration.length);
    text_append_str(&message, text_str(&marked));
    if (console->settings.verbosity >= 0) {
        if (console->out.has_markup) { /* the colour code that reopens after the title */
            text_printf(&message, "\x1b[%dm", main_color == MARKUP_RED     ? 31
                                              : main_color == MARKUP_GREEN ? 32
                                                                           : 33);
            fullwidth += 5;
        }
        console_ensure_newline(console);
        writer_sep(&console->out, "=", text_str(&message), fullwidth, main_color);
    } else {
        console_write_line(console, text_str(&message), main_color);
    }
    text_free(&marked);
    text_free(&message);
    text_free(&duration);
}

/* junitxml's pytest_terminal_summary: where the JUnit XML file went. */
static void summary_junitxml(struct console *console)
{
    char *path = NULL;
    if (!console->settings.junitxml_path ||
        logfile_path_resolve(console->settings.junitxml_path, &path))
        return;
    struct text title = {0};
    text_printf(&title, "generated xml file: %s", path);
    console_write_sep(console, "-", text_str(&title), MARKUP_NONE);
    text_free(&title);
    free(path);
}

/* What the implementations of pytest_terminal_summary other than pytest's
 * own wrote (a conftest's section, a plugin's report): the session option
 * fastest_terminal_summary, set when the engine finished, and where in it
 * pytest's reporter would first end the line it is on
 * (fastest_terminal_summary_newline_at, a byte offset), which only the
 * console knows it is on. */
static void summary_from_hooks(struct console *console)
{
    const char *text = console->host->option(console->session, "fastest_terminal_summary");
    if (!text)
        return;
    const char *at = console->host->option(console->session, "fastest_terminal_summary_newline_at");
    size_t offset = at ? strtoul(at, NULL, 10) : 0;
    if (at && offset <= strlen(text)) {
        struct text before = {0};
        text_printf(&before, "%.*s", (int)offset, text);
        writer_write(&console->out, text_str(&before), MARKUP_NONE);
        text_free(&before);
        console_ensure_newline(console);
        text += offset;
    }
    writer_write(&console->out, text, MARKUP_NONE);
}

/* _report_keyboardinterrupt: the message in a separator; for a
 * KeyboardInterrupt, where it was raised (the whole traceback with
 * --full-trace) and how to see more. */
static void report_interruption(struct console *console)
{
    const struct report *memo = console->interruption;
    const char *message = memo->crash_message ? memo->crash_message : "";
    console_write_sep(console, "!", message, MARKUP_NONE);
    if (!strstr(message, "KeyboardInterrupt"))
        return;
    if (console->settings.fulltrace) {
        outrep_summary(console, memo);
        return;
    }
    struct text location = {0};
    size_t first_line = strcspn(message, "\n");
    text_printf(&location, ":%d: %.*s", memo->crash_line, (int)first_line, message);
    writer_write(&console->out, memo->crash_path ? memo->crash_path : "",
                 MARKUP_BOLD | MARKUP_BOLD_FIRST | MARKUP_RED);
    writer_line(&console->out, text_str(&location), MARKUP_NONE);
    text_free(&location);
    writer_line(&console->out, "(to show a full traceback on KeyboardInterrupt use --full-trace)",
                MARKUP_YELLOW);
}

void console_session_summary(struct console *console)
{
    const struct console_settings *settings = &console->settings;
    writer_line(&console->out, "", MARKUP_NONE);
    int status = console->exit_status;
    if ((status == 0 || status == 1 || status == 2 || status == 4 || status == 5) &&
        !settings->no_summary) {
        summary_errors(console);
        summary_failures(console);
        summary_warnings(console);
        summary_passes(console);
        summary_junitxml(console);
        summary_from_hooks(console);
        summary_durations(console);
        short_test_summary(console);
    }
    struct text line = {0};
    /* -x or --maxfail: pytest's loop fails (status 1). --sw alone, which
     * the core runs as maxfail 1 or 2, stops it through shouldstop
     * instead (status 2): the engine's interruption reports that. */
    bool failed_out = settings->maxfail > 0 && console->tests_failed >= (size_t)settings->maxfail &&
                      !(settings->stop_reason && status == 2);
    if (failed_out) {
        text_printf(&line, "stopping after %zu failures", console->tests_failed);
        console_write_sep(console, "!", text_str(&line), MARKUP_RED);
        /* --sw with -x or --maxfail: pytest's loop fails first, and the
         * stepwise plugin's shouldstop, when it stopped too, has its line. */
        if (settings->stop_reason && console->tests_failed >= (size_t)settings->stepwise_limit)
            console_write_sep(console, "!", settings->stop_reason, MARKUP_RED);
    }
    if (status == 2 && console->interruption) {
        report_interruption(console);
    } else if (status == 2 && console->collect_errors &&
               !settings->continue_on_collection_errors) {
        text_clear(&line);
        text_printf(&line, "Interrupted: %zu error%s during collection", console->collect_errors,
                    console->collect_errors == 1 ? "" : "s");
        console_write_sep(console, "!", text_str(&line), MARKUP_NONE);
    }
    text_free(&line);
    summary_stats(console);
    /* pytest_unconfigure: an interruption not reported yet (pytest.exit
     * with a returncode other than 2) comes after the statistics. */
    if (status != 2 && console->interruption)
        report_interruption(console);
    console_github_annotations(console);
}
