/* An example third-party plugin: a reporter that writes the run as TAP
 * (the Test Anything Protocol, version 13) to the file named by --tap-file.
 *
 * It is built out of tree, against the installed SDK alone:
 *     cc -shared -fPIC -fvisibility=hidden $(pkg-config --cflags fastest-sdk) \
 *        -o fastest-tap.so tap.c
 * and loaded through FASTEST_PLUGIN_PATH:
 *     FASTEST_PLUGIN_PATH=$PWD fastest --tap-file=run.tap tests/
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/fastest.h>

struct tap_state {
    const struct fastest_host *host;
    FILE *out;
    size_t number;
    /* The item being reported: its worst outcome so far. */
    int failed;
    int skipped;
    const char *skip_reason; /* copied, owned here */
    int wasxfail;
};

static int tap_open(const struct fastest_host *host, struct fastest_session *session,
                    void **out_state, char **out_error)
{
    const char *path = host->option(session, "tap_file");
    *out_state = NULL;
    if (!path)
        return 0; /* not asked for in this run */
    struct tap_state *state = calloc(1, sizeof(*state));
    if (!state)
        return FASTEST_ENOMEM;
    state->host = host;
    state->out = fopen(path, "w");
    if (!state->out) {
        char message[512];
        snprintf(message, sizeof message, "--tap-file: cannot write %s", path);
        *out_error = host->strdup(message);
        free(state);
        return FASTEST_EIO;
    }
    fputs("TAP version 13\n", state->out);
    *out_state = state;
    return 0;
}

static void finish_item(struct tap_state *state, const char *node_id)
{
    state->number++;
    if (state->failed)
        fprintf(state->out, "not ok %zu - %s\n", state->number, node_id);
    else if (state->skipped)
        fprintf(state->out, "ok %zu - %s # %s %s\n", state->number, node_id,
                state->wasxfail ? "TODO" : "SKIP",
                state->skip_reason ? state->skip_reason : "");
    else
        fprintf(state->out, "ok %zu - %s\n", state->number, node_id);
    state->host->free((void *)state->skip_reason);
    state->skip_reason = NULL;
    state->failed = state->skipped = state->wasxfail = 0;
}

static void tap_event(void *opaque, const struct fastest_event *event)
{
    struct tap_state *state = opaque;
    switch (event->kind) {
    case FASTEST_EVENT_COLLECTION_FINISH:
        fprintf(state->out, "1..%zu\n", event->item_count);
        break;
    case FASTEST_EVENT_TEST_REPORT:
        if (event->outcome == FASTEST_OUTCOME_FAILED)
            state->failed = 1;
        if (event->outcome == FASTEST_OUTCOME_SKIPPED) {
            state->skipped = 1;
            state->wasxfail = event->wasxfail != NULL;
            state->host->free((void *)state->skip_reason);
            state->skip_reason =
                state->host->strdup(event->wasxfail ? event->wasxfail : event->skip_reason);
        }
        break;
    case FASTEST_EVENT_ITEM_FINISH:
        finish_item(state, event->node_id);
        break;
    default:
        break;
    }
}

static int tap_close(void *opaque, char **out_error)
{
    struct tap_state *state = opaque;
    int failed = fclose(state->out) != 0;
    state->host->free((void *)state->skip_reason);
    free(state);
    if (failed) {
        *out_error = NULL;
        return FASTEST_EIO;
    }
    return 0;
}

static const struct fastest_reporter reporter = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_reporter),
    .open = tap_open,
    .on_event = tap_event,
    .close = tap_close,
};

static const struct fastest_option options[] = {
    {"--tap-file", NULL, "tap_file", 1, "PATH", "write the run as TAP 13 to PATH"},
};

static const struct fastest_plugin descriptor = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_plugin),
    .name = "tap",
    .version = "1.0.0",
    .description = "Test Anything Protocol reporter (an SDK example)",
    .kind = FASTEST_PLUGIN_REPORTER,
    .table = &reporter,
    .options = options,
    .option_count = sizeof options / sizeof options[0],
};

FASTEST_PLUGIN_ENTRY(host_abi, host, out_plugin, out_error)
{
    (void)host_abi;
    (void)host;
    (void)out_error;
    *out_plugin = &descriptor;
    return 0;
}
