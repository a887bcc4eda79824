/* The C wire codec: round trips, the Python side's bytes, and hostile
 * frames that must fail with FASTEST_EPROTO (never crash or allocate big). */
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "assert.h"
#include "plan/arena.h"
#include "wire/control.h"
#include "wire/event_codec.h"
#include "wire/frame.h"

static void round_trip_event(void)
{
    struct fastest_section sections[] = {{"Captured stdout call", "hello\n"}};
    struct fastest_property attributes[] = {{"assertions", "REQ-1"}, {"classname", "custom"}};
    struct fastest_property suite_properties[] = {{"ARCH", "PPC"}};
    struct fastest_event event = {
        .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_event),
        .kind = FASTEST_EVENT_TEST_REPORT,
        .node_id = "test_x.py::test_a[\xc3\xa9]",
        .phase = FASTEST_PHASE_CALL,
        .outcome = FASTEST_OUTCOME_FAILED,
        .location_line = -1,
        .duration = 0.25,
        .longrepr = "E   assert 1 == 2\n",
        .wasxfail = "",
        .sections = sections,
        .section_count = 1,
        .xml_attributes = attributes,
        .xml_attribute_count = 2,
        .suite_properties = suite_properties,
        .suite_property_count = 1,
        .longrepr_form = FASTEST_LONGREPR_TEXT,
        .item_count = 123456789012ull,
        .exit_status = 2,
    };
    msgpack_sbuffer buffer;
    msgpack_sbuffer_init(&buffer);
    char *error = NULL;
    ASSERT_EQ(wire_encode_event(&buffer, &event, &error), 0);
    struct wire_frame frame;
    ASSERT_EQ(wire_frame_parse(buffer.data, buffer.size, &frame, &error), 0);
    ASSERT_EQ(frame.frame_size, buffer.size);
    struct ft_arena *arena = arena_new();
    struct fastest_event decoded;
    ASSERT_EQ(wire_decode_event(&frame, arena, &decoded, &error), 0);
    ASSERT_EQ(decoded.kind, FASTEST_EVENT_TEST_REPORT);
    ASSERT_STR_EQ(decoded.node_id, event.node_id);
    ASSERT_EQ(decoded.phase, FASTEST_PHASE_CALL);
    ASSERT_EQ(decoded.outcome, FASTEST_OUTCOME_FAILED);
    ASSERT_EQ(decoded.location_line, -1);
    ASSERT_TRUE(decoded.duration == 0.25);
    ASSERT_STR_EQ(decoded.longrepr, event.longrepr);
    ASSERT_STR_EQ(decoded.wasxfail, "");
    ASSERT_NULL(decoded.crash_path);
    ASSERT_EQ(decoded.section_count, 1);
    ASSERT_STR_EQ(decoded.sections[0].title, "Captured stdout call");
    ASSERT_STR_EQ(decoded.sections[0].content, "hello\n");
    ASSERT_EQ(decoded.property_count, 0);
    ASSERT_EQ(decoded.xml_attribute_count, 2);
    ASSERT_STR_EQ(decoded.xml_attributes[1].name, "classname");
    ASSERT_STR_EQ(decoded.xml_attributes[1].value, "custom");
    ASSERT_EQ(decoded.suite_property_count, 1);
    ASSERT_STR_EQ(decoded.suite_properties[0].value, "PPC");
    ASSERT_EQ(decoded.longrepr_form, FASTEST_LONGREPR_TEXT);
    ASSERT_TRUE(decoded.item_count == 123456789012ull);
    ASSERT_EQ(decoded.exit_status, 2);

    /* every strict prefix is truncated, never accepted */
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
    round_trip_event();
    control_frames();
    hostile_frames();
    return 0;
}
