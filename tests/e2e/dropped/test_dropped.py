def test_keep(): pass
def test_drop_me(): pass
def test_keep_too(): pass
