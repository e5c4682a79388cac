"""What only one outlet of a story reports.

A unique fact is told by someone or about something no other outlet of the story names: an
entity (a person, an organisation, a newspaper, a place) that only one outlet's articles
mention (not the outlet itself), with the sentence of the first statement of that outlet
naming it. A statement that another outlet also carries (it is in a claim with another
outlet) is never unique, and one sentence is shown once. Outlets are read
from the articles; an article with no outlet is its own. A story of one outlet has no unique
facts: there is nothing to compare with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from akhbar.arabic.normalize import to_key
from akhbar.model import ArticleAnalysis, Claim, Entity, Evidence, Span, UniqueFact

__all__ = ["story_unique_facts"]

# Kinds of entity whose mention makes a fact worth telling apart.
_KINDS = frozenset({"PER", "ORG", "GPE", "LOC", "MEDIA"})


def story_unique_facts(
    analyses: Sequence[ArticleAnalysis],
    entities: Sequence[Entity],
    claims: Sequence[Claim],
) -> tuple[UniqueFact, ...]:
    """Per outlet, in story order, the statements naming what no other outlet names."""
    outlet_of = {a.article.id: a.article.outlet or a.article.id for a in analyses}
    if len(set(outlet_of.values())) < 2:
        return ()
    shared = _shared_statements(claims, outlet_of)
    by_id = {a.article.id: a for a in analyses}
    out: list[UniqueFact] = []
    taken: set[tuple[str, int]] = set()
    for entity in entities:
        outlets = {outlet_of[article] for article in entity.articles}
        if entity.type not in _KINDS or len(outlets) != 1:
            continue
        (outlet,) = outlets
        if to_key(entity.name) == to_key(outlet):
            continue  # an outlet naming itself ("نقلت منصة خبر مباشر") tells nothing new
        fact = _first_statement(entity, by_id, shared, taken)
        if fact is not None:
            out.append(UniqueFact(outlet, entity.name, fact.text, fact))
    order = {a.article.id: n for n, a in enumerate(analyses)}
    return tuple(sorted(out, key=lambda f: (order[f.evidence.span.article], f.evidence.span.start)))


def _shared_statements(
    claims: Sequence[Claim], outlet_of: Mapping[str, str]
) -> set[tuple[str, int]]:
    """(article, start) of every statement another outlet also carries."""
    out = set()
    for claim in claims:
        if len({outlet_of[article] for article in claim.articles}) > 1:
            out |= {(e.span.article, e.span.start) for e in claim.evidence}
    return out


def _first_statement(
    entity: Entity,
    by_id: Mapping[str, ArticleAnalysis],
    shared: set[tuple[str, int]],
    taken: set[tuple[str, int]],
) -> Evidence | None:
    """The sentence of the first statement naming ``entity`` that no other outlet carries
    and no other unique fact already shows (the sentence, so the fact reads whole:
    "ووفقا لصحيفة وول ستريت جورنال، تجري دمشق وموسكو مفاوضات سرية")."""
    for mention in sorted(entity.mentions, key=lambda e: (e.span.article, e.span.start)):
        span = mention.span
        analysis = by_id[span.article]
        for statement in analysis.statements:
            if not statement.span.start <= span.start < statement.span.end:
                continue
            if (span.article, statement.span.start) in shared:
                break
            index = statement.span.sentence
            if (span.article, index) in taken or index is None:
                break
            taken.add((span.article, index))
            sentence = analysis.sentences[index]
            return Evidence(Span(span.article, sentence.start, sentence.end, index), sentence.text)
    return None
