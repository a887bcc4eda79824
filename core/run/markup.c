/* Whether the terminal report is coloured, decided once for the engines
 * (coloured failure texts) and the reporters. */
#include "run/steps.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "session/session.h"

/* _pytest._io.terminalwriter.should_do_markup, under --color. */
static bool markup_wanted(const char *color)
{
    if (color && strcmp(color, "yes") == 0)
        return true;
    if (color && strcmp(color, "no") == 0)
        return false;
    const char *py_colors = getenv("PY_COLORS");
    if (py_colors && strcmp(py_colors, "1") == 0)
        return true;
    if (py_colors && strcmp(py_colors, "0") == 0)
        return false;
    if (getenv("NO_COLOR"))
        return false;
    if (getenv("FORCE_COLOR"))
        return true;
    const char *term = getenv("TERM");
    return isatty(STDOUT_FILENO) && !(term && strcmp(term, "dumb") == 0);
}

int run_decide_markup(struct fastest_session *session)
{
    return opt_set(session->options, "fastest_markup",
                   markup_wanted(opt_get(session->options, "color")) ? "1" : "0");
}
