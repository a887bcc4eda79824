#include "run/plugin_list.h"

#include <string.h>

void print_plugin_list(FILE *stream, const struct ft_plugin_set *plugins)
{
    int name_width = 4, version_width = 7;
    for (size_t i = 0; i < plugins->count; i++) {
        const struct fastest_plugin *plugin = plugins->plugins[i].descriptor;
        int name_length = (int)strlen(plugin->name);
        int version_length = plugin->version ? (int)strlen(plugin->version) : 1;
        name_width = name_length > name_width ? name_length : name_width;
        version_width = version_length > version_width ? version_length : version_width;
    }
    fprintf(stream, "%-*s  %-8s  %-*s  %-7s  %s\n", name_width, "name", "kind", version_width,
            "version", "ABI", "file");
    for (size_t i = 0; i < plugins->count; i++) {
        const struct fastest_plugin *plugin = plugins->plugins[i].descriptor;
        char abi[16];
        snprintf(abi, sizeof abi, "%u.%u", FASTEST_ABI_MAJOR_OF(plugin->header.abi_version),
                 FASTEST_ABI_MINOR_OF(plugin->header.abi_version));
        fprintf(stream, "%-*s  %-8s  %-*s  %-7s  %s\n", name_width, plugin->name,
                plug_kind_name(plugin->kind), version_width,
                plugin->version ? plugin->version : "-", abi, plugins->plugins[i].path);
    }
}
