/* Writing a whole buffer to a descriptor, through short writes and
 * interruptions: what every raw write of the core needs. */
#ifndef FT_IO_WRITE_ALL_H
#define FT_IO_WRITE_ALL_H

#include <stddef.h>

/* Writes size bytes of data to fd. Returns 0, or -1 when a write failed or
 * wrote nothing (errno says why; part of data may have been written). */
int io_write_all(int fd, const void *data, size_t size);

#endif
