#include "ab/ab.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fastest/plugin.h>

#include "ab/outcomes.h"
#include "base/monotonic_clock.h"
#include "install/layout.h"
#include "session/exit_status.h"
#include "session/session.h"

#define DEFAULT_REPEAT 5

/* One run of one strategy. */
struct ab_run {
    int side; /* 0: A, 1: B */
    double seconds;
    int exit_status;
    struct ab_outcomes outcomes; /* sorted by node id after the runs */
};

/* The command line for one run: this executable, the user's arguments
 * minus --ab and --repeat, then the strategy and the json report (given
 * last, so they win over the user's). Returns a malloc'd NULL-terminated
 * array whose strings are borrowed, or NULL. executable is this program's
 * real path: fastest finds its install (plugins, Python package) from
 * argv[0], which /proc/self/exe would not lead to. */
static char **child_argv(const char *executable, const char *const *args, size_t count,
                         const char *strategy, const char *json_path)
{
    char **argv = calloc(count + 8, sizeof(*argv));
    if (!argv)
        return NULL;
    size_t n = 0;
    argv[n++] = (char *)executable;
    for (size_t i = 0; i < count; i++) {
        bool separate = strcmp(args[i], "--ab") == 0 || strcmp(args[i], "--repeat") == 0;
        if (separate) {
            i++;
            continue;
        }
        if (strncmp(args[i], "--ab=", 5) == 0 || strncmp(args[i], "--repeat=", 9) == 0)
            continue;
        argv[n++] = (char *)args[i];
    }
    argv[n++] = "--strategy";
    argv[n++] = (char *)strategy;
    argv[n++] = "--json";
    argv[n++] = (char *)json_path;
    return argv;
}

/* Runs one child with its output discarded; sets run->seconds and
 * run->exit_status, and reads its outcomes. */
static int run_once(struct ab_run *run, char **argv, const char *json_path, char **out_error)
{
    double started = monotonic_now();
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        if (asprintf(out_error, "cannot fork a run: %s", strerror(errno)) < 0)
            *out_error = NULL;
        return FASTEST_ECHILD;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execv(argv[0], argv);
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    run->seconds = monotonic_now() - started;
    run->exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return ab_outcomes_read(json_path, &run->outcomes, out_error);
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int compare_outcomes(const void *a, const void *b)
{
    return strcmp(((const struct ab_outcome *)a)->node_id, ((const struct ab_outcome *)b)->node_id);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Median, min and max of one side's times. */
static void side_stats(const struct ab_run *runs, size_t count, int side, double *out_median,
                       double *out_min, double *out_max)
{
    double times[count];
    size_t n = 0;
    for (size_t i = 0; i < count; i++)
        if (runs[i].side == side)
            times[n++] = runs[i].seconds;
    qsort(times, n, sizeof(double), compare_doubles);
    *out_median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
    *out_min = times[0];
    *out_max = times[n - 1];
}

static const char *outcome_in(const struct ab_run *run, const char *node_id)
{
    struct ab_outcome key = {(char *)node_id, NULL};
    const struct ab_outcome *found =
        bsearch(&key, run->outcomes.items, run->outcomes.count, sizeof(key), compare_outcomes);
    return found ? found->outcome : "(not reported)";
}

/* Lists every node whose outcome differs between runs, and differing exit
 * codes. Returns the number of differences. */
static size_t report_differences(struct ab_run *runs, size_t count, const char *const names[2])
{
    size_t total = 0;
    for (size_t i = 0; i < count; i++) {
        qsort(runs[i].outcomes.items, runs[i].outcomes.count, sizeof(struct ab_outcome),
              compare_outcomes);
        total += runs[i].outcomes.count;
    }
    char **nodes = malloc((total ? total : 1) * sizeof(char *));
    if (!nodes)
        return 1;
    size_t n = 0;
    for (size_t i = 0; i < count; i++)
        for (size_t j = 0; j < runs[i].outcomes.count; j++)
            nodes[n++] = runs[i].outcomes.items[j].node_id;
    qsort(nodes, n, sizeof(char *), compare_strings);
    size_t differences = 0;
    for (size_t k = 0; k < n; k++) {
        if (k > 0 && strcmp(nodes[k], nodes[k - 1]) == 0)
            continue;
        bool same = true;
        for (size_t i = 1; i < count && same; i++)
            same = strcmp(outcome_in(&runs[i], nodes[k]), outcome_in(&runs[0], nodes[k])) == 0;
        if (same)
            continue;
        if (differences++ == 0)
            printf("outcomes differ:\n");
        printf("  %s:", nodes[k]);
        for (size_t i = 0; i < count; i++)
            printf(" %s#%zu=%s", names[runs[i].side], i / 2 + 1, outcome_in(&runs[i], nodes[k]));
        printf("\n");
    }
    free(nodes);
    for (size_t i = 1; i < count; i++)
        if (runs[i].exit_status != runs[0].exit_status) {
            printf("exit codes differ: %s#1=%d, %s#%zu=%d\n", names[runs[0].side],
                   runs[0].exit_status, names[runs[i].side], i / 2 + 1, runs[i].exit_status);
            differences++;
            break;
        }
    return differences;
}

/* Splits "A,B" into two names in buffer; false when it is not two names
 * of loaded strategies (the message says which and what is loaded). */
static bool parse_pair(const struct fastest_session *session, const char *value, char *buffer,
                       size_t size, const char *names[2])
{
    snprintf(buffer, size, "%s", value);
    char *comma = strchr(buffer, ',');
    if (!comma || comma == buffer || !comma[1] || strchr(comma + 1, ',')) {
        fprintf(stderr,
                "ERROR: --ab expects two strategy names, as in --ab inprocess,warmworkers; "
                "got '%s'\n\n",
                value);
        return false;
    }
    *comma = '\0';
    names[0] = buffer;
    names[1] = comma + 1;
    for (int side = 0; side < 2; side++)
        if (!plug_find(&session->plugins, FASTEST_PLUGIN_STRATEGY, names[side])) {
            fprintf(stderr, "ERROR: --ab: no strategy named '%s' is loaded; see --list-plugins\n\n",
                    names[side]);
            return false;
        }
    return true;
}

int ab_run(struct fastest_session *session, const char *const *args, size_t count)
{
    char pair[256];
    const char *names[2];
    if (!parse_pair(session, opt_get(session->options, "ab"), pair, sizeof pair, names))
        return FT_EXIT_USAGE_ERROR;
    long repeat = opt_get_long(session->options, "repeat", DEFAULT_REPEAT);
    if (repeat < 1) {
        fprintf(stderr, "ERROR: --repeat must be at least 1, got %ld\n\n", repeat);
        return FT_EXIT_USAGE_ERROR;
    }
    char json_path[] = "/tmp/fastest-ab-XXXXXX";
    int fd = mkstemp(json_path);
    if (fd < 0) {
        fprintf(stderr, "fastest: --ab: cannot create a file in /tmp: %s\n", strerror(errno));
        return FT_EXIT_INTERNAL_ERROR;
    }
    close(fd);
    size_t run_count = 2 * (size_t)repeat;
    struct ab_run *runs = calloc(run_count, sizeof(*runs));
    const char *executable = layout_executable();
    char **argv[2] = {child_argv(executable, args, count, names[0], json_path),
                      child_argv(executable, args, count, names[1], json_path)};
    int status = runs && argv[0] && argv[1] ? FT_EXIT_OK : FT_EXIT_INTERNAL_ERROR;
    printf("A/B: %s (A) against %s (B), %ld runs each, alternating\n", names[0], names[1], repeat);
    for (size_t i = 0; status == FT_EXIT_OK && i < run_count; i++) {
        char *error = NULL;
        runs[i].side = (int)(i % 2);
        if (run_once(&runs[i], argv[runs[i].side], json_path, &error) != 0) {
            fprintf(stderr, "fastest: --ab: run %zu of %s failed (exit code %d): %s\n", i / 2 + 1,
                    names[runs[i].side], runs[i].exit_status, error ? error : "no report");
            status = FT_EXIT_INTERNAL_ERROR;
        }
        free(error);
    }
    if (status == FT_EXIT_OK) {
        double median[2], low[2], high[2];
        for (int side = 0; side < 2; side++) {
            side_stats(runs, run_count, side, &median[side], &low[side], &high[side]);
            printf("  %-16s median %.3f s  (min %.3f, max %.3f)\n", names[side], median[side],
                   low[side], high[side]);
        }
        printf("  ratio A/B: %.2fx (%s is faster)\n", median[0] / median[1],
               median[0] <= median[1] ? names[0] : names[1]);
        size_t differences = report_differences(runs, run_count, names);
        if (differences)
            status = 1;
        else
            printf("  outcomes: identical in all %zu runs (%zu items)\n", run_count,
                   runs[0].outcomes.count);
    }
    unlink(json_path);
    for (size_t i = 0; runs && i < run_count; i++)
        ab_outcomes_free(&runs[i].outcomes);
    free(runs);
    free(argv[0]);
    free(argv[1]);
    return status;
}
