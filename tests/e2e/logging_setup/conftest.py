# An initial conftest configures logging before pytest's session starts:
# its basicConfig takes effect (a handler writing to stderr).
import logging

logging.basicConfig(format="conftest's handler: %(message)s")
