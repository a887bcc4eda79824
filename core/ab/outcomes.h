/* The per-node outcomes of one run, read from the json reporter's
 * document (docs/json-report.md). */
#ifndef FT_AB_OUTCOMES_H
#define FT_AB_OUTCOMES_H

#include <stddef.h>

struct ab_outcome {
    char *node_id; /* malloc'd */
    char *outcome; /* malloc'd: "passed", "failed", "error", ... */
};

struct ab_outcomes {
    struct ab_outcome *items; /* malloc'd, in report order */
    size_t count;
};

/* Reads path through the embedded interpreter's json module (started when
 * needed). Returns 0, or FASTEST_EIO / FASTEST_EPYTHON with *out_error set
 * (free() it) when the file is missing or not a json report. Free *out
 * with ab_outcomes_free. */
int ab_outcomes_read(const char *path, struct ab_outcomes *out /* OUT */, char **out_error);
void ab_outcomes_free(struct ab_outcomes *outcomes);

#endif
