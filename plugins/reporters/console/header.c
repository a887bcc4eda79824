/* The session header and the "collected N items" line
 * (TerminalReporter.pytest_sessionstart / report_collect). */
#include "console.h"
#include "paths.h"

void console_session_header(struct console *console)
{
    const struct console_settings *settings = &console->settings;
    if (settings->verbosity < 0)
        return;
    console_write_sep(console, "=", "test session starts", MARKUP_BOLD);
    if (!settings->no_header) {
        struct text line = {0};
        text_printf(&line, "platform linux -- Python %s, fastest-%s", settings->python_version,
                    FASTEST_VERSION_STRING);
        if (settings->verbosity > 0 && settings->python_executable)
            text_printf(&line, " -- %s", settings->python_executable);
        console_write_line(console, text_str(&line), MARKUP_NONE);
        if (settings->verbosity > 0 && settings->cache_dir) {
            text_clear(&line);
            text_printf(&line, "cachedir: %s", settings->cache_dir);
            console_write_line(console, text_str(&line), MARKUP_NONE);
        }
        text_clear(&line);
        if (settings->report_header) {
            console_write_line(console, settings->report_header, MARKUP_NONE);
        } else {
            /* pytest's terminal reporter registers after the initial
             * conftests: their implementations' lines come first. */
            if (settings->conftest_header)
                console_write_line(console, settings->conftest_header, MARKUP_NONE);
            text_printf(&line, "rootdir: %s", console->rootdir);
            if (console->configfile) {
                /* bestrelpath(rootpath, inipath): the event gives a config
                 * file outside rootdir as an absolute path. */
                text_append_str(&line, ", configfile: ");
                if (console->configfile[0] == '/')
                    paths_bestrelpath(console->rootdir, console->configfile, &line);
                else
                    text_append_str(&line, console->configfile);
            }
            if (settings->header_testpaths)
                text_printf(&line, ", testpaths: %s", settings->header_testpaths);
            console_write_line(console, text_str(&line), MARKUP_NONE);
        }
        if (settings->strategy_line)
            console_write_line(console, settings->strategy_line, MARKUP_NONE);
        text_free(&line);
    }
    /* pytest_collection's "collecting ... " (rewritten on a terminal) */
    if (settings->is_tty || settings->verbosity >= 1)
        writer_write(&console->out, "collecting ... ", MARKUP_BOLD);
    writer_flush(&console->out);
}

static size_t stat_count(const struct console *console, const char *name)
{
    const struct category *category = console_stat(console, name);
    return category ? category->count : 0;
}

void console_collected_line(struct console *console)
{
    if (console->settings.verbosity < 0)
        return;
    size_t total = console->collected_total;
    size_t errors = stat_count(console, "error");
    size_t deselected = stat_count(console, "deselected");
    size_t skipped = stat_count(console, "skipped");
    size_t selected = total - deselected;
    struct text line = {0};
    text_printf(&line, "collected %zu item%s", total, total == 1 ? "" : "s");
    if (errors)
        text_printf(&line, " / %zu error%s", errors, errors == 1 ? "" : "s");
    if (deselected)
        text_printf(&line, " / %zu deselected", deselected);
    if (skipped)
        text_printf(&line, " / %zu skipped", skipped);
    if (total > selected)
        text_printf(&line, " / %zu selected", selected);
    if (console->settings.is_tty) {
        /* rewrite(line, bold=True, erase=True) over "collecting ... " */
        struct text erased = {0};
        text_printf(&erased, "\r%s", text_str(&line));
        for (int fill = console->out.fullwidth - (int)line.length - 1; fill > 0; fill--)
            text_append_str(&erased, " ");
        writer_write(&console->out, text_str(&erased), MARKUP_BOLD);
        writer_write(&console->out, "\n", MARKUP_NONE);
        text_free(&erased);
    } else {
        console_write_line(console, text_str(&line), MARKUP_NONE);
    }
    text_free(&line);
}
