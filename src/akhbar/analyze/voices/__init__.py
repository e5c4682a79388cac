"""Who said what (:func:`find_quotes`) and where the article says its information came from
(:func:`find_sources`)."""

from akhbar.analyze.voices.attribution import find_sources
from akhbar.analyze.voices.quotes import find_quotes

__all__ = ["find_quotes", "find_sources"]
