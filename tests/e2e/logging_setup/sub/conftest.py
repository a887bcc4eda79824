# Imported while the session collects: pytest's session handlers are on the
# root logger, so this basicConfig does nothing.
import logging

logging.basicConfig(level=logging.DEBUG)
