/* struct fastest_event as the engine's event dicts (docs/engine-events.md):
 * the inverse of event_from_dict, for events that reach the Python engine
 * from elsewhere (a worker's reports, replayed in the parent). */
#ifndef FT_PYTHON_EVENT_TO_DICT_H
#define FT_PYTHON_EVENT_TO_DICT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <fastest/event.h>

/* A new dict with "kind" and every member of event that differs from its
 * default (NULL, 0, no pairs; location_line -1), under its key. NULL with a
 * Python exception set when out of memory or the kind has no name. */
PyObject *event_to_dict(const struct fastest_event *event);

#endif
