/* One <testcase> of the JUnit XML report while its reports arrive: pytest's
 * _NodeReporter (attributes from the node id and location, the failure /
 * error / skipped nodes, captured output, properties, accumulated time). */
#ifndef JUNITXML_TESTCASE_H
#define JUNITXML_TESTCASE_H

#include <stdbool.h>
#include <stddef.h>

#include <fastest/event.h>

#include "xml_tree.h"

/* The ini values and options that shape the report; strings are borrowed
 * from the session. */
struct junit_settings {
    bool xunit1;            /* junit_family xunit1 or legacy: file and line attributes */
    const char *prefix;     /* --junitprefix, or NULL */
    const char *suite_name; /* junit_suite_name */
    const char *duration_report; /* junit_duration_report: "total" or the phase counted */
    bool log_passing_tests; /* junit_log_passing_tests */
    /* junit_logging, as the three kinds of captured text it writes. */
    bool logging_log, logging_out, logging_err;
};

/* The suite's counters, keyed as pytest's LogXML.stats. */
struct junit_stats {
    size_t error, passed, failure, skipped;
};

struct testcase {
    char *node_id;               /* owned */
    struct xml_element *element; /* owned: attributes and result nodes, no time yet */
    struct xml_element *properties; /* owned; NULL until a property arrives */
    double duration;
    bool finalized; /* later reports of the node open a new testcase */
};

/* A new testcase for node_id, or NULL when out of memory. */
struct testcase *testcase_new(const char *node_id);
void testcase_free(struct testcase *testcase);

/* record_testreport: classname and name from the node id (pytest's
 * mangle_test_address), plus file and line for xunit1, then what
 * record_xml_attribute set (kept for xunit1; xunit2 keeps classname and
 * name only). */
int testcase_record_report(struct testcase *testcase, const struct junit_settings *settings,
                           const struct fastest_event *report);

/* The result nodes, as pytest's append_* methods; each counts itself in
 * stats. Return 0 or FASTEST_ENOMEM. */
int testcase_append_failure(struct testcase *testcase, const struct fastest_event *report,
                            struct junit_stats *stats);
int testcase_append_error(struct testcase *testcase, const struct fastest_event *report,
                          struct junit_stats *stats);
int testcase_append_skipped(struct testcase *testcase, const struct junit_settings *settings,
                            const struct fastest_event *report, struct junit_stats *stats);
int testcase_append_collect_result(struct testcase *testcase, const struct fastest_event *report,
                                   struct junit_stats *stats);
/* write_captured_output: <system-out>/<system-err> per junit_logging. */
int testcase_write_captured_output(struct testcase *testcase,
                                   const struct junit_settings *settings,
                                   const struct fastest_event *report, struct junit_stats *stats);
/* The report's user properties, as <property> children of <properties>. */
int testcase_add_properties(struct testcase *testcase, const struct fastest_event *report);

/* Appends a <property name= value=> per pair to *properties, creating that
 * <properties> element first when it is NULL and there are pairs (a
 * testcase's own, or the suite's from record_testsuite_property). Returns
 * 0 or FASTEST_ENOMEM. */
int junit_append_properties(struct xml_element **properties, const struct fastest_property *pairs,
                            size_t count);

/* to_xml: the finished <testcase> element (time attribute, properties
 * first). The caller owns it; the testcase keeps nothing. NULL when out of
 * memory. */
struct xml_element *testcase_take_element(struct testcase *testcase);

#endif
