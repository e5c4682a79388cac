"""A whole ingest run: read every input, build articles, learn and strip repeated lines."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from akhbar.errors import InputError
from akhbar.ingest.article import build_article
from akhbar.ingest.config import DEFAULT_CONFIG, IngestConfig
from akhbar.ingest.repeated import learn_repeated_lines, strip_repeated_lines
from akhbar.ingest.sources import iter_documents
from akhbar.model import Article, IngestResult, RawDocument, SkippedInput

__all__ = ["build_item", "duplicate_id", "ingest"]

logger = logging.getLogger(__name__)


def ingest(
    paths: Sequence[str],
    *,
    config: IngestConfig = DEFAULT_CONFIG,
    progress: Callable[[int], None] | None = None,
) -> IngestResult:
    """Read ``paths`` (files, folders, ``-``) into articles; failures are collected, not raised.

    One bad input (an empty file, a broken JSONL line, an id already read) becomes a
    :class:`SkippedInput` with the reason and the others are read. With
    ``config.learn_repeated`` each outlet's recurring header/footer lines are then moved to
    boilerplate. ``progress`` is called with the number of inputs read so far.
    """
    articles: list[Article] = []
    skipped: list[SkippedInput] = []
    first_source: dict[str, str] = {}
    for count, item in enumerate(iter_documents(paths, config=config), start=1):
        if progress is not None:
            progress(count)
        article = build_item(item)
        if isinstance(article, SkippedInput):
            skipped.append(article)
            continue
        if article.id in first_source:
            skipped.append(duplicate_id(article.id, article.source, first_source[article.id]))
            continue
        first_source[article.id] = article.source
        articles.append(article)
    for item in skipped:
        logger.warning("skipped %s: %s", item.source, item.reason)
    if config.learn_repeated:
        repeated = learn_repeated_lines(articles, config=config)
        articles = [strip_repeated_lines(article, repeated, config=config) for article in articles]
    return IngestResult(articles=tuple(articles), skipped=tuple(skipped))


def build_item(item: RawDocument | SkippedInput) -> Article | SkippedInput:
    """One input built into an :class:`Article`, or the reason it cannot be (an input already
    skipped while reading stays skipped): the per-input ingest stage, the same in a loop, a
    process pool or on a Dask worker."""
    if isinstance(item, SkippedInput):
        return item
    try:
        return build_article(item)
    except InputError as error:
        return SkippedInput(error.source, error.problem)


def duplicate_id(article_id: str, source: str, first: str) -> SkippedInput:
    """The skip for a second article under an id already read from ``first``."""
    # Two articles under one id would make every later reference ambiguous.
    return SkippedInput(
        source,
        f"duplicate article id {article_id!r} (first read from {first}); "
        "give each article a unique id",
    )
