"""Where a story's outlets disagree: counts, dates, tolls and responses, slot by slot.

Numbers and dates are compared only inside a claim (:mod:`akhbar.story.claims`): two clauses
that state the same thing, of one thread of the story, so two fires on two days never
compare their figures. Inside a claim, two counts fill one slot only when they count the
same thing (the kind and the counted word), about the same actor (the last name before the
number in its clause: "حصل إنجه على 30 بالمئة" and "حصل أردوغان على 52 بالمئة" are two
slots), after the same predicate word ("فرز 98 بالمئة" is not "حصل على 52 بالمئة"), in the
same places and times. Each side must state the slot once. Values agree when what they
cover meets: a hedged or rounded value ("نحو 20" and 19), and a whole number written beside
a decimal one within one ("11" and "11,1"). A count of people in general ("20 شخصا") is
never compared: read on ANT, such pairs counted different things (evacuated against
displaced). A clause dated away from its article's days (another quake "الأسبوع الماضي", a
tsunami "في 2004") is background and never compared. A date is compared only when both
sides write it out as one day (a relative "أمس" follows each article's own date).

Tolls (dead, injured) are compared across a thread, not a claim: each article's own toll
(the highest of its toll clauses, lexicon ``toll_words``: "ارتفعت الحصيلة إلى 131", else its
first toll; an earlier or another event's toll and an upward-hedged figure left out) makes
one ``update`` in publication order when each new figure tops the ones before (a later
article repeating an earlier figure only lags), up to
``ContradictionConfig.max_update_ratio`` (a figure many times larger is another count: a
campaign's total beside one strike's toll). Figures that fall are not reported: nothing
tells for sure which is right.

Accounts: a response told differently (one outlet: Moscow refused the request; another: the
Kremlin declined to comment on it) are found across the story's threads, as the response
may be reported on another day: clauses of different voices whose response polarities
differ (:mod:`akhbar.analyze.statements`), one clause sharing ``account_similarity`` of its
weight with the other's sentence, and whose sentences name one person in common.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from akhbar.arabic.lexicon import load_entries
from akhbar.arabic.normalize import to_key
from akhbar.arabic.stems import stem_keys
from akhbar.arabic.tokens import base_words
from akhbar.model import (
    ArticleAnalysis,
    Claim,
    Contradiction,
    ContradictionValue,
    EntityMention,
    Evidence,
    Quantity,
    Span,
    Statement,
    TimeExpression,
)
from akhbar.story.claims import statement_similarity

__all__ = ["ContradictionConfig", "story_contradictions"]

# Tolls: rise as the count goes on, so a later higher figure is news, not a conflict.
_TOLLS = frozenset({"dead", "injured"})
# "حصيلة سابقة", "زلزال آخر": an earlier or another event's toll recalled, not the latest.
# Whole words: "آخرين" (others: "وأصيب 160 آخرين") is no other event.
_EARLIER = frozenset({"سابق", "سابقه", "اخر", "اخرا", "اخري"})
# Hedges whose figure cannot be ordered against an exact one ("أكثر من 100", "عشرات").
_UNORDERED = frozenset({"more", "about", "vague", "most", "less"})
# Counts of unnamed things, never compared (see the module's docstring).
_UNCOMPARED = frozenset({"people"})
# Names that can be the actor of a count.
_ACTOR_TYPES = frozenset({"PER", "ORG", "LOC", "GPE", "MEDIA"})
_PLACES = frozenset({"LOC", "GPE"})
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
# How far before a number its predicate word may stand ("حصل حزب العدالة على 42 بالمئة").
_PREDICATE_WORDS = 3
# Polarities that tell how someone answered.
_RESPONSES = frozenset({"refuse", "decline", "deny", "accept"})


@dataclass(frozen=True)
class ContradictionConfig:
    """``account_similarity``: the share of the shorter sentence's stem weight two sentences
    must share to tell one response (0.4, read on the seeds' Assad accounts);
    ``background_days``: a clause dated more than this many days before its article is
    background; ``max_update_ratio``: the most a toll may grow and still be an update."""

    account_similarity: float = 0.4
    background_days: int = 3
    max_update_ratio: float = 5.0


@dataclass(frozen=True)
class _Side:
    article: str
    evidence: Evidence
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpression, ...]
    background: bool
    actors: tuple[EntityMention, ...]  # names in the clause, in text order


def story_contradictions(
    analyses: Sequence[ArticleAnalysis],
    claims: Sequence[Claim],
    voice_of: Mapping[str, int],
    *,
    thread_of: Mapping[str, str] | None = None,
    config: ContradictionConfig = ContradictionConfig(),
) -> tuple[Contradiction, ...]:
    """Number and date contradictions inside ``claims``, toll updates per thread
    (``thread_of``: article -> thread) and differing accounts across the story;
    ``voice_of``: article -> voice (wire copies share one)."""
    by_id = {a.article.id: a for a in analyses}
    out: list[Contradiction] = []
    for claim in claims:
        sides = [_side(by_id[e.span.article], e, config) for e in claim.evidence]
        sides = [side for side in sides if not side.background]
        out += _numbers(claim, sides, by_id, voice_of, config)
        out += _dates(claim, sides, voice_of)
    out += _toll_updates(analyses, thread_of or {}, config)
    out += _accounts(analyses, voice_of, config)
    return tuple(out)


def _toll_updates(
    analyses: Sequence[ArticleAnalysis], thread_of: Mapping[str, str], config: ContradictionConfig
) -> list[Contradiction]:
    """Per thread and toll (dead, injured), the running toll each article states, as one
    ``update`` when each new figure, in publication order, tops the ones before."""
    tolls: dict[tuple[str, str], list[tuple[str, str, Quantity, Evidence]]] = {}
    for analysis in analyses:
        article = analysis.article
        published = article.published
        if published is None:
            continue
        for kind, (quantity, evidence) in _article_tolls(analysis, config).items():
            key = (thread_of.get(article.id, ""), kind)
            tolls.setdefault(key, []).append((_instant(published), article.id, quantity, evidence))
    out = []
    for (_, kind), told in sorted(tolls.items()):
        told.sort(key=lambda item: (item[0], item[1]))
        # Each new figure must top every earlier one; a later article repeating an earlier
        # figure only lags behind. A new figure lower than an earlier one: no sure update.
        values = list(dict.fromkeys(quantity.value for _, _, quantity, _ in told))
        if len(values) < 2 or values != sorted(values):
            continue
        if values[0] <= 0 or values[-1] / values[0] > config.max_update_ratio:
            continue
        out.append(Contradiction(about=kind, kind="update", values=tuple(_toll_values(told))))
    return out


def _instant(published: dt.date) -> str:
    """A publication time as a sortable UTC ISO string (a day alone: its midnight)."""
    if not isinstance(published, dt.datetime):
        return published.isoformat() + "T00:00:00"
    if published.tzinfo is not None:
        published = published.astimezone(dt.UTC).replace(tzinfo=None)
    return published.isoformat(timespec="seconds")


def _article_tolls(
    analysis: ArticleAnalysis, config: ContradictionConfig
) -> dict[str, tuple[Quantity, Evidence]]:
    """The toll of each kind the article gives as its own: the highest figure of a toll
    clause ("ارتفعت الحصيلة إلى 131"), else its first toll (the lead states it: "قتل 14
    شخصا"). Background clauses, earlier or other tolls it recalls ("حصيلة سابقة", "زلزال
    آخر") and figures hedged upwards ("أكثر من 100": no exact figure to order) are left out."""
    published = analysis.article.published
    day = published.date() if isinstance(published, dt.datetime) else published
    told: dict[str, tuple[Quantity, Evidence]] = {}
    first: dict[str, tuple[Quantity, Evidence]] = {}
    for statement in analysis.statements:
        span = statement.span
        counts = [
            q
            for q in analysis.quantities
            if q.kind in _TOLLS and _inside(q.span, span) and q.hedge not in _UNORDERED
        ]
        if not counts:
            continue
        times = [t for t in analysis.times if _inside(t.span, span)]
        if day is not None and any(_before(t, day, config.background_days) for t in times):
            continue
        bases = base_words(statement.text)
        if _EARLIER.intersection(bases):
            continue
        evidence = Evidence(span, statement.text)
        toll_clause = _is_toll_clause(bases)
        for quantity in counts:
            first.setdefault(quantity.kind, (quantity, evidence))
            best = told.get(quantity.kind)
            if toll_clause and (best is None or quantity.value > best[0].value):
                told[quantity.kind] = (quantity, evidence)
    return {**first, **told}


def _is_toll_clause(bases: Sequence[str]) -> bool:
    return any(
        tuple(bases[i : i + len(entry)]) == entry
        for entry in _toll_words()
        for i in range(len(bases) - len(entry) + 1)
    )


@cache
def _toll_words() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(entry.split()) for entry in load_entries("toll_words"))


def _toll_values(told: Sequence[tuple[str, str, Quantity, Evidence]]) -> list[ContradictionValue]:
    """One value per figure, in the order the figures were first published."""
    values: dict[float, list[tuple[str, str, Quantity, Evidence]]] = {}
    for item in told:
        values.setdefault(item[2].value, []).append(item)
    return [
        ContradictionValue(
            value=items[0][2].text,
            articles=tuple(article for _, article, _, _ in items),
            evidence=tuple(evidence for _, _, _, evidence in items),
            published=items[0][0][:10],
        )
        for items in values.values()
    ]


def _side(analysis: ArticleAnalysis, evidence: Evidence, config: ContradictionConfig) -> _Side:
    span = evidence.span
    times = tuple(t for t in analysis.times if _inside(t.span, span))
    published = analysis.article.published
    day = published.date() if isinstance(published, dt.datetime) else published
    return _Side(
        span.article,
        evidence,
        tuple(q for q in analysis.quantities if _inside(q.span, span)),
        times,
        day is not None and any(_before(t, day, config.background_days) for t in times),
        tuple(m for m in analysis.entities if _inside(m.span, span) and m.type in _ACTOR_TYPES),
    )


def _before(time: TimeExpression, day: dt.date, days: int) -> bool:
    """Whether ``time`` ends more than ``days`` days before ``day``."""
    end = _last_day(time.value or "")
    return end is not None and (day - end).days > days


def _last_day(value: str) -> dt.date | None:
    """The last day of a TIMEX3 value: a day, a month, a year or an ISO week."""
    try:
        if match := _DAY.match(value):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _MONTH.match(value):
            month = int(match[2])
            return dt.date(int(match[1]) + month // 12, month % 12 + 1, 1) - dt.timedelta(1)
        if match := _WEEK.match(value):
            return dt.date.fromisocalendar(int(match[1]), int(match[2]), 7)
        if match := _YEAR.match(value):
            return dt.date(int(match[1]), 12, 31)
    except ValueError:
        return None
    return None


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _independent(one: _Side, two: _Side, voice_of: Mapping[str, int]) -> bool:
    """Different articles of different voices: a copy never contradicts its source."""
    if one.article == two.article:
        return False
    return voice_of.get(one.article, one.article) != voice_of.get(two.article, two.article)


def _slot(quantity: Quantity, side: _Side) -> tuple[str, str, str, str] | None:
    """What the count fills: (what is counted, whose, after which word, where and when);
    None when it counts people in general. A toll is the toll whoever and wherever it is
    told of (its actor is compared apart: see :func:`_same_actor`)."""
    if quantity.kind in _UNCOMPARED:
        return None
    if quantity.kind in _TOLLS:
        return None  # compared across the thread: see _toll_updates
    counted = f"{quantity.kind}:{quantity.counted}"
    return (counted, _actor(quantity, side), _predicate(quantity, side), _scope(side))


def _scope(side: _Side) -> str:
    """The places and times a clause names: a share in Istanbul is not the national one,
    nor a fall at midday the day's."""
    places = sorted({_skeleton_key(m.name) for m in side.actors if m.type in _PLACES})
    times = sorted({t.value or t.surface for t in side.times})
    return "|".join(places) + "@" + "|".join(times)


def _actor(quantity: Quantity, side: _Side) -> str:
    """The key of the last word of the last name before the number in its clause."""
    before = [m for m in side.actors if m.span.end <= quantity.span.start]
    if not before:
        return ""
    return _skeleton_key(before[-1].name)


def _skeleton_key(name: str) -> str:
    """A name's last word with its long vowels dropped, so "إنجه" and "إينجة" meet."""
    word = to_key(name).split()[-1] if name.strip() else ""
    return word[:1] + "".join(c for c in word[1:] if c not in "اويءه")


def _predicate(quantity: Quantity, side: _Side) -> str:
    """The stem of the content word nearest before the number (hedges and particles
    skipped)."""
    evidence = side.evidence
    head = evidence.text[: max(0, quantity.span.start - evidence.span.start)]
    stems = stem_keys(" ".join(head.split()[-_PREDICATE_WORDS - 2 :]))
    return stems[-1] if stems else ""


def _single_counts(side: _Side) -> dict[tuple[str, str, str, str], Quantity]:
    """The side's counts by the slot they fill, those it states once."""
    found: dict[tuple[str, str, str, str], list[Quantity]] = {}
    for quantity in side.quantities:
        slot = _slot(quantity, side)
        if slot is not None:
            found.setdefault(slot, []).append(quantity)
    return {slot: items[0] for slot, items in found.items() if len(items) == 1}


def _covers(one: Quantity, two: Quantity) -> bool:
    """Whether the values the two phrases cover meet ("نحو 20" and 19 do; so do "11" and
    "11,1": a whole number beside a decimal one is its rounding)."""
    if _rounded(one, two) or _rounded(two, one):
        return True
    low = max(one.low if one.low is not None else float("-inf"), _low(two))
    high = min(one.high if one.high is not None else float("inf"), _high(two))
    return low <= high


def _rounded(whole: Quantity, decimal: Quantity) -> bool:
    return (
        whole.value.is_integer()
        and not decimal.value.is_integer()
        and abs(whole.value - decimal.value) < 1
    )


def _low(quantity: Quantity) -> float:
    return quantity.low if quantity.low is not None else float("-inf")


def _high(quantity: Quantity) -> float:
    return quantity.high if quantity.high is not None else float("inf")


def _numbers(
    claim: Claim,
    sides: Sequence[_Side],
    by_id: Mapping[str, ArticleAnalysis],
    voice_of: Mapping[str, int],
    config: ContradictionConfig,
) -> list[Contradiction]:
    found: dict[tuple[str, str, str, str], dict[float, list[tuple[_Side, Quantity]]]] = {}
    for one, two in itertools.combinations(sides, 2):
        if not _independent(one, two, voice_of):
            continue
        counts_two = _single_counts(two)
        for key, first in _single_counts(one).items():
            second = counts_two.get(key)
            if second is None or _covers(first, second):
                continue
            values = found.setdefault(key, {})
            for side, quantity in ((one, first), (two, second)):
                entries = values.setdefault(quantity.value, [])
                if all(s.article != side.article for s, _ in entries):
                    entries.append((side, quantity))
    out = []
    for values in found.values():
        ordered = [_value(entries, by_id) for _, entries in sorted(values.items())]
        out.append(
            Contradiction(
                about=_about(values),
                kind="number",
                values=tuple(ordered),
                claim=claim.id,
            )
        )
    return out


def _value(
    entries: Sequence[tuple[_Side, Quantity]], by_id: Mapping[str, ArticleAnalysis]
) -> ContradictionValue:
    published = sorted(
        str(by_id[side.article].article.published)
        for side, _ in entries
        if by_id[side.article].article.published is not None
    )
    return ContradictionValue(
        value=entries[0][1].text,
        articles=tuple(side.article for side, _ in entries),
        evidence=tuple(side.evidence for side, _ in entries),
        published=published[0][:10] if published else None,
    )


def _about(values: Mapping[float, Sequence[tuple[_Side, Quantity]]]) -> str:
    quantity = next(iter(values.values()))[0][1]
    return f"{quantity.kind}: {quantity.counted}"


def _dates(
    claim: Claim, sides: Sequence[_Side], voice_of: Mapping[str, int]
) -> list[Contradiction]:
    days: dict[str, list[tuple[_Side, TimeExpression]]] = {}
    for side in sides:
        written = [t for t in side.times if _written_day(t)]
        if len(written) == 1 and written[0].value is not None:
            days.setdefault(written[0].value, []).append((side, written[0]))
    if len(days) < 2:
        return []
    firsts = [entries[0][0] for entries in days.values()]
    if not any(_independent(a, b, voice_of) for a, b in itertools.combinations(firsts, 2)):
        return []
    values = tuple(
        ContradictionValue(
            value=day,
            articles=tuple(side.article for side, _ in entries),
            evidence=tuple(side.evidence for side, _ in entries),
        )
        for day, entries in sorted(days.items())
    )
    return [Contradiction(about="date", kind="date", values=values, claim=claim.id)]


def _written_day(time: TimeExpression) -> bool:
    value = time.value or ""
    return time.type == "DATE" and not time.relative and _DAY.match(value) is not None


def _accounts(
    analyses: Sequence[ArticleAnalysis],
    voice_of: Mapping[str, int],
    config: ContradictionConfig,
) -> list[Contradiction]:
    responses = []
    for analysis in analyses:
        sentences = {s.index: s for s in analysis.sentences}
        names = _names_by_sentence(analysis)
        for statement in analysis.statements:
            if statement.polarity in _RESPONSES:
                index = statement.span.sentence
                stems = (
                    frozenset(stem_keys(statement.text)),
                    frozenset(stem_keys(sentences[index].text)),
                )
                responses.append((analysis.article.id, statement, stems, names.get(index, set())))
    out = []
    used: set[tuple[str, int]] = set()
    for one, two in itertools.combinations(responses, 2):
        (article_a, statement_a, stems_a, names_a) = one
        (article_b, statement_b, stems_b, names_b) = two
        if article_a == article_b or statement_a.polarity == statement_b.polarity:
            continue
        if voice_of.get(article_a, article_a) == voice_of.get(article_b, article_b):
            continue
        if not names_a & names_b:
            continue
        # A response clause is often short and points back ("رفض التعليق على هذا الطلب"):
        # each clause is read against the other's whole sentence.
        similarity = max(
            statement_similarity(stems_a[0], stems_b[1]),
            statement_similarity(stems_a[1], stems_b[0]),
        )
        if similarity < config.account_similarity:
            continue
        keys = {(article_a, statement_a.span.start), (article_b, statement_b.span.start)}
        if keys & used:
            continue
        used |= keys
        out.append(
            Contradiction(
                about="response",
                kind="account",
                values=(
                    _account_value(article_a, statement_a),
                    _account_value(article_b, statement_b),
                ),
            )
        )
    return out


def _account_value(article: str, statement: Statement) -> ContradictionValue:
    return ContradictionValue(
        value=statement.polarity,
        articles=(article,),
        evidence=(Evidence(statement.span, statement.text),),
    )


def _names_by_sentence(analysis: ArticleAnalysis) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for mention in analysis.entities:
        if mention.span.sentence is not None and mention.type == "PER":
            out.setdefault(mention.span.sentence, set()).add(_family(mention.name))
    return out


def _family(name: str) -> str:
    return to_key(name).split()[-1] if name.strip() else ""
