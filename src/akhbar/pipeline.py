"""The whole flow in one explicit sequence: ingest → analyze → group → stories → report.

Every step is a stage function from model objects to model objects; this module only
calls them in order and collects per-input failures, so the CLI, tests and (later) the
Dask runner share one definition of "analyse these inputs".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from akhbar.analyze import analyze_article
from akhbar.corpus import GroupingConfig, group_stories
from akhbar.ingest import IngestConfig, ingest
from akhbar.model import Article, ArticleAnalysis, Assignment, IngestResult, Report
from akhbar.story import build_story

__all__ = ["PipelineConfig", "analyze_articles", "analyze_inputs", "read_articles"]

Progress = Callable[[int], None]


@dataclass(frozen=True)
class PipelineConfig:
    ingest: IngestConfig = field(default_factory=IngestConfig)
    grouping: GroupingConfig = field(default_factory=GroupingConfig)
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
