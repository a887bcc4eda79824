/* The pytest cache's JSON reader and writer, and the recorded-durations
 * file: pytest's exact bytes out, strict refusal of damaged input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "base/string_set.h"
#include "cache/durations.h"
#include "pytest_cache/json.h"
#include "../support/test_assert.h"

static void refused(const char *text, size_t length)
{
    struct pcj_value *value = NULL;
    char *error = NULL;
    ASSERT_EQ(pcj_parse(text, length, &value, &error), FASTEST_EINVAL);
    ASSERT_TRUE(value == NULL && error != NULL && strncmp(error, "JSON: expected ", 15) == 0);
    free(error);
}

static void test_dump_is_pythons(void)
{
    /* json.dumps(..., ensure_ascii=False, indent=2) */
    const char *keys[] = {"t.py::a[\"q\"\\\n]", "t.py::\xc3\xa9\x01"};
    char *text = pcj_dump_true_object(keys, 2);
    ASSERT_STR_EQ(text, "{\n  \"t.py::a[\\\"q\\\"\\\\\\n]\": true,\n  \"t.py::\xc3\xa9\\u0001\": true\n}");
    free(text);
    text = pcj_dump_true_object(NULL, 0);
    ASSERT_STR_EQ(text, "{}");
    free(text);
    text = pcj_dump_string_array(keys, 1);
    ASSERT_STR_EQ(text, "[\n  \"t.py::a[\\\"q\\\"\\\\\\n]\"\n]");
    free(text);
    text = pcj_dump_string_array(NULL, 0);
    ASSERT_STR_EQ(text, "[]");
    free(text);
    text = pcj_dump_string_or_null(NULL);
    ASSERT_STR_EQ(text, "null");
    free(text);
}

static void test_parse_round_trip(void)
{
    const char text[] = " {\"a\\u00e9\\ud83d\\ude00\": true, \"b\": [1, -2.5e3, null, false, {}]}\n";
    struct pcj_value *value = NULL;
    char *error = NULL;
    ASSERT_EQ(pcj_parse(text, sizeof text - 1, &value, &error), 0);
    ASSERT_EQ(value->kind, PCJ_OBJECT);
    ASSERT_EQ(value->count, 2);
    ASSERT_STR_EQ(value->keys[0], "a\xc3\xa9\xf0\x9f\x98\x80");
    ASSERT_EQ(value->items[1].kind, PCJ_ARRAY);
    ASSERT_EQ(value->items[1].count, 5);
    pcj_free(value);
}

static void test_refusals(void)
{
    refused("", 0);
    refused("{\"a\": tru", 9);
    refused("[1,]", 4);
    refused("\"\\u0000\"", 8);
    refused("\"\\ud800\"", 8);
    refused("\"\xff\"", 3);
    refused("\"\xc0\x80\"", 4);
    refused("\xef\xbb\xbf{}", 5); /* a BOM: Python's json refuses it too */
    refused("{} {}", 5);
    refused("\"a\nb\"", 5);
    refused("01", 2);
    char deep[200];
    memset(deep, '[', sizeof deep);
    refused(deep, sizeof deep);
}

static void test_string_set(void)
{
    struct string_set set = {0};
    for (int i = 0; i < 100; i++) {
        char name[16];
        snprintf(name, sizeof name, "n%d", i);
        ASSERT_EQ(string_set_add(&set, name), 0);
    }
    for (int i = 0; i < 100; i += 2) {
        char name[16];
        snprintf(name, sizeof name, "n%d", i);
        ASSERT_TRUE(string_set_remove(&set, name));
    }
    ASSERT_EQ(set.live, 50);
    for (int i = 0; i < 100; i++) {
        char name[16];
        snprintf(name, sizeof name, "n%d", i);
        ASSERT_EQ(string_set_contains(&set, name), i % 2 == 1);
    }
    size_t count;
    const char **list = string_set_list(&set, &count);
    ASSERT_EQ(count, 50);
    ASSERT_STR_EQ(list[0], "n1");
    free(list);
    string_set_free(&set);
}

static void test_durations(void)
{
    struct dur_table table = {0};
    const char good[] = "fastest durations 1\n0.500000\tb::x\n1.000000\ta::y\n";
    ASSERT_EQ(dur_parse(good, sizeof good - 1, &table), 0);
    ASSERT_TRUE(dur_lookup(&table, "a::y") == 1.0 && dur_lookup(&table, "c") == -1);
    struct dur_table newer = {0};
    ASSERT_EQ(dur_append(&newer, "b::x", 2.0), 0);
    ASSERT_EQ(dur_append(&newer, "0::z", 3.0), 0);
    ASSERT_EQ(dur_merge(&table, &newer), 0);
    ASSERT_EQ(table.count, 3);
    ASSERT_TRUE(dur_lookup(&table, "b::x") == 2.0 && dur_lookup(&table, "0::z") == 3.0);
    dur_table_free(&table);
    static const char *const damaged[] = {
        "fastest durations 2\n", "fastest durations 1\n1.0 a\n", "fastest durations 1\nx\ta\n",
        "fastest durations 1\n-1\ta\n", "fastest durations 1\nnan\ta\n",
        "fastest durations 1\n1\ta\n1\ta\n", "fastest durations 1\n1\ta",
    };
    for (size_t i = 0; i < sizeof damaged / sizeof *damaged; i++)
        ASSERT_EQ(dur_parse(damaged[i], strlen(damaged[i]), &table), FASTEST_EINVAL);
}

int main(void)
{
    test_dump_is_pythons();
    test_parse_round_trip();
    test_refusals();
    test_string_set();
    test_durations();
    return 0;
}
