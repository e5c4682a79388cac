"""Resumable ingest into a store: stream documents, commit in batches, skip what is stored.

A run killed at any point (even ``kill -9``) loses at most the batch it had not committed;
running it again adds exactly what is missing, since every article already stored is
recognised by its id or its content and skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from akhbar.ingest import IngestConfig
from akhbar.model import Article, SkippedInput
from akhbar.pipeline import built_articles
from akhbar.store.base import DEFAULT_BATCH_SIZE, AddResult, ArticleStore

__all__ = ["IngestSummary", "ingest_into", "store_built"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestSummary:
    """What one run added, found already stored, and could not read (with why)."""

    added: int
    already_present: int
    skipped: tuple[SkippedInput, ...] = ()


def ingest_into(
    store: ArticleStore,
    paths: Sequence[str],
    *,
    config: IngestConfig | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> IngestSummary:
    """Read ``paths`` into ``store``, committing every ``batch_size`` articles.

    Unreadable inputs become :class:`SkippedInput` entries and the run goes on. Articles
    are stored as :func:`~akhbar.ingest.build_article` makes them: learning each outlet's
    repeated header/footer lines needs the whole corpus, so it belongs to whoever reads
    the store, not to a run that may stop half-way.
    """
    items = built_articles(paths, config=config)
    return store_built(store, items, progress=progress, batch_size=batch_size)


def store_built(
    store: ArticleStore,
    items: Iterable[Article | SkippedInput],
    *,
    progress: Callable[[int], None] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> IngestSummary:
    """Add built articles to ``store`` in the order given; the single writer of a run."""
    skipped: list[SkippedInput] = []
    batch_sources: dict[str, str] = {}

    def report(outcome: AddResult | None) -> None:
        if outcome is not None:
            skipped.extend(_conflict(batch_sources[key]) for key in outcome.conflicts)
            batch_sources.clear()

    with store.insertion_session(batch_size) as session:
        for count, item in enumerate(items, start=1):
            if progress is not None:
                progress(count)
            if isinstance(item, SkippedInput):
                skipped.append(item)
                continue
            # The last source read under an id: the one a conflict turned away.
            batch_sources[item.id] = item.source
            report(session.add(item))
        report(session.flush())
    for item in skipped:
        logger.warning("skipped %s: %s", item.source, item.reason)
    result = session.result
    return IngestSummary(result.added, result.already_present, tuple(skipped))


def _conflict(source: str) -> SkippedInput:
    return SkippedInput(
        source,
        "an article with this id is already stored with different content; the stored one "
        "was kept (give each article a unique id, or use a new --db for the new version)",
    )
