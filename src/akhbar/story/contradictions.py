"""Where a story's outlets disagree: counts, dates and responses, slot by slot.

Numbers and dates are compared only inside a claim (:mod:`akhbar.story.claims`): two clauses
that state the same thing, of one thread of the story, so two fires on two days never
compare their tolls. A count is compared with a count of the same thing (the kind for tolls,
"قتيلا" and "قتلى" alike; the counted word otherwise), each side stating exactly one; a
hedged or rounded value agrees with the values it covers ("نحو 20" with 19). A count of
people in general ("20 شخصا") is never compared: read on ANT, such pairs counted different
things (evacuated against displaced). A higher toll published later, or the same day, is an
``update`` in time order. A date is compared only when both sides write it out (a relative
"أمس" follows each article's own date).

Accounts: a response told differently (one outlet: Moscow refused the request; another: the
Kremlin declined to comment on it) are found across the story's threads, as the response
may be reported on another day: clauses of different voices whose response polarities
differ (:mod:`akhbar.analyze.statements`), one clause sharing ``account_similarity`` of its
weight with the other's sentence, and whose sentences name one person in common.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from akhbar.arabic.normalize import to_key
from akhbar.arabic.stems import stem_keys
from akhbar.model import (
    ArticleAnalysis,
    Claim,
    Contradiction,
    ContradictionValue,
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
# Counts of unnamed things, never compared (see the module's docstring).
_UNCOMPARED = frozenset({"people"})
# Polarities that tell how someone answered.
_RESPONSES = frozenset({"refuse", "decline", "deny", "accept"})


@dataclass(frozen=True)
class ContradictionConfig:
    """``account_similarity``: the share of the shorter sentence's stem weight two sentences
    must share to tell one response (0.4, read on the seeds' Assad accounts)."""

    account_similarity: float = 0.4


@dataclass(frozen=True)
class _Side:
    article: str
    evidence: Evidence
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpression, ...]


def story_contradictions(
    analyses: Sequence[ArticleAnalysis],
    claims: Sequence[Claim],
    voice_of: Mapping[str, int],
    *,
    config: ContradictionConfig = ContradictionConfig(),
) -> tuple[Contradiction, ...]:
    """Number and date contradictions (and toll updates) inside ``claims``, and differing
    accounts across the story; ``voice_of``: article -> voice (wire copies share one)."""
    by_id = {a.article.id: a for a in analyses}
    out: list[Contradiction] = []
    for claim in claims:
        sides = [_side(by_id[e.span.article], e) for e in claim.evidence]
        out += _numbers(claim, sides, by_id, voice_of)
        out += _dates(claim, sides, voice_of)
    out += _accounts(analyses, voice_of, config)
    return tuple(out)


def _side(analysis: ArticleAnalysis, evidence: Evidence) -> _Side:
    span = evidence.span
    return _Side(
        span.article,
        evidence,
        tuple(q for q in analysis.quantities if _inside(q.span, span)),
        tuple(t for t in analysis.times if _inside(t.span, span)),
    )


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _independent(one: _Side, two: _Side, voice_of: Mapping[str, int]) -> bool:
    """Different articles of different voices: a copy never contradicts its source."""
    if one.article == two.article:
        return False
    return voice_of.get(one.article, one.article) != voice_of.get(two.article, two.article)


def _count_key(quantity: Quantity) -> str | None:
    if quantity.kind in _UNCOMPARED:
        return None
    return quantity.kind if quantity.kind in _TOLLS else f"{quantity.kind}:{quantity.counted}"


def _single_counts(side: _Side) -> dict[str, Quantity]:
    """The side's counts by what they count, those it states once."""
    found: dict[str, list[Quantity]] = {}
    for quantity in side.quantities:
        key = _count_key(quantity)
        if key is not None:
            found.setdefault(key, []).append(quantity)
    return {key: items[0] for key, items in found.items() if len(items) == 1}


def _covers(one: Quantity, two: Quantity) -> bool:
    """Whether the values the two phrases cover meet ("نحو 20" and 19 do)."""
    low = max(one.low if one.low is not None else float("-inf"), _low(two))
    high = min(one.high if one.high is not None else float("inf"), _high(two))
    return low <= high


def _low(quantity: Quantity) -> float:
    return quantity.low if quantity.low is not None else float("-inf")


def _high(quantity: Quantity) -> float:
    return quantity.high if quantity.high is not None else float("inf")


def _numbers(
    claim: Claim,
    sides: Sequence[_Side],
    by_id: Mapping[str, ArticleAnalysis],
    voice_of: Mapping[str, int],
) -> list[Contradiction]:
    found: dict[str, dict[float, list[tuple[_Side, Quantity]]]] = {}
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
    for key, values in found.items():
        kind = key.partition(":")[0]
        ordered = [_value(entries, by_id) for _, entries in sorted(values.items())]
        is_update = kind in _TOLLS and _rising(ordered)
        out.append(
            Contradiction(
                about=_about(values),
                kind="update" if is_update else "number",
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


def _rising(values: Sequence[ContradictionValue]) -> bool:
    """Values (lowest first) published in that order, or on one day: a toll being updated."""
    days = [value.published for value in values]
    if any(day is None for day in days):
        return False
    return all(a <= b for a, b in itertools.pairwise(days))


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
    return time.type == "DATE" and time.precision == "day" and not time.relative


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
