#include "config/config_file.h"

#include <string.h>

#include <fastest/errors.h>

#include "cli/text.h"
#include "config/ini_reader.h"
#include "config/pyproject.h"

#define FASTEST_SECTION "fastest"

static bool has_suffix(const char *path, const char *suffix)
{
    size_t length = strlen(path), suffix_length = strlen(suffix);
    return length >= suffix_length && strcmp(path + length - suffix_length, suffix) == 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

void cfg_table_take(struct cfg_table *out, struct cfg_table *from)
{
    *out = *from;
    *from = (struct cfg_table){0};
}

/* Moves section `name` of document into *out when it exists. */
static bool take_section(struct ini_document *document, const char *name, struct cfg_table *out)
{
    struct ini_section *section = (struct ini_section *)ini_section(document, name);
    if (section)
        cfg_table_take(out, &section->table);
    return section != NULL;
}

static int load_ini(const char *path, bool is_cfg, struct cfg_file_contents *out,
                    char **out_error)
{
    struct ini_document document = {0};
    int rc = ini_read(path, &document, out_error);
    if (rc)
        return rc;
    if (is_cfg) {
        out->holds_pytest_config = take_section(&document, "tool:pytest", &out->pytest);
        if (!out->holds_pytest_config && ini_section(&document, "pytest")) {
            /* pytest's words (it names setup.cfg whatever the file). */
            *out_error = ft_format("[pytest] section in setup.cfg files is no longer supported, "
                                   "change to [tool:pytest] instead.");
            rc = *out_error ? FASTEST_ECONFIG : FASTEST_ENOMEM;
        }
    } else {
        out->holds_pytest_config = take_section(&document, "pytest", &out->pytest) ||
                                   strcmp(base_name(path), "pytest.ini") == 0;
    }
    take_section(&document, FASTEST_SECTION, &out->fastest);
    ini_document_clear(&document);
    return rc;
}

int cfg_file_load(const char *path, struct cfg_file_contents *out, char **out_error)
{
    int rc = 0;
    if (has_suffix(path, ".ini"))
        rc = load_ini(path, false, out, out_error);
    else if (has_suffix(path, ".cfg"))
        rc = load_ini(path, true, out, out_error);
    else if (has_suffix(path, ".toml"))
        rc = pyproject_read(path, &out->pytest, &out->holds_pytest_config, &out->fastest,
                            out_error);
    if (rc)
        cfg_file_contents_clear(out);
    return rc;
}

void cfg_file_contents_clear(struct cfg_file_contents *contents)
{
    table_clear(&contents->pytest);
    table_clear(&contents->fastest);
    contents->holds_pytest_config = false;
}
