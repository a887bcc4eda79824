/* libFuzzer target for the INI reader behind pytest.ini, tox.ini,
 * setup.cfg and fastest.ini: any bytes must be read into a document or
 * refused with FASTEST_ECONFIG and a "path:line: what" message, with no
 * crash, leak or hang; the shlex splitter used for `args` values gets
 * every value it read. */
#include <stdint.h>
#include <stdlib.h>

#include "config/ini_reader.h"
#include "config/ini_types.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ini_document document = {0};
    char *error = NULL;
    if (ini_read_text("fuzz.ini", (const char *)data, size, &document, &error) == 0) {
        for (size_t s = 0; s < document.count; s++) {
            const struct cfg_table *table = &document.sections[s].table;
            for (size_t v = 0; v < table->count; v++) {
                for (size_t i = 0; i < table->values[v].item_count; i++) {
                    struct cfg_list words = {0};
                    char *split_error = NULL;
                    cfg_split_args(table->values[v].items[i], &words, &split_error);
                    free(split_error);
                    cfg_list_free(&words);
                }
            }
        }
    }
    free(error);
    ini_document_clear(&document);
    return 0;
}
