"""pytest's warning categories. ``__module__`` is "pytest" so that warning
summaries and filters (``error::pytest.PytestWarning``) name them as pytest does."""


class PytestWarning(UserWarning):
    """Base class for all warnings emitted by pytest."""

    __module__ = "pytest"


class PytestAssertRewriteWarning(PytestWarning):
    __module__ = "pytest"


class PytestCacheWarning(PytestWarning):
    __module__ = "pytest"


class PytestConfigWarning(PytestWarning):
    __module__ = "pytest"


class PytestCollectionWarning(PytestWarning):
    __module__ = "pytest"


class PytestDeprecationWarning(PytestWarning, DeprecationWarning):
    __module__ = "pytest"


class PytestRemovedIn8Warning(PytestDeprecationWarning):
    __module__ = "pytest"


class PytestReturnNotNoneWarning(PytestRemovedIn8Warning):
    __module__ = "pytest"


class PytestExperimentalApiWarning(PytestWarning, FutureWarning):
    __module__ = "pytest"


class PytestUnhandledCoroutineWarning(PytestReturnNotNoneWarning):
    __module__ = "pytest"


class PytestUnknownMarkWarning(PytestWarning):
    __module__ = "pytest"


class PytestUnraisableExceptionWarning(PytestWarning):
    __module__ = "pytest"


class PytestUnhandledThreadExceptionWarning(PytestWarning):
    __module__ = "pytest"
