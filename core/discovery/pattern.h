/* The name and path matching rules of pytest's collection. */
#ifndef FT_DISCOVERY_PATTERN_H
#define FT_DISCOVERY_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

/* Python's fnmatch.fnmatch on POSIX: '*' also matches '/', no backslash
 * escapes, '[!...]' negates. */
bool pat_fnmatch(const char *pattern, const char *name);

/* _pytest.pathlib.fnmatch_ex: a pattern without '/' matches the basename;
 * one with '/' matches the whole (absolute) path, with an implied leading
 * '*' for relative patterns. */
bool pat_fnmatch_ex(const char *pattern, const char *path);

/* PyCollector._matches_prefix_or_glob_option (python_classes,
 * python_functions): the name starts with an option, or the option holds a
 * glob character and fnmatches it. */
bool pat_prefix_or_glob(const char *const *options, size_t count, const char *name);

/* Any of the patterns matches path by pat_fnmatch_ex (python_files,
 * norecursedirs). */
bool pat_any_fnmatch_ex(const char *const *patterns, size_t count, const char *path);

#endif
