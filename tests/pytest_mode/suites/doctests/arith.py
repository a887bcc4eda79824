def add(a, b):
    """
    >>> add(1, 2)
    3
    """
    return a + b


def sub(a, b):
    """
    >>> sub(3, 1)
    1
    """
    return a - b
