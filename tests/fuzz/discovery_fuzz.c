/* libFuzzer target for the static extractor: any bytes as a test module
 * (and as a conftest.py) must extract without crashing or leaking. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "discovery/extract.h"
#include "plan/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const classes[] = {"Test"};
    static const char *const functions[] = {"test"};
    const struct disc_patterns patterns = {classes, 1, functions, 1};
    char *source = malloc(size + 1);
    if (!source)
        return 0;
    memcpy(source, data, size);
    source[size] = '\0';
    for (int conftest = 0; conftest < 2; conftest++) {
        struct ft_arena *arena = arena_new();
        struct disc_module *module = NULL;
        char *error = NULL;
        if (arena)
            disc_extract(arena, source, size, &patterns, conftest == 1, &module, &error);
        free(error);
        arena_free(arena);
    }
    free(source);
    return 0;
}
