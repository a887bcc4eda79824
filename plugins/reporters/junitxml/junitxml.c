/* The `junitxml` reporter plugin: pytest 7.2's JUnit XML file
 * (--junitxml=PATH) from fastest's events, element by element as
 * _pytest/junitxml.py's LogXML builds it. This file holds the plugin table,
 * the settings, the report dispatch (LogXML.pytest_runtest_logreport) and
 * the writing of the suite; testcase.c builds each <testcase>. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <fastest/errors.h>
#include <fastest/plugin.h>
#include <fastest/reporter.h>

#include "logfile_path.h"
#include "testcase.h"
#include "../console/text.h"

struct junitxml {
    const struct fastest_host *host;
    struct junit_settings settings;
    char *path; /* owned: the resolved --junitxml path */
    FILE *file; /* owned: opened (so checked writable) before the run */

    struct testcase **testcases; /* owned, in creation order (node_reporters_ordered) */
    size_t testcase_count;
    size_t testcase_capacity;
    /* Node ids of failed call reports whose teardown has not come yet
     * (open_reports); each owned. */
    char **open_reports;
    size_t open_report_count;
    size_t double_fail_count; /* cnt_double_fail_tests */
    /* global_properties: record_testsuite_property's, in the order
     * recorded; owned, NULL until the first. */
    struct xml_element *suite_properties;

    struct junit_stats stats;
    double suite_start; /* epoch seconds */
    int error;          /* the first failure (FASTEST_ENOMEM, ...), reported at close */
};

static double now(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static void keep_error(struct junitxml *xml, int rc)
{
    if (rc && !xml->error)
        xml->error = rc;
}

/* --- node reporters (LogXML.node_reporter / finalize) -------------------- */

/* node_reporter: the open testcase of node_id, created when there is none.
 * NULL when out of memory. */
static struct testcase *node_reporter(struct junitxml *xml, const char *node_id)
{
    for (size_t i = xml->testcase_count; i-- > 0;) {
        struct testcase *testcase = xml->testcases[i];
        if (!testcase->finalized && strcmp(testcase->node_id, node_id) == 0)
            return testcase;
    }
    if (xml->testcase_count == xml->testcase_capacity) {
        size_t capacity = xml->testcase_capacity ? 2 * xml->testcase_capacity : 64;
        struct testcase **grown = realloc(xml->testcases, capacity * sizeof *grown);
        if (!grown)
            return NULL;
        xml->testcases = grown;
        xml->testcase_capacity = capacity;
    }
    struct testcase *testcase = testcase_new(node_id);
    if (testcase)
        xml->testcases[xml->testcase_count++] = testcase;
    return testcase;
}

/* _opentestcase: node_reporter, with the report's attributes recorded. */
static struct testcase *open_testcase(struct junitxml *xml, const struct fastest_event *report)
{
    struct testcase *testcase = node_reporter(xml, report->node_id);
    int rc = testcase ? testcase_record_report(testcase, &xml->settings, report) : FASTEST_ENOMEM;
    keep_error(xml, rc);
    return rc ? NULL : testcase;
}

static void finalize(struct junitxml *xml, const char *node_id)
{
    struct testcase *testcase = node_reporter(xml, node_id);
    if (testcase)
        testcase->finalized = true;
}

/* Removes node_id from open_reports; true when it was there. */
static bool take_open_report(struct junitxml *xml, const char *node_id)
{
    for (size_t i = 0; i < xml->open_report_count; i++) {
        if (strcmp(xml->open_reports[i], node_id) == 0) {
            free(xml->open_reports[i]);
            xml->open_reports[i] = xml->open_reports[--xml->open_report_count];
            return true;
        }
    }
    return false;
}

static bool has_open_report(const struct junitxml *xml, const char *node_id)
{
    for (size_t i = 0; i < xml->open_report_count; i++)
        if (strcmp(xml->open_reports[i], node_id) == 0)
            return true;
    return false;
}

static void add_open_report(struct junitxml *xml, const char *node_id)
{
    char **grown = realloc(xml->open_reports, (xml->open_report_count + 1) * sizeof *grown);
    char *copy = strdup(node_id);
    if (grown)
        xml->open_reports = grown;
    if (!grown || !copy) {
        free(copy);
        keep_error(xml, FASTEST_ENOMEM);
        return;
    }
    xml->open_reports[xml->open_report_count++] = copy;
}

/* --- reports (LogXML.pytest_runtest_logreport / pytest_collectreport) ---- */

static void on_failed_report(struct junitxml *xml, const struct fastest_event *report)
{
    if (report->phase == FASTEST_PHASE_TEARDOWN && has_open_report(xml, report->node_id)) {
        /* A failed call and a failed teardown: two testcases, as the JUnit
         * schema allows one result per testcase. */
        finalize(xml, report->node_id);
        xml->double_fail_count++;
    }
    struct testcase *testcase = open_testcase(xml, report);
    if (!testcase)
        return;
    if (report->phase == FASTEST_PHASE_CALL) {
        keep_error(xml, testcase_append_failure(testcase, report, &xml->stats));
        add_open_report(xml, report->node_id);
        if (!xml->settings.log_passing_tests)
            keep_error(xml, testcase_write_captured_output(testcase, &xml->settings, report,
                                                           &xml->stats));
    } else {
        keep_error(xml, testcase_append_error(testcase, report, &xml->stats));
    }
}

static const char *phase_name(uint32_t phase)
{
    return phase == FASTEST_PHASE_SETUP ? "setup"
           : phase == FASTEST_PHASE_CALL ? "call"
           : phase == FASTEST_PHASE_TEARDOWN ? "teardown"
                                             : "";
}

/* update_testcase_duration. */
static void add_duration(struct junitxml *xml, const struct fastest_event *report)
{
    const char *counted = xml->settings.duration_report;
    if (strcmp(counted, "total") != 0 && strcmp(counted, phase_name(report->phase)) != 0)
        return;
    struct testcase *testcase = node_reporter(xml, report->node_id);
    if (testcase)
        testcase->duration += report->duration;
    else
        keep_error(xml, FASTEST_ENOMEM);
}

static void on_test_report(struct junitxml *xml, const struct fastest_event *report)
{
    if (FASTEST_HAS_MEMBER(report, struct fastest_event, suite_property_count))
        keep_error(xml, junit_append_properties(&xml->suite_properties, report->suite_properties,
                                                report->suite_property_count));
    if (report->outcome == FASTEST_OUTCOME_PASSED) {
        if (report->phase == FASTEST_PHASE_CALL && open_testcase(xml, report))
            xml->stats.passed++;
    } else if (report->outcome == FASTEST_OUTCOME_FAILED) {
        on_failed_report(xml, report);
    } else if (report->outcome == FASTEST_OUTCOME_SKIPPED) {
        struct testcase *testcase = open_testcase(xml, report);
        if (testcase)
            keep_error(xml, testcase_append_skipped(testcase, &xml->settings, report,
                                                    &xml->stats));
    }
    add_duration(xml, report);
    if (report->phase != FASTEST_PHASE_TEARDOWN)
        return;
    struct testcase *testcase = open_testcase(xml, report);
    if (testcase) {
        keep_error(xml, testcase_write_captured_output(testcase, &xml->settings, report,
                                                       &xml->stats));
        keep_error(xml, testcase_add_properties(testcase, report));
        testcase->finalized = true;
    }
    take_open_report(xml, report->node_id);
}

static void on_collect_report(struct junitxml *xml, const struct fastest_event *report)
{
    if (report->outcome == FASTEST_OUTCOME_PASSED || !report->node_id)
        return;
    struct testcase *testcase = open_testcase(xml, report);
    if (testcase)
        keep_error(xml, testcase_append_collect_result(testcase, report, &xml->stats));
}

/* --- the file (LogXML.pytest_sessionfinish) ------------------------------ */

/* datetime.fromtimestamp(seconds).isoformat(): local time, microseconds
 * only when not zero. */
static void iso_timestamp(double seconds, char *out, size_t size)
{
    time_t whole = (time_t)seconds;
    long micros = (long)((seconds - (double)whole) * 1e6 + 0.5);
    if (micros >= 1000000) {
        whole++;
        micros -= 1000000;
    }
    struct tm local;
    localtime_r(&whole, &local);
    size_t length = strftime(out, size, "%Y-%m-%dT%H:%M:%S", &local);
    if (micros && length < size)
        snprintf(out + length, size - length, ".%06ld", micros);
}

/* The <testsuite> element with its counts, global properties and every
 * testcase, or NULL when out of memory. */
static struct xml_element *suite_element(struct junitxml *xml)
{
    const struct junit_stats *stats = &xml->stats;
    char errors[32], failures[32], skipped[32], tests[32], time[64], timestamp[64], host[256];
    snprintf(errors, sizeof errors, "%zu", stats->error);
    snprintf(failures, sizeof failures, "%zu", stats->failure);
    snprintf(skipped, sizeof skipped, "%zu", stats->skipped);
    snprintf(tests, sizeof tests, "%zu",
             stats->passed + stats->failure + stats->skipped + stats->error -
                 xml->double_fail_count);
    snprintf(time, sizeof time, "%.3f", now() - xml->suite_start);
    iso_timestamp(xml->suite_start, timestamp, sizeof timestamp);
    if (gethostname(host, sizeof host) != 0)
        host[0] = '\0';
    host[sizeof host - 1] = '\0';
    const char *const attributes[][2] = {
        {"name", xml->settings.suite_name}, {"errors", errors}, {"failures", failures},
        {"skipped", skipped}, {"tests", tests}, {"time", time}, {"timestamp", timestamp},
        {"hostname", host},
    };
    struct xml_element *suite = xml_element_new("testsuite");
    int rc = suite ? 0 : FASTEST_ENOMEM;
    for (size_t i = 0; !rc && i < sizeof attributes / sizeof *attributes; i++)
        rc = xml_element_set(suite, attributes[i][0], attributes[i][1]);
    if (!rc && xml->suite_properties) {
        rc = xml_element_append(suite, xml->suite_properties);
        if (!rc)
            xml->suite_properties = NULL;
    }
    for (size_t i = 0; !rc && i < xml->testcase_count; i++) {
        struct xml_element *testcase = testcase_take_element(xml->testcases[i]);
        rc = testcase ? xml_element_append(suite, testcase) : FASTEST_ENOMEM;
    }
    if (rc) {
        xml_element_free(suite);
        return NULL;
    }
    return suite;
}

static void write_report(struct junitxml *xml)
{
    struct xml_element *suites = xml_element_new("testsuites");
    struct xml_element *suite = suites ? suite_element(xml) : NULL;
    if (!suite || xml_element_append(suites, suite)) {
        xml_element_free(suites);
        keep_error(xml, FASTEST_ENOMEM);
        return;
    }
    fputs("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml->file);
    keep_error(xml, xml_element_write(suites, xml->file));
    xml_element_free(suites);
}

static void on_event(void *state, const struct fastest_event *event)
{
    struct junitxml *xml = state;
    switch (event->kind) {
    case FASTEST_EVENT_SESSION_START:
        xml->suite_start = now();
        break;
    case FASTEST_EVENT_COLLECT_REPORT:
        on_collect_report(xml, event);
        break;
    case FASTEST_EVENT_TEST_REPORT:
        on_test_report(xml, event);
        break;
    case FASTEST_EVENT_SESSION_FINISH:
        write_report(xml);
        break;
    default:
        break;
    }
}

/* --- settings and the plugin table --------------------------------------- */

static const char *ini_or(const struct fastest_host *host, struct fastest_session *session,
                          const char *key, const char *fallback)
{
    const char *value = host->option(session, key);
    return value ? value : fallback;
}

/* pytest's ini "bool" type: true/yes/on/1 (any case) are true. */
static bool ini_bool(const char *value)
{
    static const char *const truthy[] = {"1", "true", "yes", "on", "y", "t"};
    for (size_t i = 0; i < sizeof truthy / sizeof *truthy; i++)
        if (strcasecmp(value, truthy[i]) == 0)
            return true;
    return false;
}

static void read_settings(const struct fastest_host *host, struct fastest_session *session,
                          struct junit_settings *out)
{
    const char *family = ini_or(host, session, "ini:junit_family", "xunit2");
    const char *logging = ini_or(host, session, "ini:junit_logging", "no");
    *out = (struct junit_settings){
        .xunit1 = strcmp(family, "xunit1") == 0 || strcmp(family, "legacy") == 0,
        .prefix = host->option(session, "junitprefix"),
        .suite_name = ini_or(host, session, "ini:junit_suite_name", "pytest"),
        .duration_report = ini_or(host, session, "ini:junit_duration_report", "total"),
        .log_passing_tests = ini_bool(ini_or(host, session, "ini:junit_log_passing_tests", "1")),
        .logging_log = strcmp(logging, "log") == 0 || strcmp(logging, "all") == 0,
        .logging_out = strcmp(logging, "system-out") == 0 || strcmp(logging, "out-err") == 0 ||
                       strcmp(logging, "all") == 0,
        .logging_err = strcmp(logging, "system-err") == 0 || strcmp(logging, "out-err") == 0 ||
                       strcmp(logging, "all") == 0,
    };
}

/* Creates the report's directory (os.makedirs) and opens the file, so that
 * an unusable path stops the run before it starts. Returns 0 or a code
 * with *out_error set from host->strdup. */
static int open_file(struct junitxml *xml, const char *given, char **out_error)
{
    static const char fix[] = "pass a path to a file in a writable directory";
    struct stat status;
    struct text message = {0};
    int rc = 0;
    if (stat(given, &status) == 0 && S_ISDIR(status.st_mode)) {
        text_printf(&message, "--junitxml must be a filename, given: %s", given);
        rc = FASTEST_EUSAGE;
    }
    for (char *slash = xml->path + 1; !rc && (slash = strchr(slash, '/')); slash++) {
        *slash = '\0';
        if (mkdir(xml->path, 0777) != 0 && errno != EEXIST) {
            text_printf(&message, "--junitxml: cannot create the directory %s for %s: %s; %s",
                        xml->path, given, strerror(errno), fix);
            rc = FASTEST_EIO;
        }
        *slash = '/';
    }
    if (!rc && !(xml->file = fopen(xml->path, "w"))) {
        text_printf(&message, "--junitxml: cannot write %s: %s; %s", xml->path, strerror(errno),
                    fix);
        rc = FASTEST_EIO;
    }
    if (rc)
        *out_error = xml->host->strdup(message.failed ? "--junitxml: out of memory"
                                                      : text_str(&message));
    text_free(&message);
    return rc;
}

static int close_junitxml(void *state, char **out_error);

static int open_junitxml(const struct fastest_host *host, struct fastest_session *session,
                         void **out_state, char **out_error)
{
    *out_state = NULL;
    const char *given = host->option(session, "xmlpath");
    if (!given)
        return 0;
    struct junitxml *xml = calloc(1, sizeof *xml);
    if (!xml) {
        *out_error = host->strdup("junitxml reporter: out of memory");
        return FASTEST_ENOMEM;
    }
    xml->host = host;
    xml->suite_start = now();
    read_settings(host, session, &xml->settings);
    int rc = logfile_path_resolve(given, &xml->path);
    if (rc)
        *out_error = host->strdup("--junitxml: cannot resolve the path (no current directory?)");
    else
        rc = open_file(xml, given, out_error);
    if (rc) {
        char *ignored = NULL;
        close_junitxml(xml, &ignored);
        return rc;
    }
    *out_state = xml;
    return 0;
}

static int close_junitxml(void *state, char **out_error)
{
    struct junitxml *xml = state;
    int rc = xml->error;
    if (xml->file && fclose(xml->file) != 0 && !rc)
        rc = FASTEST_EIO;
    if (rc)
        *out_error = xml->host->strdup(rc == FASTEST_ENOMEM ? "junitxml: out of memory"
                                                            : "junitxml: could not write the "
                                                              "report; check the disk");
    for (size_t i = 0; i < xml->testcase_count; i++)
        testcase_free(xml->testcases[i]);
    for (size_t i = 0; i < xml->open_report_count; i++)
        free(xml->open_reports[i]);
    free(xml->testcases);
    free(xml->open_reports);
    xml_element_free(xml->suite_properties);
    free(xml->path);
    free(xml);
    return rc;
}

static const struct fastest_option junitxml_options[] = {
    {"--junitxml", "--junit-xml", "xmlpath", 1, "path",
     "Create junit-xml style report file at given path"},
    {"--junitprefix", "--junit-prefix", "junitprefix", 1, "str",
     "Prepend prefix to classnames in junit-xml output"},
};

static const struct fastest_reporter junitxml_table = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_reporter),
    .open = open_junitxml,
    .on_event = on_event,
    .close = close_junitxml,
};

static const struct fastest_plugin junitxml_plugin = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_plugin),
    .name = "junitxml",
    .version = FASTEST_VERSION_STRING,
    .description = "pytest's JUnit XML report (--junitxml)",
    .kind = FASTEST_PLUGIN_REPORTER,
    .table = &junitxml_table,
    .options = junitxml_options,
    .option_count = sizeof junitxml_options / sizeof *junitxml_options,
};

FASTEST_PLUGIN_ENTRY(host_abi, host, out_plugin, out_error)
{
    (void)host_abi;
    (void)host;
    (void)out_error;
    *out_plugin = &junitxml_plugin;
    return 0;
}
