/* The `json` reporter plugin (--json=PATH): one JSON document per run with
 * the session facts, every collect report that did not pass, every item
 * with its phases, the warnings, pytest's summary counts and the exit
 * status. The schema is docs/json-report.md (schema_version 1).
 *
 * The document is streamed: each item is written when its ITEM_FINISH
 * arrives, so memory stays bounded by the items in flight. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include <fastest/errors.h>
#include <fastest/plugin.h>
#include <fastest/reporter.h>

#include "../console/report.h"
#include "item.h"
#include "json_writer.h"

#define JSON_SCHEMA_VERSION 1

/* pytest's stats categories the summary counts, in the final line's order. */
static const char *const summary_categories[] = {"failed", "passed", "skipped", "deselected",
                                                 "xfailed", "xpassed", "warnings", "error"};
#define CATEGORY_COUNT (sizeof summary_categories / sizeof *summary_categories)

/* Where the document is: members are written in this order. */
enum json_stage { STAGE_NOT_STARTED, STAGE_COLLECTING, STAGE_ITEMS, STAGE_FINISHED };

struct json_report {
    const struct fastest_host *host;
    FILE *file; /* owned */
    struct text out; /* the part of the document not yet written to file */
    struct json_writer writer;
    enum json_stage stage;

    struct json_item **items_in_flight; /* owned: started, not finished */
    size_t in_flight_count;
    struct text warnings; /* the rendered "warnings" array's members */
    struct json_writer warnings_writer;

    size_t counts[CATEGORY_COUNT];
    double started; /* epoch seconds */
    int error;      /* the first failure, reported at close */
};

static double now(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static void count(struct json_report *json, const char *category)
{
    for (size_t i = 0; i < CATEGORY_COUNT; i++)
        if (strcmp(summary_categories[i], category) == 0)
            json->counts[i]++;
}

/* pytest's stats category of a report, by the console's own rule. */
static const char *category_of(const struct fastest_event *event, bool is_collect)
{
    struct report view = {
        .is_collect = is_collect,
        .phase = event->phase,
        .outcome = event->outcome,
        .wasxfail = (char *)event->wasxfail,
    };
    return report_status(&view).category;
}

/* Writes what the writer holds so far. */
static void flush(struct json_report *json)
{
    if (json->out.failed && !json->error)
        json->error = FASTEST_ENOMEM;
    if (json->out.length && fwrite(json->out.data, 1, json->out.length, json->file) !=
                                json->out.length && !json->error)
        json->error = FASTEST_EIO;
    text_clear(&json->out);
}

/* --- the document's stages ------------------------------------------------ */

static void write_header(struct json_report *json, const struct fastest_event *event)
{
    struct json_writer *writer = &json->writer;
    json_begin_object(writer, NULL);
    json_string(writer, "schema", "fastest-report");
    json_int(writer, "schema_version", JSON_SCHEMA_VERSION);
    json_string(writer, "fastest_version", json->host->version);
    json_string(writer, "rootdir", event ? event->rootdir : NULL);
    json_string(writer, "configfile", event ? event->configfile : NULL);
    json_seconds(writer, "started", json->started);
    json_newline(writer);
    json_begin_array(writer, "collect_reports");
    json->stage = STAGE_COLLECTING;
}

/* Brings the document to stage (writing the members in between). */
static void advance_to(struct json_report *json, enum json_stage stage,
                       const struct fastest_event *collection)
{
    struct json_writer *writer = &json->writer;
    if (json->stage == STAGE_NOT_STARTED && stage > STAGE_NOT_STARTED)
        write_header(json, NULL);
    if (json->stage == STAGE_COLLECTING && stage > STAGE_COLLECTING) {
        json_end_array(writer);
        json_newline(writer);
        json_int(writer, "collected", collection ? (int64_t)collection->item_count : 0);
        json_int(writer, "deselected", collection ? (int64_t)collection->deselected_count : 0);
        json_newline(writer);
        json_begin_array(writer, "items");
        json->stage = STAGE_ITEMS;
    }
}

static void on_collect_report(struct json_report *json, const struct fastest_event *event)
{
    if (event->outcome == FASTEST_OUTCOME_PASSED)
        return;
    advance_to(json, STAGE_COLLECTING, NULL);
    const char *category = category_of(event, true);
    count(json, category);
    struct json_writer *writer = &json->writer;
    json_newline(writer);
    json_begin_object(writer, NULL);
    json_string(writer, "node_id", event->node_id);
    json_string(writer, "outcome", category);
    json_report_details(writer, event);
    json_end_object(writer);
}

static void on_collection_finish(struct json_report *json, const struct fastest_event *event)
{
    for (size_t i = 0; i < event->deselected_count; i++)
        count(json, "deselected");
    advance_to(json, STAGE_ITEMS, event);
}

/* The in-flight item of node_id; created when absent if create is set. */
static struct json_item *item_in_flight(struct json_report *json, const char *node_id,
                                        bool create)
{
    for (size_t i = 0; i < json->in_flight_count; i++)
        if (strcmp(json->items_in_flight[i]->node_id, node_id) == 0)
            return json->items_in_flight[i];
    if (!create)
        return NULL;
    struct json_item **grown =
        realloc(json->items_in_flight, (json->in_flight_count + 1) * sizeof *grown);
    struct json_item *item = grown ? json_item_new(node_id) : NULL;
    if (grown)
        json->items_in_flight = grown;
    if (!item) {
        json->error = json->error ? json->error : FASTEST_ENOMEM;
        return NULL;
    }
    json->items_in_flight[json->in_flight_count++] = item;
    return item;
}

static void finish_item(struct json_report *json, struct json_item *item)
{
    advance_to(json, STAGE_ITEMS, NULL);
    if (item->out_of_memory && !json->error)
        json->error = FASTEST_ENOMEM;
    json_newline(&json->writer);
    json_item_write(item, &json->writer);
    for (size_t i = 0; i < json->in_flight_count; i++) {
        if (json->items_in_flight[i] == item) {
            json->items_in_flight[i] = json->items_in_flight[--json->in_flight_count];
            break;
        }
    }
    json_item_free(item);
}

static void on_test_report(struct json_report *json, const struct fastest_event *event)
{
    const char *category = category_of(event, false);
    if (*category)
        count(json, category);
    struct json_item *item = item_in_flight(json, event->node_id, true);
    if (item)
        json_item_add_report(item, event);
}

static void on_warning(struct json_report *json, const struct fastest_event *event)
{
    count(json, "warnings");
    struct json_writer *writer = &json->warnings_writer;
    json_newline(writer);
    json_begin_object(writer, NULL);
    json_string(writer, "node_id", event->node_id);
    json_string(writer, "category", event->warning_category);
    json_string(writer, "message", event->warning_message);
    json_string(writer, "path", event->location_path);
    json_int(writer, "line", event->location_line);
    json_end_object(writer);
}

static void on_session_finish(struct json_report *json, const struct fastest_event *event)
{
    /* Items whose ITEM_FINISH never came (an interrupted run) still count. */
    while (json->in_flight_count)
        finish_item(json, json->items_in_flight[0]);
    advance_to(json, STAGE_ITEMS, NULL);
    struct json_writer *writer = &json->writer;
    json_end_array(writer);
    json_newline(writer);
    struct text warnings = {0};
    text_printf(&warnings, "[%s]", text_str(&json->warnings));
    json_raw(writer, "warnings", text_str(&warnings));
    text_free(&warnings);
    json_newline(writer);
    json_begin_object(writer, "summary");
    for (size_t i = 0; i < CATEGORY_COUNT; i++)
        json_int(writer, summary_categories[i], (int64_t)json->counts[i]);
    json_end_object(writer);
    json_newline(writer);
    json_int(writer, "exit_status", event->exit_status);
    json_seconds(writer, "duration", event->session_duration);
    json_end_object(writer);
    text_append_str(&json->out, "\n");
    json->stage = STAGE_FINISHED;
}

static void on_event(void *state, const struct fastest_event *event)
{
    struct json_report *json = state;
    if (json->stage == STAGE_FINISHED)
        return;
    switch (event->kind) {
    case FASTEST_EVENT_SESSION_START:
        if (json->stage == STAGE_NOT_STARTED)
            write_header(json, event);
        break;
    case FASTEST_EVENT_COLLECT_REPORT:
        on_collect_report(json, event);
        break;
    case FASTEST_EVENT_COLLECTION_FINISH:
        on_collection_finish(json, event);
        break;
    case FASTEST_EVENT_TEST_REPORT:
        on_test_report(json, event);
        break;
    case FASTEST_EVENT_ITEM_FINISH: {
        struct json_item *item = item_in_flight(json, event->node_id, false);
        if (item)
            finish_item(json, item);
        break;
    }
    case FASTEST_EVENT_WARNING:
        on_warning(json, event);
        break;
    case FASTEST_EVENT_SESSION_FINISH:
        on_session_finish(json, event);
        break;
    default:
        break;
    }
    flush(json);
}

/* --- the plugin table ------------------------------------------------------ */

static int close_json(void *state, char **out_error);

static int open_json(const struct fastest_host *host, struct fastest_session *session,
                     void **out_state, char **out_error)
{
    *out_state = NULL;
    const char *path = host->option(session, "json_path");
    if (!path)
        return 0;
    struct json_report *json = calloc(1, sizeof *json);
    if (!json) {
        *out_error = host->strdup("json reporter: out of memory");
        return FASTEST_ENOMEM;
    }
    json->host = host;
    json->started = now();
    json_writer_init(&json->writer, &json->out);
    json_writer_init(&json->warnings_writer, &json->warnings);
    if (!(json->file = fopen(path, "w"))) {
        struct text message = {0};
        text_printf(&message,
                    "--json: cannot write %s: %s; pass a path to a file in an existing, "
                    "writable directory",
                    path, strerror(errno));
        *out_error = host->strdup(message.failed ? "--json: cannot write the report"
                                                 : text_str(&message));
        text_free(&message);
        char *ignored = NULL;
        close_json(json, &ignored);
        return FASTEST_EIO;
    }
    *out_state = json;
    return 0;
}

static int close_json(void *state, char **out_error)
{
    struct json_report *json = state;
    int rc = json->error;
    if (json->file && fclose(json->file) != 0 && !rc)
        rc = FASTEST_EIO;
    if (rc)
        *out_error = json->host->strdup(rc == FASTEST_ENOMEM
                                            ? "json: out of memory"
                                            : "json: could not write the report; check the disk");
    for (size_t i = 0; i < json->in_flight_count; i++)
        json_item_free(json->items_in_flight[i]);
    free(json->items_in_flight);
    text_free(&json->out);
    text_free(&json->warnings);
    free(json);
    return rc;
}

static const struct fastest_option json_options[] = {
    {"--json", NULL, "json_path", 1, "PATH",
     "Write the run as one JSON document to PATH (schema: docs/json-report.md)"},
};

static const struct fastest_reporter json_table = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_reporter),
    .open = open_json,
    .on_event = on_event,
    .close = close_json,
};

static const struct fastest_plugin json_plugin = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_plugin),
    .name = "json",
    .version = FASTEST_VERSION_STRING,
    .description = "the run as one JSON document (--json=PATH)",
    .kind = FASTEST_PLUGIN_REPORTER,
    .table = &json_table,
    .options = json_options,
    .option_count = sizeof json_options / sizeof *json_options,
};

FASTEST_PLUGIN_ENTRY(host_abi, host, out_plugin, out_error)
{
    (void)host_abi;
    (void)host;
    (void)out_error;
    *out_plugin = &json_plugin;
    return 0;
}
