"""Per-article analysis: pure, picklable, looks at one article only."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from akhbar.analyze.entities.mentions import find_entities
from akhbar.analyze.events import find_event_mentions, with_participants
from akhbar.analyze.quantities import find_quantities
from akhbar.analyze.statements import find_statements
from akhbar.analyze.times.anchored import reanchor
from akhbar.analyze.times.find import find_times
from akhbar.analyze.times.published import reconcile_published
from akhbar.analyze.times.quoted import anchor_quoted_times
from akhbar.analyze.voices.attribution import find_sources
from akhbar.analyze.voices.quotes import find_quotes
from akhbar.arabic.doc import Doc, make_doc
from akhbar.arabic.sentences import quotations
from akhbar.model import (
    Article,
    ArticleAnalysis,
    EntityMention,
    EventMention,
    Sentence,
    TimeExpression,
)

__all__ = ["analyze_article", "redate_analysis"]


def analyze_article(article: Article) -> ArticleAnalysis:
    """Sentences, times, entities, events, quotes, cited sources, counted things and
    statements (clauses) of ``article``.

    The article's :class:`~akhbar.arabic.doc.Doc` (sentences, tokens, key text) is built
    once and every finder reads it. Relative dates are resolved against the publication date
    (inside a quotation, against the day of the quoted speech when the sentence gives it);
    when the text names today's weekday and the input's date disagrees, the text wins (see
    :func:`akhbar.analyze.times.published.reconcile_published`) and dates are resolved again. The
    same function runs in a loop, a process pool or on Dask.
    """
    doc = make_doc(article.text, article=article.id)
    quotes = find_quotes(doc)
    entities = find_entities(doc)
    article, times, events = _dated(doc, article, entities)
    return ArticleAnalysis(
        article=article,
        sentences=doc.sentences,
        times=times,
        events=events,
        entities=entities,
        quotes=quotes,
        sources=find_sources(doc, quotes=quotes),
        quantities=find_quantities(doc),
        statements=find_statements(doc, quotes),
    )


def redate_analysis(analysis: ArticleAnalysis, article: Article) -> ArticleAnalysis:
    """``analysis`` for ``article``, the same text with another publication date (one the
    story inferred). Every relative time is resolved again by its rule, by arithmetic on what
    the analysis found (:func:`akhbar.analyze.times.anchored.reanchor`); the events they date
    take the new values. Nothing is read again: entities, quotes and sources do not depend
    on the date."""
    if article.published is None:
        return dataclasses.replace(analysis, article=article)
    quoted = tuple(quotations(article.text, s.start, s.end) for s in analysis.sentences)
    article, times = _anchored(article, analysis.times, analysis.sentences, quoted)
    by_span = {time.span: time for time in times}
    events = tuple(
        dataclasses.replace(event, time=by_span.get(event.time.span, event.time))
        if event.time is not None
        else event
        for event in analysis.events
    )
    return dataclasses.replace(analysis, article=article, times=times, events=events)


def _dated(
    doc: Doc, article: Article, entities: tuple[EntityMention, ...]
) -> tuple[Article, tuple[TimeExpression, ...], tuple[EventMention, ...]]:
    """The article (its date reconciled with the text), its times and its dated events."""
    times = find_times(doc, anchor=article.published)
    article, times = _anchored(article, times, doc.sentences, doc.quoted)
    events = find_event_mentions(doc, times)
    return article, times, with_participants(events, doc.sentences, entities)


def _anchored(
    article: Article,
    times: Sequence[TimeExpression],
    sentences: Sequence[Sentence],
    quoted: Sequence[Sequence[tuple[int, int]]],
) -> tuple[Article, tuple[TimeExpression, ...]]:
    """``times`` at the article's date (moved to the weekday its text names for today, when
    they differ), and inside quotations at the day of the speech."""
    times = reanchor(times, article.published) if article.published else tuple(times)
    reconciled = reconcile_published(article, times, sentences)
    if reconciled is not article:
        article = reconciled
        times = reanchor(times, article.published)
    return article, anchor_quoted_times(times, sentences, quoted)
