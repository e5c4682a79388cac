"""Stored stories from assignment rows, for every backend (no database code here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from akhbar.store.base import StoredStory
from akhbar.story.threads import ThreadMember, story_threads

__all__ = ["STORY_ROWS", "stored_stories"]

# The query both backends run: one row per assigned article, in story order (dated articles
# first by day, then in the order they were added).
STORY_ROWS = (
    "SELECT s.story, a.id, a.title, a.outlet, a.published_day, s.event FROM assignments s "
    "JOIN articles a ON a.id = s.article_id WHERE s.story IS NOT NULL "
    "ORDER BY s.story, a.published_day IS NULL, a.published_day, a.seq"
)


def stored_stories(rows: Sequence[tuple[Any, ...]], *, threads: bool = True) -> list[StoredStory]:
    """The stories of :data:`STORY_ROWS`'s rows, largest first (threads: see
    :meth:`akhbar.store.ArticleStore.stories`)."""
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    stories = [_story(story, members, threads) for story, members in grouped.items()]
    return sorted(stories, key=lambda story: (-len(story.articles), story.id))


def _story(story: str, members: list[tuple[Any, ...]], with_threads: bool) -> StoredStory:
    days = [dt.date.fromisoformat(row[4]) for row in members if row[4] is not None]
    if not with_threads:
        return StoredStory(
            id=story,
            title=next((row[2] for row in members if row[2]), None),
            articles=tuple(row[1] for row in members),
            outlets=tuple(sorted({row[3] for row in members if row[3]})),
            first_published=min(days, default=None),
            last_published=max(days, default=None),
        )
    threads = story_threads(
        [
            ThreadMember(
                row[1], row[5], row[2], row[3], dt.date.fromisoformat(row[4]) if row[4] else None
            )
            for row in members
        ]
    )
    # The headline of its largest thread: the happening most of its articles report.
    largest = max(threads, key=lambda thread: len(thread.articles), default=None)
    return StoredStory(
        id=story,
        title=largest.title if largest is not None else None,
        articles=tuple(row[1] for row in members),
        outlets=tuple(sorted({row[3] for row in members if row[3]})),
        first_published=min(days, default=None),
        last_published=max(days, default=None),
        threads=threads,
    )
