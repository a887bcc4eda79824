#include "heuristic/heuristic.h"

#include <stdio.h>
#include <string.h>

#include <fastest/plugin.h>

#include "session/session.h"

/* The loaded strategies' names, comma-separated, into buffer. */
static void list_strategies(const struct ft_plugin_set *plugins, char *buffer, size_t size)
{
    size_t used = 0;
    buffer[0] = '\0';
    for (size_t i = 0; i < plugins->count && used < size; i++) {
        const struct fastest_plugin *plugin = plugins->plugins[i].descriptor;
        if (plugin->kind != FASTEST_PLUGIN_STRATEGY)
            continue;
        int written = snprintf(buffer + used, size - used, "%s%s", used ? ", " : "", plugin->name);
        if (written > 0)
            used += (size_t)written;
    }
}

struct heur_choice heur_choose(const struct fastest_session *session)
{
    struct heur_choice choice = {0};
    const char *requested = opt_get(session->options, "strategy");
    if (requested) {
        choice.strategy = plug_find(&session->plugins, FASTEST_PLUGIN_STRATEGY, requested);
        if (choice.strategy) {
            snprintf(choice.reason, sizeof choice.reason, "asked for with --strategy");
        } else {
            char names[160];
            list_strategies(&session->plugins, names, sizeof names);
            snprintf(choice.reason, sizeof choice.reason,
                     "no strategy named '%s' is loaded (loaded: %s)", requested,
                     names[0] ? names : "none");
        }
        return choice;
    }
    /* Until parallel strategies are loaded, in-process is the only
     * candidate: it also has the least overhead for any small selection. */
    choice.strategy = plug_find(&session->plugins, FASTEST_PLUGIN_STRATEGY, "inprocess");
    if (choice.strategy)
        snprintf(choice.reason, sizeof choice.reason,
                 "%zu items: running in-process has the least overhead", session->item_count);
    else
        snprintf(choice.reason, sizeof choice.reason,
                 "the built-in 'inprocess' strategy is not loaded: check the plugin folder");
    return choice;
}
