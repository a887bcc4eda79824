#include "item.h"

#include <stdlib.h>
#include <string.h>

struct json_item *json_item_new(const char *node_id)
{
    struct json_item *item = calloc(1, sizeof *item);
    if (item && !(item->node_id = strdup(node_id))) {
        free(item);
        return NULL;
    }
    return item;
}

void json_item_free(struct json_item *item)
{
    if (!item)
        return;
    text_free(&item->location);
    text_free(&item->phases);
    text_free(&item->properties);
    free(item->node_kind);
    free(item->node_id);
    free(item);
}

void json_report_details(struct json_writer *writer, const struct fastest_event *report)
{
    if (report->longrepr)
        json_string(writer, "longrepr", report->longrepr);
    if (report->crash_message || report->crash_path) {
        json_begin_object(writer, "crash");
        json_string(writer, "path", report->crash_path);
        json_int(writer, "line", report->crash_line);
        json_string(writer, "message", report->crash_message);
        json_end_object(writer);
    }
    if (report->outcome == FASTEST_OUTCOME_SKIPPED && !report->wasxfail) {
        json_begin_object(writer, "skip");
        json_string(writer, "path", report->skip_path);
        json_int(writer, "line", report->skip_line);
        json_string(writer, "reason", report->skip_reason);
        json_end_object(writer);
    }
    if (report->wasxfail)
        json_string(writer, "wasxfail", report->wasxfail);
    json_begin_array(writer, "sections");
    for (size_t i = 0; i < report->section_count; i++) {
        json_begin_object(writer, NULL);
        json_string(writer, "title", report->sections[i].title);
        json_string(writer, "content", report->sections[i].content);
        json_end_object(writer);
    }
    json_end_array(writer);
}

static const char *outcome_name(uint32_t outcome)
{
    return outcome == FASTEST_OUTCOME_PASSED    ? "passed"
           : outcome == FASTEST_OUTCOME_FAILED  ? "failed"
           : outcome == FASTEST_OUTCOME_SKIPPED ? "skipped"
                                                : "unknown";
}

static const char *phase_name(uint32_t phase)
{
    return phase == FASTEST_PHASE_SETUP   ? "setup"
           : phase == FASTEST_PHASE_CALL  ? "call"
           : phase == FASTEST_PHASE_TEARDOWN ? "teardown"
                                          : "unknown";
}

/* The item's outcome after this report: the call decides, a failed setup
 * or teardown makes an error (unless the call already failed), a skip in
 * setup stands for the whole item. */
static const char *fold_outcome(const char *so_far, const struct fastest_event *report)
{
    bool failed = report->outcome == FASTEST_OUTCOME_FAILED;
    bool skipped = report->outcome == FASTEST_OUTCOME_SKIPPED;
    switch (report->phase) {
    case FASTEST_PHASE_SETUP:
        return failed ? "error" : skipped ? (report->wasxfail ? "xfailed" : "skipped") : so_far;
    case FASTEST_PHASE_CALL:
        if (failed)
            return "failed";
        if (skipped)
            return report->wasxfail ? "xfailed" : "skipped";
        return report->wasxfail ? "xpassed" : "passed";
    case FASTEST_PHASE_TEARDOWN:
        return failed && !(so_far && strcmp(so_far, "failed") == 0) ? "error" : so_far;
    default:
        return so_far;
    }
}

static void render_location(struct json_item *item, const struct fastest_event *report)
{
    struct json_writer writer;
    json_writer_init(&writer, &item->location);
    json_begin_object(&writer, NULL);
    json_string(&writer, "path", report->location_path);
    if (report->location_line >= 0)
        json_int(&writer, "line", report->location_line);
    else
        json_null(&writer, "line");
    json_string(&writer, "domain", report->location_domain);
    json_end_object(&writer);
}

void json_item_add_report(struct json_item *item, const struct fastest_event *report)
{
    if (!item->location.length && report->location_path)
        render_location(item, report);
    if (!item->node_kind && report->node_kind && !(item->node_kind = strdup(report->node_kind)))
        item->out_of_memory = true;
    item->outcome = fold_outcome(item->outcome, report);
    item->duration += report->duration;

    struct json_writer phases;
    json_writer_init(&phases, &item->phases);
    phases.has_members[0] = item->phases.length > 0;
    json_begin_object(&phases, phase_name(report->phase));
    json_string(&phases, "outcome", outcome_name(report->outcome));
    json_seconds(&phases, "duration", report->duration);
    if (report->start > 0)
        json_seconds(&phases, "start", report->start);
    if (report->stop > 0)
        json_seconds(&phases, "stop", report->stop);
    json_report_details(&phases, report);
    json_end_object(&phases);

    text_clear(&item->properties);
    struct json_writer properties;
    json_writer_init(&properties, &item->properties);
    json_begin_array(&properties, NULL);
    for (size_t i = 0; i < report->property_count; i++) {
        json_begin_array(&properties, NULL);
        json_string(&properties, NULL, report->properties[i].name);
        json_string(&properties, NULL, report->properties[i].value);
        json_end_array(&properties);
    }
    json_end_array(&properties);
    if (item->location.failed || item->phases.failed || item->properties.failed)
        item->out_of_memory = true;
}

void json_item_write(const struct json_item *item, struct json_writer *writer)
{
    json_begin_object(writer, NULL);
    json_string(writer, "node_id", item->node_id);
    json_string(writer, "outcome", item->outcome ? item->outcome : "passed");
    if (item->location.length)
        json_raw(writer, "location", text_str(&item->location));
    else
        json_null(writer, "location");
    json_string(writer, "node_kind", item->node_kind);
    json_seconds(writer, "duration", item->duration);
    struct text phases = {0};
    text_printf(&phases, "{%s}", text_str(&item->phases));
    json_raw(writer, "phases", text_str(&phases));
    text_free(&phases);
    json_raw(writer, "properties",
             item->properties.length ? text_str(&item->properties) : "[]");
    json_end_object(writer);
}
