#include "report.h"

#include <stdlib.h>
#include <string.h>

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

struct report *report_copy(const struct fastest_event *event)
{
    struct report *report = calloc(1, sizeof *report);
    if (!report)
        return NULL;
    bool failed = false;
    report->is_collect = event->kind == FASTEST_EVENT_COLLECT_REPORT;
    report->node_id = copy(event->node_id, &failed);
    report->phase = event->phase;
    report->outcome = event->outcome;
    report->location_path = copy(event->location_path, &failed);
    report->location_line = event->location_line;
    report->location_domain = copy(event->location_domain, &failed);
    report->duration = event->duration;
    report->longrepr = copy(event->longrepr, &failed);
    if (FASTEST_HAS_MEMBER(event, struct fastest_event, longrepr_markup))
        report->longrepr_markup = copy(event->longrepr_markup, &failed);
    report->crash_path = copy(event->crash_path, &failed);
    report->crash_line = event->crash_line;
    report->crash_message = copy(event->crash_message, &failed);
    if (FASTEST_HAS_MEMBER(event, struct fastest_event, longrepr_form))
        report->longrepr_form = event->longrepr_form;
    report->skip_path = copy(event->skip_path, &failed);
    report->skip_line = FASTEST_HAS_MEMBER(event, struct fastest_event, skip_folded_per_file) &&
                                event->skip_folded_per_file
                            ? -1
                            : event->skip_line;
    report->skip_reason = copy(event->skip_reason, &failed);
    report->wasxfail = copy(event->wasxfail, &failed);
    report->warning_message = copy(event->warning_message, &failed);
    if (event->section_count) {
        report->sections = calloc(event->section_count, sizeof *report->sections);
        failed |= report->sections == NULL;
        for (size_t i = 0; report->sections && i < event->section_count; i++) {
            report->sections[i].title = copy(event->sections[i].title, &failed);
            report->sections[i].content = copy(event->sections[i].content, &failed);
            report->section_count = i + 1;
        }
    }
    if (failed) {
        report_free(report);
        return NULL;
    }
    return report;
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
    char *strings[] = {report->node_id,       report->location_path,   report->location_domain,
                       report->longrepr,      report->longrepr_markup, report->crash_path,
                       report->crash_message, report->skip_path,       report->skip_reason,
                       report->wasxfail,      report->warning_message};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        free(strings[i]);
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
