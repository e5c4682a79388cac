"""The data model: plain frozen dataclasses that every stage takes and returns.

Everything extracted carries a ``span: Span``: the article, the sentence and half-open
character offsets into the article's display ``text`` (``text[span.start:span.end] ==
surface``). Nothing here does any work beyond
holding values, so every object pickles and can cross a process or Dask boundary.
"""

from __future__ import annotations

import copyreg
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

PublishedSource = Literal["input", "text", "html-meta", "inferred", "unknown"]
OutletSource = Literal["input", "html-meta", "signature", "platform", "domain", "unknown"]
InputKind = Literal["txt", "html", "jsonl", "stdin"]
Polarity = Literal["assert", "deny", "decline", "call"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


# Read-only mappings hold an article's metadata; pickle them as what they show, so articles
# cross a process pool's boundary too (the standard pickler refuses a mappingproxy).
def _read_only(values: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(values)


copyreg.pickle(MappingProxyType, lambda proxy: (_read_only, (dict(proxy),)))


@dataclass(frozen=True)
class Span:
    """Where something was read: article id, sentence index (or None), [start, end)."""

    article: str
    start: int
    end: int
    sentence: int | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article's display text; ``text == article.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class BoilerplateLine:
    """A line removed from the article text, with why; kept so nothing is silently dropped.

    ``reason`` is a short tag such as ``signature``, ``read-also``, ``related-headline``,
    ``share``, ``image``, ``widget``, ``contributors`` or ``repeated``.
    """

    text: str
    reason: str
    line: int  # 1-based line number in the document as read


@dataclass(frozen=True)
class RawDocument:
    """One article as it arrived, before cleaning: plain text or HTML plus input metadata."""

    source: str  # file path, "path:line" for JSONL, "-" or "-:line" for stdin
    kind: InputKind
    text: str | None = None
    html: str | None = None
    id: str | None = None
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)


@dataclass(frozen=True)
class Article:
    """One outlet's article, cleaned.

    ``text`` is the display text: boilerplate lines out, nothing else changed.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    outlet_source: OutletSource = "unknown"
    url: str | None = None
    published: dt.date | None = None  # a datetime when the input gives a time
    published_source: PublishedSource = "unknown"
    boilerplate: tuple[BoilerplateLine, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    # Per line of ``text``, its 1-based line number in the document as read (set by ingest),
    # so lines removed later (repeated footers) still report where they were.
    line_numbers: tuple[int, ...] = ()
    # Why ``published`` is what it is when the text had a say: the words an inferred date
    # rests on, and disagreements between the input's date and the text.
    published_evidence: tuple[Evidence, ...] = ()
    published_notes: tuple[str, ...] = ()

    @property
    def title_only(self) -> bool:
        """A feed item with a title and no body: grouped by its title, nothing extracted."""
        return not self.text and bool(self.title)


@dataclass(frozen=True)
class SkippedInput:
    """An input that could not be read, and why (the message names the input and the fix)."""

    source: str
    reason: str


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    skipped: tuple[SkippedInput, ...] = ()


@dataclass(frozen=True)
class TimeRule:
    """How a relative time expression's value follows from its anchor: the rule that read it
    and what it read, so that another anchor resolves it again by arithmetic
    (:func:`akhbar.analyze.times.anchored.reanchor`), without reading the text again.

    ``TimeRule("weekday", (4, None, -1, None))`` is "الخميس" in a past-tense clause; a
    composite (a clock time on a relative day, a range of two) keeps its ``parts``.
    """

    name: str
    args: tuple[int | str | None, ...] = ()
    parts: tuple[TimeRule, ...] = ()


@dataclass(frozen=True)
class TimeExpression:
    """One time expression: where it is, what it says, and how it was resolved.

    ``value`` follows TimeML TIMEX3 (``2025-02-12``, ``2025-01``, ``2025-W11``,
    ``2011/2015``, ``2018-05-01TEV``, ``2018-05-02T23:55``, ``P2D``, ``PAST_REF``); it is
    None only when the expression needs an anchor and none was given. ``anchor`` is the
    ISO date it was resolved against (None for absolute expressions).
    """

    span: Span
    surface: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    precision: str | None  # day, daypart, time, week, month, season, year, decade, ref, ...
    anchor: str | None
    relative: bool
    mod: str | None = None  # START, MID, END, ON_OR_AFTER
    weekday_conflict: bool = False  # a weekday named with the date disagrees with it
    rule: TimeRule | None = None  # how the value follows from the anchor (relative ones)


@dataclass(frozen=True)
class EventMention:
    """A trigger word of a happening in one sentence, with the time expression that dates it.

    ``type`` is a key of the event-type lexicon (``call``, ``letter``, ``visit`` ...);
    ``time`` is the closest date in the same sentence, when there is one.
    """

    type: str
    span: Span
    trigger: str
    time: TimeExpression | None = None
    participants: tuple[str, ...] = ()
    # After "بعد/منذ/عقب ...": a reference point ("after the fall"), not what is reported.
    background: bool = False


@dataclass(frozen=True)
class QuoteMention:
    """One reported statement: ``text`` said by ``speaker`` (display surfaces with spans)."""

    text: str
    span: Span
    speaker: str
    speaker_span: Span | None
    verb: str
    verb_span: Span | None
    polarity: Polarity
    kind: Literal["direct", "indirect"]
    carried: bool = False
    via: tuple[str, ...] = ()  # channels the words came through, outlet side first
    via_spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class SourceLink:
    """One link of a chain: a canonical name, its type and where the text names it."""

    name: str
    type: str
    surface: str
    span: Span
    document: str = ""  # "بيان" when the source spoke through a statement


@dataclass(frozen=True)
class SourceCitation:
    """One place where the article cites a source, with the chain the words travelled."""

    links: tuple[SourceLink, ...]
    cue: str  # the words that mark the citation: "نقلت", "بحسب", "وأفاد"
    span: Span  # of the cue
    stance: str = ""  # the quote's polarity when the citation comes from a quote

    @property
    def source(self) -> str:
        return self.links[0].name

    @property
    def type(self) -> str:
        return self.links[0].type

    @property
    def chain(self) -> tuple[str, ...]:
        return tuple(link.name for link in self.links)


@dataclass(frozen=True)
class TitleMention:
    """A title stated for a person: its words in the text and the role it reads as.

    ``role`` differs from ``surface`` only where the text says it indirectly or with
    clitics: "نظيره السوري" after "الرئيس الروسي" reads "الرئيس السوري".
    """

    span: Span
    surface: str
    role: str


@dataclass(frozen=True)
class EntityMention:
    """One mention: ``text[span.start:span.end] == surface``; ``name`` is its clitic-free
    form."""

    span: Span
    surface: str
    type: str
    name: str
    titles: tuple[TitleMention, ...] = ()


@dataclass(frozen=True)
class Statement:
    """One clause of an article: what comparison aligns across outlets. ``polarity``:
    assert | negated | refuse | deny | decline | accept; ``speaker``: who says it, when it
    lies in a quotation or reported speech."""

    span: Span
    text: str
    polarity: str = "assert"
    speaker: str = ""


@dataclass(frozen=True)
class ArticleAnalysis:
    """What the per-article analyzers found."""

    article: Article
    sentences: tuple[Sentence, ...]
    times: tuple[TimeExpression, ...] = ()
    events: tuple[EventMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()
    sources: tuple[SourceCitation, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class Evidence:
    span: Span
    text: str


@dataclass(frozen=True)
class Event:
    """One happening on a date, merged from the mentions of every article that reports it."""

    id: str
    date: str | None
    precision: str | None
    label: str
    articles: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    type: str = ""
    mod: str | None = None  # TimeML modifier of the date: ON_OR_AFTER ("since 2015"), START ...


@dataclass(frozen=True)
class EntityTitle:
    """A title or role given to an entity, and the articles that give it."""

    title: str
    articles: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Entity:
    """One real-world referent across the articles of a story, with every mention's span."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    title_sources: tuple[EntityTitle, ...] = ()
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Quote:
    """Who said what, in which article, through whom (``via``: outlet side first)."""

    speaker: str
    text: str
    article: str
    via: tuple[str, ...] = ()
    polarity: str = "assert"  # assert | deny | decline | call
    kind: str = "direct"  # direct | indirect
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Attribution:
    """A source an article cites, typed, with the chain the words travelled."""

    article: str
    source: str
    chain: tuple[str, ...] = ()
    type: str = ""  # agency | newspaper | site | broadcaster | official | person | document | ...
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Claim:
    """A statement of a story and the articles that carry it, each with its sentence."""

    id: str
    text: str
    articles: tuple[str, ...]
    status: Literal["corroborated", "single_source", "contested"]
    evidence: tuple[Evidence, ...] = ()
    copies: tuple[str, ...] = ()  # articles carrying it as a copy of an earlier one's text


@dataclass(frozen=True)
class ContradictionValue:
    """One side: the value, the articles that give it, where, and (for an ``update``) the
    day its first article was published."""

    value: str
    articles: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    published: str | None = None


@dataclass(frozen=True)
class Contradiction:
    """One slot with differing values. ``kind``: name | number | date | account (differing
    accounts of one response, softer than a contradiction) | update (a later, higher toll:
    the values in time order, not a contradiction); ``claim``: the claim whose statements
    disagree, when there is one."""

    about: str
    kind: str
    values: tuple[ContradictionValue, ...]
    claim: str | None = None


@dataclass(frozen=True)
class UniqueFact:
    """A statement only one outlet of the story carries: ``about`` names what no other
    outlet mentions (a person, a source, a place)."""

    outlet: str
    about: str
    text: str
    evidence: Evidence


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of a story's summary: ``text`` verbatim from the article of
    ``taken_from`` (a leading و/ف dropped), ``sources`` every article carrying what it says,
    each with the sentence of that article that carries it (``evidence``, in the order of
    ``sources``), ``date`` the day of the event it reports when known."""

    text: str
    sources: tuple[str, ...]
    taken_from: Span | None = None
    date: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Quantity:
    """A counted thing as an article states it: "نحو 20 قتيلا" (about 20 dead).

    ``value`` is the number as written (a multiplier applied: "ثلاثة آلاف" is 3000; for a
    vague count such as "عشرات", its lowest value); ``low``/``high`` the values the phrase
    covers (None: unbounded), so "أكثر من 100" agrees with 120 and "عشرات" with 40.
    ``hedge``: about | more | less | least | most | vague | None. ``kind``: what is counted
    (dead, injured, people, money, percent, age, years, days, months, hours), from
    ``counted``, the word after the number (its key form).
    """

    span: Span
    text: str
    value: float
    low: float | None
    high: float | None
    kind: str
    counted: str
    hedge: str | None = None


@dataclass(frozen=True)
class Thread:
    """One happening of a story as its articles report it: the articles the corpus stage
    grouped into one event (:func:`akhbar.story.threads.story_threads`), with the dates
    they were published; ``title`` is the headline the others resemble most."""

    id: str
    title: str | None
    articles: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    date: str | None = None  # the day most of its articles' main event happened (ISO)


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    events: tuple[Event, ...] = ()
    threads: tuple[Thread, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    unique_facts: tuple[UniqueFact, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    provenance: ProvenanceGraph | None = None


@dataclass(frozen=True)
class Assignment:
    """Where one article landed: the assignments JSONL contract, one line per article."""

    id: str
    story: str | None
    event: str | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Report:
    analyses: tuple[ArticleAnalysis, ...]
    stories: tuple[Story, ...]
    assignments: tuple[Assignment, ...]
    skipped: tuple[SkippedInput, ...] = ()


@dataclass(frozen=True)
class ProvenanceNode:
    """An outlet, agency or primary source of a story; ``id`` is its name as first given.

    ``kind``: outlet | agency | newspaper | site | official | person | document | anonymous.
    """

    id: str
    label: str
    kind: str


@dataclass(frozen=True)
class ProvenanceEdge:
    """``source`` cites ``target`` (``kind`` "cites", from an attribution chain), or
    ``source`` printed the text of ``target`` (``kind`` "copies", from wire copies)."""

    source: str
    target: str
    kind: str
    articles: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ProvenanceGraph:
    """Where a story's information came from: who cites whom, and who copied whose text."""

    nodes: tuple[ProvenanceNode, ...] = ()
    edges: tuple[ProvenanceEdge, ...] = ()
