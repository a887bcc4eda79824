/* Loading plugins: dlopen, the entry call, and every check of the ABI
 * contract (sdk/include/fastest/plugin.h). A refused plugin costs only
 * itself: the loader reports why and the run goes on with the others. */
#ifndef FT_PLUGIN_LOADER_H
#define FT_PLUGIN_LOADER_H

#include <stddef.h>

#include <fastest/host.h>
#include <fastest/plugin.h>

struct ft_plugin {
    char *path;                             /* the file it was loaded from */
    void *handle;                           /* dlopen handle */
    const struct fastest_plugin *descriptor; /* owned by the plugin */
};

/* The loaded plugins of a run, in load order. */
struct ft_plugin_set {
    struct ft_plugin *plugins;
    size_t count;
};

/* Called once per refused plugin with the complete message for the user
 * (borrowed for the call). */
typedef void (*ft_refusal_fn)(void *context, const char *message);

/* Loads one shared object and adds it to set. Returns 0, or a negative
 * FASTEST_E* code with *out_error set to one message naming the file, the
 * reason and the fix (malloc'd; the caller frees it). Nothing is added and
 * the object is closed on failure. */
int plug_load_file(struct ft_plugin_set *set, const char *path, const struct fastest_host *host,
                   char **out_error);

/* Loads every "*.so" directly in dir and in its subfolders (two levels, for
 * the build tree's plugins/<kind>/<name>/ layout), in name order. A missing
 * dir is not an error. Each refusal goes to refused(); the count of plugins
 * loaded is returned. */
size_t plug_load_dir(struct ft_plugin_set *set, const char *dir, const struct fastest_host *host,
                     ft_refusal_fn refused, void *context);

/* The plugin of that kind and name, or NULL. */
const struct ft_plugin *plug_find(const struct ft_plugin_set *set, unsigned kind,
                                  const char *name);

/* A word for a kind ("strategy", "reporter", "fixtures"), or NULL when the
 * kind is unknown. */
const char *plug_kind_name(unsigned kind);

/* Closes every plugin and empties the set. */
void plug_unload_all(struct ft_plugin_set *set);

#endif
