def compute():
    raise ImportError("raised by the helper")


compute()
