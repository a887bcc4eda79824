/* fastest plugin SDK: versions.
 *
 * Two numbers matter to a plugin:
 *  - the ABI version (major.minor) of the structs and tables that cross the
 *    plugin boundary. A plugin built against ABI M.m loads into a host of ABI
 *    M.n when n >= m. A different major is refused.
 *  - the product version, for humans only.
 */
#ifndef FASTEST_VERSION_H
#define FASTEST_VERSION_H

#include <stdint.h>

#define FASTEST_VERSION_STRING "0.1.0"

#define FASTEST_ABI_MAJOR 1
#define FASTEST_ABI_MINOR 2

/* An ABI version packed into one integer: major in the high 16 bits. */
#define FASTEST_ABI_MAKE(major, minor) ((uint32_t)(((uint32_t)(major) << 16) | ((uint32_t)(minor)&0xffffu)))
#define FASTEST_ABI_VERSION FASTEST_ABI_MAKE(FASTEST_ABI_MAJOR, FASTEST_ABI_MINOR)
#define FASTEST_ABI_MAJOR_OF(v) ((uint32_t)(v) >> 16)
#define FASTEST_ABI_MINOR_OF(v) ((uint32_t)(v)&0xffffu)

/* Every struct that crosses the boundary starts with this header.
 * struct_size is sizeof the struct as the writer compiled it; abi_version is
 * FASTEST_ABI_VERSION as the writer compiled it. A reader touches a member
 * only when struct_size covers it (see FASTEST_HAS_MEMBER). */
struct fastest_struct_header {
    uint32_t struct_size;
    uint32_t abi_version;
};

#define FASTEST_STRUCT_HEADER_INIT(type) {sizeof(type), FASTEST_ABI_VERSION}

/* True when the struct at ptr (whose first member is a struct_size) is large
 * enough to hold member. Use before reading any member added after ABI 1.0. */
#define FASTEST_HAS_MEMBER(ptr, type, member)                                                       \
    ((ptr)->header.struct_size >= offsetof(type, member) + sizeof(((type *)0)->member))

#endif
