"""The events of one story: mentions in many articles merged into one event per happening.

Mentions of one type merge when their dates can be the same happening (their day
intervals overlap) and, when both name participants, they share one. Dated mentions
are placed first, most precise first; a mention without a date then joins the event
of its type that its own article dates, else the best-attested one. So seed 002's
"12 فبراير/ شباط الفائت" dates the phone call that 001, 003 and 004 report without a date.

Each article's *main event* is the one its title and lead report: mentions score by
position (title > lead > body), and a background mention ("بعد سقوط النظام") barely counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from akhbar.analyze.events import event_label
from akhbar.model import ArticleAnalysis, Event, EventMention, Evidence, Span
from akhbar.timex import Period, overlaps, period, period_length

__all__ = ["MentionRef", "StoryEvents", "merge_events"]

# Title and lead sentences say what an article is about; the body mentions much else.
_POSITION_WEIGHTS = ((0, 4.0), (2, 3.0), (5, 2.0))
_BODY_WEIGHT = 1.0
_BACKGROUND_FACTOR = 0.25


@dataclass(frozen=True)
class MentionRef:
    """Where a mention sits: index of its analysis in the story, index in that analysis."""

    analysis: int
    mention: int


@dataclass
class _Cluster:
    type: str
    refs: list[MentionRef] = field(default_factory=list)
    period: Period | None = None
    dating: MentionRef | None = None  # the mention whose date the event shows


@dataclass(frozen=True)
class StoryEvents:
    events: tuple[Event, ...]
    event_of: Mapping[MentionRef, str]  # mention -> event id
    dated_by: Mapping[str, MentionRef]  # event id -> the mention that dates it
    main_event: Mapping[str, str | None]  # article id -> event id


def _mention(analyses: Sequence[ArticleAnalysis], ref: MentionRef) -> EventMention:
    return analyses[ref.analysis].events[ref.mention]


def _participants_agree(mention: EventMention, cluster: _Cluster, analyses) -> bool:
    """False only when a mention naming two or more actors shares none with the event.

    A lone actor in a sentence is often the voice reporting it ("وأشار بيسكوف إلى أن
    الرسالة ..."), not a participant, so it never splits an event.
    """
    if len(mention.participants) < 2:
        return True
    known = {p for ref in cluster.refs for p in _mention(analyses, ref).participants}
    return not known or bool(known & set(mention.participants))


def _place_dated(clusters, analyses, ref, span) -> None:
    mention = _mention(analyses, ref)
    for cluster in clusters:
        if cluster.type != mention.type or cluster.period is None:
            continue
        if overlaps(cluster.period, span) and _participants_agree(mention, cluster, analyses):
            cluster.refs.append(ref)
            return
    clusters.append(_Cluster(mention.type, [ref], span, ref))


def _place_undated(clusters, analyses, ref) -> None:
    mention = _mention(analyses, ref)
    candidates = [
        c for c in clusters if c.type == mention.type and _participants_agree(mention, c, analyses)
    ]
    if not candidates:
        clusters.append(_Cluster(mention.type, [ref]))
        return
    own = [c for c in candidates if any(o.analysis == ref.analysis for o in c.refs)]
    best = max(own or candidates, key=lambda c: (len(c.refs), -clusters.index(c)))
    best.refs.append(ref)


def _clusters(analyses: Sequence[ArticleAnalysis]) -> list[_Cluster]:
    dated: list[tuple[tuple[int, bool, bool, int, int], MentionRef, Period]] = []
    undated: list[MentionRef] = []
    for a_index, analysis in enumerate(analyses):
        for m_index, mention in enumerate(analysis.events):
            ref = MentionRef(a_index, m_index)
            span = period(mention.time.value) if mention.time else None
            if span is None:
                undated.append(ref)
                continue
            # Most precise first; among equals, a reported mention before a background one
            # and a date with its modifier ("منذ عام 2015") before a bare one.
            no_mod = mention.time.mod is None
            rank = (period_length(span), mention.background, no_mod, a_index, m_index)
            dated.append((rank, ref, span))
    clusters: list[_Cluster] = []
    for _, ref, span in sorted(dated, key=lambda item: item[0]):
        _place_dated(clusters, analyses, ref, span)
    for ref in undated:
        _place_undated(clusters, analyses, ref)
    return clusters


def _evidence(analyses: Sequence[ArticleAnalysis], refs: Sequence[MentionRef]) -> tuple:
    seen: dict[tuple[str, int], Evidence] = {}
    for ref in sorted(refs, key=lambda r: (r.analysis, r.mention)):
        analysis = analyses[ref.analysis]
        index = _mention(analyses, ref).span.sentence
        sentence = analysis.sentences[index]
        key = (analysis.article.id, index)
        if key not in seen:
            span = Span(analysis.article.id, sentence.start, sentence.end, index)
            seen[key] = Evidence(span, sentence.text)
    return tuple(seen.values())


def _event(story_id: str, number: int, cluster: _Cluster, analyses) -> Event:
    time = _mention(analyses, cluster.dating).time if cluster.dating else None
    articles = dict.fromkeys(
        analyses[r.analysis].article.id for r in sorted(cluster.refs, key=lambda r: r.analysis)
    )
    return Event(
        id=f"{story_id}-e{number:02d}",
        date=time.value if time else None,
        precision=time.precision if time else None,
        label=event_label(cluster.type),
        articles=tuple(articles),
        evidence=_evidence(analyses, cluster.refs),
        type=cluster.type,
        mod=time.mod if time else None,
    )


def _weight(mention: EventMention) -> float:
    index = mention.span.sentence or 0
    weight = next((w for limit, w in _POSITION_WEIGHTS if index <= limit), _BODY_WEIGHT)
    return weight * (_BACKGROUND_FACTOR if mention.background else 1.0)


def _main_events(analyses, event_of: Mapping[MentionRef, str]) -> dict[str, str | None]:
    main: dict[str, str | None] = {}
    for a_index, analysis in enumerate(analyses):
        scores: dict[str, tuple[float, int]] = {}
        for m_index, mention in enumerate(analysis.events):
            event_id = event_of[MentionRef(a_index, m_index)]
            score, first = scores.get(event_id, (0.0, m_index))
            scores[event_id] = (score + _weight(mention), min(first, m_index))
        ranked = sorted(scores.items(), key=lambda item: (-item[1][0], item[1][1]))
        main[analysis.article.id] = ranked[0][0] if ranked else None
    return main


def merge_events(story_id: str, analyses: Sequence[ArticleAnalysis]) -> StoryEvents:
    """Merge the event mentions of ``analyses`` (one story) into events, in date order."""
    clusters = _clusters(analyses)
    # Date order (undated last), then type, then first mention: ids are stable for one input.
    clusters.sort(
        key=lambda c: (
            c.period is None,
            c.period or (),
            c.type,
            min((r.analysis, r.mention) for r in c.refs),
        )
    )
    events, event_of, dated_by = [], {}, {}
    for number, cluster in enumerate(clusters, start=1):
        event = _event(story_id, number, cluster, analyses)
        events.append(event)
        event_of.update(dict.fromkeys(cluster.refs, event.id))
        if cluster.dating is not None:
            dated_by[event.id] = cluster.dating
    return StoryEvents(tuple(events), event_of, dated_by, _main_events(analyses, event_of))
