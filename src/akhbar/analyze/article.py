"""Per-article analysis: pure, picklable, looks at one article only."""

from __future__ import annotations

from akhbar.arabic.sentences import split_sentences
from akhbar.arabic.stems import stem_keys
from akhbar.model import Article, ArticleAnalysis

__all__ = ["analyze_article"]


def analyze_article(article: Article) -> ArticleAnalysis:
    """Split ``article`` into sentences and compute its stem keys (for matching only).

    Later stages (entities, times, quotes) add their findings here, so the same function
    runs in a loop, a process pool or on Dask.
    """
    return ArticleAnalysis(
        article=article,
        sentences=split_sentences(article.text),
        stem_keys=stem_keys(article.text),
    )
