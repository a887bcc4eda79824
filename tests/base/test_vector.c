/* vector_reserve: capacities double, the array keeps its contents, and a
 * size no memory can hold is refused instead of wrapping around. */
#include <stdint.h>
#include <stdlib.h>

#include <fastest/errors.h>

#include "base/vector.h"

#include "../support/test_assert.h"

static void grows_by_doubling(void)
{
    int *array = NULL;
    size_t capacity = 0, count = 0;
    size_t reallocs = 0, last_capacity = 0;
    for (int i = 0; i < 5000; i++) {
        ASSERT_EQ(vector_reserve((void **)&array, &capacity, count + 1, sizeof *array), 0);
        ASSERT_TRUE(capacity > count);
        if (capacity != last_capacity) {
            ASSERT_TRUE(last_capacity == 0 || capacity == 2 * last_capacity);
            reallocs++;
            last_capacity = capacity;
        }
        array[count++] = i;
    }
    ASSERT_TRUE(reallocs <= 10); /* 16, 32, ..., 8192 */
    for (int i = 0; i < 5000; i++)
        ASSERT_EQ(array[i], i);
    /* A jump is met at once, in one step of doublings. */
    ASSERT_EQ(vector_reserve((void **)&array, &capacity, 40000, sizeof *array), 0);
    ASSERT_TRUE(capacity == 65536);
    ASSERT_EQ(array[4999], 4999);
    free(array);
}

static void refuses_what_cannot_fit(void)
{
    char *array = NULL;
    size_t capacity = 0;
    ASSERT_EQ(vector_reserve((void **)&array, &capacity, SIZE_MAX, 1), FASTEST_ENOMEM);
    ASSERT_TRUE(array == NULL && capacity == 0);
    ASSERT_EQ(vector_reserve((void **)&array, &capacity, SIZE_MAX / 4, 8), FASTEST_ENOMEM);
    ASSERT_TRUE(array == NULL && capacity == 0);
}

int main(void)
{
    grows_by_doubling();
    refuses_what_cannot_fit();
    return 0;
}
