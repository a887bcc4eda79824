/* Where fastest's own files are: beside an installed executable, or in the
 * build tree when run uninstalled (meson's build folder). */
#ifndef FT_INSTALL_LAYOUT_H
#define FT_INSTALL_LAYOUT_H

/* The running executable's real path ("" when unknown). Static storage. */
const char *layout_executable(void);

/* The folder of built-in plugins. Static storage. */
const char *layout_plugin_dir(void);

/* The folder holding fastest's Python package ("fastest/"). Static storage. */
const char *layout_python_dir(void);

#endif
