from . import Base


class TestChild(Base):
    def test_own(self):
        pass
