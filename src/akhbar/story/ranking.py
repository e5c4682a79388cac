"""Which stories come first, on akhbar serve's front page and in the static report's index:
those most outlets cover, then the most recent. Pure functions, tested alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["DAYS_PER_OUTLET", "Coverage", "rank_by_coverage"]

# A story loses one outlet's worth of rank for every this many days before the newest one.
DAYS_PER_OUTLET = 2.0


@dataclass(frozen=True)
class Coverage:
    """What a story's rank reads: how many outlets and articles cover it, and its last day."""

    id: str
    outlets: int
    articles: int
    last: dt.date | None


def rank_by_coverage(stories: Sequence[Coverage]) -> list[str]:
    """Story ids by outlets covering them, less their age against the newest story (days /
    ``DAYS_PER_OUTLET``); ties: more articles, then the id."""
    newest = max((s.last for s in stories if s.last), default=None)

    def rank(story: Coverage) -> tuple[float, int, str]:
        age = _days(newest, story.last) / DAYS_PER_OUTLET
        return (-(story.outlets - age), -story.articles, story.id)

    return [story.id for story in sorted(stories, key=rank)]


def _days(newest: dt.date | None, last: dt.date | None) -> float:
    if newest is None or last is None:
        return 0.0
    return float((newest - last).days)
