/* Where --junitxml writes, as pytest's LogXML names it:
 * os.path.normpath(os.path.abspath(os.path.expanduser(os.path.expandvars(given)))).
 * The junitxml reporter writes there; the console prints it in its
 * "generated xml file" line; both compile this file. */
#ifndef JUNITXML_LOGFILE_PATH_H
#define JUNITXML_LOGFILE_PATH_H

/* Sets *out_path to a malloc'd absolute path (the caller frees it).
 * Returns 0, or FASTEST_ENOMEM / FASTEST_EIO (no current directory). */
int logfile_path_resolve(const char *given, char **out_path /* OUT */);

#endif
