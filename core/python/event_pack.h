/* The engine's event dicts (docs/engine-events.md) packed for the wire, as
 * a worker sends them: no struct fastest_event in between. */
#ifndef FT_PYTHON_EVENT_PACK_H
#define FT_PYTHON_EVENT_PACK_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <msgpack.h>

/* Appends dict to buffer as one event frame (core/wire/frame.h): "kind"
 * and the entries whose key an event field has (core/wire/event_fields.h),
 * as they are, but for None values (absent and None mean the same); other
 * keys are left out, as event_from_dict ignores them in-process. str is
 * packed as a string, bool and int as integers, float as a double, a list
 * or tuple of [str, str] pairs as an array of two-string arrays. The
 * parent's decoder (core/wire/event_codec.h) checks every value, as
 * event_from_dict does. Returns 0, or -1 with a Python exception set and
 * nothing appended (a value of another type, out of memory). */
int pyh_event_pack(msgpack_sbuffer *buffer, PyObject *dict);

#endif
