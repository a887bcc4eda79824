/* The `progress` reporter plugin: on a long run in a terminal, a live line
 * under the console's report showing done/total, failures so far and an
 * ETA. It never appears when stdout or stderr is not a terminal, under CI
 * (CI set) or TERM=dumb, nor before the run has lasted MIN_ELAPSED seconds,
 * so short runs and logs never see it.
 *
 * Reporters get each event in load order, the console's first; so the line
 * cannot be erased just before the console writes. Instead it lives on the
 * row below the console's cursor: drawn (on stderr) after the console has
 * written, with the cursor put back where the console left it. When the
 * console starts a new row it lands on the live line; the next draw clears
 * what is left of it right of the console's text (ESC [K from the cursor)
 * and moves the live line one row down. Before the console's final report
 * (after the last item, or the failure that stops an -x/--maxfail run) the
 * row is cleared for good.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include <fastest/errors.h>
#include <fastest/plugin.h>
#include <fastest/reporter.h>

#define MIN_ELAPSED 2.0 /* seconds before the line first shows */

/* VT100 sequences: save/restore the cursor, index (down, scrolling at the
 * bottom), reverse index (up), erase to end of line, autowrap off/on. */
#define SAVE_CURSOR "\0337"
#define RESTORE_CURSOR "\0338"
#define DOWN_SCROLLING "\033D"
#define UP "\033M"
#define ERASE_TO_END "\033[K"
#define WRAP_OFF "\033[?7l"
#define WRAP_ON "\033[?7h"

struct progress {
    size_t total;    /* items selected */
    size_t done;     /* items finished */
    size_t failures; /* failed or errored reports */
    size_t maxfail;  /* 0: unlimited (-x is 1) */
    double started;  /* epoch seconds */
    bool shown;      /* the live line is on screen */
    bool finished;   /* cleared for good: the console's final report follows */
};

static double now(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static void put(const char *text)
{
    fputs(text, stderr);
}

/* Draws (or, with text NULL, removes) the live line under the cursor, and
 * clears the rest of the cursor's row (leftovers of an earlier live line). */
static void draw(struct progress *progress, const char *text)
{
    fflush(stdout);
    put(ERASE_TO_END DOWN_SCROLLING UP SAVE_CURSOR DOWN_SCROLLING "\r" ERASE_TO_END);
    if (text) {
        put(WRAP_OFF "\033[2m");
        put(text);
        put("\033[0m" WRAP_ON);
    }
    put(RESTORE_CURSOR);
    fflush(stderr);
    progress->shown = text != NULL;
}

static void format_line(const struct progress *progress, double elapsed, char *out, size_t size)
{
    int length = snprintf(out, size, "fastest: %zu/%zu done", progress->done, progress->total);
    if (progress->failures && length > 0 && (size_t)length < size)
        length += snprintf(out + length, size - (size_t)length, ", %zu failed",
                           progress->failures);
    if (progress->done && progress->done < progress->total && length > 0 &&
        (size_t)length < size) {
        long eta = (long)(elapsed / (double)progress->done *
                          (double)(progress->total - progress->done) + 0.5);
        snprintf(out + length, size - (size_t)length, ", ETA %ld:%02ld", eta / 60, eta % 60);
    }
}

static void refresh(struct progress *progress)
{
    if (progress->finished)
        return;
    double elapsed = now() - progress->started;
    if (elapsed < MIN_ELAPSED)
        return;
    char line[160];
    format_line(progress, elapsed, line, sizeof line);
    draw(progress, line);
}

/* The console prints its final report next: take the line away. */
static void finish(struct progress *progress)
{
    if (progress->shown)
        draw(progress, NULL);
    progress->finished = true;
}

static void on_event(void *state, const struct fastest_event *event)
{
    struct progress *progress = state;
    switch (event->kind) {
    case FASTEST_EVENT_COLLECTION_FINISH:
        progress->total = event->item_count;
        break;
    case FASTEST_EVENT_ITEM_START:
        refresh(progress);
        break;
    case FASTEST_EVENT_TEST_REPORT:
        if (event->outcome == FASTEST_OUTCOME_FAILED)
            progress->failures++;
        break;
    case FASTEST_EVENT_ITEM_FINISH:
        progress->done++;
        if (progress->done >= progress->total ||
            (progress->maxfail && progress->failures >= progress->maxfail))
            finish(progress);
        else
            refresh(progress);
        break;
    case FASTEST_EVENT_SESSION_FINISH:
        finish(progress);
        break;
    default:
        break;
    }
}

/* Whether a live line may be drawn at all in this process. */
static bool terminal_allows(void)
{
    const char *term = getenv("TERM");
    return isatty(STDOUT_FILENO) && isatty(STDERR_FILENO) && !getenv("CI") &&
           !(term && strcmp(term, "dumb") == 0);
}

static int open_progress(const struct fastest_host *host, struct fastest_session *session,
                         void **out_state, char **out_error)
{
    *out_state = NULL;
    const char *collect_only = host->option(session, "collectonly");
    if (!terminal_allows() || host->option(session, "no_progress_line") ||
        (collect_only && strcmp(collect_only, "0") != 0))
        return 0;
    struct progress *progress = calloc(1, sizeof *progress);
    if (!progress) {
        *out_error = host->strdup("progress reporter: out of memory");
        return FASTEST_ENOMEM;
    }
    const char *maxfail = host->option(session, "maxfail");
    const char *exitfirst = host->option(session, "exitfirst");
    progress->maxfail = exitfirst && strcmp(exitfirst, "0") != 0 ? 1
                        : maxfail                                 ? strtoul(maxfail, NULL, 10)
                                                                  : 0;
    progress->started = now();
    *out_state = progress;
    return 0;
}

static int close_progress(void *state, char **out_error)
{
    (void)out_error;
    free(state);
    return 0;
}

static const struct fastest_option progress_options[] = {
    {"--no-progress-line", NULL, "no_progress_line", 0, NULL,
     "Never show the live progress line (shown on long runs in a terminal)"},
};

static const struct fastest_reporter progress_table = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_reporter),
    .open = open_progress,
    .on_event = on_event,
    .close = close_progress,
};

static const struct fastest_plugin progress_plugin = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_plugin),
    .name = "progress",
    .version = FASTEST_VERSION_STRING,
    .description = "a live progress line on long runs in a terminal",
    .kind = FASTEST_PLUGIN_REPORTER,
    .table = &progress_table,
    .options = progress_options,
    .option_count = sizeof progress_options / sizeof *progress_options,
};

FASTEST_PLUGIN_ENTRY(host_abi, host, out_plugin, out_error)
{
    (void)host_abi;
    (void)host;
    (void)out_error;
    *out_plugin = &progress_plugin;
    return 0;
}
