/* The fastest command: from argv to pytest's exit code. */
#ifndef FT_RUN_H
#define FT_RUN_H

/* Runs fastest with the program's arguments (argv[0] excluded) and returns
 * the exit code: pytest's 0-5. */
int run_fastest(const char *const *args, int count);

#endif
