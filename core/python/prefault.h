/* Memory the embedded interpreter is known to write, faulted in by the
 * kernel in bulk rather than one page fault at a time. */
#ifndef FT_PYTHON_PREFAULT_H
#define FT_PYTHON_PREFAULT_H

/* Call once, before the interpreter starts: populates the static data of
 * the object that holds libpython (the executable, when it is linked in)
 * and has every arena of Python's object allocator mapped populated. */
void pyh_prefault_interpreter_memory(void);

/* After a fork, every page the parent and child share is write-protected in
 * both, and the first write to one faults: a copy while both map it, a
 * bare fault once the other process is gone. Call in a freshly forked
 * process, and in the parent once its children have exited: the pages
 * pyh_prefault_interpreter_memory populated (the arenas up to 256 MiB)
 * are made writable in bulk, copied where they are still shared. */
void pyh_prefault_forked_memory(void);

#endif
