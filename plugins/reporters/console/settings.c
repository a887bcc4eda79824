#include "settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static const char *option_or(const struct fastest_host *host,
                             const struct fastest_session *session, const char *dest,
                             const char *fallback)
{
    const char *value = host->option(session, dest);
    return value ? value : fallback;
}

static bool option_true(const struct fastest_host *host, const struct fastest_session *session,
                        const char *dest)
{
    const char *value = host->option(session, dest);
    return value && *value && strcmp(value, "0") != 0;
}

/* shutil.get_terminal_size(fallback=(80, 24)), then pytest's "< 40 means 80". */
static int terminal_width(void)
{
    const char *columns = getenv("COLUMNS");
    int width = columns ? atoi(columns) : 0;
    if (width <= 0) {
        struct winsize size;
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0)
            width = size.ws_col;
    }
    if (width <= 0)
        width = 80;
    return width < 40 ? 80 : width;
}

/* _pytest.terminal.getreportopt. */
static void report_chars(const char *requested, bool disable_warnings, char *out, size_t size)
{
    char chars[64] = "";
    for (const char *c = requested; *c; c++) {
        char ch = (*c == 'F' || *c == 'S') ? (char)(*c - 'A' + 'a') : *c;
        if (ch == 'a')
            strcpy(chars, "sxXEf");
        else if (ch == 'A')
            strcpy(chars, "PpsxXEf");
        else if (ch == 'N')
            chars[0] = '\0';
        else if (!strchr(chars, ch) && strlen(chars) + 1 < sizeof chars)
            strncat(chars, &ch, 1);
    }
    char *w = strchr(chars, 'w');
    if (!disable_warnings && !w) {
        memmove(chars + 1, chars, strlen(chars) + 1);
        chars[0] = 'w';
    } else if (disable_warnings && w) {
        memmove(w, w + 1, strlen(w));
    }
    snprintf(out, size, "%s", chars);
}

bool settings_plugin_blocked(const struct fastest_host *host,
                             const struct fastest_session *session, const char *name)
{
    size_t count;
    const char *const *plugins = host->option_values(session, "plugins", &count);
    for (size_t i = 0; i < count; i++)
        if (strncmp(plugins[i], "no:", 3) == 0 && strcmp(plugins[i] + 3, name) == 0)
            return true;
    return false;
}

/* The capture method as pytest's terminal reporter reads it: "no" when
 * `-p no:capture` leaves the option undeclared (getoption's default). */
static const char *capture_method(const struct fastest_host *host,
                                  const struct fastest_session *session)
{
    if (settings_plugin_blocked(host, session, "capture"))
        return "no";
    return option_or(host, session, "capture", "fd");
}

void settings_read(const struct fastest_host *host, const struct fastest_session *session,
                   struct console_settings *out)
{
    memset(out, 0, sizeof *out);
    out->verbosity = atoi(option_or(host, session, "verbose", "0"));
    report_chars(option_or(host, session, "reportchars", "fE"),
                 option_true(host, session, "disable_warnings"), out->reportchars,
                 sizeof out->reportchars);
    out->tbstyle = option_or(host, session, "tbstyle", "auto");
    out->fulltrace = option_true(host, session, "fulltrace");
    out->showcapture = option_or(host, session, "showcapture", "all");
    out->collect_only = option_true(host, session, "collectonly");
    out->no_header = option_true(host, session, "no_header");
    out->no_summary = option_true(host, session, "no_summary");
    out->continue_on_collection_errors =
        option_true(host, session, "continue_on_collection_errors");
    out->maxfail = atol(option_or(host, session, "maxfail", "0"));
    if (option_true(host, session, "exitfirst"))
        out->maxfail = 1;
    const char *durations = host->option(session, "durations");
    out->durations_enabled = durations != NULL;
    out->durations = durations ? atol(durations) : 0;
    out->durations_min = atof(option_or(host, session, "durations_min", "0.005"));

    const char *style = option_or(host, session, "ini:console_output_style", "progress");
    const char *capture = capture_method(host, session);
    bool capturing = strcmp(capture, "no") != 0;
    if (!capturing || option_true(host, session, "setupshow"))
        out->progress = PROGRESS_NONE;
    else if (strcmp(style, "progress") == 0)
        out->progress = PROGRESS_PERCENT;
    else if (strcmp(style, "count") == 0)
        out->progress = PROGRESS_COUNT;

    out->is_tty = isatty(STDOUT_FILENO);
    out->live_progress = out->is_tty || strcmp(capture, "fd") != 0;
    /* The core decides it (pytest's should_do_markup), for the engines too. */
    out->has_markup = option_true(host, session, "fastest_markup");
    out->on_ci = getenv("CI") || getenv("BUILD_NUMBER");
    out->width = terminal_width();
    out->python_version = option_or(host, session, "python_version", "3");
    out->python_executable = host->option(session, "python_executable");
    out->cache_dir = host->option(session, "cache_dir");
    out->collection_finish_lines = host->option(session, "fastest_collection_finish_lines");
    out->collection_finish_output = host->option(session, "fastest_collection_finish_output");
    out->stop_reason = host->option(session, "fastest_stop_reason");
    out->stepwise_limit = atol(option_or(host, session, "fastest_stepwise_limit", "0"));
    out->strategy_line = host->option(session, "fastest_strategy_line");
    out->report_header = host->option(session, "fastest_report_header");
    out->conftest_header = host->option(session, "fastest_conftest_header");
    out->header_testpaths = host->option(session, "fastest_header_testpaths");
    out->junitxml_path = host->option(session, "xmlpath");
    const char *github_actions = getenv("GITHUB_ACTIONS");
    out->github = option_true(host, session, "github") ||
                  (github_actions && strcmp(github_actions, "true") == 0);
}
