collect_ignore = ["test_ignored.py"]
collect_ignore_glob = ["test_glob_*.py"]
