"""Work across articles: grouping into stories (later: dedup, clustering, entity linking)."""

from akhbar.corpus.grouping import GroupingConfig, group_stories

__all__ = ["GroupingConfig", "group_stories"]
