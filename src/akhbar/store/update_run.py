"""Keep a store's analyses current: ``akhbar update`` after ``akhbar ingest``.

1. Articles with no analysis by this akhbar version are analysed, in batches, each batch
   committed as it is done (a killed run keeps what it finished).
2. The articles not yet in a story are clustered (deduplication, events, stories) together
   with every stored story still open when the earliest of them was published (one with an
   article within ``story_window_days`` before it): in the streaming clustering a closed
   story can take no later article, so older stories stay as they are. The first update, or
   one with an undated new article, clusters everything. How far this window's assignments
   may differ from a full re-cluster (an open story's centroid before the window) is
   measured by a test on ANT articles.
3. Each story and event is identified by its first stored article (``story-``/``event-``
   and a hash of that id, so an old story keeps its id as articles join it) and
   fingerprinted by its members, their events and duplicates, and the akhbar version. Only
   the stories whose fingerprint changed are analysed again
   (:func:`akhbar.pipeline.analyze_story`, from the stored article analyses) and stored,
   one transaction each; stories of the window that no longer exist are dropped.

Running it again changes nothing; a run stopped at any point resumes where it stopped,
without doubling anything (what is stored is keyed by article and story). Articles and
stories are analysed where ``map_batches`` runs them (``--jobs``, ``--scheduler``: stories
are independent); the store is read and written in this process alone. One update runs at
a time (:meth:`~akhbar.store.base.ArticleStore.update_lock`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
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
        stored = store.story_fingerprints()
        window, articles = _to_cluster(store, bool(stored), config)
        clustered = cluster_articles(articles, config=config.corpus)
        groups: dict[str, list[Assignment]] = {}
        for assignment in _stable_events(clustered):
            if assignment.story is not None:
                groups.setdefault(assignment.story, []).append(assignment)
        wanted: set[str] = set()
        changed: list[tuple[str, list[Assignment], str]] = []
        unchanged = 0
        for members in groups.values():
            story_id = story_key(members[0].id)
            fingerprint = _fingerprint(members, version)
            wanted.add(story_id)
            if stored.get(story_id) == fingerprint:
                unchanged += 1
            else:
                changed.append((story_id, members, fingerprint))
        done = 0
        # Stories are independent: analysed in batches where map_batches runs them (this
        # process, a pool, Dask), stored here as each batch comes back, in order.
        batches = _story_batches(store, changed)
        for results in map_batches(_analyse_stories, batches):
            for result in results:
                store.put_story(result, version)
                done += 1
        # Stories of the re-clustered window that are gone (merged into another).
        gone = sorted(set(window) - wanted)
        removed = store.delete_stories(gone)
    return UpdateSummary(
        analysed, done, unchanged + len(stored) - len(window), removed, tuple(skipped)
    )


def _to_cluster(
    store: ArticleStore, has_stories: bool, config: PipelineConfig
) -> tuple[set[str], list]:
    """The stored stories to cluster again and the articles to cluster: everything on a
    first update (or when a pending article is undated); else the articles not yet in a
    story and every story with an article published within ``story_window_days`` before
    the earliest of them (a story older than that is closed: in the streaming clustering no
    later article can join it)."""
    assigned = {a.id: a.story for a in store.assignments() if a.story is not None}
    articles = list(store.iter_articles())
    pending = [a for a in articles if a.id not in assigned]
    if not has_stories or any(a.published is None for a in pending):
        return set(store.story_fingerprints()), articles
    if not pending:
        return set(), []
    window = dt.timedelta(days=config.corpus.cluster.story_window_days)
    start = min(_day(a.published) for a in pending) - window
    open_stories = {
        assigned[a.id]
        for a in articles
        if a.id in assigned and a.published is not None and _day(a.published) >= start
    }
    chosen = [a for a in articles if a.id not in assigned or assigned[a.id] in open_stories]
    return open_stories, chosen


def _day(published: dt.date) -> dt.date:
    return published.date() if isinstance(published, dt.datetime) else published


def _stable_events(assignments: Iterable[Assignment]) -> list[Assignment]:
    """Events named by their first article, so that clustering a window again names them
    as before (the clustering numbers them in the order it meets them)."""
    assignments = list(assignments)
    first: dict[str, str] = {}
    for assignment in assignments:
        if assignment.event is not None:
            first.setdefault(assignment.event, assignment.id)
    return [
        Assignment(
            a.id,
            a.story,
            None if a.event is None else _event_key(first[a.event]),
            a.duplicate_of,
        )
        for a in assignments
    ]


def _event_key(first_article: str) -> str:
    return "event-" + hashlib.sha256(first_article.encode("utf-8")).hexdigest()[:12]


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


# Stories handed to a worker together.
STORY_BATCH = 4

_StoryInput = tuple[str, list[ArticleAnalysis], dict[str, str | None], dict[str, str | None], str]


def _story_batches(
    store: ArticleStore, changed: Sequence[tuple[str, list[Assignment], str]]
) -> Iterator[list[_StoryInput]]:
    """The changed stories with their members' stored analyses, a few at a time (read from
    the store here: workers never open it)."""
    for start in range(0, len(changed), STORY_BATCH):
        batch = []
        for story_id, members, fingerprint in changed[start : start + STORY_BATCH]:
            analyses = store.get_analyses(a.id for a in members)
            present = [a for a in members if a.id in analyses]  # its analysis failed: left out
            if present:
                batch.append(
                    (
                        story_id,
                        [analyses[a.id] for a in present],
                        {a.id: a.event for a in present},
                        {a.id: a.duplicate_of for a in present},
                        fingerprint,
                    )
                )
        if batch:
            yield batch


def _analyse_stories(batch: list[_StoryInput]) -> list[StoredAnalysis]:
    """Analyse stories (a worker's task: module-level, so it pickles)."""
    out = []
    for story_id, analyses, events, duplicates, fingerprint in batch:
        story, redated, main_event = analyze_story(story_id, analyses, cluster_event=events)
        out.append(
            StoredAnalysis(
                story=story,
                members=tuple(redated),
                main_event={a.article.id: main_event[a.article.id] for a in redated},
                duplicate_of=duplicates,
                fingerprint=fingerprint,
            )
        )
    return out


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
