/* Namespaces of the static extractor (namespace.c): what a module or class
 * body binds, and module-level names as literals. Internal to
 * core/discovery/. */
#ifndef FT_DISCOVERY_NAMESPACE_H
#define FT_DISCOVERY_NAMESPACE_H

#include <stdbool.h>
#include <stddef.h>

#include "discovery/extractor.h"

/* The binding of name in ns, or NULL when ns does not bind it. */
struct binding *disc_lookup(struct namespace *ns, const char *name, size_t length);

/* Binds in ns what the statements of block define; everything is bound
 * conditionally when conditional. top_level: the module's own statements,
 * whose imports are recorded as aliases (ex_note_import). Arena-allocated;
 * a binding that does not fit is left out. */
void disc_scan_statements(struct extractor *ex, struct namespace *ns, TSNode block,
                          bool conditional, bool top_level);

/* Binds name in the module namespace as a value we do not know (an import:
 * marks.c). */
void ex_bind_import(struct extractor *ex, const char *name, size_t length);

/* The lit_scope resolver: a module-level name (or an unshadowed builtin)
 * as a literal, NULL when its value cannot be known statically. context is
 * the struct extractor. */
const struct lit_value *disc_resolve_name(void *context, const char *name, size_t length);

/* NAME = <literal that is no function or class>. */
bool disc_is_plain_literal(struct extractor *ex, const struct binding *entry);

/* True when entry (NULL: false) is bound to a literal Python finds false;
 * sets *unknown when its value cannot be known statically. */
bool disc_literal_false(struct extractor *ex, const struct binding *entry, bool *unknown);

#endif
