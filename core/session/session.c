#include "session/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>
#include <fastest/reporter.h>

#include "base/vector.h"
#include "python/engine.h"
#include "session/exit_status.h"

struct fastest_session *session_new(void)
{
    struct fastest_session *session = calloc(1, sizeof(*session));
    if (!session)
        return NULL;
    session->collection_output = (struct held_output)HELD_OUTPUT_NONE;
    session->options = opt_new();
    session->ini = opt_new();
    session->fastest_config = opt_new();
    if (!session->options || !session->ini || !session->fastest_config) {
        session_free(session);
        return NULL;
    }
    return session;
}

static void free_item(struct ft_session_item *item)
{
    free(item->node_id);
    free(item->path);
    free(item->class_name);
    free(item->group);
}

void session_free(struct fastest_session *session)
{
    if (!session)
        return;
    for (size_t i = 0; i < session->item_count; i++)
        free_item(&session->items[i]);
    free(session->items);
    free(session->reporters);
    pyh_engine_release(session);
    held_output_write(&session->collection_output);
    plug_unload_all(&session->plugins);
    opt_free(session->options);
    opt_free(session->ini);
    opt_free(session->fastest_config);
    free(session->rootdir);
    free(session->inifile);
    free(session);
}

static char *copy_or_null(const char *text, bool *failed)
{
    if (!text)
        return NULL;
    char *copy = strdup(text);
    if (!copy)
        *failed = true;
    return copy;
}

int session_add_item(struct fastest_session *session, const struct ft_session_item *item)
{
    if (vector_reserve((void **)&session->items, &session->item_capacity, session->item_count + 1,
                       sizeof *session->items))
        return FASTEST_ENOMEM;
    bool failed = false;
    struct ft_session_item copy = {
        .node_id = copy_or_null(item->node_id, &failed),
        .path = copy_or_null(item->path, &failed),
        .class_name = copy_or_null(item->class_name, &failed),
        .group = copy_or_null(item->group, &failed),
        .has_timeout_mark = item->has_timeout_mark,
        .timeout_mark = item->timeout_mark,
        .shares_fixtures = item->shares_fixtures,
        .node_kind = item->node_kind,
        .recorded_duration = item->recorded_duration,
    };
    if (failed) {
        free_item(&copy);
        return FASTEST_ENOMEM;
    }
    session->items[session->item_count++] = copy;
    return 0;
}

int session_keep_items(struct fastest_session *session, const size_t *indexes, size_t count)
{
    struct ft_session_item *kept = malloc((count + 1) * sizeof(*kept));
    bool *taken = calloc(session->item_count + 1, sizeof(*taken));
    if (!kept || !taken) {
        free(kept);
        free(taken);
        return FASTEST_ENOMEM;
    }
    for (size_t i = 0; i < count; i++) {
        kept[i] = session->items[indexes[i]];
        taken[indexes[i]] = true;
    }
    for (size_t i = 0; i < session->item_count; i++)
        if (!taken[i])
            free_item(&session->items[i]);
    free(taken);
    free(session->items);
    session->items = kept;
    session->item_count = count;
    session->item_capacity = count + 1;
    return 0;
}

int session_open_reporters(struct fastest_session *session, char **out_error)
{
    *out_error = NULL;
    session->reporters = calloc(session->plugins.count, sizeof(*session->reporters));
    if (session->plugins.count && !session->reporters)
        return FASTEST_ENOMEM;
    for (size_t i = 0; i < session->plugins.count; i++) {
        const struct ft_plugin *plugin = &session->plugins.plugins[i];
        if (plugin->descriptor->kind != FASTEST_PLUGIN_REPORTER)
            continue;
        const struct fastest_reporter *table = plugin->descriptor->table;
        void *state = NULL;
        char *error = NULL;
        int rc = table->open(session_host(), session, &state, &error);
        if (rc) {
            if (asprintf(out_error, "%s", error ? error : fastest_strerror(rc)) < 0)
                *out_error = NULL;
            free(error);
            session_close_reporters(session);
            return rc;
        }
        if (state)
            session->reporters[session->reporter_count++] =
                (struct ft_open_reporter){plugin, table, state};
    }
    return 0;
}

int session_close_reporters(struct fastest_session *session)
{
    int first_error = 0;
    for (size_t i = 0; i < session->reporter_count; i++) {
        struct ft_open_reporter *reporter = &session->reporters[i];
        char *error = NULL;
        int rc = reporter->table->close(reporter->state, &error);
        if (rc) {
            fprintf(stderr, "fastest: reporter %s: %s\n", reporter->plugin->descriptor->name,
                    error ? error : fastest_strerror(rc));
            if (!first_error)
                first_error = rc;
        }
        free(error);
    }
    session->reporter_count = 0;
    return first_error;
}

void session_emit(struct fastest_session *session, const struct fastest_event *event)
{
    if (session->observe)
        session->observe(session->observer, session, event);
    tally_record(&session->tally, event);
    for (size_t i = 0; i < session->reporter_count; i++)
        session->reporters[i].table->on_event(session->reporters[i].state, event);
}

void session_emit_sink(void *session, const struct fastest_event *event)
{
    session_emit(session, event);
}

int session_exit_status(const struct fastest_session *session)
{
    return tally_exit_status(&session->tally, session->item_count);
}
