/* The inprocess strategy: the fastest process itself runs every item, in
 * plan order, with no fork and no IPC. The lowest overhead there is; the
 * right choice for small selections and for -x runs. */
#include <stdlib.h>

#include <fastest/host.h>
#include <fastest/plugin.h>
#include <fastest/strategy.h>

struct delivery {
    const struct fastest_host *host;
    struct fastest_session *session;
};

/* Engine events go straight to the reporters. */
static void deliver(void *context, const struct fastest_event *event)
{
    struct delivery *delivery = context;
    delivery->host->emit(delivery->session, event);
}

static int run(const struct fastest_host *host, struct fastest_session *session, char **out_error)
{
    size_t count = host->item_count(session);
    size_t *items = host->alloc((count ? count : 1) * sizeof(*items));
    if (!items)
        return FASTEST_ENOMEM;
    for (size_t i = 0; i < count; i++)
        items[i] = i;
    struct delivery delivery = {host, session};
    int rc = host->engine_run(session, items, count, deliver, &delivery, out_error);
    host->free(items);
    if (rc && rc != FASTEST_EINTR)
        return rc;
    char *finish_error = NULL;
    int finish_rc = host->engine_finish(session, deliver, &delivery, &finish_error);
    if (finish_rc) {
        *out_error = finish_error;
        return finish_rc;
    }
    return rc;
}

static const struct fastest_strategy strategy = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_strategy),
    .run = run,
};

static const struct fastest_plugin descriptor = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_plugin),
    .name = "inprocess",
    .version = FASTEST_VERSION_STRING,
    .description = "run every item in the fastest process itself, in plan order",
    .kind = FASTEST_PLUGIN_STRATEGY,
    .table = &strategy,
};

FASTEST_PLUGIN_ENTRY(host_abi, host, out_plugin, out_error)
{
    (void)host_abi;
    (void)host;
    (void)out_error;
    *out_plugin = &descriptor;
    return 0;
}
