"""The whole flow in one explicit sequence: ingest → analyze → cluster → stories → report.

Every step is a stage function from model objects to model objects; this module only
calls them in order and collects per-input failures, so the CLI, tests and the Dask runner
(:mod:`akhbar.scale`) share one definition of "analyse these inputs".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from akhbar.analyze import analyze_article, redate_analysis
from akhbar.corpus.assign import CorpusConfig, PreparedArticle, assign, prepare
from akhbar.errors import InputError
from akhbar.ingest import IngestConfig, build_article, duplicate_id, ingest, iter_documents
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

__all__ = [
    "PipelineConfig",
    "analyze_articles",
    "analyze_inputs",
    "analyze_story",
    "cluster_inputs",
    "collect_prepared",
    "prepare_document",
    "prepared_inputs",
    "read_articles",
]

Progress = Callable[[int], None]


@dataclass(frozen=True)
class PipelineConfig:
    ingest: IngestConfig = field(default_factory=IngestConfig)
    corpus: CorpusConfig = field(default_factory=CorpusConfig)  # dedup + clustering
    # Publication date for articles whose input gives none (``akhbar extract --pub``).
    default_published: dt.date | None = None


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


def analyze_inputs(
    paths: Sequence[str],
    *,
    config: PipelineConfig = PipelineConfig(),
    progress: Progress | None = None,
) -> Report:
    """Read ``paths`` and build the full report: articles, stories and skipped inputs.

    Stories come from the same deduplication and clustering as ``akhbar cluster``; each
    story is then analysed on its own (events, dates, entities, voices).
    """
    result = read_articles(paths, config=config, progress=progress)
    analyses = analyze_articles(result.articles)
    by_id = {analysis.article.id: analysis for analysis in analyses}
    clustered = {
        a.id: a
        for a in assign(
            (prepare(x.article, config=config.corpus) for x in analyses), config=config.corpus
        )
    }
    members_of: dict[str, list[str]] = {}
    for analysis in analyses:  # stories in order of their first article in the input
        members_of.setdefault(clustered[analysis.article.id].story, []).append(analysis.article.id)
    stories, assignments = [], {}
    for number, member_ids in enumerate(members_of.values(), start=1):
        story, members, main_event = analyze_story(
            f"story-{number:03d}", [by_id[i] for i in member_ids]
        )
        stories.append(story)
        for member in members:
            article_id = member.article.id
            by_id[article_id] = member
            duplicate_of = clustered[article_id].duplicate_of
            assignments[article_id] = Assignment(
                article_id, story.id, main_event[article_id], duplicate_of
            )
    return Report(
        analyses=tuple(by_id[a.article.id] for a in analyses),
        stories=tuple(stories),
        assignments=tuple(assignments[a.article.id] for a in analyses),
        skipped=result.skipped,
    )


def analyze_story(
    story_id: str, analyses: Sequence[ArticleAnalysis]
) -> tuple[Story, tuple[ArticleAnalysis, ...], Mapping[str, str | None]]:
    """Events of one story, publication dates its articles settle for each other, the story.

    Returns the story, its members' analyses (re-dated where a date was inferred, so their
    relative dates resolve; nothing else is analysed again) and each article's main event.
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
    story = build_story(story_id, members, events=events.events)
    return story, members, events.main_event


def analyze_articles(articles: Sequence[Article]) -> tuple[ArticleAnalysis, ...]:
    """Per-article analysis of already-read articles, in order."""
    return tuple(analyze_article(article) for article in articles)


def prepare_document(
    document: RawDocument | SkippedInput, config: PipelineConfig
) -> PreparedArticle | SkippedInput:
    """One input to its prepared form (pure: runs the same in a loop or on a Dask worker)."""
    if isinstance(document, SkippedInput):
        return document
    try:
        return prepare(build_article(document), config=config.corpus)
    except InputError as error:
        return SkippedInput(error.source, error.problem)


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
) -> tuple[list[PreparedArticle], tuple[SkippedInput, ...]]:
    """Stream ``paths`` into prepared articles (no texts kept), in input order."""

    def results() -> Iterator[PreparedArticle | SkippedInput]:
        for count, document in enumerate(iter_documents(paths, config=config.ingest), start=1):
            if progress is not None:
                progress(count)
            yield prepare_document(document, config)

    return collect_prepared(results())


def cluster_inputs(
    paths: Sequence[str],
    *,
    config: PipelineConfig = PipelineConfig(),
    progress: Progress | None = None,
) -> tuple[tuple[Assignment, ...], tuple[SkippedInput, ...]]:
    """Duplicates, events and stories of every input article, in input order."""
    prepared, skipped = prepared_inputs(paths, config=config, progress=progress)
    by_id = {a.id: a for a in assign(prepared, config=config.corpus)}
    return tuple(by_id[item.id] for item in prepared), skipped
