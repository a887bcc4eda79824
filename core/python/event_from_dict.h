/* The engine's event dicts (docs/engine-events.md) as struct fastest_event. */
#ifndef FT_PYTHON_EVENT_FROM_DICT_H
#define FT_PYTHON_EVENT_FROM_DICT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <fastest/event.h>

/* What event_from_dict allocated for one event, besides its pair arrays:
 * copies of the texts holding a NUL character, made event text
 * (base/nul_text.h). Start it zeroed. */
struct event_copies {
    struct event_text_copy *first;
};

/* Fills *out from dict. Strings are borrowed from the dict's values (valid
 * while the dict lives and is unchanged) but for those holding a NUL
 * character, copied into *copies. The arrays of its pair fields (sections,
 * properties, ...) are allocated too: free everything with
 * event_from_dict_release. Returns 0, or -1 with a Python exception set
 * (and nothing to release) when the dict is malformed (a key of the wrong
 * type, an unknown kind). */
int event_from_dict(PyObject *dict, struct fastest_event *out, struct event_copies *copies);

/* Frees what event_from_dict allocated for event. */
void event_from_dict_release(struct fastest_event *event, struct event_copies *copies);

#endif
