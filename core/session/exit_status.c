#include "session/exit_status.h"

#include "session/session.h"

void tally_record(struct ft_tally *tally, const struct fastest_event *event)
{
    switch (event->kind) {
    case FASTEST_EVENT_COLLECT_REPORT:
        if (event->outcome == FASTEST_OUTCOME_FAILED)
            tally->errors++;
        break;
    case FASTEST_EVENT_TEST_REPORT:
        if (event->outcome != FASTEST_OUTCOME_FAILED)
            break;
        if (event->phase == FASTEST_PHASE_CALL)
            tally->failed++;
        else
            tally->errors++;
        break;
    case FASTEST_EVENT_ITEM_FINISH:
        tally->reported++;
        break;
    case FASTEST_EVENT_INTERRUPTED:
        if (event->exit_status == FT_EXIT_INTERRUPTED) {
            tally->interrupted = true;
        } else {
            tally->exit_requested = true;
            tally->requested_exit_status = event->exit_status;
        }
        break;
    default:
        break;
    }
}

int tally_exit_status(const struct ft_tally *tally, size_t selected_count)
{
    if (tally->internal_error)
        return FT_EXIT_INTERNAL_ERROR;
    if (tally->session_status_set)
        return tally->session_status;
    if (tally->usage_error)
        return FT_EXIT_USAGE_ERROR;
    if (tally->exit_requested)
        return tally->requested_exit_status;
    if (tally->interrupted)
        return FT_EXIT_INTERRUPTED;
    if (tally->failed || tally->errors)
        return FT_EXIT_TESTS_FAILED;
    if (selected_count == 0)
        return FT_EXIT_NO_TESTS_COLLECTED;
    return FT_EXIT_OK;
}
