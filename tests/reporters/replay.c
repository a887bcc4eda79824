/* replay: feeds a file of wire event frames (as written by
 * python/fastest/pytest_mode/report_events.py) to a reporter plugin, through
 * a stub host table of its own, and lets the reporter print.
 *
 *   replay PLUGIN.so EVENTS_FILE [dest=value ...]
 *
 * Each dest=value is what host->option(session, dest) answers. Exit status:
 * 0, or 2 when the plugin, the file or a frame is unusable (message on
 * stderr). */
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/fastest.h>

#include "plan/arena.h"
#include "wire/event_codec.h"
#include "wire/frame.h"

struct fastest_session {
    char **options; /* "dest=value" strings from argv */
    int option_count;
    const char **values; /* room for option_values' answer */
};

static const char *stub_option(const struct fastest_session *session, const char *dest)
{
    size_t length = strlen(dest);
    const char *found = NULL;
    for (int i = 0; i < session->option_count; i++)
        if (strncmp(session->options[i], dest, length) == 0 && session->options[i][length] == '=')
            found = session->options[i] + length + 1;
    return found;
}

static const char *const *stub_option_values(const struct fastest_session *session,
                                             const char *dest, size_t *out_count)
{
    size_t length = strlen(dest);
    *out_count = 0;
    for (int i = 0; i < session->option_count; i++)
        if (strncmp(session->options[i], dest, length) == 0 && session->options[i][length] == '=')
            session->values[(*out_count)++] = session->options[i] + length + 1;
    return session->values;
}

static void stub_log(const struct fastest_session *session, int level, const char *format, ...)
{
    (void)session;
    (void)level;
    va_list args;
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
}

static char *stub_strdup(const char *text)
{
    return strdup(text);
}

static const struct fastest_host stub_host = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_host),
    .version = FASTEST_VERSION_STRING,
    .alloc = malloc,
    .strdup = stub_strdup,
    .free = free,
    .log = stub_log,
    .option = stub_option,
    .option_values = stub_option_values,
};

/* Reads the whole file; the caller frees *out_data. */
static int read_file(const char *path, char **out_data, size_t *out_size)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return -1;
    size_t capacity = 1 << 16, size = 0;
    char *data = malloc(capacity);
    size_t got;
    while (data && (got = fread(data + size, 1, capacity - size, file)) > 0) {
        size += got;
        if (size == capacity) {
            char *bigger = realloc(data, capacity *= 2);
            if (!bigger) {
                free(data);
                data = NULL;
            }
            data = bigger;
        }
    }
    fclose(file);
    *out_data = data;
    *out_size = size;
    return data ? 0 : -1;
}

static const struct fastest_reporter *load_reporter(const char *path)
{
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        fprintf(stderr, "replay: %s\n", dlerror());
        return NULL;
    }
    fastest_plugin_entry_fn entry =
        (fastest_plugin_entry_fn)(uintptr_t)dlsym(handle, FASTEST_PLUGIN_ENTRY_SYMBOL);
    const struct fastest_plugin *plugin = NULL;
    char *error = NULL;
    if (!entry || entry(FASTEST_ABI_VERSION, &stub_host, &plugin, &error) < 0 ||
        plugin->kind != FASTEST_PLUGIN_REPORTER) {
        fprintf(stderr, "replay: %s is not a usable reporter plugin: %s\n", path,
                error ? error : "no entry or wrong kind");
        free(error);
        return NULL;
    }
    return plugin->table;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: replay PLUGIN.so EVENTS_FILE [dest=value ...]\n");
        return 2;
    }
    const struct fastest_reporter *reporter = load_reporter(argv[1]);
    char *data;
    size_t size;
    if (!reporter)
        return 2;
    if (read_file(argv[2], &data, &size) < 0) {
        fprintf(stderr, "replay: cannot read %s\n", argv[2]);
        return 2;
    }
    const char *values[argc > 3 ? argc - 3 : 1];
    struct fastest_session session = {argv + 3, argc - 3, values};
    void *state = NULL;
    char *error = NULL;
    if (reporter->open(&stub_host, &session, &state, &error) < 0) {
        fprintf(stderr, "replay: open failed: %s\n", error ? error : "?");
        return 2;
    }
    int status = 0;
    struct ft_arena *arena = NULL;
    for (size_t offset = 0; offset < size && status == 0;) {
        struct wire_frame frame;
        struct fastest_event event;
        arena_free(arena);
        arena = arena_new();
        if (!arena || wire_frame_parse(data + offset, size - offset, &frame, &error) < 0 ||
            wire_decode_event(&frame, arena, &event, &error) < 0) {
            fprintf(stderr, "replay: %s at byte %zu: %s\n", argv[2], offset,
                    error ? error : "out of memory");
            status = 2;
            break;
        }
        if (state)
            reporter->on_event(state, &event);
        offset += frame.frame_size;
    }
    arena_free(arena);
    free(error);
    error = NULL;
    if (state && reporter->close(state, &error) < 0) {
        fprintf(stderr, "replay: close failed: %s\n", error ? error : "?");
        status = 2;
    }
    free(error);
    free(data);
    return status;
}
