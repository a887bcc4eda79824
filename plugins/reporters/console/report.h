/* The console's own copy of a test or collect report (events are borrowed
 * for one callback only), and the categories pytest's terminal files them
 * under ("failed", "passed", "error", "xfailed", "" for quiet phases...). */
#ifndef CONSOLE_REPORT_H
#define CONSOLE_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include <fastest/event.h>

struct report {
    bool is_collect; /* a COLLECT_REPORT (pytest's when == "collect") */
    char *node_id;
    uint32_t phase;
    uint32_t outcome;
    char *location_path;
    int32_t location_line;
    char *location_domain; /* pytest's head_line */
    double duration;
    char *longrepr;
    char *longrepr_markup; /* NULL unless the engine coloured it */
    char *crash_path;      /* NULL when the longrepr has no reprcrash */
    int32_t crash_line;
    char *crash_message;
    uint32_t longrepr_form; /* enum fastest_longrepr_form */
    char *skip_path;
    int32_t skip_line; /* -1: pytest folds the skip per file */
    char *skip_reason;
    char *wasxfail; /* NULL unless an xfail/xpass */
    struct fastest_section *sections;
    size_t section_count;
    /* For warnings: */
    char *warning_message;
};

/* event's fields as a report, its strings borrowed: valid while the event is
 * (one callback). */
struct report report_view(const struct fastest_event *event);
/* A deep copy of a view; NULL when out of memory. Free with report_free. */
struct report *report_keep(const struct report *view);
/* report_keep(&report_view(event)). */
struct report *report_copy(const struct fastest_event *event);
void report_free(struct report *report);

/* pytest_report_teststatus: the stats category ("" for passed setup and
 * teardown), the progress letter and the verbose word. */
struct test_status {
    const char *category;
    const char *letter;
    const char *word;
};
struct test_status report_status(const struct report *report);

#endif
