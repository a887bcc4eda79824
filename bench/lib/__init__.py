"""Shared measurement library for every benchmark program under bench/.

Standard library only. Import it from a program in bench/<area>/ with

    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from lib import alternate, measure, stats, outcomes, report

Modules, one concept each:
    process_tree  peak memory of a process and all its descendants (/proc)
    measure       run one command: wall time, tree peak RSS, exit code, output
    alternate     run several commands in turn, N rounds, with warm-up runs
    stats         median, min-max spread, ratios
    outcomes      pytest's final summary line as counts
    machine       what the numbers were measured on
    report        Markdown table and JSON file
    chart         PNG chart (needs Debian's python3-matplotlib)
"""
