/* One extracted module (struct disc_module) as bytes and back: the record
 * body of the discovery cache.
 *
 * Native byte order, no alignment: the cache never leaves the machine that
 * wrote it (its header's version check turns a foreign-endian file away).
 * Strings are stored with their terminating NUL, so that a decoded module
 * points straight into the bytes it was decoded from instead of copying.
 */
#ifndef FT_CACHE_CODEC_H
#define FT_CACHE_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "discovery/extract.h"
#include "plan/arena.h"

/* A growable byte buffer. Zero-initialise it; free data with free(). An
 * append that runs out of memory sets failed and drops every later one,
 * so writers check failed once at the end. */
struct cache_bytes {
    uint8_t *data;
    size_t length, capacity;
    bool failed;
};

void cache_bytes_append(struct cache_bytes *bytes, const void *data, size_t length);
void cache_bytes_u8(struct cache_bytes *bytes, uint8_t value);
void cache_bytes_u32(struct cache_bytes *bytes, uint32_t value);
void cache_bytes_u64(struct cache_bytes *bytes, uint64_t value);
/* A string: u32 length (UINT32_MAX for NULL), the bytes and a NUL. */
void cache_bytes_string(struct cache_bytes *bytes, const char *text);

/* A cursor over untrusted bytes: every read checks the bounds, and the first
 * one that fails sets bad and makes every later read return zero/NULL. */
struct cache_reader {
    const uint8_t *next, *end;
    bool bad;
};

uint8_t cache_read_u8(struct cache_reader *reader);
uint32_t cache_read_u32(struct cache_reader *reader);
uint64_t cache_read_u64(struct cache_reader *reader);
/* A string written by cache_bytes_string, pointing into the reader's bytes;
 * NULL for a stored NULL (or when bad). */
const char *cache_read_string(struct cache_reader *reader);

/* Appends module's encoding to out (check out->failed afterwards). */
void cache_encode_module(struct cache_bytes *out, const struct disc_module *module);

/* Decodes data[0..length) into a module whose arrays live in arena and whose
 * strings point into data: the module is valid as long as both are. Returns
 * 0; FASTEST_EINVAL when the bytes are no complete encoding (truncated,
 * corrupt, trailing bytes), FASTEST_ENOMEM. Never reads outside data. */
int cache_decode_module(const uint8_t *data, size_t length, struct ft_arena *arena,
                        struct disc_module **out);

#endif
