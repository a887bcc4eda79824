/* `fastest --list-plugins`: one line per loaded plugin. */
#ifndef FT_RUN_PLUGIN_LIST_H
#define FT_RUN_PLUGIN_LIST_H

#include <stdio.h>

#include "plugin/loader.h"

/* Writes "name  kind  version  ABI M.m  file" lines, aligned. */
void print_plugin_list(FILE *stream, const struct ft_plugin_set *plugins);

#endif
