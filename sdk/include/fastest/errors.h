/* fastest plugin SDK: error codes.
 *
 * Functions that can fail return int: 0 on success, one of the negative codes
 * below otherwise. Detail text travels separately, through a `char **`
 * out-parameter whose owner is stated where it appears.
 *
 * One list yields the enum, the names and the messages, so they cannot drift.
 * Codes are stable: new ones are appended with new numbers.
 */
#ifndef FASTEST_ERRORS_H
#define FASTEST_ERRORS_H

#define FASTEST_ERRNO_MAP(XX)                                                                       \
    XX(EINVAL, 1, "invalid argument")                                                              \
    XX(ENOMEM, 2, "out of memory")                                                                 \
    XX(EIO, 3, "input/output error")                                                               \
    XX(ENOENT, 4, "no such file")                                                                  \
    XX(ENOTSO, 5, "not a loadable shared object")                                                  \
    XX(ENOENTRY, 6, "entry symbol missing")                                                        \
    XX(EABIMAJOR, 7, "plugin ABI major version differs from the host's")                           \
    XX(EABIMINOR, 8, "plugin needs a newer host ABI minor version")                                \
    XX(ESHORT, 9, "struct too short for its ABI version")                                          \
    XX(EKIND, 10, "unknown plugin kind")                                                           \
    XX(EEXIST, 11, "a plugin of that name is already loaded")                                      \
    XX(EPLUGIN, 12, "plugin refused to load")                                                      \
    XX(EUSAGE, 13, "usage error")                                                                  \
    XX(ECONFIG, 14, "configuration error")                                                         \
    XX(EPYTHON, 15, "Python error")                                                                \
    XX(EPROTO, 16, "malformed worker protocol frame")                                              \
    XX(ECHILD, 17, "worker process failed")                                                        \
    XX(EINTR, 18, "interrupted")                                                                   \
    XX(ENOTSUP, 19, "not supported")

enum fastest_error {
    FASTEST_OK = 0,
#define FASTEST_ERR_ENUM_(name, number, message) FASTEST_##name = -(number),
    FASTEST_ERRNO_MAP(FASTEST_ERR_ENUM_)
#undef FASTEST_ERR_ENUM_
};

/* Header-only so that plugins, which never link against the host, can use
 * them too. */

/* Name of an error code ("FASTEST_EINVAL"), or "FASTEST_EUNKNOWN". Static storage. */
static inline const char *fastest_strerror_name(int code)
{
    switch (code) {
    case FASTEST_OK:
        return "FASTEST_OK";
#define FASTEST_ERR_NAME_(name, number, message)                                                    \
    case FASTEST_##name:                                                                           \
        return "FASTEST_" #name;
        FASTEST_ERRNO_MAP(FASTEST_ERR_NAME_)
#undef FASTEST_ERR_NAME_
    }
    return "FASTEST_EUNKNOWN";
}

/* Human message for an error code ("invalid argument"). Static storage. */
static inline const char *fastest_strerror(int code)
{
    switch (code) {
    case FASTEST_OK:
        return "success";
#define FASTEST_ERR_MSG_(name, number, message)                                                     \
    case FASTEST_##name:                                                                           \
        return message;
        FASTEST_ERRNO_MAP(FASTEST_ERR_MSG_)
#undef FASTEST_ERR_MSG_
    }
    return "unknown error";
}

#endif
