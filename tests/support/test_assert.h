/* Typed assertions for the C unit tests: on failure they print the file,
 * the line, the expression and both values, then exit non-zero (meson test
 * counts the test as failed). libuv's ASSERT_EQ style. */
#ifndef FT_TEST_TEST_ASSERT_H
#define FT_TEST_TEST_ASSERT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FT_FAIL_(fmt, ...)                                                                          \
    do {                                                                                           \
        fprintf(stderr, "%s:%d: " fmt "\n", __FILE__, __LINE__, __VA_ARGS__);                      \
        exit(1);                                                                                   \
    } while (0)

#define ASSERT_TRUE(expr)                                                                          \
    do {                                                                                           \
        if (!(expr))                                                                               \
            FT_FAIL_("assertion failed: %s", #expr);                                               \
    } while (0)

#define ASSERT_EQ(a, b)                                                                            \
    do {                                                                                           \
        long long ft_a_ = (long long)(a), ft_b_ = (long long)(b);                                  \
        if (ft_a_ != ft_b_)                                                                        \
            FT_FAIL_("%s == %s: %lld != %lld", #a, #b, ft_a_, ft_b_);                              \
    } while (0)

#define ASSERT_STR_EQ(a, b)                                                                        \
    do {                                                                                           \
        const char *ft_a_ = (a), *ft_b_ = (b);                                                     \
        if (!ft_a_ || !ft_b_ || strcmp(ft_a_, ft_b_) != 0)                                         \
            FT_FAIL_("%s == %s:\n  left:  \"%s\"\n  right: \"%s\"", #a, #b,                        \
                     ft_a_ ? ft_a_ : "(null)", ft_b_ ? ft_b_ : "(null)");                         \
    } while (0)

#define ASSERT_NULL(a) ASSERT_TRUE((a) == NULL)
#define ASSERT_NOT_NULL(a) ASSERT_TRUE((a) != NULL)

#endif
