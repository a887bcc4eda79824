/* fastest plugin SDK: symbol visibility.
 *
 * Plugins are built with -fvisibility=hidden; FASTEST_EXPORT marks the one
 * symbol a plugin must show the host: its entry point (see plugin.h). */
#ifndef FASTEST_EXPORT_H
#define FASTEST_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define FASTEST_EXPORT __attribute__((visibility("default")))
#else
#define FASTEST_EXPORT
#endif

#endif
