VALUES = (
    1,
