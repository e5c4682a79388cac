"""The one place that sequences akhbar's stages, for every entry point.

    files ─► ingest ─► Article ─► analyze (per article) ─► dedup + clustering ─► stories ─► Report

Every step is a stage function from model objects to model objects; this module only calls
them in order and collects per-input failures. The CLI, the store's commands, the Dask and
process-pool runners (:mod:`akhbar.scale`) and the tests all call these functions; none of
them sequences stages itself.

The per-article stages (building an article from its input, analysing it, preparing it for
clustering) run in batches through a :data:`BatchMap`: in this process by default, or on a
process pool or a Dask cluster that :mod:`akhbar.scale` provides. Results come back in input
order, so every runner gives the same output.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import TypeVar

from akhbar.analyze import analyze_article, redate_analysis
from akhbar.corpus.assign import CorpusConfig, PreparedArticle, assign, prepare
from akhbar.errors import InputError
from akhbar.ingest import IngestConfig, build_item, duplicate_id, ingest, iter_documents
from akhbar.ingest.pairs import read_pairs
from akhbar.model import (
    Article,
    ArticleAnalysis,
    Assignment,
    IngestResult,
    RawDocument,
    Report,
    SkippedInput,
    Story,
)
from akhbar.story import build_story
from akhbar.story.events import merge_events
from akhbar.story.published import infer_published
from akhbar.story.stance import Verdict, check_text, judge
from akhbar.story.threads import ThreadMember, story_threads

__all__ = [
    "ANALYZE_BATCH",
    "BatchMap",
    "PipelineConfig",
    "analyze_articles",
    "analyze_batch",
    "analyze_each",
    "analyze_inputs",
    "analyze_story",
    "build_batch",
    "built_articles",
    "check_inputs",
    "check_pairs",
    "cluster_articles",
    "cluster_inputs",
    "cluster_prepared",
    "collect_prepared",
    "guarded",
    "in_process",
    "prepare_batch",
    "prepare_document",
    "prepared_inputs",
    "read_articles",
    "report_for_articles",
]

logger = logging.getLogger(__name__)
Progress = Callable[[int], None]
T = TypeVar("T")
R = TypeVar("R")
# A runner of per-article work: ``task`` applied to each batch, results in batch order.
BatchMap = Callable[[Callable[[list], list], Iterable[list]], Iterator[list]]
# Articles analysed per task: enough to make a task's overhead small, few enough that two
# processes share an afternoon's news evenly.
ANALYZE_BATCH = 16
# Inputs built or prepared per task (cheap stages: ~2 ms an article).
PREPARE_BATCH = 200


@dataclass(frozen=True)
class PipelineConfig:
    ingest: IngestConfig = field(default_factory=IngestConfig)
    corpus: CorpusConfig = field(default_factory=CorpusConfig)  # dedup + clustering
    # Publication date for articles whose input gives none (``akhbar extract --pub``).
    default_published: dt.date | None = None


def in_process(task: Callable[[list], list], batches: Iterable[list]) -> Iterator[list]:
    """The default :data:`BatchMap`: every batch in this process, in order."""
    return map(task, batches)


def guarded(stage: str, task: Callable[[T], R], item: T, source: str) -> R | SkippedInput:
    """``task(item)``, or, whatever it raises, the skip of that one input with the
    exception's type and message: the last resort that keeps one article's failure from
    costing the run its other articles (a failure the code foresaw has a clearer reason)."""
    try:
        return task(item)
    except Exception as error:
        logger.warning("%s: %s failed: %s: %s", source, stage, type(error).__name__, error)
        return SkippedInput(source, f"{stage} failed: {type(error).__name__}: {error}")


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _each(
    task: Callable[[list], list], items: Iterable, map_batches: BatchMap, size: int
) -> Iterator:
    for results in map_batches(task, _batched(items, size)):
        yield from results


# --- Reading --------------------------------------------------------------------------------


def read_articles(
    paths: Sequence[str],
    *,
    config: PipelineConfig = PipelineConfig(),
    progress: Progress | None = None,
) -> IngestResult:
    """Read and clean every input; failures become :class:`SkippedInput`, never exceptions."""
    result = ingest(paths, config=config.ingest, progress=progress)
    if config.default_published is None:
        return result
    articles = tuple(
        dataclasses.replace(article, published=config.default_published, published_source="input")
        if article.published is None
        else article
        for article in result.articles
    )
    return dataclasses.replace(result, articles=articles)


def build_batch(documents: list[RawDocument | SkippedInput]) -> list[Article | SkippedInput]:
    """A batch of inputs built into articles (the task a worker runs for ``akhbar ingest``)."""
    return [guarded("reading", build_item, document, document.source) for document in documents]


def built_articles(
    paths: Sequence[str],
    *,
    config: IngestConfig | None = None,
    map_batches: BatchMap = in_process,
) -> Iterator[Article | SkippedInput]:
    """Each input built into an :class:`Article` (or the reason it was skipped), streamed in
    input order, for a store to add as they come: a run stopped half-way keeps what was
    stored."""
    documents = iter_documents(paths, config=config or IngestConfig())
    return _each(build_batch, documents, map_batches, PREPARE_BATCH)


# --- Analysis -------------------------------------------------------------------------------


def analyze_batch(articles: list[Article]) -> list[ArticleAnalysis | SkippedInput]:
    """A batch of articles analysed (the task a worker runs for ``akhbar analyze``); an
    article whose analysis fails is that article's skip."""
    return [guarded("analysis", analyze_article, article, article.source) for article in articles]


def analyze_each(
    articles: Iterable[Article], *, map_batches: BatchMap = in_process
) -> Iterator[ArticleAnalysis | SkippedInput]:
    """Per-article analysis of already-read articles, in order: each one's analysis, or its
    skip when the analysis failed."""
    return _each(analyze_batch, articles, map_batches, ANALYZE_BATCH)


def analyze_articles(
    articles: Sequence[Article], *, map_batches: BatchMap = in_process
) -> tuple[ArticleAnalysis, ...]:
    """Per-article analysis of already-read articles, in order; an article whose analysis
    fails raises :class:`~akhbar.errors.InputError` naming it (:func:`analyze_each` gives
    its skip instead)."""
    out = []
    for item in analyze_each(articles, map_batches=map_batches):
        if isinstance(item, SkippedInput):
            raise InputError(item.source, item.reason)
        out.append(item)
    return tuple(out)


def analyze_inputs(
    paths: Sequence[str],
    *,
    config: PipelineConfig = PipelineConfig(),
    progress: Progress | None = None,
    map_batches: BatchMap = in_process,
) -> Report:
    """Read ``paths`` and build the full report: articles, stories and skipped inputs."""
    result = read_articles(paths, config=config, progress=progress)
    return report_for_articles(
        result.articles, config=config, map_batches=map_batches, skipped=result.skipped
    )


def report_for_articles(
    articles: Sequence[Article],
    *,
    config: PipelineConfig = PipelineConfig(),
    map_batches: BatchMap = in_process,
    skipped: Sequence[SkippedInput] = (),
) -> Report:
    """The report of already-read articles (from files, a store or a web upload).

    Stories come from the same deduplication and clustering as ``akhbar cluster``; each
    story is then analysed on its own (events, dates, entities, voices).
    """
    analyses: list[ArticleAnalysis] = []
    skipped = list(skipped)
    for item in analyze_each(articles, map_batches=map_batches):
        (skipped if isinstance(item, SkippedInput) else analyses).append(item)
    by_id = {analysis.article.id: analysis for analysis in analyses}
    clustered = {
        a.id: a for a in cluster_articles((x.article for x in analyses), config=config.corpus)
    }
    members_of: dict[str, list[str]] = {}
    for analysis in analyses:  # stories in order of their first article in the input
        members_of.setdefault(clustered[analysis.article.id].story, []).append(analysis.article.id)
    stories, assignments = [], {}
    for number, member_ids in enumerate(members_of.values(), start=1):
        story_id = f"story-{number:03d}"
        found = guarded(
            "story analysis",
            partial(
                analyze_story,
                story_id,
                cluster_event={i: clustered[i].event for i in member_ids},
            ),
            [by_id[i] for i in member_ids],
            story_id,
        )
        if isinstance(found, SkippedInput):  # its articles are skipped, the others reported
            skipped += [SkippedInput(by_id[i].article.source, found.reason) for i in member_ids]
            continue
        story, members, main_event = found
        stories.append(story)
        for member in members:
            article_id = member.article.id
            by_id[article_id] = member
            duplicate_of = clustered[article_id].duplicate_of
            assignments[article_id] = Assignment(
                article_id, story.id, main_event[article_id], duplicate_of
            )
    kept = [a.article.id for a in analyses if a.article.id in assignments]
    return Report(
        analyses=tuple(by_id[i] for i in kept),
        stories=tuple(stories),
        assignments=tuple(assignments[i] for i in kept),
        skipped=tuple(skipped),
    )


def analyze_story(
    story_id: str,
    analyses: Sequence[ArticleAnalysis],
    cluster_event: Mapping[str, str | None] | None = None,
) -> tuple[Story, tuple[ArticleAnalysis, ...], Mapping[str, str | None]]:
    """Events of one story, publication dates its articles settle for each other, the story.

    Returns the story, its members' analyses (re-dated where a date was inferred, so their
    relative dates resolve; nothing else is analysed again) and each article's main event.
    ``cluster_event``: each article's event from the corpus stage, for the story's threads
    (claims compare only articles of one thread); without it, the story is one thread.
    """
    members = tuple(analyses)
    events = merge_events(story_id, members)
    inferred = infer_published(members, events)
    if inferred:
        members = tuple(
            redate_analysis(member, inferred[i]) if i in inferred else member
            for i, member in enumerate(members)
        )
        events = merge_events(story_id, members)
    day_of = {e.id: e.date for e in events.events if e.precision == "day" and e.date}
    threads = story_threads(
        [
            ThreadMember(
                m.article.id,
                (cluster_event or {}).get(m.article.id, "event"),
                m.article.title,
                m.article.outlet,
                m.article.published,
                day_of.get(events.main_event[m.article.id] or ""),
            )
            for m in members
        ]
    )
    story = build_story(story_id, members, events=events.events, threads=threads)
    return story, members, events.main_event


# --- Deduplication and clustering -----------------------------------------------------------


def prepare_document(
    document: RawDocument | SkippedInput, config: PipelineConfig
) -> PreparedArticle | SkippedInput:
    """One input to its prepared form (pure: runs the same in a loop or on a worker)."""
    built = build_item(document)
    return built if isinstance(built, SkippedInput) else prepare(built, config=config.corpus)


def prepare_batch(
    documents: list[RawDocument | SkippedInput], config: PipelineConfig
) -> list[PreparedArticle | SkippedInput]:
    """A batch of inputs prepared (the task a worker runs for ``akhbar cluster``)."""
    return [
        guarded("preparation", partial(prepare_document, config=config), document, document.source)
        for document in documents
    ]


def collect_prepared(
    results: Iterable[PreparedArticle | SkippedInput],
) -> tuple[list[PreparedArticle], tuple[SkippedInput, ...]]:
    """Prepared articles in input order and the skipped inputs (a repeated id is skipped)."""
    prepared: list[PreparedArticle] = []
    skipped: list[SkippedInput] = []
    first_source: dict[str, str] = {}
    for result in results:
        if isinstance(result, SkippedInput):
            skipped.append(result)
        elif result.id in first_source:
            skipped.append(duplicate_id(result.id, result.source, first_source[result.id]))
        else:
            first_source[result.id] = result.source
            prepared.append(result)
    return prepared, tuple(skipped)


def prepared_inputs(
    paths: Sequence[str],
    *,
    config: PipelineConfig = PipelineConfig(),
    progress: Progress | None = None,
    map_batches: BatchMap = in_process,
) -> tuple[list[PreparedArticle], tuple[SkippedInput, ...]]:
    """Stream ``paths`` into prepared articles (no texts kept), in input order."""

    def documents() -> Iterator[RawDocument | SkippedInput]:
        for count, document in enumerate(iter_documents(paths, config=config.ingest), start=1):
            if progress is not None:
                progress(count)
            yield document

    task = partial(prepare_batch, config=config)
    return collect_prepared(_each(task, documents(), map_batches, PREPARE_BATCH))


def cluster_prepared(
    prepared: Sequence[PreparedArticle], *, config: CorpusConfig | None = None
) -> tuple[Assignment, ...]:
    """Duplicates, events and stories of prepared articles, in their order."""
    by_id = {a.id: a for a in assign(prepared, config=config or CorpusConfig())}
    return tuple(by_id[item.id] for item in prepared)


def cluster_inputs(
    paths: Sequence[str],
    *,
    config: PipelineConfig = PipelineConfig(),
    progress: Progress | None = None,
    map_batches: BatchMap = in_process,
) -> tuple[tuple[Assignment, ...], tuple[SkippedInput, ...]]:
    """Duplicates, events and stories of every input article, in input order."""
    prepared, skipped = prepared_inputs(
        paths, config=config, progress=progress, map_batches=map_batches
    )
    return cluster_prepared(prepared, config=config.corpus), skipped


def cluster_articles(
    articles: Iterable[Article],
    *,
    config: CorpusConfig | None = None,
    progress: Progress | None = None,
) -> tuple[Assignment, ...]:
    """Duplicates, events and stories of already-read articles (a store's, a report's), in
    their order; only the small prepared items are held, never the texts."""
    config = config or CorpusConfig()
    prepared = []
    for count, article in enumerate(articles, start=1):
        if progress is not None:
            progress(count)
        prepared.append(prepare(article, config=config))
    return cluster_prepared(prepared, config=config)


# --- Claim check ----------------------------------------------------------------------------


def check_pairs(path: str) -> tuple[dict[str, str], ...]:
    """``akhbar check --pairs``: each line ``{"id", "claim", "text"}`` of the JSONL file
    judged, as ``{"id", "stance", "reason", "evidence"}`` in input order. A bad line raises
    :class:`~akhbar.errors.InputError` naming the file and line before anything is judged."""
    return tuple(_verdict_row(pair.id, judge(pair.claim, pair.text)) for pair in read_pairs(path))


def _verdict_row(pair_id: str, verdict: Verdict) -> dict[str, str]:
    return {
        "id": pair_id,
        "stance": verdict.stance,
        "reason": verdict.reason,
        "evidence": verdict.evidence,
    }


def check_inputs(
    claim: str,
    paths: Sequence[str],
    *,
    config: PipelineConfig = PipelineConfig(),
    progress: Progress | None = None,
    map_batches: BatchMap = in_process,
) -> tuple[tuple[tuple[str, Verdict], ...], tuple[SkippedInput, ...]]:
    """``akhbar check CLAIM PATH...``: each article's verdict on ``claim`` (its sentence most
    related to the claim decides; boilerplate is already out), in input order, and the skips."""
    result = read_articles(paths, config=config, progress=progress)
    verdicts, skipped = [], list(result.skipped)
    for item in analyze_each(result.articles, map_batches=map_batches):
        if isinstance(item, SkippedInput):
            skipped.append(item)
            continue
        sentences = [sentence.text for sentence in item.sentences]
        verdicts.append((item.article.id, check_text(claim, sentences)))
    return tuple(verdicts), tuple(skipped)
