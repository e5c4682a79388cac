"""Which stories the front page shows first: those most independent outlets cover, then the
most recent. Pure functions over the store's listing, so they are tested alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from akhbar.store.base import StoredStory

__all__ = ["rank_stories"]

# A story loses one outlet's worth of rank for every this many days before the newest one.
DAYS_PER_OUTLET = 2.0


def rank_stories(stories: Sequence[StoredStory]) -> list[StoredStory]:
    """Stories by outlets covering them, less their age against the newest story (days /
    ``DAYS_PER_OUTLET``); ties: more articles, then the id."""
    newest = max((s.last_published for s in stories if s.last_published), default=None)

    def rank(story: StoredStory) -> tuple[float, int, str]:
        age = _days(newest, story.last_published) / DAYS_PER_OUTLET
        return (-(len(story.outlets) - age), -len(story.articles), story.id)

    return sorted(stories, key=rank)


def _days(newest: dt.date | None, last: dt.date | None) -> float:
    if newest is None or last is None:
        return 0.0
    return float((newest - last).days)
