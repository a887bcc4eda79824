/* The command line's options that a conftest defines. The first parse
 * keeps options no fastest table knows (cli_context.unknown_dest), which
 * would choose the pytest engine. Options the initial conftests add in
 * pytest_addoption are the commonest such options and the native engine
 * runs those conftests: when they cover every unknown option, the command
 * line is parsed again with them and the native engine keeps its claim. */
#include "run/steps.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "cli/cli.h"
#include "python/engine_options.h"
#include "session/session.h"

#define UNKNOWN_DEST "fastest_unknown_args"
#define ARGS_DEST "fastest_args"

static bool has_unknown(const struct ft_options *options)
{
    size_t count;
    opt_values(options, UNKNOWN_DEST, &count);
    return count > 0;
}

/* Parses args again into a new store with the conftests' options too;
 * NULL unless that parse succeeds and leaves nothing unknown. */
static struct ft_options *parse_with(const struct cfg_list *args,
                                     const struct cli_context *context,
                                     const struct pyh_conftest_options *conftest)
{
    struct cli_context extended = *context;
    extended.conftest_options = conftest->options;
    extended.conftest_option_count = conftest->count;
    struct ft_options *options = opt_new();
    char *error = NULL;
    int rc = options ? cli_parse((const char *const *)args->items, args->count, &extended,
                                 options, &error)
                     : FASTEST_ENOMEM;
    /* A bad value or a clash: pytest's engine says it in pytest's words. */
    free(error);
    if (rc || has_unknown(options)) {
        opt_free(options);
        return NULL;
    }
    return options;
}

int run_claim_conftest_options(struct fastest_session *session, const struct cfg_list *args,
                               const struct cli_context *context, char **out_error)
{
    *out_error = NULL;
    const char *engine = opt_get(session->options, "engine");
    if (!has_unknown(session->options) || (engine && strcmp(engine, "pytest") == 0))
        return 0;
    struct pyh_conftest_options conftest;
    int rc = pyh_conftest_options(session, &conftest, out_error);
    if (rc || conftest.count == 0) {
        pyh_conftest_options_free(&conftest);
        return rc;
    }
    struct ft_options *parsed = parse_with(args, context, &conftest);
    size_t count;
    const char *const *given = opt_values(session->options, ARGS_DEST, &count);
    for (size_t i = 0; parsed && rc == 0 && i < count; i++)
        rc = opt_add(parsed, ARGS_DEST, given[i]);
    pyh_conftest_options_free(&conftest);
    if (rc || !parsed) {
        opt_free(parsed);
        return rc;
    }
    opt_free(session->options);
    session->options = parsed;
    run_apply_fastest_config(session);
    return 0;
}
