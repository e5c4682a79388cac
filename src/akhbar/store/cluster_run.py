"""Clustering what a store holds: ``akhbar cluster --db news.db`` with no inputs.

The stored articles go through the same stages as inputs read from files
(:func:`akhbar.corpus.assign.prepare`, then :func:`akhbar.corpus.assign.assign`), so
clustering a store gives the assignments that clustering the files it was filled from gives.
Only the small prepared items are held, never the texts.
"""

from __future__ import annotations

from collections.abc import Callable

from akhbar.corpus.assign import CorpusConfig, assign, prepare
from akhbar.model import Assignment
from akhbar.store.base import ArticleStore

__all__ = ["cluster_stored"]


def cluster_stored(
    store: ArticleStore,
    *,
    config: CorpusConfig | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[Assignment, ...]:
    """Assignments of every stored article, in the order the articles were stored."""
    config = config if config is not None else CorpusConfig()
    prepared = []
    for count, article in enumerate(store.iter_articles(), start=1):
        if progress is not None:
            progress(count)
        prepared.append(prepare(article, config=config))
    by_id = {a.id: a for a in assign(prepared, config=config)}
    return tuple(by_id[item.id] for item in prepared)
