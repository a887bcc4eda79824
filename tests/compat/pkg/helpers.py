def helper():
    return 3
