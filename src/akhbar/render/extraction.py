"""Per-article output of ``akhbar extract``: what the analyzers found, one object an article."""

from __future__ import annotations

from typing import Any

from akhbar.model import ArticleAnalysis

__all__ = ["analysis_to_dict"]


def analysis_to_dict(analysis: ArticleAnalysis) -> dict[str, Any]:
    """The article's metadata, removed boilerplate and sentences with their offsets."""
    article = analysis.article
    return {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "outlet_source": article.outlet_source,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "boilerplate": [
            {"text": line.text, "reason": line.reason, "line": line.line}
            for line in article.boilerplate
        ],
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end, "text": s.text}
            for s in analysis.sentences
        ],
    }
