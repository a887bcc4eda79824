#include "pytest_cache/recorder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "session/session.h"

/* The keys of an object value, or the strings of an array value (other
 * members are ignored, as membership tests in pytest ignore them). */
static int read_names(const struct pcj_value *value, struct string_set *out)
{
    int rc = 0;
    for (size_t i = 0; value && rc == 0 && i < value->count; i++) {
        if (value->kind == PCJ_OBJECT)
            rc = string_set_add(out, value->keys[i]);
        else if (value->kind == PCJ_ARRAY && value->items[i].kind == PCJ_STRING)
            rc = string_set_add(out, value->items[i].string);
    }
    return rc;
}

/* Python's truth of a JSON value. */
static bool truthy(const struct pcj_value *value)
{
    switch (value->kind) {
    case PCJ_NULL:
        return false;
    case PCJ_BOOL:
        return value->boolean;
    case PCJ_STRING:
        return value->string[0] != '\0';
    case PCJ_NUMBER:
        return true; /* a stored 0 is not worth telling apart */
    default:
        return value->count > 0;
    }
}

static int read_values(struct pc_recorder *recorder)
{
    struct pcj_value *lastfailed = pc_store_get(&recorder->store, "cache/lastfailed");
    int rc = lastfailed && lastfailed->kind == PCJ_OBJECT
                 ? read_names(lastfailed, &recorder->lastfailed)
                 : 0;
    if (rc == 0 && lastfailed && lastfailed->kind == PCJ_OBJECT)
        rc = read_names(lastfailed, &recorder->saved_lastfailed);
    pcj_free(lastfailed);
    struct pcj_value *nodeids = pc_store_get(&recorder->store, "cache/nodeids");
    if (rc == 0 && nodeids && nodeids->kind == PCJ_ARRAY)
        rc = read_names(nodeids, &recorder->nodeids);
    pcj_free(nodeids);
    if (rc || !recorder->stepwise)
        return rc;
    struct pcj_value *stepwise = pc_store_get(&recorder->store, "cache/stepwise");
    if (stepwise && truthy(stepwise)) {
        if (stepwise->kind == PCJ_STRING) {
            recorder->stepwise_failed = strdup(stepwise->string);
            rc = recorder->stepwise_failed ? 0 : FASTEST_ENOMEM;
        } else {
            recorder->stepwise_unknown = true;
        }
    }
    pcj_free(stepwise);
    return rc;
}

int pc_recorder_open(const struct fastest_session *session, struct pc_recorder **out)
{
    *out = NULL;
    const struct ft_options *options = session->options;
    if (opt_plugin_disabled(options, "cacheprovider"))
        return 0;
    struct pc_recorder *recorder = calloc(1, sizeof(*recorder));
    if (!recorder)
        return FASTEST_ENOMEM;
    recorder->collect_only = opt_is_true(options, "collectonly");
    recorder->stepwise_skip = opt_is_true(options, "stepwise_skip");
    recorder->stepwise = recorder->stepwise_skip || opt_is_true(options, "stepwise");
    int rc = pc_store_open(&recorder->store, session->rootdir, opt_get(session->ini, "cache_dir"),
                           opt_is_true(options, "cacheclear"));
    if (rc == 0)
        rc = read_values(recorder);
    if (rc) {
        pc_recorder_free(recorder);
        return rc;
    }
    *out = recorder;
    return 0;
}

void pc_recorder_free(struct pc_recorder *recorder)
{
    if (!recorder)
        return;
    pc_store_close(&recorder->store);
    string_set_free(&recorder->lastfailed);
    string_set_free(&recorder->saved_lastfailed);
    string_set_free(&recorder->nodeids);
    free(recorder->stepwise_failed);
    free(recorder);
}

int pc_recorder_module_collected(struct pc_recorder *recorder, const char *path,
                                 const char *const *node_ids, size_t count)
{
    if (!string_set_remove(&recorder->lastfailed, path))
        return 0;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < count; i++)
        rc = string_set_add(&recorder->lastfailed, node_ids[i]);
    return rc;
}

static void clear_stepwise_failed(struct pc_recorder *recorder, const char *node_id)
{
    if (recorder->stepwise_failed && strcmp(recorder->stepwise_failed, node_id) == 0) {
        free(recorder->stepwise_failed);
        recorder->stepwise_failed = NULL;
    }
}

/* StepwisePlugin.pytest_runtest_logreport */
static void stepwise_report(struct pc_recorder *recorder, struct fastest_session *session,
                            const struct fastest_event *event)
{
    if (event->outcome != FASTEST_OUTCOME_FAILED) {
        if (event->phase == FASTEST_PHASE_CALL)
            clear_stepwise_failed(recorder, event->node_id);
        return;
    }
    if (recorder->stepwise_skip) {
        clear_stepwise_failed(recorder, event->node_id);
        recorder->stepwise_skip = false;
        return;
    }
    char *copy = strdup(event->node_id);
    if (!copy)
        return;
    free(recorder->stepwise_failed);
    recorder->stepwise_failed = copy;
    recorder->stepwise_unknown = false;
    if (recorder->stepwise_interrupts)
        session->tally.interrupted = true;
}

/* LFPlugin.pytest_runtest_logreport and pytest_collectreport (a passed or
 * skipped module report replaces the module by its items: that part is
 * pc_recorder_module_collected's, as no passed module report is an event). */
static void lastfailed_report(struct pc_recorder *recorder, const struct fastest_event *event)
{
    if (event->outcome == FASTEST_OUTCOME_FAILED)
        string_set_add(&recorder->lastfailed, event->node_id);
    else if (event->kind == FASTEST_EVENT_COLLECT_REPORT ||
             event->outcome == FASTEST_OUTCOME_SKIPPED || event->phase == FASTEST_PHASE_CALL)
        string_set_remove(&recorder->lastfailed, event->node_id);
}

static void warn(struct fastest_session *session, const char *message)
{
    char *text;
    if (asprintf(&text, "PytestCacheWarning: %s\n", message) < 0)
        return;
    struct fastest_event warning = {
        .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_event),
        .kind = FASTEST_EVENT_WARNING,
        .node_id = "",
        .location_line = -1,
        .warning_message = text,
        .warning_category = "PytestCacheWarning",
    };
    session_emit(session, &warning);
    free(text);
}

/* Writes text (malloc'd, taken) under key; NULL text is out of memory. */
static void store_value(struct pc_recorder *recorder, struct fastest_session *session,
                        const char *key, char *text)
{
    char *warning = NULL;
    if (text && pc_store_set(&recorder->store, key, text, &warning) == FASTEST_EIO && warning)
        warn(session, warning);
    free(warning);
    free(text);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void write_values(struct pc_recorder *recorder, struct fastest_session *session)
{
    size_t count;
    const char **names;
    if (recorder->stepwise)
        store_value(recorder, session, "cache/stepwise",
                    pcj_dump_string_or_null(recorder->stepwise_failed));
    if (!recorder->collect_only) {
        names = string_set_list(&recorder->nodeids, &count);
        if (names || !count) {
            if (count)
                qsort(names, count, sizeof(*names), compare_strings);
            store_value(recorder, session, "cache/nodeids", pcj_dump_string_array(names, count));
        }
        free(names);
    }
    if (!string_set_equal(&recorder->lastfailed, &recorder->saved_lastfailed)) {
        names = string_set_list(&recorder->lastfailed, &count);
        if (names || !count)
            store_value(recorder, session, "cache/lastfailed", pcj_dump_true_object(names, count));
        free(names);
    }
    if (!recorder->stepwise)
        store_value(recorder, session, "cache/stepwise", pcj_dump_string_array(NULL, 0));
}

void pc_recorder_observe(struct pc_recorder *recorder, struct fastest_session *session,
                         const struct fastest_event *event)
{
    switch (event->kind) {
    case FASTEST_EVENT_TEST_REPORT:
        lastfailed_report(recorder, event);
        if (recorder->stepwise)
            stepwise_report(recorder, session, event);
        break;
    case FASTEST_EVENT_COLLECT_REPORT:
        lastfailed_report(recorder, event);
        break;
    case FASTEST_EVENT_SESSION_FINISH:
        write_values(recorder, session);
        break;
    default:
        break;
    }
}
