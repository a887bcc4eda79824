import sys

print("the conftest prints while it is imported")
STDOUT_AT_CONFTEST_IMPORT = sys.stdout
