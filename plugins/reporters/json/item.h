/* One test item of the JSON report while its phase reports arrive: each
 * phase is rendered to JSON as it comes, and the item's outcome is folded
 * from them, so nothing of the borrowed events is kept. */
#ifndef JSON_ITEM_H
#define JSON_ITEM_H

#include <stdbool.h>

#include <fastest/event.h>

#include "../console/text.h"
#include "json_writer.h"

struct json_item {
    char *node_id;    /* owned */
    char *node_kind;  /* owned, or NULL */
    struct text location;   /* the "location" object, or empty until known */
    struct text phases;     /* "setup":{...},"call":{...} members, in arrival order */
    struct text properties; /* the latest report's properties array */
    const char *outcome;    /* static: passed, failed, error, skipped, xfailed, xpassed */
    double duration;        /* all phases */
    bool out_of_memory;
};

/* A new item, or NULL when out of memory. */
struct json_item *json_item_new(const char *node_id);
void json_item_free(struct json_item *item);

/* Adds a TEST_REPORT of the item. */
void json_item_add_report(struct json_item *item, const struct fastest_event *report);

/* Writes the item as one object of the "items" array. */
void json_item_write(const struct json_item *item, struct json_writer *writer);

/* The parts of a report shared by item phases and collection errors:
 * longrepr, crash, skip, wasxfail, sections. */
void json_report_details(struct json_writer *writer, const struct fastest_event *report);

#endif
