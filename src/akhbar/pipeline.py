"""The whole flow in one explicit sequence: ingest → analyze → group → stories → report.

Every step is a stage function from model objects to model objects; this module only
calls them in order and collects per-input failures, so the CLI, tests and (later) the
Dask runner share one definition of "analyse these inputs".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from akhbar.analyze import analyze_article
from akhbar.corpus import GroupingConfig, group_stories
from akhbar.ingest import IngestConfig, ingest
from akhbar.model import Article, ArticleAnalysis, Assignment, IngestResult, Report, Story
from akhbar.story import build_story
from akhbar.story.events import merge_events
from akhbar.story.published import infer_published

__all__ = [
    "PipelineConfig",
    "analyze_articles",
    "analyze_inputs",
    "analyze_story",
    "read_articles",
]

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
    stories, assignments = [], {}
    for number, member_ids in enumerate(group_stories(analyses, config=config.grouping), start=1):
        story, members, main_event = analyze_story(
            f"story-{number:03d}", [by_id[i] for i in member_ids]
        )
        stories.append(story)
        for member in members:
            article_id = member.article.id
            by_id[article_id] = member
            assignments[article_id] = Assignment(article_id, story.id, main_event[article_id])
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

    Returns the story, its members' analyses (re-analysed where a date was inferred, so
    their relative dates resolve) and each article's main event.
    """
    members = tuple(analyses)
    events = merge_events(story_id, members)
    inferred = infer_published(members, events)
    if inferred:
        members = tuple(
            analyze_article(inferred[i]) if i in inferred else member
            for i, member in enumerate(members)
        )
        events = merge_events(story_id, members)
    story = build_story(story_id, members, events=events.events)
    return story, members, events.main_event


def analyze_articles(articles: Sequence[Article]) -> tuple[ArticleAnalysis, ...]:
    """Per-article analysis of already-read articles, in order."""
    return tuple(analyze_article(article) for article in articles)
