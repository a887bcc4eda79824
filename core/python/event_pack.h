/* The engine's event dicts (docs/engine-events.md) packed for the wire, as
 * a worker sends them: no struct fastest_event in between. */
#ifndef FT_PYTHON_EVENT_PACK_H
#define FT_PYTHON_EVENT_PACK_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <msgpack.h>

/* Appends dict to buffer as one event frame (core/wire/frame.h): its
 * entries as they are, key for key, but for None values, which are left
 * out (absent and None mean the same). str is packed as a string, bool and
 * int as integers, float as a double, a list or tuple of [str, str] pairs
 * as an array of two-string arrays. The parent's decoder
 * (core/wire/event_codec.h) checks every key and value, as event_from_dict
 * does in-process. Returns 0, or -1 with a Python exception set and
 * nothing appended (a value of another type, out of memory). */
int pyh_event_pack(msgpack_sbuffer *buffer, PyObject *dict);

#endif
