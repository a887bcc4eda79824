#include "worker/pool.h"

#include <stdlib.h>
#include <string.h>

#include "session/session.h"

int wk_requested_workers(const struct fastest_session *session)
{
    const char *value = opt_get(session->options, "numprocesses");
    if (!value)
        return -1;
    if (strcmp(value, "auto") == 0 || strcmp(value, "logical") == 0) {
        unsigned cores = session_host()->cpu_count();
        long most = opt_get_long(session->options, "maxprocesses", 0);
        return most > 0 && (long)cores > most ? (int)most : (int)cores;
    }
    long count = strtol(value, NULL, 10);
    return count < 0 ? 0 : (int)count;
}
