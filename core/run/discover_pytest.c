/* The discovery step when the pytest engine runs the items: pytest's own
 * collection of the command line decides the items, their order and what
 * is deselected (-k, -m, --deselect, --lf, pytest_collection_modifyitems,
 * doctests included). Static discovery's plan, if any, only chose the
 * engine. */
#include "run/steps.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "options/options.h"
#include "plan/plan.h"
#include "python/engine.h"
#include "session/session.h"

/* pytest's item classes, as static strings for the session. */
static const char *static_node_kind(const char *kind)
{
    static const char *const known[] = {"Function", "TestCaseFunction", "DoctestItem"};
    for (size_t i = 0; kind && i < sizeof known / sizeof known[0]; i++)
        if (strcmp(kind, known[i]) == 0)
            return known[i];
    return "Item";
}

/* "path::A::B::name[x]" -> "A::B", or NULL at module level. */
static char *class_chain(const char *node_id)
{
    const char *first = strstr(node_id, "::");
    return first ? plan_node_id_class_chain(first + 2) : NULL;
}

static int add_pytest_item(void *context, const struct pyh_collected_item *collected)
{
    struct fastest_session *session = context;
    if (collected->deselected) {
        session->deselected_count++;
        return 0;
    }
    if (collected->dropped) {
        session->dropped_count++;
        return 0;
    }
    char *class_name = class_chain(collected->node_id);
    struct ft_session_item item = {
        .node_id = (char *)collected->node_id,
        .path = (char *)collected->path,
        .class_name = class_name,
        .group = (char *)collected->xdist_group,
        .has_timeout_mark = collected->has_timeout_mark,
        .timeout_mark = collected->timeout_mark,
        .shares_fixtures = collected->shares_fixtures,
        .node_kind = static_node_kind(collected->node_kind),
        .recorded_duration = -1,
    };
    int rc = session_add_item(session, &item);
    free(class_name);
    return rc;
}

int run_discover_pytest(struct fastest_session *session, struct run_collection *out,
                        char **out_error)
{
    /* pytest's configuration refuses a bad command line before any session
     * (FASTEST_EUSAGE goes back to the caller); its collection refuses a
     * missing file argument inside the session, as the session's usage
     * error. */
    int rc = pyh_engine_prepare(session, out_error);
    if (rc == 0)
        rc = pyh_engine_collect(session, NULL, 0, add_pytest_item, session, out_error);
    if (rc == FASTEST_EUSAGE && session->engine) {
        out->usage_error = *out_error;
        *out_error = NULL;
        return 0;
    }
    if (rc == 0)
        rc = run_keep_lines(session, pyh_engine_report_header, "fastest_report_header", out_error);
    if (rc == 0)
        rc = run_keep_lines(session, pyh_engine_collection_finish_lines,
                            "fastest_collection_finish_lines", out_error);
    if (rc == 0)
        rc = run_keep_lines(session, pyh_engine_finish_collection,
                            "fastest_collection_finish_output", out_error);
    return rc ? rc : pyh_engine_collection_events(session, run_keep_event, out, out_error);
}
