/* fastest plugin SDK: the events a run produces.
 *
 * Whatever strategy and engine mode ran an item, its results reach reporters
 * as the same sequence of events, modelled on pytest's reports so that a
 * reporter can reproduce pytest's output:
 *
 *   SESSION_START
 *   ITEM_COLLECTED*          (--collect-only runs only: one per selected item)
 *   COLLECT_REPORT*          (one per collection error)
 *   COLLECTION_FINISH        (item_count, deselected_count, error_count, dropped_count)
 *   for each item, in report order:
 *     ITEM_START, TEST_REPORT (setup) [, TEST_REPORT (call)], TEST_REPORT (teardown), ITEM_FINISH
 *   WARNING*                 (any time after SESSION_START)
 *   FLUSH*                   (any time: a test is about to write to the
 *                             terminal itself, past the capture)
 *   SESSION_FINISH           (exit_status)
 *
 * Every pointer in an event is borrowed: valid only during the callback that
 * receives it. A reporter copies what it keeps.
 *
 * Text is UTF-8 in C strings, so a NUL character in it (a test printed one,
 * an assertion compared strings holding one) arrives as the two bytes
 * FASTEST_TEXT_NUL, as in Java's "modified UTF-8": C0 80 is no valid UTF-8,
 * so it stands for nothing else. A reporter that writes text out writes a
 * NUL byte (a terminal) or its escape (XML, JSON) in its place.
 */
#ifndef FASTEST_EVENT_H
#define FASTEST_EVENT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "version.h"

/* A NUL character in an event's text (see above). */
#define FASTEST_TEXT_NUL "\xC0\x80"

/* Turns each FASTEST_TEXT_NUL in text[0, length) back into a NUL byte, in
 * place, before the text is written out; returns its new length. */
static inline size_t fastest_text_restore_nul(char *text, size_t length)
{
    char *at = (char *)memchr(text, 0xC0, length);
    if (!at)
        return length;
    size_t kept = (size_t)(at - text);
    for (size_t i = kept; i < length; i++) {
        int is_nul =
            (unsigned char)text[i] == 0xC0 && i + 1 < length && (unsigned char)text[i + 1] == 0x80;
        text[kept++] = is_nul ? '\0' : text[i];
        i += is_nul;
    }
    return kept;
}

enum fastest_event_kind {
    FASTEST_EVENT_SESSION_START = 1,
    FASTEST_EVENT_COLLECT_REPORT = 2,
    FASTEST_EVENT_COLLECTION_FINISH = 3,
    FASTEST_EVENT_ITEM_START = 4,
    FASTEST_EVENT_TEST_REPORT = 5,
    FASTEST_EVENT_ITEM_FINISH = 6,
    FASTEST_EVENT_WARNING = 7,
    FASTEST_EVENT_SESSION_FINISH = 8,
    FASTEST_EVENT_ITEM_COLLECTED = 9, /* --collect-only: one per item, in order */
    /* A test is about to write to the terminal past the capture
     * (capsys.disabled()): a reporter holding terminal output writes it out
     * now, so the two appear in the order they happened. No fields. */
    FASTEST_EVENT_FLUSH = 10,
    /* A KeyboardInterrupt or pytest.exit() stopped the run (before
     * SESSION_FINISH): crash_message is pytest's message for it
     * ("KeyboardInterrupt", "_pytest.outcomes.Exit: reason"), crash_path
     * (absolute) and crash_line where it was raised, longrepr its whole
     * traceback (what pytest shows under --full-trace), exit_status the
     * run's exit code (2, or pytest.exit's returncode). */
    FASTEST_EVENT_INTERRUPTED = 11,
};

/* pytest's `when`. */
enum fastest_phase {
    FASTEST_PHASE_NONE = 0,
    FASTEST_PHASE_SETUP = 1,
    FASTEST_PHASE_CALL = 2,
    FASTEST_PHASE_TEARDOWN = 3,
};

/* pytest's report outcomes. xfail and xpass are a skipped or passed report
 * whose `wasxfail` is set, exactly as in pytest. */
enum fastest_outcome {
    FASTEST_OUTCOME_NONE = 0,
    FASTEST_OUTCOME_PASSED = 1,
    FASTEST_OUTCOME_FAILED = 2,
    FASTEST_OUTCOME_SKIPPED = 3,
};

/* What pytest holds as a failed report's longrepr, where reporters must
 * tell (str(longrepr) in JUnit XML, the line of --tb=line). */
enum fastest_longrepr_form {
    /* A rendering: a traceback with its crash entry in crash_*, or one
     * without (a fixture lookup error: --tb=line shows its first 50
     * characters). str() is the rendering stripped. Senders that do not
     * say. */
    FASTEST_LONGREPR_RENDERED = 0,
    /* A traceback shown as its message alone (pytest.fail(pytrace=False),
     * unittest's unexpected success): pytest's crash entry is None, which
     * --tb=line prints as "None". */
    FASTEST_LONGREPR_MESSAGE_ONLY = 1,
    /* Plain text (a strict xfail that passed): str() is the text itself,
     * longrepr's final newline (out.line()'s) excepted. */
    FASTEST_LONGREPR_TEXT = 2,
};

/* A titled block of text attached to a report: "Captured stdout call",
 * "Captured log setup", ... in the order pytest shows them. */
struct fastest_section {
    const char *title;
    const char *content;
};

/* record_property / record_xml_attribute pairs, values already as text. */
struct fastest_property {
    const char *name;
    const char *value;
};

struct fastest_event {
    struct fastest_struct_header header;
    uint32_t kind; /* enum fastest_event_kind */

    /* --- TEST_REPORT, ITEM_START, ITEM_FINISH, COLLECT_REPORT, WARNING --- */
    const char *node_id; /* pytest's node id; for COLLECT_REPORT the collector's id */
    uint32_t phase;      /* enum fastest_phase */
    uint32_t outcome;    /* enum fastest_outcome */

    /* pytest's report.location: path relative to rootdir, 0-based line
     * (pytest's convention; -1 when unknown), and the dotted domain
     * ("TestClass.test_name[1]"). */
    const char *location_path;
    int32_t location_line;
    const char *location_domain;
    /* pytest's node class: "Function", "TestCaseFunction", "DoctestItem". */
    const char *node_kind;

    double duration; /* seconds spent in this phase */
    double start;    /* epoch seconds */
    double stop;

    /* Failed reports: the full failure text rendered in the run's --tb style
     * (what pytest prints under the "____ name ____" header), and the crash
     * entry pytest uses for short summaries and JUnit `message`. */
    const char *longrepr;
    const char *crash_path;
    int32_t crash_line; /* 1-based */
    const char *crash_message;

    /* Skipped reports: pytest's (path, lineno, reason) triple. */
    const char *skip_path;
    int32_t skip_line; /* 1-based */
    const char *skip_reason;

    /* Non-NULL when the item was expected to fail: the xfail reason ("" when
     * none). A skipped report with wasxfail is an xfail; a passed one an
     * xpass; a failed call with wasxfail is a strict xpass. */
    const char *wasxfail;

    const struct fastest_section *sections;
    size_t section_count;
    const struct fastest_property *properties;
    size_t property_count;

    /* --- WARNING --- */
    const char *warning_message;  /* pytest's formatted warning, as in the summary */
    const char *warning_category; /* "DeprecationWarning" */

    /* --- SESSION_START, COLLECTION_FINISH, SESSION_FINISH --- */
    const char *rootdir;    /* absolute */
    const char *configfile; /* rootdir-relative (absolute outside rootdir), or NULL */
    size_t item_count;      /* items selected to run */
    size_t deselected_count;
    size_t error_count; /* collection errors */
    int exit_status;    /* pytest's exit code, SESSION_FINISH and INTERRUPTED only */
    double session_duration;

    /* --- appended in ABI 1.1: read with FASTEST_HAS_MEMBER --- */
    /* COLLECTION_FINISH: items a pytest_collection_modifyitems hook removed
     * without deselecting them: pytest counts them in "collected N items",
     * and nothing runs or reports them. */
    size_t dropped_count;
    /* TEST_REPORT: the <testcase> attributes record_xml_attribute set on the
     * item so far, in the order first set (a later value for a name replaces
     * the earlier one), and the <testsuite> properties
     * record_testsuite_property recorded during this phase. */
    const struct fastest_property *xml_attributes;
    size_t xml_attribute_count;
    const struct fastest_property *suite_properties;
    size_t suite_property_count;
    /* Failed reports: enum fastest_longrepr_form. */
    uint32_t longrepr_form;
    /* Skipped reports: non-zero when pytest's short summary groups this
     * skip by file alone, without its line (_folded_skips: a setup skip of
     * a test that inherits a skip mark from its class or module). */
    int skip_folded_per_file;
    /* Failed reports, when the terminal report is coloured (the session
     * option "fastest_markup"): longrepr with pytest's markup (highlighted
     * source, failure lines in bold red), for the terminal only. */
    const char *longrepr_markup;

    /* --- appended in ABI 1.2: read with FASTEST_HAS_MEMBER --- */
    /* WARNING, from a pytest engine's worker: what pytest_warning_recorded
     * was given, for the process that forked the workers to give its own
     * implementations, as pytest-xdist's controller does: a JSON object
     * with "when" and the warning as pytest-xdist serializes it
     * (docs/engine-events.md). Python's to read; a reporter has no use
     * for it. */
    const char *warning_record;
};

#endif
