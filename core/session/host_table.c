/* The host table: what plugins may ask of the host, each entry forwarding
 * to the subsystem that owns it. */
#include "session/session.h"

#include <sched.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>
#include <fastest/version.h>

#include "python/engine.h"
#include "worker/pool.h"

static void *host_alloc(size_t size)
{
    return malloc(size);
}

static char *host_strdup(const char *text)
{
    return text ? strdup(text) : NULL;
}

static void host_free(void *pointer)
{
    free(pointer);
}

static void host_log(const struct fastest_session *session, int level, const char *format, ...)
{
    (void)session;
    static const char *const level_names[] = {"debug", "info", "warning", "error"};
    if (level == FASTEST_LOG_DEBUG && !getenv("FASTEST_DEBUG"))
        return;
    const char *name = level >= 0 && level <= FASTEST_LOG_ERROR ? level_names[level] : "log";
    fprintf(stderr, "fastest: %s: ", name);
    va_list args;
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
}

/* "ini:KEY" reads the config file's value; anything else a command-line
 * dest. */
static const struct ft_options *store_for(const struct fastest_session *session,
                                          const char **dest)
{
    if (strncmp(*dest, "ini:", 4) == 0) {
        *dest += 4;
        return session->ini;
    }
    return session->options;
}

static const char *host_option(const struct fastest_session *session, const char *dest)
{
    const struct ft_options *store = store_for(session, &dest);
    return opt_get(store, dest);
}

static const char *const *host_option_values(const struct fastest_session *session,
                                             const char *dest, size_t *out_count)
{
    const struct ft_options *store = store_for(session, &dest);
    return opt_values(store, dest, out_count);
}

static size_t host_item_count(const struct fastest_session *session)
{
    return session->item_count;
}

static int host_item_info(const struct fastest_session *session, size_t index,
                          struct fastest_item_info *out)
{
    /* A plugin built before shares_fixtures was appended passes a shorter
     * struct: fill what it has room for. */
    if (index >= session->item_count ||
        out->header.struct_size < offsetof(struct fastest_item_info, shares_fixtures))
        return FASTEST_EINVAL;
    const struct ft_session_item *item = &session->items[index];
    out->node_id = item->node_id;
    out->path = item->path;
    out->class_name = item->class_name;
    out->group = item->group;
    out->recorded_duration = item->recorded_duration;
    if (FASTEST_HAS_MEMBER(out, struct fastest_item_info, shares_fixtures))
        out->shares_fixtures = item->shares_fixtures;
    return 0;
}

static unsigned host_cpu_count(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int count = CPU_COUNT(&set);
        if (count > 0)
            return (unsigned)count;
    }
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? (unsigned)online : 1;
}

static const struct fastest_host host_table = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_host),
    .version = FASTEST_VERSION_STRING,
    .alloc = host_alloc,
    .strdup = host_strdup,
    .free = host_free,
    .log = host_log,
    .option = host_option,
    .option_values = host_option_values,
    .item_count = host_item_count,
    .item_info = host_item_info,
    .cpu_count = host_cpu_count,
    .engine_prepare = pyh_engine_prepare,
    .engine_preload = pyh_engine_preload,
    .engine_run = pyh_engine_run,
    .engine_finish = pyh_engine_finish,
    .emit = session_emit,
    .workers_run = wk_run,
    .requested_workers = wk_requested_workers,
};

const struct fastest_host *session_host(void)
{
    return &host_table;
}
