"""A whole ingest run: read every input, build articles, learn and strip repeated lines."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from akhbar.errors import AkhbarError
from akhbar.ingest.article import build_article
from akhbar.ingest.config import DEFAULT_CONFIG, IngestConfig
from akhbar.ingest.repeated import learn_repeated_lines, strip_repeated_lines
from akhbar.ingest.sources import iter_documents
from akhbar.model import Article, IngestResult, SkippedInput

__all__ = ["ingest"]

logger = logging.getLogger(__name__)


def ingest(paths: Sequence[str], *, config: IngestConfig = DEFAULT_CONFIG) -> IngestResult:
    """Read ``paths`` (files, folders, ``-``) into articles; failures are collected, not raised.

    One bad input (an empty file, a broken JSONL line) becomes a :class:`SkippedInput` with
    the reason and the others are read. With ``config.learn_repeated`` each outlet's
    recurring header/footer lines are then moved to boilerplate.
    """
    articles: list[Article] = []
    skipped: list[SkippedInput] = []
    for item in iter_documents(paths, config=config):
        if isinstance(item, SkippedInput):
            logger.warning("skipped %s", item.reason)
            skipped.append(item)
            continue
        try:
            articles.append(build_article(item))
        except AkhbarError as error:
            logger.warning("skipped %s", error)
            skipped.append(SkippedInput(item.source, str(error)))
    if config.learn_repeated:
        repeated = learn_repeated_lines(articles, config=config)
        articles = [strip_repeated_lines(article, repeated, config=config) for article in articles]
    return IngestResult(articles=tuple(articles), skipped=tuple(skipped))
