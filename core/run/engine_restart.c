#include "run/steps.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "install/layout.h"
#include "options/options.h"
#include "python/engine.h"
#include "python/engine_mode.h"
#include "run/reexec.h"
#include "session/session.h"

int run_restart_if_pytest_needed(struct fastest_session *session, char **out_error)
{
    *out_error = NULL;
    if (pyh_engine_is_pytest(session))
        return 0;
    char *reason = NULL;
    int rc = pyh_engine_pytest_need(session, &reason, out_error);
    if (rc || !reason)
        return rc;
    /* An explicit --engine=native is never overridden: it is warned. */
    if (opt_get(session->options, "engine")) {
        pyh_warn_forced_native(session, reason);
        free(reason);
        return 0;
    }
    size_t count;
    const char *const *args = opt_values(session->options, "fastest_args", &count);
    const char *head[] = {layout_executable()};
    setenv(PYH_ENGINE_REASON_ENV, reason, 1);
    int error = run_exec(head, 1, args, count, "--engine=pytest");
    unsetenv(PYH_ENGINE_REASON_ENV);
    if (asprintf(out_error, "cannot restart under the pytest engine (%s): %s", reason,
                 strerror(error)) < 0)
        *out_error = NULL;
    free(reason);
    return FASTEST_ECHILD;
}
