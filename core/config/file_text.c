#include "config/file_text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "cli/text.h"

int cfg_read_file(const char *path, char **out_text, size_t *out_length, char **out_error)
{
    FILE *file = fopen(path, "rb");
    if (!file) {
        *out_error = ft_format("%s: cannot read the file: %s", path, strerror(errno));
        return *out_error ? FASTEST_ECONFIG : FASTEST_ENOMEM;
    }
    char *text = NULL;
    size_t length = 0;
    FILE *memory = open_memstream(&text, &length);
    if (!memory) {
        fclose(file);
        return FASTEST_ENOMEM;
    }
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof(chunk), file)) > 0)
        fwrite(chunk, 1, got, memory);
    int read_error = ferror(file) ? errno : 0;
    fclose(file);
    if (fclose(memory) != 0 || !text) {
        free(text);
        return FASTEST_ENOMEM;
    }
    if (read_error) {
        free(text);
        *out_error = ft_format("%s: cannot read the file: %s", path, strerror(read_error));
        return *out_error ? FASTEST_ECONFIG : FASTEST_ENOMEM;
    }
    *out_text = text;
    *out_length = length;
    return 0;
}
