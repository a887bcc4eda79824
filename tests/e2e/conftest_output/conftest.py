"""Loaded before the session starts: pytest shows this only under -s, above
the header."""
print("the root conftest prints while it is imported")
