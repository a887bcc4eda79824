/* libFuzzer target for the discovery cache reader. The first byte picks
 * what the rest is:
 *   0: one module's encoding (cache_decode_module);
 *   1: a whole cache file, as found on disk;
 *   2: a cache payload, given a valid header (magic, versions, the right
 *      payload hash) so that the fuzzer gets past the checksum and every
 *      entry is looked up and decoded.
 * Nothing may crash, leak or read outside the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache/codec.h"
#include "cache/discovery_cache.h"
#include "cache/extractor_id.h"
#include "plan/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { CONTEXT = 42 };

static void look_up_every_entry(struct ft_cache *cache, struct ft_arena *arena)
{
    for (size_t i = 0; i < cache_entry_count(cache); i++)
        cache_lookup(cache, cache_entry_key(cache, i), arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t mode = data[0] % 3;
    data++, size--;
    struct ft_arena *arena = arena_new();
    if (!arena)
        return 0;
    if (mode == 0) {
        uint8_t *copy = malloc(size + 1); /* exact-size copy: ASan sees overreads */
        struct disc_module *module = NULL;
        if (copy) {
            memcpy(copy, data, size);
            cache_decode_module(copy, size, arena, &module);
        }
        free(copy);
    } else {
        size_t header_size = mode == 2 ? sizeof(struct cache_file_header) : 0;
        uint8_t *file = malloc(header_size + size + 1);
        struct ft_cache *cache = NULL;
        if (file) {
            memcpy(file + header_size, data, size);
            if (mode == 2) {
                struct cache_file_header header = {
                    .magic = CACHE_MAGIC,
                    .format_version = CACHE_FORMAT_VERSION,
                    .header_size = sizeof header,
                    .extractor_id = CACHE_EXTRACTOR_ID,
                    .context = CONTEXT,
                    .payload_length = size,
                    .payload_hash = cache_hash(data, size),
                };
                memcpy(file, &header, sizeof header);
            }
            if (cache_open_bytes(file, header_size + size, CONTEXT, &cache) == 0) {
                look_up_every_entry(cache, arena);
                cache_close(cache);
            }
        }
    }
    arena_free(arena);
    return 0;
}
