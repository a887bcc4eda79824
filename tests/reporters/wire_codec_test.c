/* The C wire codec: the engine's event dicts packed as a worker sends them
 * and decoded as the parent reads them, and made dicts again for the
 * parent's engine; control frames, and hostile frames that must fail with
 * FASTEST_EPROTO (never crash or allocate big). */
#include "python/event_from_dict.h"
#include "python/event_to_dict.h"
#include "python/event_pack.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "plan/arena.h"
#include "wire/control.h"
#include "wire/event_codec.h"
#include "wire/event_fields.h"
#include "wire/frame.h"

#include "test_assert.h"

/* Every field of a and b equal (strings by content, pair arrays entry by
 * entry): the two ways an event dict reaches the reporters agree. */
static void assert_same_event(const struct fastest_event *a, const struct fastest_event *b)
{
    ASSERT_EQ(a->kind, b->kind);
    size_t count;
    const struct event_field *fields = event_fields(&count);
    for (size_t i = 0; i < count; i++) {
        const struct event_field *field = &fields[i];
        switch (field->type) {
        case FIELD_STRING: {
            const char *x = *EVENT_MEMBER(a, field, const char *);
            const char *y = *EVENT_MEMBER(b, field, const char *);
            ASSERT_TRUE((x == NULL) == (y == NULL));
            if (x)
                ASSERT_STR_EQ(x, y);
            break;
        }
        case FIELD_INT32:
            ASSERT_EQ(*EVENT_MEMBER(a, field, int32_t), *EVENT_MEMBER(b, field, int32_t));
            break;
        case FIELD_INT:
            ASSERT_EQ(*EVENT_MEMBER(a, field, int), *EVENT_MEMBER(b, field, int));
            break;
        case FIELD_SIZE:
            ASSERT_TRUE(*EVENT_MEMBER(a, field, size_t) == *EVENT_MEMBER(b, field, size_t));
            break;
        case FIELD_DOUBLE:
            ASSERT_TRUE(*EVENT_MEMBER(a, field, double) == *EVENT_MEMBER(b, field, double));
            break;
        case FIELD_NAMED:
            ASSERT_EQ(*EVENT_MEMBER(a, field, uint32_t), *EVENT_MEMBER(b, field, uint32_t));
            break;
        case FIELD_SECTIONS:
        case FIELD_PROPERTIES: {
            size_t pairs = *EVENT_PAIR_COUNT(a, field);
            ASSERT_TRUE(pairs == *EVENT_PAIR_COUNT(b, field));
            const char *const *x = *EVENT_MEMBER(a, field, const char *const *);
            const char *const *y = *EVENT_MEMBER(b, field, const char *const *);
            for (size_t j = 0; j < 2 * pairs; j++)
                ASSERT_STR_EQ(x[j], y[j]);
            break;
        }
        }
    }
}

/* The dict event_to_dict makes of event (what the parent replays into the
 * pytest engine) is the same event again. */
static void assert_round_trip(const struct fastest_event *event)
{
    PyObject *dict = event_to_dict(event);
    ASSERT_NOT_NULL(dict);
    struct fastest_event again;
    struct event_copies copies = {0};
    ASSERT_EQ(event_from_dict(dict, &again, &copies), 0);
    assert_same_event(event, &again);
    event_from_dict_release(&again, &copies);
    Py_DECREF(dict);
}

/* A dict as the engine emits it, packed as a worker sends it, decodes to
 * what event_from_dict makes of it in-process; every strict prefix of the
 * frame is refused. */
static void packed_event(void)
{
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    ASSERT_TRUE(!PyStatus_Exception(Py_InitializeFromConfig(&config)));
    PyConfig_Clear(&config);
    PyObject *globals = PyDict_New();
    PyObject *dict = PyRun_String(
        "{'kind': 'test_report', 'node_id': 'test_x.py::test_a[\\xe9]', 'phase': 'call',"
        " 'outcome': 'failed', 'location_path': 'test_x.py', 'location_line': 0,"
        " 'location_domain': 'test_a[\\xe9]', 'crash_path': None, 'duration': 0.25,"
        " 'longrepr': 'E   assert \\'a\\\\x00b\\' == \\'a\\x00c\\'\\n', 'wasxfail': '',"
        " 'skip_folded_per_file': True, 'sections': [['Captured stdout call', 'hel\\x00lo\\n']],"
        " 'xml_attributes': [('assertions', 'REQ-1'), ('classname', 'custom')],"
        " 'suite_properties': (['ARCH', 'PPC'],), 'longrepr_form': 'text',"
        " 'item_count': 123456789012, 'exit_status': 2, 'a_newer_key': [1, 2]}",
        Py_eval_input, globals, globals);
    ASSERT_NOT_NULL(dict);
    msgpack_sbuffer buffer;
    msgpack_sbuffer_init(&buffer);
    /* a field's value the wire has no form for: refused, nothing appended */
    PyObject *longrepr = PyDict_GetItemString(dict, "longrepr");
    Py_INCREF(longrepr);
    ASSERT_EQ(PyDict_SetItemString(dict, "longrepr", Py_Ellipsis), 0);
    ASSERT_EQ(pyh_event_pack(&buffer, dict), -1);
    ASSERT_TRUE(PyErr_ExceptionMatches(PyExc_TypeError));
    PyErr_Clear();
    ASSERT_EQ(buffer.size, 0);
    ASSERT_EQ(PyDict_SetItemString(dict, "longrepr", longrepr), 0);
    Py_DECREF(longrepr);
    /* a key no field has (a_newer_key) stays home, whatever its value, as
     * event_from_dict ignores it */
    ASSERT_EQ(pyh_event_pack(&buffer, dict), 0);
    ASSERT_TRUE(memmem(buffer.data, buffer.size, "a_newer_key", 11) == NULL);

    char *error = NULL;
    struct wire_frame frame;
    ASSERT_EQ(wire_frame_parse(buffer.data, buffer.size, &frame, &error), 0);
    ASSERT_EQ(frame.frame_size, buffer.size);
    struct ft_arena *arena = arena_new();
    struct fastest_event decoded, in_process;
    struct event_copies copies = {0};
    ASSERT_EQ(wire_decode_event(&frame, arena, &decoded, &error), 0);
    ASSERT_EQ(event_from_dict(dict, &in_process, &copies), 0);
    assert_same_event(&decoded, &in_process);
    /* a NUL character, a C string's end, travels as FASTEST_TEXT_NUL */
    ASSERT_STR_EQ(decoded.longrepr, "E   assert 'a\\x00b' == 'a" FASTEST_TEXT_NUL "c'\n");
    ASSERT_STR_EQ(decoded.sections[0].content, "hel" FASTEST_TEXT_NUL "lo\n");
    ASSERT_EQ(decoded.location_line, 0);
    ASSERT_EQ(decoded.skip_folded_per_file, 1);
    ASSERT_TRUE(decoded.item_count == 123456789012ull);
    ASSERT_EQ(decoded.xml_attribute_count, 2);
    ASSERT_STR_EQ(decoded.xml_attributes[1].value, "custom");
    assert_round_trip(&decoded);
    event_from_dict_release(&in_process, &copies);

    /* keys left out mean the same in both: location_line is -1 (unknown) */
    ASSERT_EQ(PyDict_DelItemString(dict, "location_line"), 0);
    buffer.size = 0;
    ASSERT_EQ(pyh_event_pack(&buffer, dict), 0);
    ASSERT_EQ(wire_frame_parse(buffer.data, buffer.size, &frame, &error), 0);
    ASSERT_EQ(wire_decode_event(&frame, arena, &decoded, &error), 0);
    ASSERT_EQ(event_from_dict(dict, &in_process, &copies), 0);
    assert_same_event(&decoded, &in_process);
    ASSERT_EQ(decoded.location_line, -1);
    assert_round_trip(&decoded);
    event_from_dict_release(&in_process, &copies);

    for (size_t cut = 0; cut < buffer.size; cut++) {
        struct wire_frame partial;
        int rc = wire_frame_parse(buffer.data, cut, &partial, &error);
        if (rc == 0)
            rc = wire_decode_event(&partial, arena, &decoded, &error);
        ASSERT_EQ(rc, FASTEST_EPROTO);
        free(error);
        error = NULL;
    }
    arena_free(arena);
    msgpack_sbuffer_destroy(&buffer);
    Py_DECREF(dict);
    Py_DECREF(globals);
}

static void control_frames(void)
{
    msgpack_sbuffer buffer;
    msgpack_sbuffer_init(&buffer);
    char *error = NULL;
    size_t items[] = {3, 1, 4000000000u};
    ASSERT_EQ(wire_encode_run_items(&buffer, items, 3, &error), 0);
    size_t first_size = buffer.size;
    ASSERT_EQ(wire_encode_done(&buffer, true, &error), 0);
    ASSERT_EQ(wire_encode_error(&buffer, "worker lost its pipe", &error), 0);

    struct ft_arena *arena = arena_new();
    struct wire_frame frame;
    size_t *decoded, count;
    ASSERT_EQ(wire_frame_parse(buffer.data, buffer.size, &frame, &error), 0);
    ASSERT_EQ(wire_decode_run_items(&frame, arena, &decoded, &count, &error), 0);
    ASSERT_EQ(count, 3);
    ASSERT_TRUE(decoded[2] == 4000000000u);
    ASSERT_EQ(frame.frame_size, first_size);
    const char *rest = buffer.data + frame.frame_size;
    size_t left = buffer.size - frame.frame_size;
    ASSERT_EQ(wire_frame_parse(rest, left, &frame, &error), 0);
    bool stopped = false;
    ASSERT_EQ(wire_decode_done(&frame, &stopped, &error), 0);
    ASSERT_TRUE(stopped);
    ASSERT_EQ(wire_decode_event(&frame, arena, &(struct fastest_event){0}, &error), FASTEST_EPROTO);
    free(error);
    error = NULL;
    rest += frame.frame_size;
    left -= frame.frame_size;
    const char *message;
    ASSERT_EQ(wire_frame_parse(rest, left, &frame, &error), 0);
    ASSERT_EQ(wire_decode_error(&frame, arena, &message, &error), 0);
    ASSERT_STR_EQ(message, "worker lost its pipe");
    arena_free(arena);
    msgpack_sbuffer_destroy(&buffer);
}

/* Frames a worker might send broken: each must fail cleanly. */
static void hostile_frames(void)
{
    static const struct {
        const char *bytes;
        size_t size;
    } cases[] = {
        {"\x02\x01\x00\x00\x00\x01\x80", 7},               /* other protocol version */
        {"\x01\x01\x7f\xff\xff\xff", 6},                   /* oversized length */
        {"\x01\x01\x00\x00\x00\x05\xdd\xff\xff\xff\xf0", 11}, /* array of 2^32 - 16 */
        {"\x01\x01\x00\x00\x00\x01\x91", 7},               /* not a map */
        {"\x01\x01\x00\x00\x00\x01\x80", 7},               /* no kind */
        {"\x01\x01\x00\x00\x00\x07\x81\xa4kind\xa1x", 12},   /* unknown kind */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct ft_arena *arena = arena_new();
        struct wire_frame frame;
        struct fastest_event event;
        char *error = NULL;
        int rc = wire_frame_parse(cases[i].bytes, cases[i].size, &frame, &error);
        if (rc == 0)
            rc = wire_decode_event(&frame, arena, &event, &error);
        ASSERT_EQ(rc, FASTEST_EPROTO);
        ASSERT_NOT_NULL(error);
        free(error);
        arena_free(arena);
    }
}

int main(void)
{
    packed_event();
    control_frames();
    hostile_frames();
    return 0;
}
