#include "run/steps.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "install/layout.h"
#include "options/options.h"
#include "python/engine.h"
#include "python/engine_mode.h"
#include "session/session.h"

int run_restart_if_plugins_needed(struct fastest_session *session, char **out_error)
{
    *out_error = NULL;
    if (pyh_engine_is_pytest(session) || opt_get(session->options, "engine"))
        return 0;
    char *reason = NULL;
    int rc = pyh_engine_plugin_need(session, &reason, out_error);
    if (rc || !reason)
        return rc;
    size_t count;
    const char *const *args = opt_values(session->options, "fastest_args", &count);
    const char **argv = calloc(count + 3, sizeof(*argv));
    if (!argv) {
        free(reason);
        return FASTEST_ENOMEM;
    }
    argv[0] = layout_executable();
    memcpy(argv + 1, args, count * sizeof(*args));
    argv[count + 1] = "--engine=pytest";
    setenv(PYH_ENGINE_REASON_ENV, reason, 1);
    fflush(stdout);
    fflush(stderr);
    execv(argv[0], (char *const *)argv);
    if (asprintf(out_error, "cannot restart under the pytest engine (%s): %s", reason,
                 strerror(errno)) < 0)
        *out_error = NULL;
    unsetenv(PYH_ENGINE_REASON_ENV);
    free(argv);
    free(reason);
    return FASTEST_ECHILD;
}
