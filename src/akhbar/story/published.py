"""Publication dates inferred from the other articles of a story.

An undated article still dates itself relative to its publication: "اليوم الأربعاء"
(today, Wednesday) for the phone call, "الشهر الماضي" (last month) for a visit. When other
articles of the story give those events absolute dates (seed 002: the call on 12 February
2025, the visit on 29 January 2025), only some publication days make every such
expression agree. When exactly one day does, it becomes the article's date, with
``published_source == "inferred"`` and the sentences it rests on as evidence; when none or
several do, the date stays unknown: akhbar never guesses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from akhbar.analyze.times.anchored import resolve
from akhbar.model import Article, ArticleAnalysis, Evidence, TimeExpression
from akhbar.story.events import MentionRef, StoryEvents
from akhbar.timex import Period, overlaps, period

__all__ = ["infer_published"]

# How far before or after a dated event an undated article may have been written: a
# relative expression ("العام الماضي") reaches about a year.
SEARCH_DAYS = 400


@dataclass(frozen=True)
class _Constraint:
    time: TimeExpression
    event_period: Period
    event_label: str
    dated_by: Evidence


def _resolves_within(constraint: _Constraint, anchor: dt.date) -> bool:
    """The expression, resolved by its rule at ``anchor``, falls on the dated event."""
    assert constraint.time.rule is not None
    found = resolve(constraint.time.rule, anchor)
    span = period(found.value)
    return not found.conflict and span is not None and overlaps(span, constraint.event_period)


def _constraints(
    index: int, analyses: Sequence[ArticleAnalysis], events: StoryEvents
) -> list[_Constraint]:
    analysis = analyses[index]
    labels = {event.id: event.label for event in events.events}
    out = []
    for m_index, mention in enumerate(analysis.events):
        if mention.time is None or mention.time.rule is None:
            continue
        event_id = events.event_of[MentionRef(index, m_index)]
        dating = events.dated_by.get(event_id)
        if dating is None or dating.analysis == index:
            continue
        other = analyses[dating.analysis]
        dated_time = other.events[dating.mention].time
        span = period(dated_time.value) if dated_time else None
        if span is None:
            continue
        out.append(
            _Constraint(
                mention.time,
                span,
                labels[event_id],
                Evidence(dated_time.span, dated_time.surface),
            )
        )
    return out


def _only_day(constraints: Sequence[_Constraint]) -> dt.date | None:
    first = min(c.event_period[0] for c in constraints) - dt.timedelta(days=SEARCH_DAYS)
    last = max(c.event_period[1] for c in constraints) + dt.timedelta(days=SEARCH_DAYS)
    fitting = []
    day = first
    while day <= last:
        if all(_resolves_within(c, day) for c in constraints):
            fitting.append(day)
            if len(fitting) > 1:
                return None
        day += dt.timedelta(days=1)
    return fitting[0] if fitting else None


def _inferred(article: Article, day: dt.date, constraints: Sequence[_Constraint]) -> Article:
    evidence, notes = [], []
    for c in constraints:
        evidence += [Evidence(c.time.span, c.time.surface), c.dated_by]
        notes.append(
            f"{c.time.surface!r} refers to the {c.event_label} that {c.dated_by.span.article} "
            f"dates {c.dated_by.text!r}"
        )
    return dataclasses.replace(
        article,
        published=day,
        published_source="inferred",
        published_evidence=tuple(evidence),
        published_notes=(*article.published_notes, *notes),
    )


def infer_published(analyses: Sequence[ArticleAnalysis], events: StoryEvents) -> dict[int, Article]:
    """Articles (by index in ``analyses``) whose publication date the story settles."""
    inferred: dict[int, Article] = {}
    for index, analysis in enumerate(analyses):
        if analysis.article.published is not None:
            continue
        constraints = _constraints(index, analyses, events)
        if not constraints:
            continue
        day = _only_day(constraints)
        if day is not None:
            inferred[index] = _inferred(analysis.article, day, constraints)
    return inferred
