"""Analysis of one article at a time (pure functions, no look at other articles)."""

from akhbar.analyze.article import analyze_article, redate_analysis

__all__ = ["analyze_article", "redate_analysis"]
