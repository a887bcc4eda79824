/* Memory the embedded interpreter is known to write, faulted in by the
 * kernel in bulk rather than one page fault at a time. */
#ifndef FT_PYTHON_PREFAULT_H
#define FT_PYTHON_PREFAULT_H

/* Call once, before the interpreter starts: populates the static data of
 * the object that holds libpython (the executable, when it is linked in)
 * and has every arena of Python's object allocator mapped populated. */
void pyh_prefault_interpreter_memory(void);

#endif
