/* Where plugins come from, in order: the install's plugin folder (the
 * build tree's when fastest runs uninstalled), each folder of
 * FASTEST_PLUGIN_PATH (':'-separated), then the files and folders named
 * by `plugins =` in fastest's config. Nothing is loaded from the working
 * directory unless it is named. */
#ifndef FT_PLUGIN_SEARCH_PATH_H
#define FT_PLUGIN_SEARCH_PATH_H

#include <stddef.h>

#include "plugin/loader.h"

/* Loads the plugins of every place above into set. configured holds the
 * `plugins =` entries (files or folders; may be NULL when count is 0).
 * Each refusal goes to refused(); returns the number loaded. */
size_t plug_load_search_path(struct ft_plugin_set *set, const char *const *configured,
                             size_t configured_count, const struct fastest_host *host,
                             ft_refusal_fn refused, void *context);

#endif
