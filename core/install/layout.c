#include "install/layout.h"

#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

/* FASTEST_BUILD_ROOT, FASTEST_PLUGIN_DIR and FASTEST_PYTHON_DIR come from
 * meson (core/meson.build). */

const char *layout_executable(void)
{
    static char exe[PATH_MAX];
    if (!exe[0]) {
        ssize_t length = readlink("/proc/self/exe", exe, sizeof exe - 1);
        exe[length > 0 ? length : 0] = '\0';
    }
    return exe;
}

/* True when the running executable is the one in the build tree. Decided
 * once: the answer cannot change during a run. */
static bool running_uninstalled(void)
{
    static int cached = -1;
    if (cached < 0) {
        const char *exe = layout_executable();
        const char *slash = strrchr(exe, '/');
        cached = slash && (size_t)(slash - exe) == strlen(FASTEST_BUILD_ROOT) &&
                 strncmp(exe, FASTEST_BUILD_ROOT, (size_t)(slash - exe)) == 0;
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
