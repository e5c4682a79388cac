"""akhbar (أخبار): reads Arabic news from many outlets and tells, for every story, what happened."""

import logging

__version__ = "0.1.0"
__all__ = ["__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
