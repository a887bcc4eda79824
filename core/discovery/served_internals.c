#include "discovery/served_internals.h"

#include <string.h>

#define NAMES(...) ((const char *const[]){__VA_ARGS__, NULL})

static const struct disc_served_module served[] = {
    {"_pytest._code", NAMES("ExceptionInfo")},
    {"_pytest.cacheprovider", NAMES("Cache")},
    {"_pytest.capture", NAMES("CaptureFixture")},
    {"_pytest.config",
     NAMES("Config", "ExitCode", "UsageError", "hookimpl", "PytestPluginManager")},
    {"_pytest.config.argparsing", NAMES("Parser", "OptionGroup")},
    {"_pytest.fixtures", NAMES("FixtureRequest", "FixtureLookupError", "fixture")},
    {"_pytest.legacypath", NAMES("TempdirFactory")},
    {"_pytest.logging", NAMES("LogCaptureFixture")},
    {"_pytest.main", NAMES("Session")},
    {"_pytest.mark", NAMES("Mark", "MarkDecorator", "MarkGenerator", "param")},
    {"_pytest.mark.structures", NAMES("Mark", "MarkDecorator", "MarkGenerator")},
    {"_pytest.monkeypatch", NAMES("MonkeyPatch")},
    {"_pytest.nodes", NAMES("Item", "Collector", "File")},
    {"_pytest.outcomes", NAMES("OutcomeException", "Skipped", "Failed", "XFailed", "Exit", "fail",
                               "skip", "xfail", "exit", "importorskip")},
    {"_pytest.python", NAMES("Metafunc", "Function", "Class", "Module", "Package")},
    {"_pytest.python_api", NAMES("approx", "raises")},
    {"_pytest.recwarn", NAMES("WarningsRecorder", "warns", "deprecated_call")},
    {"_pytest.reports", NAMES("TestReport")},
    {"_pytest.runner", NAMES("CallInfo")},
    {"_pytest.stash", NAMES("Stash", "StashKey")},
    {"_pytest.tmpdir", NAMES("TempPathFactory")},
};

const struct disc_served_module *disc_served_modules(size_t *out_count)
{
    *out_count = sizeof served / sizeof *served;
    return served;
}

static const struct disc_served_module *find(const char *module, size_t length)
{
    for (size_t i = 0; i < sizeof served / sizeof *served; i++)
        if (strlen(served[i].module) == length && memcmp(served[i].module, module, length) == 0)
            return &served[i];
    return NULL;
}

bool disc_serves(const char *module, size_t length, const char *name, size_t name_length)
{
    const struct disc_served_module *entry = find(module, length);
    for (const char *const *names = entry ? entry->names : NULL; names && *names; names++)
        if (strlen(*names) == name_length && memcmp(*names, name, name_length) == 0)
            return true;
    return false;
}
