/* pytest's messages for arguments that collect nothing (the UsageError of
 * Session.perform_collect), for static discovery and for the files only
 * an import could decide (core/run/discover.c). */
#ifndef FT_DISCOVERY_NOT_FOUND_H
#define FT_DISCOVERY_NOT_FOUND_H

/* "not found: PATH::NAMES\n(no name 'PATH::NAMES' in any of [<Module
 * NAME>])": PATH the file's absolute path (rootdir joined with
 * relative_path, its path from rootdir), NAMES what the argument gave
 * after the path, NAME the module's node name (its path from rootdir, or
 * its file name in a package). A malloc'd string, or NULL when out of
 * memory. */
char *disc_not_found_message(const char *rootdir, const char *relative_path, const char *names);

/* The usage error naming every argument that collects nothing: misses
 * (the messages so far, or NULL) with message added, as pytest's
 * UsageError prints them ("ERROR: " before each, the first one's printed
 * by whoever prints the error). Takes both strings (NULL message: out of
 * memory); returns the new malloc'd text, or NULL when out of memory. */
char *disc_add_miss(char *misses, char *message);

#endif
