#include "plan/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks are chained; allocations bump a pointer in the newest block. A
 * request larger than a quarter of the block size gets a block of its own
 * so that big strings do not waste the rest of a shared block. */
enum { ARENA_BLOCK_SIZE = 64 * 1024, ARENA_ALIGN = 16 };

struct arena_block {
    struct arena_block *next;
    size_t size;
    size_t used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

struct ft_arena {
    struct arena_block *head;
    struct arena_block *spare; /* standard blocks arena_reset kept */
    size_t block_size;         /* of a standard block */
};

struct ft_arena *arena_new_sized(size_t block_size)
{
    struct ft_arena *arena = calloc(1, sizeof(struct ft_arena));
    if (arena)
        arena->block_size = block_size;
    return arena;
}

struct ft_arena *arena_new(void)
{
    return arena_new_sized(ARENA_BLOCK_SIZE);
}

static void free_blocks(struct arena_block *block)
{
    while (block) {
        struct arena_block *next = block->next;
        free(block);
        block = next;
    }
}

void arena_free(struct ft_arena *arena)
{
    if (!arena)
        return;
    free_blocks(arena->head);
    free_blocks(arena->spare);
    free(arena);
}

void arena_reset(struct ft_arena *arena)
{
    struct arena_block *block = arena->head;
    while (block) {
        struct arena_block *next = block->next;
        if (block->size == arena->block_size) {
            block->next = arena->spare;
            arena->spare = block;
        } else {
            free(block);
        }
        block = next;
    }
    arena->head = NULL;
}

void arena_absorb(struct ft_arena *into, struct ft_arena *from)
{
    struct arena_block **tail = &into->head;
    if (*tail) /* behind the head, which keeps serving small requests */
        tail = &(*tail)->next;
    struct arena_block *rest = *tail;
    *tail = from->head;
    while (*tail)
        tail = &(*tail)->next;
    *tail = rest;
    free_blocks(from->spare);
    free(from);
}

static struct arena_block *new_block(struct ft_arena *arena, size_t size)
{
    if (size == arena->block_size && arena->spare) {
        struct arena_block *block = arena->spare;
        arena->spare = block->next;
        block->next = NULL;
        block->used = 0;
        return block;
    }
    struct arena_block *block = malloc(sizeof(struct arena_block) + size);
    if (!block)
        return NULL;
    block->next = NULL;
    block->size = size;
    block->used = 0;
    return block;
}

void *arena_alloc(struct ft_arena *arena, size_t size)
{
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (rounded < size)
        return NULL;
    struct arena_block *head = arena->head;
    if (rounded > arena->block_size / 4) {
        struct arena_block *own = new_block(arena, rounded);
        if (!own)
            return NULL;
        /* Behind the head, so the head keeps serving small requests. */
        if (head) {
            own->next = head->next;
            head->next = own;
        } else {
            arena->head = own;
        }
        own->used = rounded;
        memset(own->data, 0, rounded);
        return own->data;
    }
    if (!head || head->size - head->used < rounded) {
        head = new_block(arena, arena->block_size);
        if (!head)
            return NULL;
        head->next = arena->head;
        arena->head = head;
    }
    void *memory = head->data + head->used;
    head->used += rounded;
    memset(memory, 0, rounded);
    return memory;
}

char *arena_strndup(struct ft_arena *arena, const char *text, size_t length)
{
    char *copy = arena_alloc(arena, length + 1);
    if (!copy)
        return NULL;
    memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

char *arena_strdup(struct ft_arena *arena, const char *text)
{
    return text ? arena_strndup(arena, text, strlen(text)) : NULL;
}

char *arena_vprintf(struct ft_arena *arena, const char *format, va_list args)
{
    /* Most texts (node ids, paths) fit the stack buffer: formatted once. */
    char buffer[256];
    va_list copy;
    va_copy(copy, args);
    int length = vsnprintf(buffer, sizeof buffer, format, copy);
    va_end(copy);
    if (length < 0)
        return NULL;
    if ((size_t)length < sizeof buffer)
        return arena_strndup(arena, buffer, (size_t)length);
    char *text = arena_alloc(arena, (size_t)length + 1);
    if (text)
        vsnprintf(text, (size_t)length + 1, format, args);
    return text;
}

char *arena_printf(struct ft_arena *arena, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *text = arena_vprintf(arena, format, args);
    va_end(args);
    return text;
}
