/* Whole-file reads for the config readers. */
#ifndef FT_CONFIG_FILE_TEXT_H
#define FT_CONFIG_FILE_TEXT_H

#include <stddef.h>

/* Reads the file at path into a new buffer (NUL-terminated, *out_length
 * bytes before the NUL; the caller frees *out_text). Returns 0,
 * FASTEST_ECONFIG with *out_error "path: cannot read the file: why"
 * (malloc'd, the caller frees it), or FASTEST_ENOMEM. */
int cfg_read_file(const char *path, char **out_text, size_t *out_length, char **out_error);

#endif
