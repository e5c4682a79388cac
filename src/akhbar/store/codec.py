"""Articles to plain column values and back, for every backend (no database code here).

The article's plain data (:mod:`akhbar.codec`, the one codec): scalars stay scalars; lists and
metadata become JSON text, so a row keeps every :class:`~akhbar.model.Article` field and
``record_to_article(article_to_record(a)) == a``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from typing import Any

from akhbar.codec import from_data, to_data
from akhbar.model import Article, ArticleAnalysis, Story
from akhbar.store.base import StoredAnalysis, StoryDigest, story_digest

__all__ = [
    "ARTICLE_COLUMNS",
    "analysis_from_text",
    "analysis_to_text",
    "article_to_record",
    "content_hash",
    "digest_from_text",
    "digest_to_text",
    "record_to_article",
    "stored_analysis_from_text",
    "stored_analysis_to_text",
]

# Column order shared by the backends' INSERT and SELECT statements.
ARTICLE_COLUMNS = (
    "id",
    "content_hash",
    "source",
    "text",
    "title",
    "outlet",
    "outlet_source",
    "url",
    "published",
    "published_day",
    "published_source",
    "boilerplate",
    "metadata",
    "line_numbers",
    "published_evidence",
    "published_notes",
)


def _json(value: Any) -> str:
    # default=str: metadata from a JSONL line is JSON already; anything else is kept readable.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def content_hash(article: Article) -> str:
    """A fingerprint of outlet, title, text and date: tells a changed article under a stored id.

    Identity is the article id (ids are kept as given): the same id read again is
    "already present"; the same text under another id (ANT files one article under two
    categories) is stored under both ids and left to deduplication to link, never dropped.
    """
    published = article.published.isoformat() if article.published is not None else None
    payload = _json([article.outlet, article.title, article.text, published])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def published_day(value: dt.date | None) -> str | None:
    """``YYYY-MM-DD`` of a date or datetime (the outlet's own calendar day), for filters."""
    if value is None:
        return None
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


def parse_published(value: str | None) -> dt.date | None:
    """A stored publication date (a day, or a moment where the input gave a time)."""
    return from_data(dt.date | None, value)


# Columns that hold JSON text: lists and objects of the article's plain data.
_JSON_COLUMNS = ("boilerplate", "metadata", "line_numbers", "published_evidence", "published_notes")


def article_to_record(article: Article) -> tuple[Any, ...]:
    """Column values in :data:`ARTICLE_COLUMNS` order (the article's plain data,
    :mod:`akhbar.codec`)."""
    data = to_data(dataclasses.replace(article, metadata={}))
    data["metadata"] = dict(article.metadata)  # kept as read: JSON already, or its text
    data["content_hash"] = content_hash(article)
    data["published_day"] = published_day(article.published)
    return tuple(
        _json(data[column]) if column in _JSON_COLUMNS else data[column]
        for column in ARTICLE_COLUMNS
    )


def record_to_article(record: tuple[Any, ...]) -> Article:
    """The article of a row read in :data:`ARTICLE_COLUMNS` order."""
    row = dict(zip(ARTICLE_COLUMNS, record, strict=True))
    for column in _JSON_COLUMNS:
        row[column] = json.loads(row[column])
    return from_data(Article, row)


def analysis_to_text(analysis: ArticleAnalysis) -> str:
    """An article's analysis as JSON text (its plain data, :mod:`akhbar.codec`)."""
    return json.dumps(to_data(analysis), ensure_ascii=False)


def analysis_from_text(text: str) -> ArticleAnalysis:
    return from_data(ArticleAnalysis, json.loads(text))


def stored_analysis_to_text(result: StoredAnalysis) -> str:
    """A story's stored analysis as JSON text; its fingerprint is a column of its own."""
    return json.dumps(
        {
            "story": to_data(result.story),
            "members": to_data(result.members),
            "main_event": dict(result.main_event),
            "duplicate_of": dict(result.duplicate_of),
        },
        ensure_ascii=False,
    )


def stored_analysis_from_text(text: str, fingerprint: str) -> StoredAnalysis:
    data = json.loads(text)
    return StoredAnalysis(
        story=from_data(Story, data["story"]),
        members=from_data(tuple[ArticleAnalysis, ...], data["members"]),
        main_event=data["main_event"],
        duplicate_of=data["duplicate_of"],
        fingerprint=fingerprint,
    )


def digest_to_text(result: StoredAnalysis) -> str:
    """The digest of a story's stored analysis as JSON text (its own column)."""
    return json.dumps(to_data(story_digest(result)), ensure_ascii=False)


def digest_from_text(text: str | None, analysis_text: str, fingerprint: str) -> StoryDigest:
    """A stored digest; made from the stored analysis when the story was stored before
    digests were kept (its column is empty)."""
    if text is None:
        return story_digest(stored_analysis_from_text(analysis_text, fingerprint))
    return from_data(StoryDigest, json.loads(text))
