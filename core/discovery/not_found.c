#include "discovery/not_found.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/text.h"

/* A module's node name: in a package (its folder holds __init__.py) the
 * Package is its parent and the name is the file's; else its path from
 * rootdir (pytest 7.2's FSCollector names). */
static const char *module_node_name(const char *path, const char *relative_path)
{
    const char *slash = strrchr(path, '/');
    char *init = ft_format("%.*s/__init__.py", slash ? (int)(slash - path) : 0, path);
    bool in_package = init && access(init, F_OK) == 0;
    free(init);
    return in_package && slash ? slash + 1 : relative_path;
}

char *disc_add_miss(char *misses, char *message)
{
    if (!misses || !message) {
        free(misses);
        return message;
    }
    char *joined = ft_format("%s\n\nERROR: %s", misses, message);
    free(misses);
    free(message);
    return joined;
}

char *disc_not_found_message(const char *rootdir, const char *relative_path, const char *names)
{
    char *path = relative_path[0] == '/' ? strdup(relative_path)
                                         : ft_format("%s/%s", rootdir, relative_path);
    char *argument = path ? ft_format("%s::%s", path, names) : NULL;
    char *shown = argument ? ft_python_repr(argument) : NULL;
    char *message = shown ? ft_format("not found: %s\n(no name %s in any of [<Module %s>])",
                                      argument, shown, module_node_name(path, relative_path))
                          : NULL;
    free(shown);
    free(argument);
    free(path);
    return message;
}
