"""Assignments for a whole corpus: duplicates, events and stories, one line per article.

Two stages, so the heavy one spreads over processes or a Dask cluster and the light one
stays exact and deterministic:

1. :func:`prepare` (per article, pure, picklable): the article's dedup fingerprint and its
   clustering vectors (whole article and title). Texts are dropped here, so an archive
   never sits in memory.
2. :func:`assign` (one pass over the small prepared items in publication order):
   duplicates first (the earliest copy wins), then streaming event/story clustering;
   a duplicate shares its original's event and story.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from akhbar.arabic.normalize import to_key
from akhbar.arabic.stems import stem_bases, stem_keys
from akhbar.arabic.tokens import base_words
from akhbar.corpus.cluster import (
    ClusterConfig,
    ClusterInput,
    cluster_articles,
    order_for_clustering,
    title_vector,
    vector_from_stems,
)
from akhbar.corpus.dedup import DedupConfig, DuplicateIndex, Fingerprint, fingerprint_words
from akhbar.model import Article, Assignment

__all__ = ["CorpusConfig", "PreparedArticle", "assign", "prepare"]


@dataclass(frozen=True)
class CorpusConfig:
    dedup: DedupConfig = field(default_factory=DedupConfig)
    cluster: ClusterConfig = field(default_factory=ClusterConfig)


@dataclass(frozen=True)
class PreparedArticle:
    id: str
    source: str  # where it was read, for messages about it
    published: dt.date | None
    fingerprint: Fingerprint
    vector: tuple[tuple[str, float], ...]
    title_vector: tuple[tuple[str, float], ...] = ()
    title_only: bool = False


def prepare(article: Article, *, config: CorpusConfig = CorpusConfig()) -> PreparedArticle:
    """What the corpus stages need of ``article`` (no text kept)."""
    key_text = to_key(article.text)
    words = base_words(key_text)  # tokenised once for both the fingerprint and the vector
    title_stems = stem_keys(article.title or "")
    return PreparedArticle(
        id=article.id,
        source=article.source,
        published=article.published,
        fingerprint=dataclasses.replace(
            fingerprint_words(key_text, words, config=config.dedup),
            day=article.published.toordinal() if article.published is not None else None,
            outlet=article.outlet,
        ),
        vector=vector_from_stems(title_stems, stem_bases(words), config=config.cluster),
        title_vector=title_vector(title_stems, config=config.cluster),
        title_only=article.title_only,
    )


def assign(
    items: Iterable[PreparedArticle], *, config: CorpusConfig = CorpusConfig()
) -> Iterator[Assignment]:
    """Assignments of ``items`` in publication order (undated last, ties by id)."""
    items = list(items)
    prints = {item.id: item.fingerprint for item in items}
    inputs = order_for_clustering(
        [
            ClusterInput(
                item.id, item.published, item.vector, None, item.title_vector, item.title_only
            )
            for item in items
        ]
    )
    duplicates = DuplicateIndex(config.dedup)

    def with_duplicates() -> Iterator[ClusterInput]:
        for item in inputs:
            original = duplicates.add_fingerprint(item.id, prints[item.id])
            yield dataclasses.replace(item, duplicate_of=original)

    yield from cluster_articles(with_duplicates(), config=config.cluster)
