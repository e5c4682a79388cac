"""Articles to plain column values and back, for every backend (no database code here).

Scalars stay scalars; tuples and metadata become JSON text, so a row keeps every
:class:`~akhbar.model.Article` field and ``record_to_article(article_to_record(a)) == a``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from types import MappingProxyType
from typing import Any

from akhbar.model import Article, BoilerplateLine, Evidence, Span

__all__ = ["ARTICLE_COLUMNS", "article_to_record", "content_hash", "record_to_article"]

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
    if value is None:
        return None
    return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)


def article_to_record(article: Article) -> tuple[Any, ...]:
    """Column values in :data:`ARTICLE_COLUMNS` order."""
    evidence = [
        {
            "article": item.span.article,
            "start": item.span.start,
            "end": item.span.end,
            "sentence": item.span.sentence,
            "text": item.text,
        }
        for item in article.published_evidence
    ]
    boilerplate = [
        {"text": line.text, "reason": line.reason, "line": line.line}
        for line in article.boilerplate
    ]
    return (
        article.id,
        content_hash(article),
        article.source,
        article.text,
        article.title,
        article.outlet,
        article.outlet_source,
        article.url,
        article.published.isoformat() if article.published is not None else None,
        published_day(article.published),
        article.published_source,
        _json(boilerplate),
        _json(dict(article.metadata)),
        _json(list(article.line_numbers)),
        _json(evidence),
        _json(list(article.published_notes)),
    )


def record_to_article(record: tuple[Any, ...]) -> Article:
    """The article of a row read in :data:`ARTICLE_COLUMNS` order."""
    row = dict(zip(ARTICLE_COLUMNS, record, strict=True))
    evidence = tuple(
        Evidence(Span(item["article"], item["start"], item["end"], item["sentence"]), item["text"])
        for item in json.loads(row["published_evidence"])
    )
    return Article(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        title=row["title"],
        outlet=row["outlet"],
        outlet_source=row["outlet_source"],
        url=row["url"],
        published=parse_published(row["published"]),
        published_source=row["published_source"],
        boilerplate=tuple(
            BoilerplateLine(item["text"], item["reason"], item["line"])
            for item in json.loads(row["boilerplate"])
        ),
        metadata=MappingProxyType(json.loads(row["metadata"])),
        line_numbers=tuple(json.loads(row["line_numbers"])),
        published_evidence=evidence,
        published_notes=tuple(json.loads(row["published_notes"])),
    )
