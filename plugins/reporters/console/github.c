/* GitHub Actions annotations: after the normal report, one workflow command
 * per failure and error,
 *
 *   ::error file=PATH,line=N,title=NODE ID::MESSAGE
 *
 * so that the run's page and the pull request's diff show them at their
 * line. On with --github, or automatically when GITHUB_ACTIONS=true. */
#include "console.h"

#include <string.h>

#include "paths.h"

/* GitHub's escaping of a command's message (escapeData): %, CR and LF; a
 * property value (escapeProperty) also escapes ':' and ','. */
static void append_escaped(struct text *out, const char *value, bool is_property)
{
    for (const char *c = value; *c; c++) {
        switch (*c) {
        case '%': text_append_str(out, "%25"); break;
        case '\r': text_append_str(out, "%0D"); break;
        case '\n': text_append_str(out, "%0A"); break;
        case ':': text_append_str(out, is_property ? "%3A" : ":"); break;
        case ',': text_append_str(out, is_property ? "%2C" : ","); break;
        default: text_append(out, c, 1); break;
        }
    }
}

/* Where to point: the crash entry when it lies under the working directory
 * (as a relative path), else the test's own location (line 0-based in the
 * report). Appends the path to out and returns the 1-based line, 0 when
 * unknown. */
static int annotation_place(const struct console *console, const struct report *report,
                            struct text *out)
{
    size_t cwd_length = strlen(console->cwd);
    const char *crash = report->crash_path;
    if (crash && report->crash_line > 0) {
        if (crash[0] != '/') {
            text_append_str(out, crash);
            return report->crash_line;
        }
        if (strncmp(crash, console->cwd, cwd_length) == 0 && crash[cwd_length] == '/') {
            text_append_str(out, crash + cwd_length + 1);
            return report->crash_line;
        }
    }
    const char *path = report->location_path ? report->location_path : report->node_id;
    struct text absolute = {0};
    text_printf(&absolute, "%s/%.*s", console->rootdir, (int)strcspn(path, ":"), path);
    paths_bestrelpath(console->cwd, text_str(&absolute), out);
    text_free(&absolute);
    return report->location_path && report->location_line >= 0 ? report->location_line + 1 : 0;
}

static void annotate(struct console *console, const struct report *report)
{
    struct text place = {0}, command = {0};
    int line = annotation_place(console, report, &place);
    text_append_str(&command, "::error file=");
    append_escaped(&command, text_str(&place), true);
    if (line > 0)
        text_printf(&command, ",line=%d", line);
    text_append_str(&command, ",title=");
    append_escaped(&command, report->node_id, true);
    text_append_str(&command, "::");
    const char *message = report->crash_message ? report->crash_message
                          : report->longrepr    ? report->longrepr
                                                : "failed";
    append_escaped(&command, message, false);
    writer_line(&console->out, text_str(&command), MARKUP_NONE);
    text_free(&place);
    text_free(&command);
}

void console_github_annotations(struct console *console)
{
    if (!console->settings.github)
        return;
    static const char *const categories[] = {"error", "failed"};
    for (size_t i = 0; i < sizeof categories / sizeof *categories; i++) {
        const struct category *category = console_stat(console, categories[i]);
        for (size_t j = 0; category && j < category->count; j++)
            if (category->reports[j])
                annotate(console, category->reports[j]);
    }
}
