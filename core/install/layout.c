#include "install/layout.h"

#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

/* FASTEST_BUILD_ROOT, FASTEST_PLUGIN_DIR and FASTEST_PYTHON_DIR come from
 * meson (core/meson.build). */

/* True when the running executable is the one in the build tree. Decided
 * once: the answer cannot change during a run. */
static bool running_uninstalled(void)
{
    static int cached = -1;
    if (cached < 0) {
        char exe[PATH_MAX];
        ssize_t length = readlink("/proc/self/exe", exe, sizeof exe - 1);
        cached = 0;
        if (length > 0) {
            exe[length] = '\0';
            char *slash = strrchr(exe, '/');
            if (slash) {
                *slash = '\0';
                cached = strcmp(exe, FASTEST_BUILD_ROOT) == 0;
            }
        }
    }
    return cached;
}

const char *layout_plugin_dir(void)
{
    return running_uninstalled() ? FASTEST_BUILD_ROOT "/plugins" : FASTEST_PLUGIN_DIR;
}

const char *layout_python_dir(void)
{
    return running_uninstalled() ? FASTEST_BUILD_ROOT "/python/site" : FASTEST_PYTHON_DIR;
}
