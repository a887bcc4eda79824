#include "base/vector.h"

#include <stdint.h>
#include <stdlib.h>

#include <fastest/errors.h>

int vector_reserve(void **array, size_t *capacity, size_t needed, size_t element_size)
{
    if (needed <= *capacity)
        return 0;
    size_t grown = *capacity ? *capacity : 16;
    while (grown < needed) {
        if (grown > SIZE_MAX / 2)
            return FASTEST_ENOMEM;
        grown *= 2;
    }
    if (grown > SIZE_MAX / element_size)
        return FASTEST_ENOMEM;
    void *bigger = realloc(*array, grown * element_size);
    if (!bigger)
        return FASTEST_ENOMEM;
    *array = bigger;
    *capacity = grown;
    return 0;
}
