"""One story from its articles' analyses.

Entities, quotes, sources, claims, contradictions, unique facts and provenance are filled
here; the summary in later work (until then it is empty, so the report's shape is already
the final one).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from akhbar.arabic.normalize import to_key
from akhbar.corpus.wire import find_wire_copies, sentence_prints, voices
from akhbar.errors import AkhbarError
from akhbar.model import ArticleAnalysis, Claim, Contradiction, Event, Story, Thread
from akhbar.story.claims import story_claims
from akhbar.story.contradictions import story_contradictions
from akhbar.story.entities import story_entities
from akhbar.story.provenance import story_provenance
from akhbar.story.summary import summarize
from akhbar.story.threads import central_title
from akhbar.story.unique import story_unique_facts
from akhbar.story.voices import story_attributions, story_quotes

__all__ = ["build_story", "story_title"]

# Where a title's headline ends: "..", a colon, a dash or bar between spaces.
_TITLE_BREAK = re.compile(r"\.\.+|:| [-–—|] ")
_HEADLINE_WORDS = 3


def story_title(analyses: Sequence[ArticleAnalysis], threads: Sequence[Thread] = ()) -> str:
    """The story's headline: the most central title of its main thread (its largest; the
    titles its articles' titles resemble most, :func:`~akhbar.story.threads.central_title`),
    cut to its first part ("بوتين يهاتف الشرع..ماذا تريد روسيا" -> "بوتين يهاتف الشرع").
    A title naming its own outlet (self-promotion) is never the headline.

    Without threads, the titles of all articles; with no title at all, the first sentence
    of the first article.
    """
    main = max(threads, key=lambda t: (len(t.articles), -threads.index(t)), default=None)
    members = set(main.articles) if main is not None else None
    titles = [
        a.article.title
        for a in analyses
        if a.article.title
        and (members is None or a.article.id in members)
        and not _promotes_itself(a.article.title, a.article.outlet)
    ]
    central = central_title(titles)
    if central:
        return _first_part(central)
    for analysis in analyses:
        if analysis.article.title:
            return _first_part(analysis.article.title)
    for analysis in analyses:
        if analysis.sentences:
            return analysis.sentences[0].text
    return analyses[0].article.id


def _promotes_itself(title: str, outlet: str | None) -> bool:
    return bool(outlet) and to_key(outlet) in to_key(title)


def _first_part(title: str) -> str:
    """A title's first part, when it is a headline of its own (three words or more):
    before "..", ":", " - ", " | " (an outlet's name, a second clause, a question); after
    it when the first part is a tag ("شاهد..", "مباشر:")."""
    parts = [part.strip() for part in _TITLE_BREAK.split(title.strip(), maxsplit=1)]
    if len(parts[0].split()) >= _HEADLINE_WORDS:
        return parts[0]
    # "شاهد.. لحظة انهيار جسر جنوى", "مباشر: ...": a tag before the headline.
    if len(parts) > 1 and len(parts[1].split()) >= _HEADLINE_WORDS:
        return parts[1]
    return title.strip()


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
    summary = summarize(analyses, claims, threads, voice_of)
    return Story(
        id=story_id,
        title=story_title(analyses, threads),
        articles=tuple(a.article.id for a in analyses),
        events=tuple(events),
        threads=tuple(threads),
        entities=entities,
        quotes=story_quotes(analyses),
        attributions=attributions,
        claims=claims,
        contradictions=names + found,
        unique_facts=story_unique_facts(analyses, entities, claims),
        summary=summary,
        provenance=story_provenance(analyses, attributions, copies),
    )
