/* Growable arrays: a pointer, a count and a capacity that doubles, so that
 * appending n elements costs O(n) copies however large the array gets
 * (a suite's items, a cache file's node ids).
 */
#ifndef FT_BASE_VECTOR_H
#define FT_BASE_VECTOR_H

#include <stddef.h>

/* Makes room in *array (of element_size elements, *capacity of them
 * allocated) for needed elements, doubling the capacity from 16 as often
 * as it takes. Returns 0, or FASTEST_ENOMEM with the array unchanged. */
int vector_reserve(void **array, size_t *capacity, size_t needed, size_t element_size);

#endif
