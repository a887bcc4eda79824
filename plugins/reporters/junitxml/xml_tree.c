#include "xml_tree.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "../console/text.h"

struct xml_element *xml_element_new(const char *tag)
{
    struct xml_element *element = calloc(1, sizeof *element);
    if (element && !(element->tag = strdup(tag))) {
        free(element);
        return NULL;
    }
    return element;
}

void xml_element_free(struct xml_element *element)
{
    if (!element)
        return;
    for (size_t i = 0; i < element->attribute_count; i++) {
        free(element->attributes[i].name);
        free(element->attributes[i].value);
    }
    for (size_t i = 0; i < element->child_count; i++)
        xml_element_free(element->children[i]);
    free(element->attributes);
    free(element->children);
    free(element->text);
    free(element->tag);
    free(element);
}

static struct xml_attribute *find_attribute(const struct xml_element *element, const char *name)
{
    for (size_t i = 0; i < element->attribute_count; i++)
        if (strcmp(element->attributes[i].name, name) == 0)
            return &element->attributes[i];
    return NULL;
}

int xml_element_set(struct xml_element *element, const char *name, const char *value)
{
    char *value_copy = strdup(value);
    if (!value_copy)
        return FASTEST_ENOMEM;
    struct xml_attribute *existing = find_attribute(element, name);
    if (existing) {
        free(existing->value);
        existing->value = value_copy;
        return 0;
    }
    struct xml_attribute *grown =
        realloc(element->attributes, (element->attribute_count + 1) * sizeof *grown);
    char *name_copy = strdup(name);
    if (!grown || !name_copy) {
        if (grown)
            element->attributes = grown;
        free(value_copy);
        free(name_copy);
        return FASTEST_ENOMEM;
    }
    element->attributes = grown;
    element->attributes[element->attribute_count++] =
        (struct xml_attribute){.name = name_copy, .value = value_copy};
    return 0;
}

const char *xml_element_get(const struct xml_element *element, const char *name)
{
    const struct xml_attribute *attribute = find_attribute(element, name);
    return attribute ? attribute->value : NULL;
}

static bool is_allowed(const char *name, const char *const *allowed)
{
    for (; *allowed; allowed++)
        if (strcmp(*allowed, name) == 0)
            return true;
    return false;
}

void xml_element_keep_only(struct xml_element *element, const char *const *allowed)
{
    size_t kept = 0;
    for (size_t i = 0; i < element->attribute_count; i++) {
        struct xml_attribute attribute = element->attributes[i];
        if (is_allowed(attribute.name, allowed)) {
            element->attributes[kept++] = attribute;
        } else {
            free(attribute.name);
            free(attribute.value);
        }
    }
    element->attribute_count = kept;
}

int xml_element_set_text(struct xml_element *element, const char *text)
{
    char *copy = NULL;
    if (text && !(copy = strdup(text)))
        return FASTEST_ENOMEM;
    free(element->text);
    element->text = copy;
    return 0;
}

int xml_element_insert(struct xml_element *parent, size_t index, struct xml_element *child)
{
    struct xml_element **grown =
        realloc(parent->children, (parent->child_count + 1) * sizeof *grown);
    if (!grown) {
        xml_element_free(child);
        return FASTEST_ENOMEM;
    }
    parent->children = grown;
    if (index > parent->child_count)
        index = parent->child_count;
    memmove(&grown[index + 1], &grown[index], (parent->child_count - index) * sizeof *grown);
    grown[index] = child;
    parent->child_count++;
    return 0;
}

int xml_element_append(struct xml_element *parent, struct xml_element *child)
{
    return xml_element_insert(parent, parent->child_count, child);
}

/* ElementTree's _escape_cdata (in_attribute false) and _escape_attrib. */
static void write_escaped(const char *text, bool in_attribute, FILE *out)
{
    for (const char *c = text; *c; c++) {
        switch (*c) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs(in_attribute ? "&quot;" : "\"", out); break;
        case '\r': fputs(in_attribute ? "&#13;" : "\r", out); break;
        case '\n': fputs(in_attribute ? "&#10;" : "\n", out); break;
        case '\t': fputs(in_attribute ? "&#09;" : "\t", out); break;
        default: fputc(*c, out); break;
        }
    }
}

static void write_element(const struct xml_element *element, FILE *out)
{
    fprintf(out, "<%s", element->tag);
    for (size_t i = 0; i < element->attribute_count; i++) {
        fprintf(out, " %s=\"", element->attributes[i].name);
        write_escaped(element->attributes[i].value, true, out);
        fputc('"', out);
    }
    bool has_text = element->text && *element->text;
    if (!has_text && !element->child_count) {
        fputs(" />", out);
        return;
    }
    fputc('>', out);
    if (has_text)
        write_escaped(element->text, false, out);
    for (size_t i = 0; i < element->child_count; i++)
        write_element(element->children[i], out);
    fprintf(out, "</%s>", element->tag);
}

int xml_element_write(const struct xml_element *element, FILE *out)
{
    write_element(element, out);
    return ferror(out) ? FASTEST_EIO : 0;
}

/* Decodes the UTF-8 sequence at text; returns its length in bytes (0 when
 * the bytes are not UTF-8) and sets *out_code_point. */
static size_t decode_utf8(const unsigned char *text, unsigned *out_code_point)
{
    unsigned lead = text[0];
    size_t length = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3
                                   : (lead >> 3) == 30 ? 4 : 0;
    if (!length)
        return 0;
    unsigned code_point = length == 1 ? lead : lead & (0x7f >> length);
    for (size_t i = 1; i < length; i++) {
        if ((text[i] & 0xc0) != 0x80)
            return 0;
        code_point = code_point << 6 | (text[i] & 0x3f);
    }
    *out_code_point = code_point;
    return length;
}

/* The characters bin_xml_escape keeps; see the header. */
static bool is_kept(unsigned code_point)
{
    return code_point == 0x9 || code_point == 0xa || code_point == 0xd ||
           (code_point >= 0x20 && code_point <= 0xd7ff) ||
           (code_point >= 0xe000 && code_point <= 0xfffd);
}

char *xml_visual_escape(const char *text)
{
    struct text escaped = {0};
    const unsigned char *c = (const unsigned char *)text;
    while (*c) {
        unsigned code_point = *c;
        size_t length = decode_utf8(c, &code_point);
        if (length && is_kept(code_point))
            text_append(&escaped, (const char *)c, length);
        else
            text_printf(&escaped, code_point <= 0xff ? "#x%02X" : "#x%04X", code_point);
        c += length ? length : 1;
    }
    if (escaped.failed) {
        text_free(&escaped);
        return NULL;
    }
    return escaped.data ? escaped.data : strdup("");
}
