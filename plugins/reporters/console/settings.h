/* What the console reporter was asked for: pytest's options (by dest name)
 * and environment, read once when the reporter opens. */
#ifndef CONSOLE_SETTINGS_H
#define CONSOLE_SETTINGS_H

#include <stdbool.h>

#include <fastest/host.h>

enum progress_style { PROGRESS_NONE, PROGRESS_PERCENT, PROGRESS_COUNT };

struct console_settings {
    int verbosity;          /* -v count minus -q count */
    char reportchars[64];   /* pytest's getreportopt(): "wfE" by default */
    const char *tbstyle;    /* "auto", "long", "short", "line", "native", "no" */
    bool fulltrace;         /* --full-trace */
    const char *showcapture; /* "no", "stdout", "stderr", "log", "all" */
    bool collect_only;
    bool no_header;
    bool no_summary;
    bool continue_on_collection_errors;
    long maxfail;           /* 0: unlimited; -x makes it 1 */
    bool durations_enabled; /* --durations given */
    long durations;         /* 0: all */
    double durations_min;
    enum progress_style progress;
    bool has_markup;
    bool is_tty;
    /* Progress must reach stdout report by report: someone may be watching
     * (a terminal), or the tests' own output shares the stream (--capture
     * no, tee-sys, or sys, which lets writes to the descriptors through)
     * and the two must interleave as they happened. */
    bool live_progress;
    bool on_ci;             /* CI or BUILD_NUMBER set: summary lines are not trimmed */
    int width;
    const char *python_version;  /* owned by the session */
    const char *python_executable;
    const char *cache_dir;
    /* Lines pytest prints after "collected N items" (its
     * pytest_report_collectionfinish hooks': --lf's, --ff's and --sw's
     * status, a plugin's), '\n'-separated, or NULL. */
    const char *collection_finish_lines;
    /* What the native engine's pytest_collection_finish implementations
     * printed: after the collected items (and their list under
     * --collect-only), as pytest's reporter's own implementation runs
     * before the initial conftests'. */
    const char *collection_finish_output;
    /* Under --sw: why pytest's stepwise plugin stops the session
     * (shouldstop) once stepwise_limit tests failed (exit 2, "Interrupted:
     * REASON", unless -x/--maxfail stopped it first), or NULL. */
    const char *stop_reason;
    long stepwise_limit;
    const char *strategy_line;
    /* The pytest engine's header lines ('\n'-separated: rootdir, plugins,
     * pytest_report_header's), printed instead of the rootdir line; NULL
     * with the native engine. */
    const char *report_header;
    /* The lines conftests' pytest_report_header gave under the native
     * engine, printed before the rootdir line; NULL when none. */
    const char *conftest_header;
    /* The testpaths that became the arguments, joined with ", ", for the
     * rootdir line's ", testpaths: ..."; NULL when they did not. */
    const char *header_testpaths;
    const char *junitxml_path; /* --junitxml as given, or NULL */
    bool github;               /* --github, or GITHUB_ACTIONS=true */
};

/* Whether `-p no:NAME` blocks pytest's plugin NAME. */
bool settings_plugin_blocked(const struct fastest_host *host,
                             const struct fastest_session *session, const char *name);

/* Fills *out from the session's options and the process environment. */
void settings_read(const struct fastest_host *host, const struct fastest_session *session,
                   struct console_settings *out /* OUT */);

#endif
