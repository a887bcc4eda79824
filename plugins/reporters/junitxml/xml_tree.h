/* A small element tree for the JUnit XML report, written exactly as
 * Python's xml.etree.ElementTree.tostring(encoding="unicode") writes it,
 * since pytest builds its report with ElementTree: attributes in insertion
 * order, `<tag a="v" />` for an element with neither text nor children,
 * ElementTree's escaping of text and attribute values. */
#ifndef JUNITXML_XML_TREE_H
#define JUNITXML_XML_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct xml_attribute {
    char *name;  /* owned */
    char *value; /* owned */
};

struct xml_element {
    char *tag; /* owned */
    struct xml_attribute *attributes; /* owned, in insertion order */
    size_t attribute_count;
    char *text; /* owned, or NULL */
    struct xml_element **children; /* owned */
    size_t child_count;
};

/* A new element without attributes, or NULL when out of memory. Free it
 * with xml_element_free (which frees its children too). */
struct xml_element *xml_element_new(const char *tag);
void xml_element_free(struct xml_element *element);

/* Sets an attribute (replacing the value of an existing one in place, as a
 * dict update does). Copies name and value. Returns 0 or FASTEST_ENOMEM. */
int xml_element_set(struct xml_element *element, const char *name, const char *value);
/* The attribute's value, or NULL. Borrowed. */
const char *xml_element_get(const struct xml_element *element, const char *name);
/* Removes every attribute whose name is not in allowed (NULL-terminated). */
void xml_element_keep_only(struct xml_element *element, const char *const *allowed);
/* Replaces the text with a copy of text (NULL clears it). Returns 0 or
 * FASTEST_ENOMEM. */
int xml_element_set_text(struct xml_element *element, const char *text);
/* Appends child, which the parent owns from then on, even on failure (it is
 * freed then). Returns 0 or FASTEST_ENOMEM. */
int xml_element_append(struct xml_element *parent, struct xml_element *child);
/* The same, at position index among the children (the end when past it). */
int xml_element_insert(struct xml_element *parent, size_t index, struct xml_element *child);

/* Writes element and its descendants. Returns 0 or FASTEST_EIO. */
int xml_element_write(const struct xml_element *element, FILE *out);

/* pytest's bin_xml_escape: every character outside XML's legal range
 * (controls other than tab, LF and CR; U+FFFE, U+FFFF; and, through a quirk
 * of pytest's pattern, every character beyond U+FFFF) becomes the visible
 * text "#xNN" / "#xNNNN" / "#x1F600". Bytes that are not UTF-8 are escaped
 * as "#xNN" too. Returns a malloc'd string (the caller
 * frees it), or NULL when out of memory. */
char *xml_visual_escape(const char *text);

#endif
