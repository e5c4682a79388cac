"""A story's summary: sentences taken whole from its articles, each citing every article that
carries what it says.

Extractive on purpose: every summary sentence is a sentence of an article, verbatim (only a
leading و/ف is dropped), so nothing is invented. Candidates are the fact-bearing sentences
(a named entity, a date or a count) that stand alone: not an article's headline repeated,
not a question, not a line naming its own outlet (self-promotion: '"خبر مباشر" يسلط الضوء'),
not a photo caption (a source credit in brackets), not opening on a speech verb whose speaker
is not named before its content ("وأضاف أن ..."), nor on a bare pronoun. Each candidate is
scored by what the story's claims say of it (:mod:`akhbar.story.claims`): the independent
outlets that carry a statement of it (wire copies count once), a bonus for the main thread,
for the lead of its article, for reporting a happening (an event trigger: اتصال، رسالة،
زيارة) and for naming its day; scaled by how much of the story's articles use its words (a
page's other news beside the story is left out), halved for a recap ("كان الجيش أعلن").
Sentences are chosen by maximal marginal relevance (Carbonell & Goldstein 1998: the score
less ``SummaryConfig.redundancy`` times the likeness
to a sentence already chosen; one stating a claim already told is a restatement), a thread
not told yet first, within ``words`` words, then ordered by the date of the event they
report (the day the sentence names, else its thread's day) and by position. A sentence's
``date`` is the day it names itself (a thread's day is only a guess for the sentence).

``sources`` are the articles carrying the sentence's statements, through the claims, each
with the sentence of that article that carries it (``evidence``), so a reader can check each
citation in its own words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from akhbar.arabic.lexicon import load_entries, load_mapping
from akhbar.arabic.normalize import to_key
from akhbar.arabic.stems import stem_keys
from akhbar.arabic.tokens import base_words, tokenize
from akhbar.model import (
    ArticleAnalysis,
    Claim,
    Evidence,
    Sentence,
    Span,
    SummarySentence,
    Thread,
)
from akhbar.story.claims import statement_similarity, stem_weight

__all__ = ["SummaryConfig", "summarize"]

# "(سانا/إكس)", "(رويترز)", "(أ ف ب)": a source credit, as photo captions end.
_CREDIT = re.compile(r"\([^()]{1,30}\)\s*$")
# A sentence naming a day this long before its thread's is background.
_OLD = 30
# "كان/كانت" opening a sentence: the pluperfect of a recap ("كان الرئيس أنهى في 26 يونيو").
_RECAP = frozenset({"كان", "كانت"})
_PRONOUNS = frozenset({"هو", "هي", "هم", "هما", "هن", "انه", "انها", "انهم", "ذلك", "هذا", "هذه"})
_COMPLEMENTS = frozenset({"ان", "بان"})
# Where the subject of a "كما + verb" sentence stands: its third word.
_SUBJECT_AT = 2
_NAMED = frozenset({"PER", "ORG", "MEDIA", "GPE", "LOC"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ENDS = (".", "!", '"', "»", "”", ")")
# An article ending this many sentences with a full stop is punctuated.
_PUNCTUATED = 3


@dataclass(frozen=True)
class SummaryConfig:
    """``words``: the summary's budget; ``redundancy``: how much likeness to a chosen
    sentence counts against a candidate (MMR's 1 - lambda); ``restated``: the likeness at
    which a candidate says nothing new; ``threads``: how many of the largest threads get
    their best sentence first; ``new_thread``: the bonus of a sentence of a thread the
    summary has not told yet; ``relevance``: the least IDF-weighted share of the story's
    articles a candidate's words must be used by (0.45: read on ANT's Annan story, where
    CNN's page carried Kerala's floods at 0.39 and the weakest sentence on Annan scored
    0.48); ``min_words``/``max_words``: a candidate's length
    (shorter: a caption or a fragment; longer: a paragraph run on). Chosen on the seeds."""

    words: int = 120
    redundancy: float = 0.7
    restated: float = 0.5
    new_thread: float = 1.0
    threads: int = 3
    relevance: float = 0.45
    min_words: int = 7
    max_words: int = 45


@dataclass(frozen=True)
class _Candidate:
    article: str
    order: int
    sentence: Sentence
    text: str  # verbatim, a leading و/ف dropped
    start: int  # offset of ``text`` in the article
    stems: frozenset[str]
    words: int
    score: float
    date: str | None  # the day the sentence itself names
    day: str  # what it is ordered by: its date, else its thread's day
    claims: tuple[Claim, ...]
    thread: str


@cache
def _reader_calls() -> frozenset[str]:
    return frozenset(load_entries("reader_calls"))


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(entry.split()[0] for entry in load_mapping("speech_verbs"))


def summarize(
    analyses: Sequence[ArticleAnalysis],
    claims: Sequence[Claim],
    threads: Sequence[Thread] = (),
    voice_of: Mapping[str, int] | None = None,
    *,
    config: SummaryConfig = SummaryConfig(),
) -> tuple[SummarySentence, ...]:
    """The story's summary, at most ``config.words`` words, in the order of what happened."""
    candidates = _candidates(analyses, claims, threads, voice_of or {}, config)
    chosen: list[_Candidate] = []
    used = 0
    pool = sorted(candidates, key=lambda c: (-c.score, c.order, c.sentence.index))
    # Each happening first: the best sentence of each of the largest threads.
    ranked = sorted(threads, key=lambda t: (-len(t.articles), str(t.first_published), t.id))
    for thread in ranked[: config.threads]:
        own = [c for c in pool if c.thread == thread.id and used + c.words <= config.words]
        if own:
            best = max(own, key=lambda c: (c.score, -c.order, -c.start))
            pool.remove(best)
            chosen.append(best)
            used += best.words
    while pool:
        best = max(pool, key=lambda c: (_marginal(c, chosen, config), -c.order, -c.start))
        pool.remove(best)
        if _marginal(best, chosen, config) < 0 or used + best.words > config.words:
            continue
        chosen.append(best)
        used += best.words
    # By day; on one day the lead (the highest score: what most outlets carry, the
    # happening that names its day) before what follows it.
    chosen.sort(key=lambda c: (c.day, -c.score, c.order, c.sentence.index))
    return tuple(_summary_sentence(c, analyses) for c in chosen)


def _marginal(candidate: _Candidate, chosen: Sequence[_Candidate], config: SummaryConfig) -> float:
    """The score less what a chosen sentence already says (a sentence stating a claim a
    chosen one states says nothing new), with a bonus for a thread not told yet: the
    summary tells each happening of the story before it tells one twice."""
    likeness = max((_likeness(candidate, other) for other in chosen), default=0.0)
    if likeness >= config.restated:
        return -1.0
    new_thread = all(other.thread != candidate.thread for other in chosen)
    return candidate.score * (1 - config.redundancy * likeness) + (
        config.new_thread if new_thread else 0.0
    )


def _likeness(one: _Candidate, two: _Candidate) -> float:
    if {c.id for c in one.claims} & {c.id for c in two.claims}:
        return 1.0
    return statement_similarity(one.stems, two.stems)


def _candidates(
    analyses: Sequence[ArticleAnalysis],
    claims: Sequence[Claim],
    threads: Sequence[Thread],
    voice_of: Mapping[str, int],
    config: SummaryConfig,
) -> list[_Candidate]:
    main = max(threads, key=lambda t: (len(t.articles), -(threads.index(t))), default=None)
    thread_of = {article: thread for thread in threads for article in thread.articles}
    titles = {to_key(a.article.title).strip() for a in analyses if a.article.title}
    outlets = {a.article.id: a.article.outlet or a.article.id for a in analyses}
    claims_at = _claims_by_sentence(claims)
    spread = _spread(analyses)
    out = []
    for order, analysis in enumerate(analyses):
        article = analysis.article
        factual = _fact_sentences(analysis)
        happenings = {event.span.sentence for event in analysis.events}
        thread = thread_of.get(article.id)
        for sentence in analysis.sentences:
            if sentence.index not in factual:
                continue
            text, start = _trimmed(sentence)
            if not _stands_alone(text, sentence, analysis, titles, config):
                continue
            held = claims_at.get((article.id, sentence.index), ())
            independent = max((_independent(claim, outlets, voice_of) for claim in held), default=1)
            score = float(independent)
            score += 0.5 if main is not None and thread is main else 0.0
            score += 0.5 / (1 + sentence.index)
            # A sentence reporting a happening (a call, a letter, a visit) tells the news.
            score += 0.5 if sentence.index in happenings else 0.0
            dated = _date_of(analysis, sentence)
            score += 0.5 if dated else 0.0
            stems = frozenset(stem_keys(text))
            # What the story's articles talk of: a sentence of words few of them use (a
            # page's other news, "فيضانات كيرالا" beside Annan's death) is not the story's.
            relevance = _relevance(stems, spread)
            if relevance < config.relevance:
                continue
            score *= 0.5 + relevance
            if base_words(text)[:1] and base_words(text)[0] in _RECAP:
                score *= 0.5  # "كان الجيش أعلن ...": a recap of earlier news
            if dated and thread and thread.date and _days_before(dated, thread.date) > _OLD:
                score *= 0.5  # background: "وقع آخر حادث تحطم في كوبا في أبريل 2017"
            out.append(
                _Candidate(
                    article.id,
                    order,
                    sentence,
                    text,
                    start,
                    stems,
                    len(text.split()),
                    score,
                    dated,
                    dated or (thread.date if thread and thread.date else "9999"),
                    held,
                    thread.id if thread else "",
                )
            )
    return out


def _days_before(day: str, other: str) -> int:
    try:
        return (dt.date.fromisoformat(other) - dt.date.fromisoformat(day)).days
    except ValueError:
        return 0


def _spread(analyses: Sequence[ArticleAnalysis]) -> dict[str, float]:
    """Each stem's share of the story's articles that use it."""
    counts: dict[str, int] = {}
    for analysis in analyses:
        used = {stem for sentence in analysis.sentences for stem in stem_keys(sentence.text)}
        for stem in used:
            counts[stem] = counts.get(stem, 0) + 1
    return {stem: count / len(analyses) for stem, count in counts.items()}


def _relevance(stems: frozenset[str], spread: Mapping[str, float]) -> float:
    """The IDF-weighted mean spread of a sentence's stems (0: words no other article uses)."""
    weight = stem_weight()
    ordered = sorted(stems)
    total = sum(map(weight, ordered))
    return sum(weight(stem) * spread.get(stem, 0.0) for stem in ordered) / total if total else 0.0


def _claims_by_sentence(claims: Sequence[Claim]) -> dict[tuple[str, int], tuple[Claim, ...]]:
    out: dict[tuple[str, int], list[Claim]] = {}
    for claim in claims:
        for evidence in claim.evidence:
            if evidence.span.sentence is not None:
                out.setdefault((evidence.span.article, evidence.span.sentence), []).append(claim)
    return {key: tuple(found) for key, found in out.items()}


def _independent(claim: Claim, outlets: Mapping[str, str], voice_of: Mapping[str, int]) -> int:
    """Outlets carrying the claim, a wire copy's outlet counted with its source's."""
    voices: dict[int | str, str] = {}
    for article in claim.articles:
        voices.setdefault(voice_of.get(article, article), outlets.get(article, article))
    return len(set(voices.values()))


def _fact_sentences(analysis: ArticleAnalysis) -> set[int]:
    found = {m.span.sentence for m in analysis.entities if m.type in _NAMED}
    found |= {t.span.sentence for t in analysis.times}
    found |= {q.span.sentence for q in analysis.quantities}
    return {index for index in found if index is not None}


def _trimmed(sentence: Sentence) -> tuple[str, int]:
    """The sentence without a leading conjunction و/ف glued to its first word."""
    text = sentence.text
    if len(text) > 2 and text[0] in "وف" and _glued_conjunction(text):
        return text[1:], sentence.start + 1
    return text, sentence.start


def _glued_conjunction(text: str) -> bool:
    tokens = tokenize(text.split()[0])
    return bool(tokens) and tokens[0].proclitics[:1] in ("و", "ف")


def _stands_alone(
    text: str,
    sentence: Sentence,
    analysis: ArticleAnalysis,
    titles: set[str],
    config: SummaryConfig,
) -> bool:
    words = text.split()
    if not config.min_words <= len(words) <= config.max_words:
        return False
    if text.rstrip().endswith(("؟", "?", "،", ",", ":")) or _CREDIT.search(text):
        return False  # a question, a line cut short, a caption
    if _punctuated(analysis) and not text.rstrip().endswith(_ENDS):
        return False  # in a punctuated article, a line with no full stop is a heading
    key = to_key(text).strip()
    if key in titles or to_key(sentence.text).strip() in titles:
        return False
    outlet = analysis.article.outlet
    if outlet and to_key(outlet) in key:
        return False  # an outlet speaking of itself: self-promotion, not news
    bases = base_words(text)
    if not bases or bases[0] in _PRONOUNS or bases[0] in _reader_calls():
        return False  # a bare pronoun; a call to the reader ("تابعوا المباراة على موقعنا")
    return not _unnamed_speaker(bases, sentence, analysis)


def _punctuated(analysis: ArticleAnalysis) -> bool:
    return sum(s.text.rstrip().endswith(".") for s in analysis.sentences) >= _PUNCTUATED


def _unnamed_speaker(bases: Sequence[str], sentence: Sentence, analysis: ArticleAnalysis) -> bool:
    """ "وأضاف أن ...": a speech verb first and no name before its content; "كما أعرب عن
    ..." (also, he said): a sentence going on from the one before, no name in its opening."""
    if bases[0] == "كما":
        # "كما أعرب بوتين عن ...": the subject stands right after the verb.
        words = sentence.text.split()
        if len(words) < _SUBJECT_AT + 1:
            return True
        start = sentence.start + len(" ".join(words[:_SUBJECT_AT])) + 1
        end = start + len(words[_SUBJECT_AT])
        return not any(
            m.span.sentence == sentence.index and start <= m.span.start < end and m.type in _NAMED
            for m in analysis.entities
        )
    if bases[0] not in _speech_verbs():
        return False
    content = next((i for i, base in enumerate(bases) if base in _COMPLEMENTS), None)
    if content is None:
        return False
    # Words before the complementizer, as offsets: is a name among them?
    head = " ".join(sentence.text.split()[:content])
    limit = sentence.start + len(head)
    return not any(
        m.span.sentence == sentence.index and m.span.start < limit and m.type in _NAMED
        for m in analysis.entities
    )


def _date_of(analysis: ArticleAnalysis, sentence: Sentence) -> str | None:
    """The day the sentence's event happened, when the sentence names one."""
    for event in analysis.events:
        value = event.time.value if event.time else None
        if event.span.sentence == sentence.index and value and _DAY.match(value):
            return value
    days = [
        t.value
        for t in analysis.times
        if t.span.sentence == sentence.index and t.value and _DAY.match(t.value)
    ]
    return days[0] if days else None


def _summary_sentence(
    candidate: _Candidate, analyses: Sequence[ArticleAnalysis]
) -> SummarySentence:
    by_id = {a.article.id: a for a in analyses}
    own = Span(candidate.article, candidate.start, candidate.sentence.end, candidate.sentence.index)
    # Per source, of the sentences its claims point to, the one closest to the summary's.
    found: dict[str, list[Sentence]] = {}
    for claim in candidate.claims:
        for item in claim.evidence:
            if item.span.article != candidate.article and item.span.sentence is not None:
                sentence = by_id[item.span.article].sentences[item.span.sentence]
                found.setdefault(item.span.article, []).append(sentence)
    evidence = {candidate.article: Evidence(own, candidate.text)}
    for article, sentences in found.items():
        best = max(
            sentences,
            key=lambda s: (
                statement_similarity(candidate.stems, frozenset(stem_keys(s.text))),
                -s.index,
            ),
        )
        span = Span(article, best.start, best.end, best.index)
        evidence[article] = Evidence(span, best.text)
    order = {a.article.id: n for n, a in enumerate(analyses)}
    cited = sorted(evidence, key=order.__getitem__)
    return SummarySentence(
        text=candidate.text,
        sources=tuple(cited),
        taken_from=own,
        date=candidate.date,
        evidence=tuple(evidence[article] for article in cited),
    )
