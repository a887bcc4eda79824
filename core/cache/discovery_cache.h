/* The discovery cache: what disc_extract made of each file, kept across
 * runs in one file, `<cache dir>/discovery`, so that a warm run parses
 * nothing that did not change.
 *
 * One file for the whole suite, read with one read() and written with one
 * write(): for 50k tests in 1000 files it is 4 MB, a warm disc-dump takes
 * 50 ms and one that reparses a changed file and rewrites the whole cache
 * 60 ms, less than a thousand per-directory files' opens would add to every
 * warm run. Entries are keyed by
 * the file's absolute path and whether it is a conftest.py; an entry is
 * used only when the file's size and the xxHash (XXH3-64) of its bytes
 * match, so an edit that keeps size and mtime (or a clock that went back)
 * can never serve stale items; the mtime is not needed since the bytes are
 * read anyway to be hashed. The whole file is dropped when its format
 * version, the extractor's identity (a hash of the extractor's sources and
 * the grammar, fixed at build time) or the context (the name patterns
 * python_classes / python_functions) differ.
 *
 * A missing, unreadable, truncated, corrupt (its payload hash is checked) or
 * foreign cache is no error: it is ignored and replaced at commit. Writing
 * goes to a temporary file renamed over the old one, so a concurrent run
 * reads the old file or the new one, never a mix; the last writer wins.
 */
#ifndef FT_CACHE_DISCOVERY_CACHE_H
#define FT_CACHE_DISCOVERY_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "discovery/extract.h"
#include "plan/arena.h"

/* The file format: this header, then payload_length bytes of payload: a u32
 * entry count, then per entry: path (codec string), u8 is_conftest, u64
 * size, u64 content hash, u32 body length and the body (codec.h's module
 * encoding). Native byte order. */
#define CACHE_MAGIC "FTDISC\r\n"
#define CACHE_FORMAT_VERSION 1u
struct cache_file_header {
    char magic[8];
    uint32_t format_version;
    uint32_t header_size; /* sizeof(struct cache_file_header) */
    uint64_t extractor_id;
    uint64_t context;
    uint64_t payload_length;
    uint64_t payload_hash; /* XXH3-64 of the payload */
};

enum cache_mode {
    CACHE_READ_WRITE,
    CACHE_READ_ONLY, /* -p no:cacheprovider: use what is there, write nothing */
    CACHE_CLEAR,     /* --cache-clear: drop what is there, write afresh */
};

/* Identifies one version of one file. */
struct cache_key {
    const char *path; /* absolute */
    bool is_conftest;
    uint64_t size;
    uint64_t content_hash; /* cache_hash of the file's bytes */
};

struct ft_cache;

/* XXH3-64 of data[0..length). */
uint64_t cache_hash(const void *data, size_t length);

/* The context hash for the name patterns extraction depends on. */
uint64_t cache_patterns_context(const struct disc_patterns *patterns);

/* Opens the cache in dir (absolute; need not exist yet) for results made in
 * context. Reads the cache file when the mode allows, ignoring it when it is
 * unusable; CACHE_CLEAR removes it. Returns 0 with *out set (free with
 * cache_close), or FASTEST_ENOMEM. */
int cache_open(const char *dir, uint64_t context, enum cache_mode mode, struct ft_cache **out);

/* A cache over file contents already in memory (tests and the fuzzer): it
 * takes ownership of data (malloc'd, may be NULL when length is 0) and is
 * never written. Returns 0 or FASTEST_ENOMEM (data is freed then too). */
int cache_open_bytes(uint8_t *data, size_t length, uint64_t context, struct ft_cache **out);

/* The result cached for key, decoded into arena, or NULL when there is none
 * for this version of the file (or the entry does not decode). The
 * module's strings point into the cache: it must not be used after
 * cache_close. A hit is kept at commit. */
struct disc_module *cache_lookup(struct ft_cache *cache, const struct cache_key *key,
                                 struct ft_arena *arena);

/* Records module as the result for key (copied: module may go away). A
 * second store for the same key replaces the first. Returns 0 or
 * FASTEST_ENOMEM. */
int cache_store(struct ft_cache *cache, const struct cache_key *key,
                const struct disc_module *module);

/* Writes the cache file when anything changed: this run's hits and stores,
 * plus the old entries this run did not look at whose files still exist
 * (a run over a part of the suite keeps the rest). Nothing for a read-only
 * cache. Returns 0, FASTEST_EIO (cannot create or write the directory or
 * file; nothing is left behind) or FASTEST_ENOMEM, with *out_error set to a
 * malloc'd message the caller frees. */
int cache_commit(struct ft_cache *cache, char **out_error);

/* Entries as loaded (tests and the fuzzer): their count, and the key of one
 * (valid until cache_close; NULL out of range). */
size_t cache_entry_count(const struct ft_cache *cache);
const struct cache_key *cache_entry_key(const struct ft_cache *cache, size_t index);

/* Frees the cache (NULL is allowed). Modules it returned become invalid. */
void cache_close(struct ft_cache *cache);

#endif
