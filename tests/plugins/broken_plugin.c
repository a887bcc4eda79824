/* One plugin source, built once per way of breaking the ABI contract
 * (see meson.build): each variant defines one BROKEN_* macro. Without any,
 * it is a well-formed reporter that does nothing. */
#include <stddef.h>

#include <fastest/host.h>
#include <fastest/plugin.h>
#include <fastest/reporter.h>

#ifndef PLUGIN_NAME
#define PLUGIN_NAME "well-formed"
#endif

static int open_reporter(const struct fastest_host *host, struct fastest_session *session,
                         void **out_state, char **out_error)
{
    (void)host;
    (void)session;
    (void)out_error;
    *out_state = NULL;
    return 0;
}

static void on_event(void *state, const struct fastest_event *event)
{
    (void)state;
    (void)event;
}

static int close_reporter(void *state, char **out_error)
{
    (void)state;
    (void)out_error;
    return 0;
}

static const struct fastest_reporter table = {
#ifdef BROKEN_SHORT_TABLE
    .header = {offsetof(struct fastest_reporter, close), FASTEST_ABI_VERSION},
#else
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_reporter),
#endif
    .open = open_reporter,
    .on_event = on_event,
    .close = close_reporter,
};

static const struct fastest_plugin descriptor = {
#if defined(BROKEN_MAJOR)
    .header = {sizeof(struct fastest_plugin), FASTEST_ABI_MAKE(2, 0)},
#elif defined(BROKEN_MINOR)
    .header = {sizeof(struct fastest_plugin), FASTEST_ABI_MAKE(FASTEST_ABI_MAJOR, 9)},
#elif defined(BROKEN_SHORT_DESCRIPTOR)
    .header = {16, FASTEST_ABI_VERSION},
#else
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_plugin),
#endif
    .name = PLUGIN_NAME,
    .version = "1.0",
    .description = "a plugin for the loader's tests",
#ifdef BROKEN_KIND
    .kind = 7,
#else
    .kind = FASTEST_PLUGIN_REPORTER,
#endif
    .table = &table,
};

#ifndef BROKEN_NO_ENTRY
FASTEST_PLUGIN_ENTRY(host_abi, host, out_plugin, out_error)
{
    (void)host_abi;
#ifdef BROKEN_ENTRY_FAILS
    *out_error = host->strdup("needs a GPU");
    (void)out_plugin;
    (void)descriptor;
    return FASTEST_EPLUGIN;
#else
    (void)host;
    (void)out_error;
    *out_plugin = &descriptor;
    return 0;
#endif
}
#else
/* Exported, but not the entry symbol the host looks for. */
FASTEST_EXPORT const struct fastest_plugin *some_other_symbol(void)
{
    return &descriptor;
}
#endif
