/* The conftests' options as cli_options: fastest.engine.option_probe's
 * specs converted. */
#include "python/engine_options.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <fastest/errors.h>

#include "plan/arena.h"
#include "python/engine_internal.h"

static const char *spec_text(struct ft_arena *arena, PyObject *spec, const char *key)
{
    PyObject *value = PyDict_GetItemString(spec, key); /* borrowed */
    return value && PyUnicode_Check(value) ? arena_strdup(arena, PyUnicode_AsUTF8(value)) : NULL;
}

/* A list of str as a NULL-terminated array in arena; NULL for None. */
static const char *const *spec_texts(struct ft_arena *arena, PyObject *spec, const char *key,
                                     size_t limit)
{
    PyObject *list = PyDict_GetItemString(spec, key); /* borrowed */
    if (!list || !PyList_Check(list) || (size_t)PyList_GET_SIZE(list) > limit)
        return NULL;
    size_t count = (size_t)PyList_GET_SIZE(list);
    const char **texts = arena_alloc(arena, (count + 1) * sizeof(*texts));
    for (size_t i = 0; texts && i < count; i++) {
        PyObject *item = PyList_GET_ITEM(list, (Py_ssize_t)i);
        texts[i] = PyUnicode_Check(item) ? arena_strdup(arena, PyUnicode_AsUTF8(item)) : NULL;
        if (!texts[i])
            return NULL;
    }
    if (texts)
        texts[count] = NULL;
    return texts;
}

/* One spec ({"names", "dest", "action", "type", "choices", "metavar",
 * "help", "group"}, see option_parser.Parser.specs) as a cli_option.
 * Returns false for a spec the parser cannot take (too many names, an
 * unknown action). */
static bool convert(struct ft_arena *arena, PyObject *spec, struct cli_option *out)
{
    static const struct {
        const char *name;
        enum cli_action action;
    } actions[] = {
        {"store", CLI_STORE},
        {"store_const", CLI_STORE_CONST},
        {"append", CLI_APPEND},
        {"count", CLI_COUNT},
    };
    if (!PyDict_Check(spec))
        return false;
    const char *const *names = spec_texts(arena, spec, "names", CLI_MAX_NAMES);
    const char *action = spec_text(arena, spec, "action");
    const char *type = spec_text(arena, spec, "type");
    const char *group = spec_text(arena, spec, "group");
    *out = (struct cli_option){
        .group = group ? group : "Custom options",
        .dest = spec_text(arena, spec, "dest"),
        .const_value = "1",
        .choices = spec_texts(arena, spec, "choices", SIZE_MAX),
        .metavar = spec_text(arena, spec, "metavar"),
        .help = spec_text(arena, spec, "help"),
        .type = !type                        ? CLI_TEXT
                : strcmp(type, "int") == 0   ? CLI_INT
                : strcmp(type, "float") == 0 ? CLI_FLOAT
                                             : CLI_TEXT,
    };
    if (!names || !names[0] || !out->dest || !action)
        return false;
    for (size_t n = 0; names[n]; n++)
        out->names[n] = names[n];
    for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
        if (strcmp(action, actions[i].name) == 0) {
            out->action = actions[i].action;
            return true;
        }
    return false;
}

int pyh_conftest_options(struct fastest_session *session, struct pyh_conftest_options *out,
                         char **out_error)
{
    *out = (struct pyh_conftest_options){0};
    int rc = pyh_engine_interpreter(session, out_error);
    if (rc)
        return rc;
    PyObject *config = pyh_engine_config(session);
    PyObject *module = config ? PyImport_ImportModule("fastest.engine.option_probe") : NULL;
    /* The child must not write what this process has buffered. */
    fflush(NULL);
    PyObject *specs =
        module ? PyObject_CallMethod(module, "conftest_option_specs", "O", config) : NULL;
    Py_XDECREF(module);
    Py_XDECREF(config);
    if (!specs)
        return pyh_python_failure("cannot ask the conftests for their options", out_error);
    Py_ssize_t length = PyList_Check(specs) ? PyList_GET_SIZE(specs) : 0;
    out->arena = arena_new();
    out->options = out->arena ? arena_alloc(out->arena, ((size_t)length + 1) * sizeof(*out->options))
                              : NULL;
    if (!out->options) {
        Py_DECREF(specs);
        pyh_conftest_options_free(out);
        return FASTEST_ENOMEM;
    }
    for (Py_ssize_t i = 0; i < length; i++)
        if (convert(out->arena, PyList_GET_ITEM(specs, i), &out->options[out->count]))
            out->count++;
    Py_DECREF(specs);
    PyErr_Clear();
    return 0;
}

void pyh_conftest_options_free(struct pyh_conftest_options *options)
{
    arena_free(options->arena);
    *options = (struct pyh_conftest_options){0};
}
