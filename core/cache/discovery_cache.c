#include "cache/discovery_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>

#include <fastest/errors.h>

#include "base/vector.h"
#include "cache/codec.h"
#include "cache/directory.h"
#include "cache/extractor_id.h"
#include "io/write_all.h"

#define CACHE_FILE_NAME "discovery"

enum entry_state {
    ENTRY_UNSEEN, /* loaded, not looked at by this run */
    ENTRY_HIT,    /* loaded and used: written back as it was */
    ENTRY_FRESH,  /* stored by this run: body in cache->fresh */
};

struct entry {
    struct cache_key key;
    enum entry_state state;
    const uint8_t *body; /* loaded entries: into cache->data */
    size_t body_length;
    size_t fresh_offset, fresh_length; /* ENTRY_FRESH: into cache->fresh */
};

struct ft_cache {
    char *dir;       /* NULL for a cache over bytes */
    uint64_t context;
    enum cache_mode mode;
    uint8_t *data; /* the file as loaded, or NULL */
    struct entry *entries;
    size_t entry_count, entry_capacity;
    uint32_t *slots; /* open addressing: entry index + 1, 0 for empty */
    size_t slot_count; /* a power of two, at least twice entry_count */
    struct cache_bytes fresh; /* encodings stored by this run */
    struct ft_arena *arena;   /* paths of stored entries */
    bool dirty;               /* the file on disk is not what commit would write */
};

uint64_t cache_hash(const void *data, size_t length)
{
    return XXH3_64bits(data, length);
}

uint64_t cache_patterns_context(const struct disc_patterns *patterns)
{
    XXH3_state_t *state = XXH3_createState();
    if (!state)
        return 0;
    XXH3_64bits_reset(state);
    /* Each name with its NUL, and a separator between the two lists, so
     * that no two different pattern sets hash the same input. */
    for (size_t i = 0; i < patterns->python_class_count; i++)
        XXH3_64bits_update(state, patterns->python_classes[i],
                           strlen(patterns->python_classes[i]) + 1);
    XXH3_64bits_update(state, "\n", 1);
    for (size_t i = 0; i < patterns->python_function_count; i++)
        XXH3_64bits_update(state, patterns->python_functions[i],
                           strlen(patterns->python_functions[i]) + 1);
    uint64_t context = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    return context;
}

/* --- the index ------------------------------------------------------------ */

static uint64_t key_hash(const char *path, bool is_conftest)
{
    return XXH3_64bits(path, strlen(path)) ^ (uint64_t)is_conftest;
}

static struct entry *find(struct ft_cache *cache, const char *path, bool is_conftest)
{
    if (!cache->slot_count)
        return NULL;
    size_t mask = cache->slot_count - 1;
    for (size_t slot = key_hash(path, is_conftest) & mask; cache->slots[slot];
         slot = (slot + 1) & mask) {
        struct entry *entry = &cache->entries[cache->slots[slot] - 1];
        if (entry->key.is_conftest == is_conftest && strcmp(entry->key.path, path) == 0)
            return entry;
    }
    return NULL;
}

static int rebuild_slots(struct ft_cache *cache, size_t slot_count)
{
    uint32_t *slots = calloc(slot_count, sizeof *slots);
    if (!slots)
        return FASTEST_ENOMEM;
    free(cache->slots);
    cache->slots = slots;
    cache->slot_count = slot_count;
    for (size_t i = 0; i < cache->entry_count; i++) {
        const struct cache_key *key = &cache->entries[i].key;
        size_t slot = key_hash(key->path, key->is_conftest) & (slot_count - 1);
        while (slots[slot])
            slot = (slot + 1) & (slot_count - 1);
        slots[slot] = (uint32_t)(i + 1);
    }
    return 0;
}

/* Appends an entry (its key's path must outlive the cache) and indexes it. */
static struct entry *add_entry(struct ft_cache *cache, const struct cache_key *key)
{
    if (vector_reserve((void **)&cache->entries, &cache->entry_capacity, cache->entry_count + 1,
                       sizeof *cache->entries))
        return NULL;
    if (cache->entry_count >= UINT32_MAX - 1)
        return NULL;
    struct entry *entry = &cache->entries[cache->entry_count++];
    *entry = (struct entry){.key = *key};
    if ((cache->entry_count) * 2 > cache->slot_count) {
        if (rebuild_slots(cache, cache->slot_count ? cache->slot_count * 2 : 128)) {
            cache->entry_count--;
            return NULL;
        }
        return entry;
    }
    size_t mask = cache->slot_count - 1;
    size_t slot = key_hash(key->path, key->is_conftest) & mask;
    while (cache->slots[slot])
        slot = (slot + 1) & mask;
    cache->slots[slot] = (uint32_t)cache->entry_count;
    return entry;
}

/* --- loading -------------------------------------------------------------- */

/* Indexes the entries of a loaded file. False when the file is unusable
 * (the cache is then left empty). Entries point into data. */
static bool load(struct ft_cache *cache, const uint8_t *data, size_t length)
{
    struct cache_file_header header;
    if (length < sizeof header)
        return false;
    memcpy(&header, data, sizeof header);
    if (memcmp(header.magic, CACHE_MAGIC, sizeof header.magic) != 0 ||
        header.format_version != CACHE_FORMAT_VERSION || header.header_size != sizeof header ||
        header.extractor_id != CACHE_EXTRACTOR_ID || header.context != cache->context ||
        header.payload_length != length - sizeof header)
        return false;
    const uint8_t *payload = data + sizeof header;
    if (cache_hash(payload, (size_t)header.payload_length) != header.payload_hash)
        return false;
    struct cache_reader reader = {.next = payload, .end = payload + header.payload_length};
    uint32_t count = cache_read_u32(&reader);
    for (uint32_t i = 0; i < count && !reader.bad; i++) {
        struct cache_key key;
        key.path = cache_read_string(&reader);
        key.is_conftest = cache_read_u8(&reader) != 0;
        key.size = cache_read_u64(&reader);
        key.content_hash = cache_read_u64(&reader);
        uint32_t body_length = cache_read_u32(&reader);
        const uint8_t *body = reader.next;
        if (reader.bad || !key.path || body_length > (size_t)(reader.end - reader.next) ||
            find(cache, key.path, key.is_conftest))
            break;
        reader.next += body_length;
        struct entry *entry = add_entry(cache, &key);
        if (!entry)
            break;
        entry->body = body;
        entry->body_length = body_length;
    }
    if (reader.bad || reader.next != reader.end || cache->entry_count != count) {
        cache->entry_count = 0;
        if (cache->slots)
            memset(cache->slots, 0, cache->slot_count * sizeof *cache->slots);
        return false;
    }
    return true;
}

/* The whole file in a malloc'd buffer, or NULL (missing, unreadable, or
 * absurdly big). */
static uint8_t *read_file(const char *path, size_t *out_length)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat info;
    uint8_t *data = NULL;
    if (fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0 &&
        (uint64_t)info.st_size < (1u << 30))
        data = malloc((size_t)info.st_size);
    size_t used = 0;
    while (data && used < (size_t)info.st_size) {
        ssize_t got = read(fd, data + used, (size_t)info.st_size - used);
        if (got <= 0)
            break;
        used += (size_t)got;
    }
    close(fd);
    *out_length = used;
    return data;
}

static struct ft_cache *new_cache(uint64_t context, enum cache_mode mode)
{
    struct ft_cache *cache = calloc(1, sizeof *cache);
    if (!cache)
        return NULL;
    cache->context = context;
    cache->mode = mode;
    cache->arena = arena_new();
    if (!cache->arena) {
        free(cache);
        return NULL;
    }
    return cache;
}

int cache_open_bytes(uint8_t *data, size_t length, uint64_t context, struct ft_cache **out)
{
    *out = new_cache(context, CACHE_READ_ONLY);
    if (!*out) {
        free(data);
        return FASTEST_ENOMEM;
    }
    (*out)->data = data;
    if (data && !load(*out, data, length))
        (*out)->dirty = true;
    return 0;
}

int cache_open(const char *dir, uint64_t context, enum cache_mode mode, struct ft_cache **out)
{
    struct ft_cache *cache = new_cache(context, mode);
    if (!cache || !(cache->dir = strdup(dir))) {
        cache_close(cache);
        *out = NULL;
        return FASTEST_ENOMEM;
    }
    char *path = arena_printf(cache->arena, "%s/" CACHE_FILE_NAME, dir);
    if (!path) {
        cache_close(cache);
        *out = NULL;
        return FASTEST_ENOMEM;
    }
    if (mode == CACHE_CLEAR) {
        unlink(path);
        cache->dirty = true;
    } else {
        size_t length = 0;
        cache->data = read_file(path, &length);
        if (!cache->data || !load(cache, cache->data, length))
            cache->dirty = true;
    }
    *out = cache;
    return 0;
}

/* --- using ---------------------------------------------------------------- */

struct disc_module *cache_lookup(struct ft_cache *cache, const struct cache_key *key,
                                 struct ft_arena *arena)
{
    struct entry *entry = find(cache, key->path, key->is_conftest);
    if (!entry || entry->state == ENTRY_FRESH || entry->key.size != key->size ||
        entry->key.content_hash != key->content_hash)
        return NULL;
    struct disc_module *module = NULL;
    if (cache_decode_module(entry->body, entry->body_length, arena, &module) != 0)
        return NULL;
    entry->state = ENTRY_HIT;
    return module;
}

int cache_store(struct ft_cache *cache, const struct cache_key *key,
                const struct disc_module *module)
{
    struct entry *entry = find(cache, key->path, key->is_conftest);
    if (!entry) {
        struct cache_key copy = *key;
        copy.path = arena_strdup(cache->arena, key->path);
        if (!copy.path || !(entry = add_entry(cache, &copy)))
            return FASTEST_ENOMEM;
    }
    size_t offset = cache->fresh.length;
    cache_encode_module(&cache->fresh, module);
    if (cache->fresh.failed)
        return FASTEST_ENOMEM;
    entry->key.size = key->size;
    entry->key.content_hash = key->content_hash;
    entry->state = ENTRY_FRESH;
    entry->fresh_offset = offset;
    entry->fresh_length = cache->fresh.length - offset;
    cache->dirty = true;
    return 0;
}

size_t cache_entry_count(const struct ft_cache *cache)
{
    return cache->entry_count;
}

const struct cache_key *cache_entry_key(const struct ft_cache *cache, size_t index)
{
    return index < cache->entry_count ? &cache->entries[index].key : NULL;
}

/* --- writing -------------------------------------------------------------- */

static bool still_exists(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 && S_ISREG(info.st_mode);
}

/* The payload commit writes: kept, hit and fresh entries. Sets cache->dirty
 * when an unseen entry is dropped. */
static void build_payload(struct ft_cache *cache, struct cache_bytes *payload)
{
    uint32_t kept = 0;
    cache_bytes_u32(payload, 0); /* patched below */
    for (size_t i = 0; i < cache->entry_count; i++) {
        const struct entry *entry = &cache->entries[i];
        if (entry->state == ENTRY_UNSEEN && !still_exists(entry->key.path)) {
            cache->dirty = true;
            continue;
        }
        const uint8_t *body = entry->state == ENTRY_FRESH
                                  ? cache->fresh.data + entry->fresh_offset
                                  : entry->body;
        size_t body_length =
            entry->state == ENTRY_FRESH ? entry->fresh_length : entry->body_length;
        if (body_length > UINT32_MAX) {
            payload->failed = true;
            return;
        }
        cache_bytes_string(payload, entry->key.path);
        cache_bytes_u8(payload, entry->key.is_conftest);
        cache_bytes_u64(payload, entry->key.size);
        cache_bytes_u64(payload, entry->key.content_hash);
        cache_bytes_u32(payload, (uint32_t)body_length);
        cache_bytes_append(payload, body, body_length);
        kept++;
    }
    if (!payload->failed)
        memcpy(payload->data, &kept, sizeof kept);
}

static int io_error(char **out_error, const char *what, const char *path)
{
    if (asprintf(out_error, "could not %s %s: %s", what, path, strerror(errno)) < 0)
        *out_error = NULL;
    return FASTEST_EIO;
}

int cache_commit(struct ft_cache *cache, char **out_error)
{
    *out_error = NULL;
    if (!cache->dir || cache->mode == CACHE_READ_ONLY)
        return 0;
    struct cache_bytes payload = {0};
    build_payload(cache, &payload);
    if (payload.failed) {
        free(payload.data);
        return FASTEST_ENOMEM;
    }
    if (!cache->dirty) {
        free(payload.data);
        return 0;
    }
    struct cache_file_header header = {
        .magic = CACHE_MAGIC,
        .format_version = CACHE_FORMAT_VERSION,
        .header_size = sizeof header,
        .extractor_id = CACHE_EXTRACTOR_ID,
        .context = cache->context,
        .payload_length = payload.length,
        .payload_hash = cache_hash(payload.data, payload.length),
    };
    int rc = cache_dir_ensure(cache->dir, out_error);
    char *path = arena_printf(cache->arena, "%s/" CACHE_FILE_NAME, cache->dir);
    char *temporary = arena_printf(cache->arena, "%s/." CACHE_FILE_NAME ".XXXXXX", cache->dir);
    if (rc == 0 && (!path || !temporary))
        rc = FASTEST_ENOMEM;
    int fd = rc == 0 ? mkstemp(temporary) : -1;
    if (rc == 0 && fd < 0)
        rc = io_error(out_error, "create a file in", cache->dir);
    if (fd >= 0) {
        if (fchmod(fd, 0644) != 0 || io_write_all(fd, &header, sizeof header) != 0 ||
            io_write_all(fd, payload.data, payload.length) != 0)
            rc = io_error(out_error, "write", temporary);
        if (close(fd) != 0 && rc == 0)
            rc = io_error(out_error, "write", temporary);
        if (rc == 0 && rename(temporary, path) != 0)
            rc = io_error(out_error, "replace", path);
        if (rc)
            unlink(temporary);
    }
    free(payload.data);
    if (rc == 0)
        cache->dirty = false;
    return rc;
}

void cache_close(struct ft_cache *cache)
{
    if (!cache)
        return;
    free(cache->dir);
    free(cache->data);
    free(cache->entries);
    free(cache->slots);
    free(cache->fresh.data);
    arena_free(cache->arena);
    free(cache);
}
