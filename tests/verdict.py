"""The comparison scripts' report: one line per scenario, "ok  LABEL" or
"FAIL LABEL", then the problems found, indented (the lines
docs/tools/generate_compatibility.py reads). A script imports it with its
parent folder on sys.path."""


def verdict(label, problems):
    """Prints the scenario's lines; True when it failed."""
    print(f"{'ok  ' if not problems else 'FAIL'} {label}")
    for problem in problems:
        print("    " + problem)
    return bool(problems)
