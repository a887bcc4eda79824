/* event_copy: a held event (the workers' plan-order release) outlives the
 * storage it was decoded into, every string and array of it. */
#include <string.h>

#include "test_assert.h"
#include "plan/arena.h"
#include "session/event_copy.h"

static void copy_outlives_its_source(void)
{
    struct ft_arena *source = arena_new();
    ASSERT_NOT_NULL(source);
    struct fastest_section *sections = arena_alloc(source, sizeof *sections);
    struct fastest_property *properties = arena_alloc(source, 3 * sizeof *properties);
    ASSERT_NOT_NULL(sections);
    ASSERT_NOT_NULL(properties);
    sections[0] = (struct fastest_section){arena_strdup(source, "Captured stdout call"),
                                           arena_strdup(source, "hello\n")};
    properties[0] =
        (struct fastest_property){arena_strdup(source, "key"), arena_strdup(source, "v")};
    properties[1] = (struct fastest_property){arena_strdup(source, "assertions"),
                                              arena_strdup(source, "REQ-1")};
    properties[2] =
        (struct fastest_property){arena_strdup(source, "ARCH"), arena_strdup(source, "PPC")};
    struct fastest_event event = {
        .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_event),
        .kind = FASTEST_EVENT_TEST_REPORT,
        .node_id = arena_strdup(source, "test_x.py::test_a"),
        .longrepr = arena_strdup(source, "E   assert 1 == 2\n"),
        .sections = sections,
        .section_count = 1,
        .properties = properties,
        .property_count = 1,
        .xml_attributes = properties + 1,
        .xml_attribute_count = 1,
        .suite_properties = properties + 2,
        .suite_property_count = 1,
    };
    struct ft_arena *held = arena_new();
    struct fastest_event *copy = event_copy(held, &event);
    ASSERT_NOT_NULL(copy);
    arena_free(source); /* under ASan, any pointer left into it is caught */
    ASSERT_STR_EQ(copy->node_id, "test_x.py::test_a");
    ASSERT_STR_EQ(copy->longrepr, "E   assert 1 == 2\n");
    ASSERT_STR_EQ(copy->sections[0].content, "hello\n");
    ASSERT_STR_EQ(copy->properties[0].name, "key");
    ASSERT_STR_EQ(copy->xml_attributes[0].value, "REQ-1");
    ASSERT_STR_EQ(copy->suite_properties[0].value, "PPC");
    arena_free(held);
}

int main(void)
{
    copy_outlives_its_source();
    return 0;
}
