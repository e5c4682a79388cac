"""Claims of a story: the statements several of its articles carry, and how independently.

A statement is one sentence of an article (boilerplate is already out of the text). Two
sentences of different articles state the same thing when the stem keys
(:func:`~akhbar.arabic.stems.stem_keys`) they share carry enough of the shorter sentence's
weight (``ClaimConfig.similarity``; IDF weights from the shipped background table, so names
and "سيادة" count more than "أكد"); sentences are joined best pair first, one sentence per
article in a claim, so a claim never chains unrelated sentences through a third. A claim is
``corroborated`` when it is carried by two or more independent voices (wire copies and
near-duplicates of one agency text are one voice, :func:`akhbar.corpus.wire.voices`),
``single_source`` otherwise (one voice, or one outlet). Statements of different threads of
the story (:mod:`akhbar.story.threads`) are never one claim.

Counts that disagree (``contested``) are not reported yet: read on real ANT stories, pairs of
counts in one claim mostly counted different things ("نحو عشرة آلاف شخص" evacuated against
"أكثر من 20 ألف شخص" displaced), or an earlier event's toll quoted as background; comparing
them needs the counted thing's predicate, not only its noun.

Only fact-bearing statements make claims: at least ``min_stems`` content stems, and a named
entity, a date or a count in them; a statement naming its own outlet (self-promotion) never.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from akhbar.arabic.normalize import to_key
from akhbar.arabic.stems import stem_keys
from akhbar.corpus.background import load_background
from akhbar.model import (
    ArticleAnalysis,
    Claim,
    Evidence,
    Statement,
)

__all__ = ["ClaimConfig", "statement_similarity", "stem_weight", "story_claims"]


@dataclass(frozen=True)
class ClaimConfig:
    """``similarity``: the share of the shorter sentence's stem weight two sentences must
    share to state one thing (0.4: read on the seeds' ten claims); ``min_stems``: content
    stems a sentence needs to be compared at all."""

    similarity: float = 0.4
    min_stems: int = 6


@dataclass(frozen=True)
class _Statement:
    article: str
    order: int  # position of the article in the story
    statement: Statement
    stems: frozenset[str]


def _statements(analyses: Sequence[ArticleAnalysis], config: ClaimConfig) -> list[_Statement]:
    out = []
    for order, analysis in enumerate(analyses):
        # Fact-bearing: a clause naming someone or something, a date or a count.
        starts = sorted(
            span.start
            for span in itertools.chain(
                (m.span for m in analysis.entities),
                (t.span for t in analysis.times),
                (q.span for q in analysis.quantities),
            )
        )
        outlet = to_key(analysis.article.outlet or "") or None
        for statement in analysis.statements:
            if outlet and outlet in to_key(statement.text):
                continue  # an outlet speaking of itself ("خبر مباشر يسلط الضوء") states no fact
            span = statement.span
            stems = frozenset(stem_keys(statement.text))
            at = bisect.bisect_left(starts, span.start)
            factual = at < len(starts) and starts[at] < span.end
            if len(stems) >= config.min_stems and factual:
                out.append(_Statement(analysis.article.id, order, statement, stems))
    return out


def _similar_pairs(
    statements: Sequence[_Statement], config: ClaimConfig
) -> list[tuple[float, int, int]]:
    """``(similarity, i, j)`` of statements of different articles, best first.

    Prefix filtering (Chaudhuri et al. 2006, "A primitive operator for similarity joins"):
    two statements reach ``config.similarity`` only if they share a stem of the shorter
    one's prefix: its stems in one fixed order (the rarest in the story first) until what
    is left weighs less than ``similarity`` of its whole. Each statement looks up only its
    prefix in the index of all stems, so the words every article of a story uses
    ("إيران", "الاتفاق النووي") never pair everything with everything, and no pair above
    the threshold is missed.
    """
    by_stem: dict[str, list[int]] = defaultdict(list)
    for index, statement in enumerate(statements):
        for stem in statement.stems:
            by_stem[stem].append(index)
    # Each stem's weight and each statement's whole, computed once for the story.
    weight = dict(zip(by_stem, map(stem_weight(), by_stem), strict=True)).__getitem__
    totals = [sum(map(weight, sorted(statement.stems))) for statement in statements]
    candidates: set[tuple[int, int]] = set()
    # Stems the fewest statements of the story hold come first: any fixed order keeps the
    # filter exact, and this one looks up the shortest lists.
    rarity = {stem: len(members) for stem, members in by_stem.items()}.__getitem__
    for i, statement in enumerate(statements):
        for stem in _prefix(statement.stems, config.similarity, weight, rarity):
            for j in by_stem[stem]:
                if statements[j].article != statement.article:
                    candidates.add((i, j) if i < j else (j, i))
    pairs = []
    for i, j in sorted(candidates):
        shared = sum(map(weight, sorted(statements[i].stems & statements[j].stems)))
        similarity = shared / min(totals[i], totals[j])
        if similarity >= config.similarity:
            pairs.append((similarity, i, j))
    return sorted(pairs, key=lambda pair: (-pair[0], pair[1], pair[2]))


def _prefix(
    stems: frozenset[str],
    threshold: float,
    weight: Callable[[str], float],
    rarity: Callable[[str], int],
) -> list[str]:
    """The stems rarest in the story first, until what is left weighs less than
    ``threshold`` of the whole: a statement sharing none of them shares too little of
    this one."""
    ordered = sorted(stems, key=lambda stem: (rarity(stem), -weight(stem), stem))
    rest = sum(map(weight, sorted(stems)))
    need = threshold * rest - 1e-9  # rounding never drops a pair at the threshold
    prefix = []
    for stem in ordered:
        if rest < need:
            break
        prefix.append(stem)
        rest -= weight(stem)
    return prefix


def statement_similarity(one: frozenset[str], two: frozenset[str]) -> float:
    """How much of the shorter statement the longer one says: the IDF weight of the shared
    stems over the shorter one's (a sentence restated inside a longer one scores high; rare
    words such as names and "سيادة" weigh more than "أكد")."""
    weight = stem_weight()
    # Summed in sorted order: a set's order changes with the process's hash seed, and the
    # last bits of the sum would break ties differently from run to run.
    shared = sum(map(weight, sorted(one & two)))
    return shared / min(sum(map(weight, sorted(one))), sum(map(weight, sorted(two))))


@cache
def stem_weight() -> Callable[[str], float]:
    background = load_background()
    documents, frequencies = background.documents, background.frequencies

    def weight(stem: str) -> float:
        return math.log((1 + documents) / (1 + frequencies.get(stem, 0))) + 1.0

    return weight


def _groups(
    statements: Sequence[_Statement], config: ClaimConfig, thread: Callable[[_Statement], str]
) -> list[list[int]]:
    """Statements of one thread joined best pair first; a group holds one sentence per
    article."""
    group_of = list(range(len(statements)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(statements))}
    for _, i, j in _similar_pairs(statements, config):
        a, b = group_of[i], group_of[j]
        if a == b or thread(statements[i]) != thread(statements[j]):
            continue
        articles_a = {statements[k].article for k in members[a]}
        if any(statements[k].article in articles_a for k in members[b]):
            continue
        for k in members[b]:
            group_of[k] = a
        members[a] += members.pop(b)
    return [sorted(group) for group in members.values() if len(group) > 1]


def _evidence(statement: _Statement) -> Evidence:
    return Evidence(statement.statement.span, statement.statement.text)


def _clearest(group: Sequence[_Statement]) -> _Statement:
    """The wording closest to all the others (ties: the earliest article)."""

    def closeness(one: _Statement) -> float:
        return sum(statement_similarity(one.stems, other.stems) for other in group)

    return max(group, key=lambda s: (closeness(s), -s.order))


def story_claims(
    analyses: Sequence[ArticleAnalysis],
    voice_groups: Sequence[Sequence[str]],
    *,
    thread_of: Mapping[str, str] | None = None,
    config: ClaimConfig = ClaimConfig(),
    story_id: str = "story",
) -> tuple[Claim, ...]:
    """The claims of a story's articles (carried by two or more of them);
    ``voice_groups`` from :func:`akhbar.corpus.wire.voices`. ``thread_of``: each article's
    thread; statements of different threads (two fires on two days) are never one claim."""
    voice_of = {article: n for n, group in enumerate(voice_groups) for article in group}
    outlet_of = {a.article.id: a.article.outlet for a in analyses}
    statements = _statements(analyses, config)
    thread = thread_of or {}
    claims = []
    groups = _groups(statements, config, lambda s: thread.get(s.article, ""))
    for number, indices in enumerate(groups, start=1):
        group = [statements[i] for i in indices]
        # Independent: other voices (not copies of one text) and other outlets.
        voices = {voice_of.get(s.article, -1 - s.order) for s in group}
        sources = {outlet_of.get(s.article) or s.article for s in group}
        independent = len(voices) > 1 and len(sources) > 1
        status = "corroborated" if independent else "single_source"
        ordered = sorted(group, key=lambda s: s.order)
        seen: set[int] = set()
        copies = []
        for statement in ordered:
            voice = voice_of.get(statement.article, -1 - statement.order)
            if voice in seen:
                copies.append(statement.article)
            seen.add(voice)
        claims.append(
            Claim(
                id=f"{story_id}-c{number:02d}",
                text=_clearest(group).statement.text,
                articles=tuple(s.article for s in ordered),
                status=status,
                evidence=tuple(_evidence(s) for s in ordered),
                copies=tuple(copies),
            )
        )
    return tuple(claims)
