#include "testcase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "python_text.h"
#include "../console/text.h"

struct testcase *testcase_new(const char *node_id)
{
    struct testcase *testcase = calloc(1, sizeof *testcase);
    if (!testcase)
        return NULL;
    testcase->node_id = strdup(node_id);
    testcase->element = xml_element_new("testcase");
    if (!testcase->node_id || !testcase->element) {
        testcase_free(testcase);
        return NULL;
    }
    return testcase;
}

void testcase_free(struct testcase *testcase)
{
    if (!testcase)
        return;
    xml_element_free(testcase->element);
    xml_element_free(testcase->properties);
    free(testcase->node_id);
    free(testcase);
}

static void count(struct junit_stats *stats, const char *tag)
{
    if (strcmp(tag, "error") == 0)
        stats->error++;
    else if (strcmp(tag, "failure") == 0)
        stats->failure++;
    else if (strcmp(tag, "skipped") == 0)
        stats->skipped++;
}

/* _NodeReporter.append: adds a result node and counts its tag. */
static int append_node(struct testcase *testcase, struct xml_element *node,
                       struct junit_stats *stats)
{
    count(stats, node->tag);
    return xml_element_append(testcase->element, node);
}

/* A new element with one attribute and (when text is not NULL) the text
 * passed through bin_xml_escape, or NULL when out of memory. */
static struct xml_element *new_node(const char *tag, const char *attribute, const char *value,
                                    const char *text)
{
    struct xml_element *node = xml_element_new(tag);
    char *escaped = text ? xml_visual_escape(text) : NULL;
    if (!node || (text && !escaped) || xml_element_set(node, attribute, value) ||
        xml_element_set_text(node, escaped)) {
        xml_element_free(node);
        node = NULL;
    }
    free(escaped);
    return node;
}

/* _add_simple(tag, message, data). */
static int add_simple(struct testcase *testcase, const char *tag, const char *message,
                      const char *data, struct junit_stats *stats)
{
    struct xml_element *node = new_node(tag, "message", message, data);
    return node ? append_node(testcase, node, stats) : FASTEST_ENOMEM;
}

/* Appends part to a '.'-joined list; *first tells whether it is the first. */
static void join_part(struct text *joined, const char *part, size_t length, bool *first)
{
    if (!*first)
        text_append_str(joined, ".");
    text_append(joined, part, length);
    *first = false;
}

/* mangle_test_address: "a/b.py::C::t[x::y]" gives the names "a.b", "C",
 * "t[x::y]"; all but the last, after the prefix (when not empty), are
 * joined by '.' into classname, the last goes to name. */
static void mangle_test_address(const char *node_id, const char *prefix, struct text *classname,
                                struct text *name)
{
    const char *params = node_id + strcspn(node_id, "[");
    struct text module = {0};
    const char *end = strstr(node_id, "::");
    if (!end || end > params)
        end = params;
    for (const char *c = node_id; c < end; c++)
        text_append(&module, *c == '/' ? "." : c, 1);
    if (module.length >= 3 && strcmp(text_str(&module) + module.length - 3, ".py") == 0)
        module.length -= 3;
    bool first = true;
    if (prefix && *prefix)
        join_part(classname, prefix, strlen(prefix), &first);
    const char *part = text_str(&module);
    size_t part_length = module.length;
    while (end < params) { /* end points at the "::" before the next name */
        join_part(classname, part, part_length, &first);
        part = end + 2;
        end = strstr(part, "::");
        if (!end || end > params)
            end = params;
        part_length = (size_t)(end - part);
    }
    text_append(name, part, part_length);
    text_append_str(name, params);
    text_free(&module);
}

/* What record_xml_attribute set, over the attributes made from the node id:
 * pytest's attrs.update(existing_attrs). */
static int set_user_attributes(struct testcase *testcase, const struct fastest_event *report)
{
    if (!FASTEST_HAS_MEMBER(report, struct fastest_event, xml_attribute_count))
        return 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < report->xml_attribute_count; i++) {
        char *value = xml_visual_escape(report->xml_attributes[i].value);
        rc = value ? xml_element_set(testcase->element, report->xml_attributes[i].name, value)
                   : FASTEST_ENOMEM;
        free(value);
    }
    return rc;
}

int testcase_record_report(struct testcase *testcase, const struct junit_settings *settings,
                           const struct fastest_event *report)
{
    struct text classname = {0}, name = {0}, line = {0};
    mangle_test_address(testcase->node_id, settings->prefix, &classname, &name);
    char *escaped_name = xml_visual_escape(text_str(&name));
    const char *file = report->location_path ? report->location_path : "";
    int rc = classname.failed || name.failed || !escaped_name ? FASTEST_ENOMEM : 0;
    if (!rc)
        rc = xml_element_set(testcase->element, "classname", text_str(&classname));
    if (!rc)
        rc = xml_element_set(testcase->element, "name", escaped_name);
    if (!rc)
        rc = xml_element_set(testcase->element, "file", file);
    if (!rc && report->location_path && report->location_line >= 0) {
        text_printf(&line, "%d", (int)report->location_line);
        rc = xml_element_set(testcase->element, "line", text_str(&line));
    }
    if (!rc)
        rc = set_user_attributes(testcase, report);
    if (!rc && !settings->xunit1) {
        static const char *const xunit2_attributes[] = {"classname", "name", NULL};
        xml_element_keep_only(testcase->element, xunit2_attributes);
    }
    free(escaped_name);
    text_free(&classname);
    text_free(&name);
    text_free(&line);
    return rc;
}

/* str(report.longrepr), malloc'd (NULL when out of memory): plain text as
 * it is (without the newline out.line() gave it), a rendering stripped. */
static char *longrepr_str(const struct fastest_event *report)
{
    const char *longrepr = report->longrepr ? report->longrepr : "";
    if (!FASTEST_HAS_MEMBER(report, struct fastest_event, longrepr_form) ||
        report->longrepr_form != FASTEST_LONGREPR_TEXT)
        return python_strip(longrepr);
    size_t length = strlen(longrepr);
    return strndup(longrepr, length && longrepr[length - 1] == '\n' ? length - 1 : length);
}

int testcase_append_failure(struct testcase *testcase, const struct fastest_event *report,
                            struct junit_stats *stats)
{
    char *longrepr = longrepr_str(report);
    const char *message = report->crash_message ? report->crash_message : longrepr;
    char *escaped = longrepr ? xml_visual_escape(message) : NULL;
    int rc = escaped ? add_simple(testcase, "failure", escaped, longrepr, stats) : FASTEST_ENOMEM;
    free(escaped);
    free(longrepr);
    return rc;
}

int testcase_append_error(struct testcase *testcase, const struct fastest_event *report,
                          struct junit_stats *stats)
{
    char *longrepr = longrepr_str(report);
    const char *reason = report->crash_message ? report->crash_message : longrepr;
    struct text message = {0};
    if (longrepr)
        text_printf(&message, "failed on %s with \"%s\"",
                    report->phase == FASTEST_PHASE_TEARDOWN ? "teardown" : "setup", reason);
    char *escaped = longrepr && !message.failed ? xml_visual_escape(text_str(&message)) : NULL;
    int rc = escaped ? add_simple(testcase, "error", escaped, longrepr, stats) : FASTEST_ENOMEM;
    free(escaped);
    text_free(&message);
    free(longrepr);
    return rc;
}

static const char *without_prefix(const char *text, const char *prefix)
{
    size_t length = strlen(prefix);
    return strncmp(text, prefix, length) == 0 ? text + length : text;
}

int testcase_append_skipped(struct testcase *testcase, const struct junit_settings *settings,
                            const struct fastest_event *report, struct junit_stats *stats)
{
    if (report->wasxfail) {
        char *reason = xml_visual_escape(without_prefix(report->wasxfail, "reason: "));
        struct xml_element *node = reason ? new_node("skipped", "type", "pytest.xfail", NULL) : NULL;
        int rc = node ? xml_element_set(node, "message", reason) : FASTEST_ENOMEM;
        free(reason);
        if (rc) {
            xml_element_free(node);
            return rc;
        }
        return append_node(testcase, node, stats);
    }
    const char *reason = without_prefix(report->skip_reason ? report->skip_reason : "", "Skipped: ");
    struct text details = {0};
    text_printf(&details, "%s:%d: %s", report->skip_path ? report->skip_path : "",
                (int)report->skip_line, reason);
    struct xml_element *node =
        details.failed ? NULL : new_node("skipped", "type", "pytest.skip", text_str(&details));
    text_free(&details);
    int rc = node ? xml_element_set(node, "message", reason) : FASTEST_ENOMEM;
    if (rc) {
        xml_element_free(node);
        return rc;
    }
    rc = append_node(testcase, node, stats);
    return rc ? rc : testcase_write_captured_output(testcase, settings, report, stats);
}

int testcase_append_collect_result(struct testcase *testcase, const struct fastest_event *report,
                                   struct junit_stats *stats)
{
    if (report->outcome == FASTEST_OUTCOME_FAILED) {
        char *longrepr = longrepr_str(report);
        int rc = longrepr ? add_simple(testcase, "error", "collection failure", longrepr, stats)
                          : FASTEST_ENOMEM;
        free(longrepr);
        return rc;
    }
    /* str() of the (path, lineno, reason) tuple pytest keeps. */
    struct text tuple = {0};
    text_append_str(&tuple, "(");
    python_repr_str(report->skip_path ? report->skip_path : "", &tuple);
    text_printf(&tuple, ", %d, ", (int)report->skip_line);
    python_repr_str(report->skip_reason ? report->skip_reason : "", &tuple);
    text_append_str(&tuple, ")");
    int rc = tuple.failed ? FASTEST_ENOMEM
                          : add_simple(testcase, "skipped", "collection skipped", text_str(&tuple),
                                       stats);
    text_free(&tuple);
    return rc;
}

/* report.capstdout / capstderr (joined with "") and caplog (joined with
 * "\n"): the contents of the sections whose title starts with prefix. */
static void captured(const struct fastest_event *report, const char *prefix,
                     const char *separator, struct text *out)
{
    bool first = true;
    for (size_t i = 0; i < report->section_count; i++) {
        const struct fastest_section *section = &report->sections[i];
        if (strncmp(section->title, prefix, strlen(prefix)) != 0)
            continue;
        if (!first)
            text_append_str(out, separator);
        text_append_str(out, section->content);
        first = false;
    }
}

/* _prepare_content: header.center(80, "-"), content and "" joined by
 * newlines. */
static void prepare_content(const struct fastest_event *report, const char *prefix,
                            const char *separator, const char *header, struct text *out)
{
    python_center(header, 80, '-', out);
    text_append_str(out, "\n");
    captured(report, prefix, separator, out);
    text_append_str(out, "\n");
}

static int write_content(struct testcase *testcase, const char *tag, struct text *content,
                         struct junit_stats *stats)
{
    char *escaped = content->failed ? NULL : xml_visual_escape(text_str(content));
    struct xml_element *node = escaped ? xml_element_new(tag) : NULL;
    int rc = node ? xml_element_set_text(node, escaped) : FASTEST_ENOMEM;
    free(escaped);
    text_clear(content);
    if (rc) {
        xml_element_free(node);
        return rc;
    }
    return append_node(testcase, node, stats);
}

int testcase_write_captured_output(struct testcase *testcase,
                                   const struct junit_settings *settings,
                                   const struct fastest_event *report, struct junit_stats *stats)
{
    if (!settings->log_passing_tests && report->outcome == FASTEST_OUTCOME_PASSED)
        return 0;
    struct text content = {0};
    int rc = 0;
    if (settings->logging_log)
        prepare_content(report, "Captured log", "\n", " Captured Log ", &content);
    if (settings->logging_out) {
        prepare_content(report, "Captured stdout", "", " Captured Out ", &content);
        rc = write_content(testcase, "system-out", &content, stats);
    }
    if (!rc && settings->logging_err) {
        prepare_content(report, "Captured stderr", "", " Captured Err ", &content);
        rc = write_content(testcase, "system-err", &content, stats);
    }
    if (!rc && content.length)
        rc = write_content(testcase, "system-out", &content, stats);
    text_free(&content);
    return rc;
}

int junit_append_properties(struct xml_element **properties, const struct fastest_property *pairs,
                            size_t count)
{
    if (count && !*properties && !(*properties = xml_element_new("properties")))
        return FASTEST_ENOMEM;
    for (size_t i = 0; i < count; i++) {
        char *value = xml_visual_escape(pairs[i].value);
        struct xml_element *property = value ? xml_element_new("property") : NULL;
        int rc = property ? xml_element_set(property, "name", pairs[i].name) : FASTEST_ENOMEM;
        if (!rc)
            rc = xml_element_set(property, "value", value);
        free(value);
        if (rc) {
            xml_element_free(property);
            return rc;
        }
        if ((rc = xml_element_append(*properties, property)))
            return rc;
    }
    return 0;
}

int testcase_add_properties(struct testcase *testcase, const struct fastest_event *report)
{
    return junit_append_properties(&testcase->properties, report->properties,
                                   report->property_count);
}

struct xml_element *testcase_take_element(struct testcase *testcase)
{
    char time[64];
    snprintf(time, sizeof time, "%.3f", testcase->duration);
    struct xml_element *element = testcase->element;
    testcase->element = NULL;
    if (!element || xml_element_set(element, "time", time)) {
        xml_element_free(element);
        return NULL;
    }
    if (testcase->properties) {
        struct xml_element *properties = testcase->properties;
        testcase->properties = NULL;
        if (xml_element_insert(element, 0, properties)) {
            xml_element_free(element);
            return NULL;
        }
    }
    return element;
}
