/* Parsing is most of a cold discovery's time (a few MB/s of source with
 * tree-sitter), and each file's extraction depends only on its bytes and
 * the name patterns: the files of a directory are extracted side by side,
 * each thread taking the next job until none is left. */
#include "discovery/extract_jobs.h"

#include <pthread.h>
#include <stdatomic.h>

#include <fastest/errors.h>

/* No more threads than this, whatever the cores. */
#define MAX_THREADS 16

struct shared {
    const struct disc_patterns *patterns;
    struct disc_extract_job *jobs;
    size_t count;
    atomic_size_t next;
};

struct thread {
    pthread_t id;
    struct shared *shared;
    struct ft_arena *arena;
};

static void *extract_until_done(void *context)
{
    struct thread *thread = context;
    struct shared *shared = thread->shared;
    for (size_t i; (i = atomic_fetch_add(&shared->next, 1)) < shared->count;) {
        struct disc_extract_job *job = &shared->jobs[i];
        job->rc = thread->arena
                      ? disc_extract(thread->arena, job->text, job->length, shared->patterns,
                                     job->is_conftest, &job->module, &job->error)
                      : FASTEST_ENOMEM;
    }
    return NULL;
}

void disc_extract_jobs(struct ft_arena *arena, const struct disc_patterns *patterns,
                       struct disc_extract_job *jobs, size_t count, unsigned threads)
{
    struct shared shared = {patterns, jobs, count, 0};
    struct thread helpers[MAX_THREADS];
    size_t started = 0;
    size_t wanted = threads < count ? threads : count;
    if (wanted > MAX_THREADS)
        wanted = MAX_THREADS;
    for (size_t i = 1; i < wanted; i++) {
        struct thread *helper = &helpers[started];
        *helper = (struct thread){.shared = &shared, .arena = arena_new()};
        if (!helper->arena)
            break;
        if (pthread_create(&helper->id, NULL, extract_until_done, helper) != 0) {
            arena_free(helper->arena);
            break;
        }
        started++;
    }
    struct thread self = {.shared = &shared, .arena = arena};
    extract_until_done(&self);
    for (size_t i = 0; i < started; i++) {
        pthread_join(helpers[i].id, NULL);
        arena_absorb(arena, helpers[i].arena);
    }
}
