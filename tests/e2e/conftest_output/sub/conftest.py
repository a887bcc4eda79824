"""Loaded while collection walks into sub/: pytest shows this below the
header, captured or not."""
print("the sub conftest prints while it is imported")
