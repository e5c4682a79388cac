"""Per-article output of ``akhbar extract``: what the analyzers found, one object an article.

The article's report entry, then its sentences and everything the per-article analyzers
found, each with its span, as :mod:`akhbar.codec` writes model objects.
"""

from __future__ import annotations

from typing import Any

from akhbar.codec import to_data
from akhbar.model import ArticleAnalysis
from akhbar.render.document import article_dict

__all__ = ["analysis_to_dict"]

_FOUND = ("sentences", "times", "events", "entities", "quotes", "sources")


def analysis_to_dict(analysis: ArticleAnalysis) -> dict[str, Any]:
    """The article's report entry plus everything the per-article analyzers found, with spans."""
    record = article_dict(analysis, None)
    for key in ("story", "main_event", "duplicate_of"):
        record.pop(key)
    return record | {name: to_data(getattr(analysis, name)) for name in _FOUND}
