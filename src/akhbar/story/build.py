"""One story from its articles' analyses.

Entities, quotes, sources, claims, contradictions, unique facts and provenance are filled
here; the summary in later work (until then it is empty, so the report's shape is already
the final one).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from akhbar.corpus.wire import find_wire_copies, sentence_prints, voices
from akhbar.errors import AkhbarError
from akhbar.model import ArticleAnalysis, Claim, Contradiction, Event, Story, Thread
from akhbar.story.claims import story_claims
from akhbar.story.contradictions import story_contradictions
from akhbar.story.entities import story_entities
from akhbar.story.provenance import story_provenance
from akhbar.story.unique import story_unique_facts
from akhbar.story.voices import story_attributions, story_quotes

__all__ = ["build_story", "story_title"]


def story_title(analyses: Sequence[ArticleAnalysis]) -> str:
    """The title of the story's earliest dated article, else of its first titled article.

    Falls back to the first sentence of the first article when no article has a title.
    """
    dated = [a for a in analyses if a.article.published is not None and a.article.title]
    if dated:
        earliest = min(dated, key=lambda a: (a.article.published.isoformat(), a.article.id))
        return earliest.article.title or ""
    for analysis in analyses:
        if analysis.article.title:
            return analysis.article.title
    for analysis in analyses:
        if analysis.sentences:
            return analysis.sentences[0].text
    return analyses[0].article.id


def _contested(claims: Sequence[Claim], found: Sequence[Contradiction]) -> tuple[Claim, ...]:
    """Claims whose statements give differing counts or dates are ``contested``."""
    disputed = {c.claim for c in found if c.kind in ("number", "date")}
    return tuple(
        dataclasses.replace(claim, status="contested") if claim.id in disputed else claim
        for claim in claims
    )


def build_story(
    story_id: str,
    analyses: Sequence[ArticleAnalysis],
    *,
    events: Sequence[Event] = (),
    threads: Sequence[Thread] = (),
) -> Story:
    """A :class:`Story` holding ``analyses`` (in the order given) and its ``events``."""
    if not analyses:
        raise AkhbarError(f"story {story_id} has no articles; a story needs at least one")
    entities, names = story_entities(analyses)
    attributions = story_attributions(analyses)
    prints = [sentence_prints(analysis) for analysis in analyses]
    copies = find_wire_copies(analyses, prints=prints) if len(analyses) > 1 else ()
    thread_of = {article: t.id for t in threads for article in t.articles}
    voice_groups = voices(analyses, copies, prints=prints)
    claims = story_claims(analyses, voice_groups, thread_of=thread_of, story_id=story_id)
    voice_of = {article: n for n, group in enumerate(voice_groups) for article in group}
    found = story_contradictions(analyses, claims, voice_of, thread_of=thread_of)
    claims = _contested(claims, found)
    return Story(
        id=story_id,
        title=story_title(analyses),
        articles=tuple(a.article.id for a in analyses),
        events=tuple(events),
        threads=tuple(threads),
        entities=entities,
        quotes=story_quotes(analyses),
        attributions=attributions,
        claims=claims,
        contradictions=names + found,
        unique_facts=story_unique_facts(analyses, entities, claims),
        provenance=story_provenance(analyses, attributions, copies),
    )
