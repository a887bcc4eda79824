/* Unit tests for the discovery cache: the module encoding round trip, hits
 * and misses, and every way the cache file can be bad (truncated, flipped
 * bytes, foreign version or context, garbage, a directory in its place) or
 * written at once by several runs. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "../support/test_assert.h"
#include "cache/codec.h"
#include "cache/directory.h"
#include "cache/discovery_cache.h"
#include "discovery/extract.h"

static const char *const classes[] = {"Test"};
static const char *const functions[] = {"test"};
static const struct disc_patterns patterns = {classes, 1, functions, 1};

static const char module_source[] =
    "import pytest\n"
    "pytestmark = pytest.mark.slow\n"
    "@pytest.fixture(scope='module', params=[1, 2])\n"
    "def number(request): return request.param\n"
    "@pytest.mark.parametrize('x', [1, 'a', None], ids=['one', 'two', 'three'])\n"
    "@pytest.mark.xdist_group('g')\n"
    "def test_p(x, number): pass\n"
    "class TestA:\n"
    "    @pytest.mark.skip(reason='no')\n"
    "    def test_m(self): pass\n"
    "    class TestInit:\n"
    "        def __init__(self): pass\n"
    "        def test_never(self): pass\n"
    "def test_gen():\n"
    "    yield 1\n"
    "def test_dyn(): pass\n"
    "test_dyn = something(test_dyn)\n";

static char *module_path, *conftest_path; /* in the scratch dir */

static const char conftest_source[] = "collect_ignore = ['a.py', 'b']\n"
                                      "collect_ignore_glob = []\n"
                                      "def pytest_generate_tests(metafunc): pass\n";

static struct disc_module *extract(struct ft_arena *arena, const char *source, bool conftest)
{
    struct disc_module *module = NULL;
    char *error = NULL;
    ASSERT_EQ(disc_extract(arena, source, strlen(source), &patterns, conftest, &module, &error),
              0);
    ASSERT_NULL(error);
    return module;
}

static struct cache_bytes encode(const struct disc_module *module)
{
    struct cache_bytes bytes = {0};
    cache_encode_module(&bytes, module);
    ASSERT_TRUE(!bytes.failed);
    return bytes;
}

static void assert_same_encoding(const struct disc_module *a, const struct disc_module *b)
{
    struct cache_bytes left = encode(a), right = encode(b);
    ASSERT_EQ(left.length, right.length);
    ASSERT_TRUE(memcmp(left.data, right.data, left.length) == 0);
    free(left.data);
    free(right.data);
}

/* Encoding then decoding gives a module that encodes to the same bytes:
 * every field survives, NULL and empty lists stay apart. */
static void test_round_trip(void)
{
    struct ft_arena *arena = arena_new();
    const char *sources[] = {module_source, conftest_source, "def broken(:\n", "\xff\xfe"};
    for (size_t s = 0; s < sizeof sources / sizeof *sources; s++) {
        struct disc_module *module = extract(arena, sources[s], s == 1);
        struct cache_bytes bytes = encode(module);
        struct disc_module *decoded = NULL;
        ASSERT_EQ(cache_decode_module(bytes.data, bytes.length, arena, &decoded), 0);
        assert_same_encoding(module, decoded);
        ASSERT_EQ(decoded->item_count, module->item_count);
        ASSERT_EQ(decoded->warning_count, module->warning_count);
        ASSERT_EQ(decoded->collect_ignore == NULL, module->collect_ignore == NULL);
        ASSERT_EQ(decoded->collect_ignore_glob == NULL, module->collect_ignore_glob == NULL);
        free(bytes.data);
    }
    arena_free(arena);
}

/* Every truncation and every flipped byte of an encoding decodes to an
 * error or to some module, never outside the buffer (ASan checks). */
static void test_decode_damaged(void)
{
    struct ft_arena *arena = arena_new();
    struct cache_bytes bytes = encode(extract(arena, module_source, false));
    for (size_t length = 0; length < bytes.length; length++) {
        uint8_t *copy = malloc(length + 1); /* exact size: ASan sees overreads */
        memcpy(copy, bytes.data, length);
        struct disc_module *decoded = (void *)1;
        ASSERT_EQ(cache_decode_module(copy, length, arena, &decoded), FASTEST_EINVAL);
        ASSERT_NULL(decoded);
        free(copy);
    }
    for (size_t i = 0; i < bytes.length; i++) {
        uint8_t *copy = malloc(bytes.length);
        memcpy(copy, bytes.data, bytes.length);
        copy[i] ^= 0xA5;
        struct disc_module *decoded = NULL;
        int rc = cache_decode_module(copy, bytes.length, arena, &decoded);
        ASSERT_TRUE(rc == 0 || rc == FASTEST_EINVAL);
        free(copy);
    }
    free(bytes.data);
    arena_free(arena);
}

static char scratch[] = "/tmp/ft-cache-test-XXXXXX";

/* A path in the scratch directory; freed by free_paths at the end. */
static char *paths[256];
static size_t path_count;

static char *path_in(const char *name)
{
    char *path = NULL;
    ASSERT_TRUE(asprintf(&path, "%s/%s", scratch, name) > 0);
    ASSERT_TRUE(path_count < sizeof paths / sizeof *paths);
    return paths[path_count++] = path;
}

static void free_paths(void)
{
    while (path_count)
        free(paths[--path_count]);
}

static void write_text(const char *path, const char *text)
{
    FILE *file = fopen(path, "w");
    ASSERT_NOT_NULL(file);
    fputs(text, file);
    fclose(file);
}

static struct cache_key key_for(const char *path, const char *text, bool conftest)
{
    return (struct cache_key){path, conftest, strlen(text), cache_hash(text, strlen(text))};
}

static uint8_t *read_whole(const char *path, size_t *out_length)
{
    FILE *file = fopen(path, "rb");
    ASSERT_NOT_NULL(file);
    fseek(file, 0, SEEK_END);
    long length = ftell(file);
    rewind(file);
    uint8_t *data = malloc((size_t)length + 1);
    ASSERT_EQ(fread(data, 1, (size_t)length, file), (size_t)length);
    fclose(file);
    *out_length = (size_t)length;
    return data;
}

static void write_bytes(const char *path, const uint8_t *data, size_t length)
{
    FILE *file = fopen(path, "wb");
    ASSERT_NOT_NULL(file);
    ASSERT_EQ(fwrite(data, 1, length, file), length);
    fclose(file);
}

/* A cache dir holding one module and one conftest entry. */
static void populate(const char *dir, uint64_t context)
{
    struct ft_arena *arena = arena_new();
    struct ft_cache *cache = NULL;
    ASSERT_EQ(cache_open(dir, context, CACHE_READ_WRITE, &cache), 0);
    struct cache_key module_key = key_for(module_path, module_source, false);
    struct cache_key conftest_key = key_for(conftest_path, conftest_source, true);
    ASSERT_EQ(cache_store(cache, &module_key, extract(arena, module_source, false)), 0);
    ASSERT_EQ(cache_store(cache, &conftest_key, extract(arena, conftest_source, true)), 0);
    char *error = NULL;
    ASSERT_EQ(cache_commit(cache, &error), 0);
    ASSERT_NULL(error);
    cache_close(cache);
    arena_free(arena);
}

static size_t hits(const char *dir, uint64_t context)
{
    struct ft_arena *arena = arena_new();
    struct ft_cache *cache = NULL;
    ASSERT_EQ(cache_open(dir, context, CACHE_READ_ONLY, &cache), 0);
    struct cache_key module_key = key_for(module_path, module_source, false);
    struct cache_key conftest_key = key_for(conftest_path, conftest_source, true);
    size_t found = 0;
    struct disc_module *module = cache_lookup(cache, &module_key, arena);
    if (module) {
        assert_same_encoding(module, extract(arena, module_source, false));
        found++;
    }
    struct disc_module *conftest = cache_lookup(cache, &conftest_key, arena);
    if (conftest) {
        assert_same_encoding(conftest, extract(arena, conftest_source, true));
        found++;
    }
    cache_close(cache);
    arena_free(arena);
    return found;
}

static void test_hits_and_misses(void)
{
    char *dir = path_in("cache-hits");
    write_text(module_path, module_source);
    write_text(conftest_path, conftest_source);
    ASSERT_EQ(hits(dir, 7), 0); /* no cache yet */
    populate(dir, 7);
    ASSERT_EQ(hits(dir, 7), 2);
    ASSERT_EQ(hits(dir, 8), 0); /* other name patterns: all ignored */

    struct ft_arena *arena = arena_new();
    struct ft_cache *cache = NULL;
    ASSERT_EQ(cache_open(dir, 7, CACHE_READ_ONLY, &cache), 0);
    struct cache_key key = key_for(module_path, module_source, false);
    key.content_hash ^= 1; /* same size, other bytes */
    ASSERT_NULL(cache_lookup(cache, &key, arena));
    key = key_for(module_path, module_source, false);
    key.size++;
    ASSERT_NULL(cache_lookup(cache, &key, arena));
    key = key_for(module_path, module_source, true); /* not as a conftest */
    ASSERT_NULL(cache_lookup(cache, &key, arena));
    cache_close(cache);

    /* The directory got pytest-style markers. */
    ASSERT_EQ(access(path_in("cache-hits/.gitignore"), R_OK), 0);
    ASSERT_EQ(access(path_in("cache-hits/CACHEDIR.TAG"), R_OK), 0);
    arena_free(arena);
}

/* Modes, and what commit keeps. */
static void test_modes_and_commit(void)
{
    char *dir = path_in("cache-modes");
    char *file = path_in("cache-modes/discovery");
    populate(dir, 1);
    struct stat before;
    ASSERT_EQ(stat(file, &before), 0);

    /* A run that only hits writes nothing. */
    struct ft_arena *arena = arena_new();
    struct ft_cache *cache = NULL;
    ASSERT_EQ(cache_open(dir, 1, CACHE_READ_WRITE, &cache), 0);
    struct cache_key key = key_for(module_path, module_source, false);
    ASSERT_NOT_NULL(cache_lookup(cache, &key, arena));
    char *error = NULL;
    ASSERT_EQ(unlink(file), 0);
    ASSERT_EQ(cache_commit(cache, &error), 0);
    ASSERT_EQ(access(file, F_OK), -1);
    cache_close(cache);
    populate(dir, 1);

    /* Read-only never writes, even when it learnt something. */
    ASSERT_EQ(cache_open(dir, 1, CACHE_READ_ONLY, &cache), 0);
    struct cache_key other = key_for(path_in("other.py"), "x = 1\n", false);
    ASSERT_EQ(cache_store(cache, &other, extract(arena, "x = 1\n", false)), 0);
    ASSERT_EQ(unlink(file), 0);
    ASSERT_EQ(cache_commit(cache, &error), 0);
    ASSERT_EQ(access(file, F_OK), -1);
    cache_close(cache);
    populate(dir, 1);

    /* Clear removes the file at once; the run then writes afresh. */
    ASSERT_EQ(cache_open(dir, 1, CACHE_CLEAR, &cache), 0);
    ASSERT_EQ(access(file, F_OK), -1);
    ASSERT_EQ(cache_entry_count(cache), 0);
    ASSERT_EQ(cache_commit(cache, &error), 0);
    cache_close(cache);
    ASSERT_EQ(hits(dir, 1), 0);

    /* Entries this run did not see are kept while their file exists. */
    populate(dir, 1);
    ASSERT_EQ(cache_open(dir, 1, CACHE_READ_WRITE, &cache), 0);
    ASSERT_EQ(cache_store(cache, &other, extract(arena, "x = 1\n", false)), 0);
    ASSERT_EQ(unlink(conftest_path), 0);
    ASSERT_EQ(cache_commit(cache, &error), 0);
    cache_close(cache);
    ASSERT_EQ(cache_open(dir, 1, CACHE_READ_ONLY, &cache), 0);
    ASSERT_EQ(cache_entry_count(cache), 2); /* test_m.py and other.py */
    ASSERT_STR_EQ(cache_entry_key(cache, 0)->path, module_path);
    ASSERT_STR_EQ(cache_entry_key(cache, 1)->path, path_in("other.py"));
    ASSERT_NULL(cache_entry_key(cache, 2));
    cache_close(cache);
    write_text(conftest_path, conftest_source);

    /* A directory that cannot be made: an error with the path, no crash. */
    write_text(path_in("blocker"), "");
    ASSERT_EQ(cache_open(path_in("blocker/cache"), 1, CACHE_READ_WRITE, &cache), 0);
    ASSERT_EQ(cache_store(cache, &other, extract(arena, "x = 1\n", false)), 0);
    ASSERT_EQ(cache_commit(cache, &error), FASTEST_EIO);
    ASSERT_NOT_NULL(error);
    ASSERT_TRUE(strstr(error, "blocker/cache") != NULL);
    free(error);
    cache_close(cache);
    arena_free(arena);
}

/* Every prefix and every flipped byte of a good cache file, a foreign
 * version, garbage and a directory in its place: opened without error,
 * ignored, and replaced by the next commit. */
static void test_bad_files(void)
{
    char *dir = path_in("cache-bad");
    char *file = path_in("cache-bad/discovery");
    populate(dir, 3);
    size_t length;
    uint8_t *good = read_whole(file, &length);
    for (size_t cut = 0; cut < length; cut += 1 + cut / 16) {
        write_bytes(file, good, cut);
        ASSERT_EQ(hits(dir, 3), 0);
    }
    for (size_t i = 0; i < length; i += 1 + i / 32) {
        good[i] ^= 0x10;
        write_bytes(file, good, length);
        ASSERT_EQ(hits(dir, 3), 0);
        good[i] ^= 0x10;
    }
    struct cache_file_header header;
    memcpy(&header, good, sizeof header);
    header.format_version++;
    memcpy(good, &header, sizeof header);
    write_bytes(file, good, length);
    ASSERT_EQ(hits(dir, 3), 0);
    header.format_version--;
    memcpy(good, &header, sizeof header);
    write_bytes(file, good, length);
    ASSERT_EQ(hits(dir, 3), 2); /* the untouched file still works */

    write_text(file, "garbage that is no cache at all, but long enough for a header\n");
    ASSERT_EQ(hits(dir, 3), 0);
    populate(dir, 3); /* replaced */
    ASSERT_EQ(hits(dir, 3), 2);

    ASSERT_EQ(unlink(file), 0);
    ASSERT_EQ(mkdir(file, 0755), 0);
    ASSERT_EQ(hits(dir, 3), 0);
    ASSERT_EQ(rmdir(file), 0);
    free(good);
}

/* Several runs committing at once: every file a reader sees is whole, and
 * no temporary file is left behind. */
static void test_concurrent_commits(void)
{
    char *dir = path_in("cache-race");
    populate(dir, 5);
    enum { WRITERS = 6, ROUNDS = 40 };
    pid_t children[WRITERS];
    for (int w = 0; w < WRITERS; w++) {
        children[w] = fork();
        ASSERT_TRUE(children[w] >= 0);
        if (children[w] == 0) {
            struct ft_arena *arena = arena_new();
            struct disc_module *module = extract(arena, module_source, false);
            for (int round = 0; round < ROUNDS; round++) {
                struct ft_cache *cache = NULL;
                if (cache_open(dir, 5, CACHE_READ_WRITE, &cache) != 0)
                    _exit(1);
                if (cache_entry_count(cache) < 2)
                    _exit(2); /* saw a torn or missing file */
                struct cache_key key = key_for(module_path, module_source, false);
                key.content_hash += (uint64_t)round; /* force a write */
                char *error = NULL;
                if (cache_store(cache, &key, module) || cache_commit(cache, &error))
                    _exit(3);
                cache_close(cache);
            }
            arena_free(arena);
            _exit(0);
        }
    }
    for (int w = 0; w < WRITERS; w++) {
        int status = 0;
        ASSERT_EQ(waitpid(children[w], &status, 0), children[w]);
        ASSERT_TRUE(WIFEXITED(status));
        ASSERT_EQ(WEXITSTATUS(status), 0);
    }
    DIR *listing = opendir(dir);
    ASSERT_NOT_NULL(listing);
    for (struct dirent *entry; (entry = readdir(listing));)
        ASSERT_TRUE(strncmp(entry->d_name, ".discovery.", 11) != 0);
    closedir(listing);
}

static void remove_tree(const char *path)
{
    char command[600];
    snprintf(command, sizeof command, "rm -rf '%s'", path);
    ASSERT_EQ(system(command), 0);
}

int main(void)
{
    ASSERT_NOT_NULL(mkdtemp(scratch));
    module_path = path_in("test_m.py");
    conftest_path = path_in("conftest.py");
    test_round_trip();
    test_decode_damaged();
    test_hits_and_misses();
    test_modes_and_commit();
    test_bad_files();
    test_concurrent_commits();
    remove_tree(scratch);
    free_paths();
    puts("cache: all tests passed");
    return 0;
}
