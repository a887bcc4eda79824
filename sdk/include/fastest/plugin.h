/* fastest plugin SDK: what a plugin is.
 *
 * A plugin is one shared object that exports exactly one symbol,
 * `fastest_plugin_entry` (FASTEST_PLUGIN_ENTRY_SYMBOL). The host calls it once
 * after dlopen:
 *
 *   int fastest_plugin_entry(uint32_t host_abi, const struct fastest_host *host,
 *                            const struct fastest_plugin **out_plugin,
 *                            char **out_error);
 *
 * - host_abi is the host's FASTEST_ABI_VERSION. A plugin may refuse a host it
 *   cannot serve by returning FASTEST_EPLUGIN with a message.
 * - On success the plugin stores a pointer to its descriptor in *out_plugin
 *   and returns 0. The descriptor (and every table and string it points to)
 *   must stay valid until the host unloads the plugin; a static const object
 *   is the usual choice.
 * - On failure it returns a negative FASTEST_E* code and may set *out_error to
 *   a message allocated with host->strdup; the host frees it.
 *
 * The host then checks the descriptor and refuses, with one message naming
 * the file, the reason and the fix, a plugin whose:
 *   - ABI major differs from the host's, or whose minor is newer;
 *   - descriptor or kind table is shorter than its ABI version requires;
 *   - kind is unknown, or whose name is already taken by a loaded plugin.
 *
 * A plugin reaches the host only through the `struct fastest_host` table it is
 * given (it never links against the executable), and builds with
 * -fvisibility=hidden, exporting only its entry with FASTEST_EXPORT.
 */
#ifndef FASTEST_PLUGIN_H
#define FASTEST_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#include "errors.h"
#include "export.h"
#include "version.h"

struct fastest_host;

#define FASTEST_PLUGIN_ENTRY_SYMBOL "fastest_plugin_entry"

enum fastest_plugin_kind {
    FASTEST_PLUGIN_STRATEGY = 1, /* table: struct fastest_strategy (strategy.h) */
    FASTEST_PLUGIN_REPORTER = 2, /* table: struct fastest_reporter (reporter.h) */
    FASTEST_PLUGIN_FIXTURES = 3, /* table: struct fastest_fixture_provider (fixture.h) */
};

/* A command-line option a plugin adds, like pytest's parser.addoption. The
 * value reaches the plugin through host->option(session, dest). */
struct fastest_option {
    const char *flag;    /* "--junitxml" */
    const char *alias;   /* "--junit-xml", or NULL */
    const char *dest;    /* "junitxml": the name host->option looks up */
    uint32_t takes_value; /* 0: a switch (value "1" when given), 1: one value */
    const char *metavar; /* "PATH", or NULL for switches */
    const char *help;
};

struct fastest_plugin {
    struct fastest_struct_header header;
    const char *name;        /* unique among loaded plugins: [a-z0-9_-]+ */
    const char *version;     /* the plugin's own version, for humans */
    const char *description; /* one line */
    uint32_t kind;           /* enum fastest_plugin_kind */
    const void *table;       /* the kind's table, which starts with its own header */
    const struct fastest_option *options; /* may be NULL */
    size_t option_count;
    /* --- ABI 1.1 and later members are appended below this line --- */
};

typedef int (*fastest_plugin_entry_fn)(uint32_t host_abi, const struct fastest_host *host,
                                       const struct fastest_plugin **out_plugin,
                                       char **out_error);

/* Declares a plugin's entry point with the right linkage and visibility:
 *   FASTEST_PLUGIN_ENTRY(host_abi, host, out_plugin, out_error) { ... } */
#define FASTEST_PLUGIN_ENTRY(host_abi, host, out_plugin, out_error)                                 \
    FASTEST_EXPORT int fastest_plugin_entry(uint32_t host_abi, const struct fastest_host *host,     \
                                            const struct fastest_plugin **out_plugin,              \
                                            char **out_error)

#endif
