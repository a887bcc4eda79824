/* Reads a table of INI texts with fastest's reader and with iniconfig (the
 * reader pytest uses, through iniconfig_oracle.py) and compares sections,
 * keys, values and error messages.
 *   ini_vs_iniconfig PYTHON ORACLE_SCRIPT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "../support/test_assert.h"
#include "config/ini_reader.h"

static const char *const texts[] = {
    "[pytest]\naddopts = -v\n",
    "[pytest]\n",
    "",
    "# only a comment\n; another\n",
    "[pytest]\naddopts =\n    -v\n    -k 'a b'\n",
    "[pytest]\nmarkers =\n  slow: slow tests\n\n  fast: quick ones\nxfail_strict = true\n",
    "[pytest]\nfilterwarnings = error\n    ignore::DeprecationWarning  \n",
    "[pytest]\naddopts = -v ; not a comment for pytest\n",
    "[pytest]\naddopts = -v # nor this\n",
    "[pytest] # a comment\nkey: value\n",
    "[pytest]\nkey: a=b\nother = c:d\n",
    "[pytest]\n  indented = x\n",
    "  continuation\n[pytest]\n",
    "key = value\n[pytest]\n",
    "[pytest]\naddopts = -v\naddopts = -q\n",
    "[pytest]\n[other]\n[pytest]\n",
    "[pytest]\njust words\n",
    "[]\n",
    "[pytest]\nlong = "
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "bbbb ; end\nnext = 1\n",
    "[tool:pytest]\npython_files = test_*.py\n  check_*.py\n[fastest]\nstrategy = inprocess\n",
    "[pytest]\r\naddopts = -x\r\n  -v\r\n",
    "[pytest]\nempty =\nafter = 1\n",
    "[pytest]\nkey = 'it''s'\n",
};

/* A JSON string as json.dumps writes ASCII text. */
static void append_json(char *out, size_t size, const char *text)
{
    size_t used = strlen(out);
    used += (size_t)snprintf(out + used, size - used, "\"");
    for (const char *c = text; *c && used + 8 < size; c++) {
        if (*c == '"' || *c == '\\')
            used += (size_t)snprintf(out + used, size - used, "\\%c", *c);
        else if (*c == '\n')
            used += (size_t)snprintf(out + used, size - used, "\\n");
        else if (*c == '\r')
            used += (size_t)snprintf(out + used, size - used, "\\r");
        else if (*c == '\t')
            used += (size_t)snprintf(out + used, size - used, "\\t");
        else
            out[used++] = *c, out[used] = '\0';
    }
    snprintf(out + used, size - used, "\"");
}

static void describe(const char *path, char *out, size_t size)
{
    struct ini_document document = {0};
    char *error = NULL;
    int rc = ini_read(path, &document, &error);
    out[0] = '\0';
    if (rc) {
        ASSERT_EQ(rc, FASTEST_ECONFIG);
        snprintf(out, size, "error: %s\n", error);
        free(error);
        return;
    }
    for (size_t s = 0; s < document.count; s++) {
        snprintf(out + strlen(out), size - strlen(out), "[%s]\n", document.sections[s].name);
        const struct cfg_table *table = &document.sections[s].table;
        for (size_t k = 0; k < table->count; k++) {
            snprintf(out + strlen(out), size - strlen(out), "%s=", table->values[k].key);
            append_json(out, size, table->values[k].items[0]);
            snprintf(out + strlen(out), size - strlen(out), "\n");
        }
    }
    ini_document_clear(&document);
}

int main(int argc, char **argv)
{
    ASSERT_EQ(argc, 3);
    size_t count = sizeof(texts) / sizeof(texts[0]);
    char folder[] = "/tmp/fastest-ini-XXXXXX";
    ASSERT_NOT_NULL(mkdtemp(folder));
    char command[8192];
    int used = snprintf(command, sizeof(command), "'%s' '%s'", argv[1], argv[2]);
    for (size_t i = 0; i < count; i++) {
        char path[256];
        snprintf(path, sizeof(path), "%s/case%zu.ini", folder, i);
        FILE *file = fopen(path, "w");
        ASSERT_NOT_NULL(file);
        fputs(texts[i], file);
        fclose(file);
        used += snprintf(command + used, sizeof(command) - (size_t)used, " '%s'", path);
    }
    FILE *oracle = popen(command, "r");
    ASSERT_NOT_NULL(oracle);
    int failures = 0;
    for (size_t i = 0; i < count; i++) {
        char expected[8192] = "", line[2048];
        while (fgets(line, sizeof(line), oracle) && strcmp(line, "---\n") != 0)
            strncat(expected, line, sizeof(expected) - strlen(expected) - 1);
        char path[256], actual[8192];
        snprintf(path, sizeof(path), "%s/case%zu.ini", folder, i);
        describe(path, actual, sizeof(actual));
        if (strcmp(expected, actual) != 0) {
            fprintf(stderr, "case %zu:\n%s--- iniconfig:\n%s--- fastest:\n%s\n", i, texts[i],
                    expected, actual);
            failures++;
        }
        unlink(path);
    }
    ASSERT_EQ(pclose(oracle), 0);
    rmdir(folder);
    fprintf(stderr, "%zu INI files compared with iniconfig, %d differ\n", count, failures);
    return failures ? 1 : 0;
}
