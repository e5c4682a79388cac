"""Keep a store's analyses current: ``akhbar update`` after ``akhbar ingest``.

1. Articles with no analysis by this akhbar version are analysed, in batches, each batch
   committed as it is done (a killed run keeps what it finished).
2. All stored articles are clustered again (deduplication, events, stories): the
   assignments are exactly those a full re-cluster gives, since that is what runs; this step
   reads every stored article's small prepared item (its cost grows with the archive, but it
   analyses nothing).
3. Each story is identified by its first stored article (``story-`` and a hash of that id, so
   an old story keeps its id as articles join it) and fingerprinted by its members, their
   events and duplicates, and the akhbar version. Only the stories whose fingerprint changed
   are analysed again (:func:`akhbar.pipeline.analyze_story`, from the stored article
   analyses) and stored, one transaction each; stories that no longer exist are dropped.

Running it again changes nothing; a run stopped at any point resumes where it stopped,
without doubling anything (what is stored is keyed by article and story). One update runs
at a time (:meth:`~akhbar.store.base.ArticleStore.update_lock`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from akhbar import __version__
from akhbar.model import ArticleAnalysis, Assignment, Report, SkippedInput
from akhbar.pipeline import (
    BatchMap,
    PipelineConfig,
    analyze_each,
    analyze_story,
    cluster_articles,
    in_process,
)
from akhbar.store.base import ArticleStore, StoredAnalysis

__all__ = ["UpdateSummary", "report_from_store", "update_store"]

logger = logging.getLogger(__name__)

# Articles analysed and committed together.
UPDATE_BATCH = 64


@dataclass(frozen=True)
class UpdateSummary:
    """What one update did."""

    analysed: int = 0
    stories_analysed: int = 0
    stories_unchanged: int = 0
    stories_removed: int = 0
    skipped: tuple[SkippedInput, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.analysed or self.stories_analysed or self.stories_removed)


def story_key(first_article: str) -> str:
    """A story's id: stable while articles join it (its first stored article stays first)."""
    return "story-" + hashlib.sha256(first_article.encode("utf-8")).hexdigest()[:12]


def _fingerprint(members: Sequence[Assignment], version: str) -> str:
    payload = json.dumps(
        [version, [[a.id, a.event, a.duplicate_of] for a in members]], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def update_store(
    store: ArticleStore,
    *,
    config: PipelineConfig | None = None,
    map_batches: BatchMap = in_process,
    progress: Callable[[int], None] | None = None,
    version: str = __version__,
) -> UpdateSummary:
    """Analyse what is new in ``store`` and the stories it touches (see the module)."""
    config = config or PipelineConfig()
    with store.update_lock():
        analysed, skipped = _analyse_new(store, map_batches, progress, version)
        clustered = cluster_articles(store.iter_articles(), config=config.corpus)
        groups: dict[str, list[Assignment]] = {}
        for assignment in clustered:
            if assignment.story is not None:
                groups.setdefault(assignment.story, []).append(assignment)
        stored = store.story_fingerprints()
        wanted: set[str] = set()
        done = unchanged = 0
        for members in groups.values():
            story_id = story_key(members[0].id)
            fingerprint = _fingerprint(members, version)
            wanted.add(story_id)
            if stored.get(story_id) == fingerprint:
                unchanged += 1
                continue
            result = _analyse_story(store, story_id, members, fingerprint)
            if result is not None:
                store.put_story(result, version)
                done += 1
        removed = store.delete_stories(sorted(set(stored) - wanted))
    return UpdateSummary(analysed, done, unchanged, removed, tuple(skipped))


def _analyse_new(
    store: ArticleStore,
    map_batches: BatchMap,
    progress: Callable[[int], None] | None,
    version: str,
) -> tuple[int, list[SkippedInput]]:
    new = store.unanalysed(version)
    analysed, skipped = 0, []
    for start in range(0, len(new), UPDATE_BATCH):
        articles = [store.get(article) for article in new[start : start + UPDATE_BATCH]]
        results = list(analyze_each(articles, map_batches=map_batches))
        done = [r for r in results if isinstance(r, ArticleAnalysis)]
        skipped += [r for r in results if isinstance(r, SkippedInput)]
        store.put_analyses(done, version)
        analysed += len(done)
        if progress is not None:
            progress(start + len(articles))
    return analysed, skipped


def _analyse_story(
    store: ArticleStore, story_id: str, members: Sequence[Assignment], fingerprint: str
) -> StoredAnalysis | None:
    analyses = store.get_analyses(a.id for a in members)
    present = [a for a in members if a.id in analyses]  # an article its analysis failed on
    if not present:
        return None
    story, redated, main_event = analyze_story(
        story_id,
        [analyses[a.id] for a in present],
        cluster_event={a.id: a.event for a in present},
    )
    return StoredAnalysis(
        story=story,
        members=tuple(redated),
        main_event={a.id: main_event[a.id] for a in present},
        duplicate_of={a.id: a.duplicate_of for a in present},
        fingerprint=fingerprint,
    )


def report_from_store(
    store: ArticleStore,
    *,
    story_ids: Iterable[str] | None = None,
    since: dt.date | None = None,
) -> Report:
    """The report of stored stories (all, those of ``story_ids``, or those with an article
    published on or after ``since``), as ``akhbar analyze`` writes it, from what the last
    update stored: nothing is analysed again."""
    results = list(store.story_results(story_ids))
    if since is not None:
        results = [r for r in results if _published_since(r, since)]
    return Report(
        analyses=tuple(member for result in results for member in result.members),
        stories=tuple(result.story for result in results),
        assignments=tuple(a for result in results for a in result.assignments()),
    )


def _published_since(result: StoredAnalysis, since: dt.date) -> bool:
    for member in result.members:
        published = member.article.published
        if published is None:
            continue
        day = published.date() if isinstance(published, dt.datetime) else published
        if day >= since:
            return True
    return False
