/* libFuzzer target for the JSON reader behind pytest's cache values
 * (.pytest_cache/v/cache/lastfailed, nodeids, stepwise), which anything
 * may have written, and the recorded-durations file: any bytes must be
 * read or refused (FASTEST_EINVAL with a message) with no crash, leak or
 * hang. */
#include <stdint.h>
#include <stdlib.h>

#include "cache/durations.h"
#include "pytest_cache/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct pcj_value *value = NULL;
    char *error = NULL;
    pcj_parse((const char *)data, size, &value, &error);
    pcj_free(value);
    free(error);
    struct dur_table table = {0};
    dur_parse((const char *)data, size, &table);
    dur_table_free(&table);
    return 0;
}
