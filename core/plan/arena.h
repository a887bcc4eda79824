/* A memory pool freed at once (nginx's ngx_pool_t): everything a test plan
 * or one file's extraction allocates lives here, so no individual free is
 * ever needed and a whole plan goes away with one arena_free.
 */
#ifndef FT_PLAN_ARENA_H
#define FT_PLAN_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct ft_arena;

/* A new empty arena, or NULL when out of memory. Free with arena_free. */
struct ft_arena *arena_new(void);
/* The same, with blocks of block_size bytes (arena_new's are 64 KiB): for
 * the many small arenas of a short-lived few allocations each. */
struct ft_arena *arena_new_sized(size_t block_size);
/* Releases the arena and every block allocated from it. NULL is allowed. */
void arena_free(struct ft_arena *arena);

/* Forgets everything allocated from the arena, keeping its standard-size
 * blocks for the allocations that follow: memory the process has written
 * once is used again rather than returned to the allocator (and, when the
 * allocator gives it back to the kernel, faulted in again page by page). */
void arena_reset(struct ft_arena *arena);

/* Moves every block of from into into, and frees from: what was
 * allocated from either lives as long as into (the allocations of another
 * thread's arena, kept after the thread is gone). */
void arena_absorb(struct ft_arena *into, struct ft_arena *from);

/* size bytes, zeroed and aligned for any type, owned by the arena; NULL when
 * out of memory. */
void *arena_alloc(struct ft_arena *arena, size_t size);
/* Copies of text (NUL-terminated), owned by the arena; NULL when out of
 * memory. arena_strdup(arena, NULL) returns NULL. */
char *arena_strdup(struct ft_arena *arena, const char *text);
char *arena_strndup(struct ft_arena *arena, const char *text, size_t length);
/* printf into the arena; NULL when out of memory. */
char *arena_printf(struct ft_arena *arena, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct ft_arena *arena, const char *format, va_list args);

#endif
