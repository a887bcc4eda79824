/* Memory the embedded interpreter is known to write, faulted in by the
 * kernel in bulk rather than one page fault at a time. */
#ifndef FT_PYTHON_PREFAULT_H
#define FT_PYTHON_PREFAULT_H

/* Call once, before the interpreter starts: populates the static data of
 * the object that holds libpython (the executable, when it is linked in)
 * and has every arena of Python's object allocator mapped populated. */
void pyh_prefault_interpreter_memory(void);

/* Call in a freshly forked process: copies the pages pyh_prefault_
 * interpreter_memory populated that the parent shares with it (its
 * arenas up to 256 MiB), which the process would otherwise copy one page
 * fault at a time as it writes them. */
void pyh_prefault_after_fork(void);

#endif
