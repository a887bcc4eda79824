/* The values of the text names of event kinds, phases, outcomes and
 * longrepr forms used by the engine's event dicts (docs/engine-events.md)
 * and on the wire. One table for event_from_dict and the wire's decoder. */
#ifndef FT_WIRE_EVENT_NAMES_H
#define FT_WIRE_EVENT_NAMES_H

#include <stddef.h>
#include <stdint.h>

/* Value of a name of the given length (not NUL-terminated), or 0 when the
 * name is unknown. */
uint32_t wire_event_kind_from_name(const char *name, size_t length);
uint32_t wire_phase_from_name(const char *name, size_t length);
uint32_t wire_outcome_from_name(const char *name, size_t length);
uint32_t wire_longrepr_form_from_name(const char *name, size_t length);

/* The name of a value, or NULL when it has none (0, an unknown value,
 * FASTEST_LONGREPR_RENDERED). */
const char *wire_event_kind_name(uint32_t value);
const char *wire_phase_name(uint32_t value);
const char *wire_outcome_name(uint32_t value);
const char *wire_longrepr_form_name(uint32_t value);

#endif
