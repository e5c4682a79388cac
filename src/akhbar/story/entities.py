"""Who is who in a story: linked entities for the report, and name conflicts as contradictions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from akhbar.corpus.linking import LinkedEntity, NameConflict, link_entities
from akhbar.model import (
    ArticleAnalysis,
    Contradiction,
    ContradictionValue,
    Entity,
    EntityTitle,
    Evidence,
    Span,
)

__all__ = ["story_entities"]


def _evidence(by_id: Mapping[str, ArticleAnalysis], span: Span) -> Evidence:
    return Evidence(span, by_id[span.article].article.text[span.start : span.end])


def _entity(linked: LinkedEntity, by_id: Mapping[str, ArticleAnalysis]) -> Entity:
    return Entity(
        id=linked.id,
        type=linked.type,
        name=linked.name,
        aliases=linked.aliases,
        titles=tuple(title.title for title in linked.titles),
        articles=linked.articles,
        title_sources=tuple(
            EntityTitle(t.title, t.articles, tuple(_evidence(by_id, r) for r in t.mentions))
            for t in linked.titles
        ),
        mentions=tuple(_evidence(by_id, ref) for ref in linked.mentions),
    )


def _conflict(conflict: NameConflict, entity: Entity) -> Contradiction:
    values = []
    for value in conflict.values:
        given = value.name.split()[0]
        evidence = tuple(
            e for e in entity.mentions if e.span.article in value.articles and given in e.text
        )
        values.append(ContradictionValue(value.name, value.articles, evidence))
    return Contradiction(about=entity.name, kind="name", values=tuple(values))


def story_entities(
    analyses: Sequence[ArticleAnalysis],
) -> tuple[tuple[Entity, ...], tuple[Contradiction, ...]]:
    """Entities linked across the story's articles, and the names outlets disagree on."""
    analyses_by_id = {a.article.id: a for a in analyses}
    linked, conflicts = link_entities({a.article.id: a.entities for a in analyses})
    entities = tuple(_entity(item, analyses_by_id) for item in linked)
    by_id = {entity.id: entity for entity in entities}
    return entities, tuple(_conflict(c, by_id[c.entity]) for c in conflicts if c.entity in by_id)
