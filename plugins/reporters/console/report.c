#include "report.h"

#include <stdlib.h>
#include <string.h>

struct report report_view(const struct fastest_event *event)
{
    struct report view = {
        .is_collect = event->kind == FASTEST_EVENT_COLLECT_REPORT,
        .node_id = (char *)event->node_id,
        .phase = event->phase,
        .outcome = event->outcome,
        .location_path = (char *)event->location_path,
        .location_line = event->location_line,
        .location_domain = (char *)event->location_domain,
        .duration = event->duration,
        .longrepr = (char *)event->longrepr,
        .crash_path = (char *)event->crash_path,
        .crash_line = event->crash_line,
        .crash_message = (char *)event->crash_message,
        .skip_path = (char *)event->skip_path,
        .skip_line = event->skip_line,
        .skip_reason = (char *)event->skip_reason,
        .wasxfail = (char *)event->wasxfail,
        .sections = (struct fastest_section *)event->sections,
        .section_count = event->section_count,
        .warning_message = (char *)event->warning_message,
    };
    if (FASTEST_HAS_MEMBER(event, struct fastest_event, longrepr_markup))
        view.longrepr_markup = (char *)event->longrepr_markup;
    if (FASTEST_HAS_MEMBER(event, struct fastest_event, longrepr_form))
        view.longrepr_form = event->longrepr_form;
    if (FASTEST_HAS_MEMBER(event, struct fastest_event, skip_folded_per_file) &&
        event->skip_folded_per_file)
        view.skip_line = -1;
    return view;
}

enum { STRING_FIELD_COUNT = 11 };

/* The addresses of the report's strings, which a kept report owns:
 * report_keep copies them, report_free frees them. */
static void string_fields(struct report *report, char **out[STRING_FIELD_COUNT])
{
    char **const fields[STRING_FIELD_COUNT] = {
        &report->node_id,       &report->location_path,   &report->location_domain,
        &report->longrepr,      &report->longrepr_markup, &report->crash_path,
        &report->crash_message, &report->skip_path,       &report->skip_reason,
        &report->wasxfail,      &report->warning_message};
    memcpy(out, fields, sizeof fields);
}

/* strdup that keeps NULL; sets *failed when a copy cannot be made. */
static char *copy(const char *text, bool *failed)
{
    if (!text)
        return NULL;
    char *result = strdup(text);
    if (!result)
        *failed = true;
    return result;
}

struct report *report_keep(const struct report *view)
{
    struct report *report = malloc(sizeof *report);
    if (!report)
        return NULL;
    *report = *view;
    bool failed = false;
    char **strings[STRING_FIELD_COUNT];
    string_fields(report, strings);
    for (size_t i = 0; i < STRING_FIELD_COUNT; i++)
        *strings[i] = copy(*strings[i], &failed);
    report->sections = NULL;
    report->section_count = 0;
    if (view->section_count) {
        report->sections = calloc(view->section_count, sizeof *report->sections);
        failed |= report->sections == NULL;
        for (size_t i = 0; report->sections && i < view->section_count; i++) {
            report->sections[i].title = copy(view->sections[i].title, &failed);
            report->sections[i].content = copy(view->sections[i].content, &failed);
            report->section_count = i + 1;
        }
    }
    if (failed) {
        report_free(report);
        return NULL;
    }
    return report;
}

struct report *report_copy(const struct fastest_event *event)
{
    struct report view = report_view(event);
    return report_keep(&view);
}

void report_free(struct report *report)
{
    if (!report)
        return;
    for (size_t i = 0; i < report->section_count; i++) {
        free((char *)report->sections[i].title);
        free((char *)report->sections[i].content);
    }
    free(report->sections);
    char **strings[STRING_FIELD_COUNT];
    string_fields(report, strings);
    for (size_t i = 0; i < STRING_FIELD_COUNT; i++)
        free(*strings[i]);
    free(report);
}

struct test_status report_status(const struct report *report)
{
    /* _pytest.skipping first, then _pytest.runner, then _pytest.terminal. */
    if (report->wasxfail && report->outcome == FASTEST_OUTCOME_SKIPPED)
        return (struct test_status){"xfailed", "x", "XFAIL"};
    if (report->wasxfail && report->outcome == FASTEST_OUTCOME_PASSED)
        return (struct test_status){"xpassed", "X", "XPASS"};
    bool quiet_phase = report->is_collect || report->phase == FASTEST_PHASE_SETUP ||
                       report->phase == FASTEST_PHASE_TEARDOWN;
    switch (report->outcome) {
    case FASTEST_OUTCOME_FAILED:
        return quiet_phase ? (struct test_status){"error", "E", "ERROR"}
                           : (struct test_status){"failed", "F", "FAILED"};
    case FASTEST_OUTCOME_SKIPPED:
        return (struct test_status){"skipped", "s", "SKIPPED"};
    default:
        return quiet_phase && !report->is_collect ? (struct test_status){"", "", ""}
                                                  : (struct test_status){"passed", ".", "PASSED"};
    }
}
