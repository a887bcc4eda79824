def test_greeting(greeting):
    assert greeting == "hi"


def test_length(greeting):
    assert len(greeting) == 2
