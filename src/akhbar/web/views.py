"""What the pages and the JSON API show, read from the store (no HTML here).

The front page lists the stored stories (the store's light listing, ranked by
:func:`akhbar.story.ranking.rank_by_coverage`, kept while the stories are unchanged) and
reads the stored digests of those it shows only; a story page and the API read one story's
stored analysis; an article page reads the article, its analysis and where it was assigned.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
from collections.abc import MutableMapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from akhbar.model import ArticleAnalysis, Report, Span
from akhbar.render.document import report_to_dict
from akhbar.store import ArticleStore
from akhbar.store.base import StoredStory, StoryDigest
from akhbar.story.ranking import Coverage, rank_by_coverage
from akhbar.web.outlets import UNKNOWN, one_side, profile_of

__all__ = [
    "FrontItem",
    "FrontListing",
    "article_view",
    "front_items",
    "front_listing",
    "mark_spans",
    "rank_stories",
    "story_document",
]

# Stories on the front page.
FRONT_LIMIT = 30
# Story cards a server keeps; past this the cache starts again (it refills as pages load).
CACHE_LIMIT = 4096


@dataclass(frozen=True)
class FrontItem:
    """One story on the front page."""

    id: str
    title: str
    lead: str  # the first sentence of its summary ("" before an update)
    outlets: tuple[tuple[str, int], ...]  # outlet, articles, largest first
    first: dt.date | None
    last: dt.date | None
    articles: int
    contradictions: int
    single_source: int
    sides: tuple[tuple[str, tuple[tuple[str, int, str], ...]], ...] = ()  # country, outlets
    one_side: str | None = None  # the one country all its outlets belong to


@dataclass(frozen=True)
class FrontListing:
    """The store's stories, ranked, with their fingerprints and the outlets they name:
    what every front page filters. Kept while the store's stories are unchanged."""

    stories: tuple[StoredStory, ...]
    fingerprints: dict[str, str]
    outlets: tuple[str, ...]


def front_listing(
    store: ArticleStore,
    cache: MutableMapping[Any, FrontListing] | None = None,
    lock: AbstractContextManager[Any] | None = None,
) -> FrontListing:
    """The ranked listing of the store's stories. ``cache`` keeps it under the stories'
    generation (:meth:`~akhbar.store.ArticleStore.stories_generation`), so listing ten
    thousand stories is done once per change; ``lock`` makes concurrent first requests
    wait for one listing rather than each make one."""
    key = store.stories_generation()
    with lock or contextlib.nullcontext():
        found = None if cache is None else cache.get(key)
        if found is None:
            stories = rank_stories(store.stories(threads=False))
            found = FrontListing(
                tuple(stories),
                store.story_fingerprints(),
                tuple(sorted({name for story in stories for name in story.outlets})),
            )
            if cache is not None:
                cache.clear()
                cache[key] = found
    return found


def front_items(
    store: ArticleStore,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
    disputed: bool = False,
    limit: int = FRONT_LIMIT,
    cache: MutableMapping[tuple[str, str], FrontItem] | None = None,
    listing: FrontListing | None = None,
) -> list[FrontItem]:
    """The front page's stories, best first, filtered by date range, outlet, disputes.

    ``cache`` keeps each story's card under its fingerprint; a card is made from the
    story's stored digest (:class:`~akhbar.store.base.StoryDigest`), never from its
    members' analyses. ``listing``: :func:`front_listing`, when the caller keeps it."""
    listing = front_listing(store) if listing is None else listing
    cache = {} if cache is None else cache
    out = []
    for story in listing.stories:
        if not _within(story, since, until, outlet):
            continue
        key = (story.id, listing.fingerprints.get(story.id, ""))
        item = cache.get(key)
        if item is None or item.articles != len(story.articles):
            digest = store.story_digests([story.id]).get(story.id) if key[1] else None
            item = _front_item(story, digest)
            if len(cache) >= CACHE_LIMIT:
                cache.clear()
            cache[key] = item
        if disputed and not item.contradictions:
            continue
        out.append(item)
        if len(out) >= limit:
            break
    return out


def rank_stories(stories: list[StoredStory]) -> list[StoredStory]:
    """The stored stories, best first (:func:`akhbar.story.ranking.rank_by_coverage`)."""
    by_id = {story.id: story for story in stories}
    coverage = [Coverage(s.id, len(s.outlets), len(s.articles), s.last_published) for s in stories]
    return [by_id[value] for value in rank_by_coverage(coverage)]


def _within(story: StoredStory, since, until, outlet) -> bool:
    if outlet and outlet not in story.outlets:
        return False
    if since and (story.last_published is None or story.last_published < since):
        return False
    return not (until and (story.first_published is None or story.first_published > until))


def _front_item(listing: StoredStory, digest: StoryDigest | None) -> FrontItem:
    """A story's card: from its digest once analysed, else from the listing alone."""
    outlets = digest.outlets if digest else tuple((name, 0) for name in listing.outlets)
    return FrontItem(
        id=listing.id,
        title=(digest.title if digest else listing.title) or listing.id,
        lead=digest.lead if digest else "",
        outlets=outlets,
        first=listing.first_published,
        last=listing.last_published,
        articles=len(listing.articles),
        contradictions=digest.contradictions if digest else 0,
        single_source=digest.single_source if digest else 0,
        sides=_sides(outlets),
        one_side=one_side(name for name, _ in outlets),
    )


def _sides(
    outlets: tuple[tuple[str, int], ...],
) -> tuple[tuple[str, tuple[tuple[str, int, str], ...]], ...]:
    """Outlets grouped by the country of their owner (unknown last), each with its owner."""
    groups: dict[str, list[tuple[str, int, str]]] = {}
    for name, count in outlets:
        profile = profile_of(name)
        country = profile.country if profile else UNKNOWN
        owner = profile.owner if profile else UNKNOWN
        groups.setdefault(country, []).append((name, count, owner))
    ordered = sorted(groups.items(), key=lambda item: (item[0] == UNKNOWN, -len(item[1])))
    return tuple((country, tuple(members)) for country, members in ordered)


def story_document(store: ArticleStore, story_id: str) -> dict[str, Any] | None:
    """The report dict (``akhbar.report/1``) of one stored story, or None."""
    result = next(iter(store.story_results([story_id])), None)
    if result is None:
        return None
    report = Report(
        analyses=tuple(result.members),
        stories=(result.story,),
        assignments=result.assignments(),
    )
    return report_to_dict(report)


@dataclass(frozen=True)
class ArticleView:
    article: Any
    marked: str  # the text as HTML, extracted spans marked, everything escaped
    story: str | None
    analysis: ArticleAnalysis | None
    cited: bool = False  # whether a cited sentence is marked


def article_view(
    store: ArticleStore, article_id: str, cited: tuple[int, int] | None = None
) -> ArticleView:
    """An article with its extracted spans marked (entities, dates, quotes, the words that
    cite a source) and, given ``cited`` (start, end), that sentence marked as the cited one."""
    article = store.get(article_id)
    analysis = store.get_analyses([article_id]).get(article_id)
    story = next((a.story for a in store.assignments() if a.id == article_id), None)
    spans: list[tuple[Span, str]] = []
    if analysis is not None:
        spans += [(m.span, "entity") for m in analysis.entities]
        spans += [(t.span, "time") for t in analysis.times]
        spans += [(q.span, "quote") for q in analysis.quotes]
        spans += [(s.span, "source") for s in analysis.sources]
        spans += [(link.span, "source") for s in analysis.sources for link in s.links]
    marked = mark_spans(article.text, spans, cited)
    return ArticleView(article, marked, story, analysis, 'id="cited"' in marked)


def mark_spans(
    text: str, spans: Sequence[tuple[Span, str]], cited: tuple[int, int] | None = None
) -> str:
    """``text`` escaped, with non-overlapping spans (longest first where they overlap)
    wrapped in ``<mark class="KIND">``; paragraphs kept as line breaks. ``cited`` (start,
    end) wraps that stretch in ``<mark class="cited" id="cited">``; a span crossing its
    edge is left unmarked."""
    if cited is not None and not 0 <= cited[0] < cited[1] <= len(text):
        cited = None
    edges = (cited[0], cited[1]) if cited else ()
    chosen: list[tuple[int, int, str]] = []
    for span, kind in sorted(spans, key=lambda item: (item[0].start, -item[0].end)):
        if chosen and span.start < chosen[-1][1]:
            continue
        if any(span.start < edge < span.end for edge in edges):
            continue
        if 0 <= span.start < span.end <= len(text):
            chosen.append((span.start, span.end, kind))
    opening = dict.fromkeys(edges[:1], '<mark class="cited" id="cited">')
    closing = dict.fromkeys(edges[1:], "</mark>")
    parts, at = [], 0
    for start, end, kind in chosen:
        parts.append(_plain(text, at, start, opening, closing))
        parts.append(f'<mark class="{kind}">{html.escape(text[start:end])}</mark>')
        at = end
    parts.append(_plain(text, at, len(text), opening, closing))
    return "".join(parts).replace("\n", "<br>\n")


def _plain(text: str, start: int, end: int, opening: dict, closing: dict) -> str:
    """``text[start:end]`` escaped, with the cited mark opened or closed where it falls."""
    out, at = [], start
    for edge in sorted(e for e in (*opening, *closing) if start <= e <= end):
        out.append(html.escape(text[at:edge]))
        out.append(closing.get(edge, "") + opening.get(edge, ""))
        at = edge
    out.append(html.escape(text[at:end]))
    return "".join(out)
