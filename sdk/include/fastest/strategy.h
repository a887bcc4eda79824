/* fastest plugin SDK: execution strategies.
 *
 * A strategy decides where and in what order the plan's items run and how
 * their results come back; the engine decides how one item runs. A strategy
 * never reimplements fixture logic.
 *
 * Contract of run(): every item of the plan ends with exactly one outcome,
 * delivered through host->emit as ITEM_START, its TEST_REPORTs and
 * ITEM_FINISH, whatever happens to the process that ran it (a crash becomes
 * an error report for that item). The host sends SESSION_START,
 * COLLECTION_FINISH and SESSION_FINISH itself.
 */
#ifndef FASTEST_STRATEGY_H
#define FASTEST_STRATEGY_H

#include "host.h"
#include "version.h"

struct fastest_strategy {
    struct fastest_struct_header header;
    /* Runs the session's items. Returns 0 when every item was accounted for,
     * FASTEST_EINTR when the run was interrupted (-x, --maxfail, Ctrl-C:
     * items not run are simply not reported), or another negative code with
     * *out_error set (allocated with host->strdup; the host frees it). */
    int (*run)(const struct fastest_host *host, struct fastest_session *session,
               char **out_error);
    /* --- ABI 1.1 and later members are appended below this line --- */
};

#endif
