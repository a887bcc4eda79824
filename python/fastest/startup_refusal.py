"""A refusal pytest reports in its own words before any session starts
(on stderr, nothing on stdout, exit 4), such as a conftest.py it loads
first failing to import. Either engine raises ``StartupRefusal`` with that
text; the core prints it as it is (core/python/engine.c)."""


class StartupRefusal(Exception):
    """``text``: what pytest prints on stderr, without a final newline."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text
