"""The whole flow in one explicit sequence: ingest → analyze → group → stories → report.

Every step is a stage function from model objects to model objects; this module only
calls them in order and collects per-input failures, so the CLI, tests and (later) the
Dask runner share one definition of "analyse these inputs".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from akhbar.analyze import analyze_article
from akhbar.corpus import GroupingConfig, group_stories
from akhbar.errors import InputError
from akhbar.ingest import (
    IngestConfig,
    build_article,
    iter_documents,
    learn_repeated_lines,
    strip_repeated_lines,
)
from akhbar.model import (
    Article,
    ArticleAnalysis,
    Assignment,
    IngestResult,
    RawDocument,
    Report,
    SkippedInput,
)
from akhbar.story import build_story

__all__ = ["PipelineConfig", "analyze_articles", "analyze_inputs", "read_articles"]

logger = logging.getLogger(__name__)

Progress = Callable[[int], None]


@dataclass(frozen=True)
class PipelineConfig:
    ingest: IngestConfig = field(default_factory=IngestConfig)
    grouping: GroupingConfig = field(default_factory=GroupingConfig)
    # Publication date for articles whose input gives none (``akhbar extract --pub``).
    default_published: dt.date | None = None


def _articles_and_skips(
    paths: Sequence[str], config: PipelineConfig, progress: Progress | None
) -> Iterator[Article | SkippedInput]:
    seen: dict[str, str] = {}
    for count, item in enumerate(iter_documents(paths, config=config.ingest), start=1):
        if progress is not None:
            progress(count)
        if isinstance(item, SkippedInput):
            yield item
            continue
        try:
            article = _build(item, config)
        except InputError as error:
            yield SkippedInput(source=error.source, reason=error.problem)
            continue
        if article.id in seen:
            yield SkippedInput(
                source=article.source,
                reason=f"duplicate article id {article.id!r} (first read from {seen[article.id]}); "
                "give each article a unique id",
            )
            continue
        seen[article.id] = article.source
        yield article


def _build(document: RawDocument, config: PipelineConfig) -> Article:
    article = build_article(document)
    if article.published is None and config.default_published is not None:
        article = dataclasses.replace(
            article, published=config.default_published, published_source="input"
        )
    return article


def read_articles(
    paths: Sequence[str],
    *,
    config: PipelineConfig = PipelineConfig(),
    progress: Progress | None = None,
) -> IngestResult:
    """Read and clean every input; failures become :class:`SkippedInput`, never exceptions."""
    articles: list[Article] = []
    skipped: list[SkippedInput] = []
    for item in _articles_and_skips(paths, config, progress):
        (skipped if isinstance(item, SkippedInput) else articles).append(item)
    if config.ingest.learn_repeated and articles:
        repeated = learn_repeated_lines(articles, config=config.ingest)
        articles = [strip_repeated_lines(article, repeated) for article in articles]
    for skip in skipped:
        logger.warning("skipped %s: %s", skip.source, skip.reason)
    return IngestResult(articles=tuple(articles), skipped=tuple(skipped))


def analyze_inputs(
    paths: Sequence[str],
    *,
    config: PipelineConfig = PipelineConfig(),
    progress: Progress | None = None,
) -> Report:
    """Read ``paths`` and build the full report: articles, stories and skipped inputs."""
    result = read_articles(paths, config=config, progress=progress)
    analyses = analyze_articles(result.articles)
    by_id = {analysis.article.id: analysis for analysis in analyses}
    stories = []
    assignments = {}
    for number, member_ids in enumerate(group_stories(analyses, config=config.grouping), start=1):
        story_id = f"story-{number:03d}"
        stories.append(build_story(story_id, [by_id[i] for i in member_ids]))
        for article_id in member_ids:
            assignments[article_id] = Assignment(id=article_id, story=story_id)
    return Report(
        analyses=analyses,
        stories=tuple(stories),
        assignments=tuple(assignments[a.article.id] for a in analyses),
        skipped=result.skipped,
    )


def analyze_articles(articles: Sequence[Article]) -> tuple[ArticleAnalysis, ...]:
    """Per-article analysis of already-read articles, in order."""
    return tuple(analyze_article(article) for article in articles)
