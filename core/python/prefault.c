/* The kernel gives a process its memory one page at a time, on the first
 * write to each page: a page fault, a trap into the kernel per 4 KiB. On a
 * virtual machine a trap is costly (on the machines fastest is measured on,
 * 11-14 us a fault, where populating pages in bulk costs ~1.2 us a page),
 * and a short run of the embedded interpreter takes ~3,000 of them: about
 * a quarter of its time for 1,000 trivial tests. Most land in memory the
 * interpreter is sure to write, which can be populated in one call each:
 *
 * - libpython's static data (static type objects, the runtime state,
 *   deep-frozen modules and interned strings, all written as the
 *   interpreter starts: 269 of its 280 pages in that run);
 * - the arenas of Python's object allocator, which fills one arena before
 *   it opens the next, so at most one arena's pages go unused.
 *
 * A forked worker shares these pages with its parent until either writes
 * one: then the kernel copies it, one fault per page again, and with
 * reference counts everywhere a worker writes to most of the pages it
 * reads (bench/hooks' suite: ~9,700 such faults for two workers). The
 * worker has them copied in bulk as it starts, up to a budget; the parent,
 * whose own pages stay write-protected after the fork, has them made
 * writable in bulk once its workers are gone.
 *
 * Where faults are cheap this gains little and costs little; a failure
 * (a kernel without MADV_POPULATE_WRITE, before Linux 5.14) leaves the
 * pages to be faulted in one at a time, as before. */
#include "python/prefault.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <link.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

struct address_range {
    uintptr_t start, end;
};

struct object_search {
    uintptr_t address;             /* a symbol of libpython */
    struct address_range writable; /* out: its object's data, less RELRO */
};

/* The writable load segment of the object holding search->address, less
 * the part the dynamic loader makes read-only after relocation (RELRO),
 * which cannot be written to. */
static int find_writable_data(struct dl_phdr_info *info, size_t size, void *context)
{
    (void)size;
    struct object_search *search = context;
    bool holds_address = false;
    struct address_range writable = {0, 0};
    uintptr_t relro_end = 0;
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        uintptr_t start = info->dlpi_addr + segment->p_vaddr;
        uintptr_t end = start + segment->p_memsz;
        if (segment->p_type == PT_LOAD && search->address >= start && search->address < end)
            holds_address = true;
        if (segment->p_type == PT_LOAD && (segment->p_flags & PF_W))
            writable = (struct address_range){start, end};
        if (segment->p_type == PT_GNU_RELRO)
            relro_end = end;
    }
    if (!holds_address)
        return 0;
    if (relro_end > writable.start)
        writable.start = relro_end;
    search->writable = writable;
    return 1;
}

static void populate_libpython_data(void)
{
    struct object_search search = {.address = (uintptr_t)&Py_InitializeFromConfig};
    if (!dl_iterate_phdr(find_writable_data, &search))
        return;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = (search.writable.start + page - 1) & ~(page - 1);
    uintptr_t end = (search.writable.end + page - 1) & ~(page - 1);
    if (start < end)
        (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
}

/* The most arena memory a forked process copies in bulk; past it, pages
 * are copied as they are written. */
#define FORKED_ARENA_BUDGET ((size_t)256 << 20)

/* The arenas mapped and not unmapped yet, for a forked process to copy. */
static struct {
    void **arenas;
    size_t count, capacity, arena_size;
} live;

/* Python's own arena allocator, with MAP_POPULATE. */
static void *map_populated_arena(void *context, size_t size)
{
    (void)context;
    void *arena =
        mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (arena == MAP_FAILED)
        return NULL;
    if (live.count == live.capacity) {
        size_t capacity = live.capacity ? 2 * live.capacity : 64;
        void **grown = realloc(live.arenas, capacity * sizeof(*grown));
        if (!grown)
            return arena; /* a forked process copies it as it writes it */
        live.arenas = grown;
        live.capacity = capacity;
    }
    live.arenas[live.count++] = arena;
    live.arena_size = size;
    return arena;
}

static void unmap_arena(void *context, void *arena, size_t size)
{
    (void)context;
    for (size_t i = 0; i < live.count; i++)
        if (live.arenas[i] == arena) {
            live.arenas[i] = live.arenas[--live.count];
            break;
        }
    munmap(arena, size);
}

void pyh_prefault_forked_memory(void)
{
    populate_libpython_data();
    size_t budget = FORKED_ARENA_BUDGET;
    for (size_t i = 0; i < live.count && budget >= live.arena_size; i++) {
        (void)madvise(live.arenas[i], live.arena_size, MADV_POPULATE_WRITE);
        budget -= live.arena_size;
    }
}

void pyh_prefault_interpreter_memory(void)
{
    populate_libpython_data();
    PyObjectArenaAllocator arenas = {NULL, map_populated_arena, unmap_arena};
    PyObject_SetArenaAllocator(&arenas);
}
