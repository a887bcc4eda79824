/* Extracting many files at once, on several threads (extract_jobs.c).
 * Internal to core/discovery/. */
#ifndef FT_DISCOVERY_EXTRACT_JOBS_H
#define FT_DISCOVERY_EXTRACT_JOBS_H

#include <stdbool.h>
#include <stddef.h>

#include "discovery/extract.h"

/* One file's extraction: the source in, disc_extract's result out. */
struct disc_extract_job {
    const char *text;
    size_t length;
    bool is_conftest;
    int rc;                     /* out: 0 or disc_extract's error */
    struct disc_module *module; /* out, when rc is 0 */
    char *error;                /* out: malloc'd, when rc is not 0 */
};

/* Runs disc_extract for every job, on up to threads threads (the caller's
 * among them; 1 runs them all here). Each thread extracts into an arena of
 * its own, absorbed into arena before the call returns, and no thread
 * outlives the call (fastest forks later, with no other thread alive).
 * A thread that cannot be started leaves its share to the others. */
void disc_extract_jobs(struct ft_arena *arena, const struct disc_patterns *patterns,
                       struct disc_extract_job *jobs, size_t count, unsigned threads);

#endif
