/* The engine's event dicts (docs/engine-events.md) as struct fastest_event. */
#ifndef FT_PYTHON_EVENT_FROM_DICT_H
#define FT_PYTHON_EVENT_FROM_DICT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <fastest/event.h>

/* Storage for what an event points to beyond the dict's own strings: the
 * arrays of its pair fields (sections, properties, ...): one each, at most
 * as many as event_fields.c lists. */
struct ft_event_storage {
    void *arrays[4];
    size_t array_count;
};

/* Fills *out from dict. Strings are borrowed from the dict's values: valid
 * while the dict lives and is unchanged. Arrays go to *storage, released
 * with event_storage_release. Returns 0, or -1 with a Python exception set
 * when the dict is malformed (a key of the wrong type, an unknown kind). */
int event_from_dict(PyObject *dict, struct fastest_event *out, struct ft_event_storage *storage);

void event_storage_release(struct ft_event_storage *storage);

#endif
