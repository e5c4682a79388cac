"""Word tokens of display text, with key forms and their proclitics peeled.

    >>> [(t.surface, t.proclitics, t.base) for t in tokenize("وبوتين للرئيس بالكرملين")]
    [('وبوتين', 'و', 'بوتين'), ('للرئيس', 'لل', 'رييس'), ('بالكرملين', 'ب', 'الكرملين')]

("and Putin", "to the president", "at the Kremlin")

A token is a run of Arabic letters (with their harakat and tatweel), a run of other letters
(Latin, ...), or a number (digits, with ``.`` or ``,`` between digits: ``3.5``, ``1,200``).
``key`` is :func:`~akhbar.arabic.normalize.to_key` of the surface. :func:`peel` splits the key
into ``proclitics`` (a conjunction و ف, a preposition ب ك ل, the article ال, in that order)
and ``base``, and keeps the other readings of an ambiguous word in ``readings``.

The one contract: **a letter comes off only when what remains is a word of its own.** How
often each form occurs in the ANT corpus (lexicon ``word_counts``) decides: "وسوريا" is و +
سوريا (سوريا 9,073 times), "كينيا" stays whole (ينيا is no word), "واضاف" is و + اضاف. The
article comes off where the bare word is common ("للرئيس": رييس) and stays where it is part
of a name ("بالكرملين": الكرملين, as كرملين alone is rare). The words of the name lexicons
(given names, places, organisations, agencies, media) never lose a letter but their article.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from akhbar.arabic.lexicon import load_entries, load_mapping
from akhbar.arabic.normalize import to_key

__all__ = [
    "Reading",
    "Token",
    "base_words",
    "key_forms",
    "lookup",
    "peel",
    "proclitic_spellings",
    "spell",
    "strip_clitics",
    "tokenize",
    "tokenize_with_marks",
]

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_ARABIC_LETTERS = "\u0620-\u063f\u0641-\u064a\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
_PRESENTATION = "\ufb50-\ufdff\ufe70-\ufefc"
# Invisible marks that the key form drops; inside a word they must not split it.
_INVISIBLE = "\u00ad\u061c\u200b\u200e\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069"
_LETTER = f"[{_ARABIC_LETTERS}{_PRESENTATION}]"
_WORD = re.compile(
    rf"{_LETTER}(?:[{_ARABIC_LETTERS}{_PRESENTATION}{_MARKS}]|[{_INVISIBLE}]+(?=[{_MARKS}{_INVISIBLE}]*{_LETTER}))*"
    r"|\d+(?:[.,٫٬]\d+)*"
    rf"|[^\W\d_\u0600-\u06ff{_PRESENTATION}]+"
)

V = TypeVar("V")
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
ARTICLE = "ال"
# The shortest base a cut may leave, by the last proclitic cut. A preposition needs three
# letters: "بعد" or "لدى" are whole words far more often than ب + "عد" or ل + "دى" (the
# shorter cut, as in "بأن" = ب + أن, stays among the other readings).
MIN_BASE = 2
_SHORTEST_BASE = {"و": 2, "ف": 2, "ب": 3, "ك": 3, "ل": 3, ARTICLE: 2}
# A remainder under COMMON must make this share of the whole's count: "واضحه" (596) is not و +
# اضحه (27), "كينيا" (69) not ك + ينيا (18).
_SHARE = {"و": 0.25, "ف": 0.25, "ب": 1.0, "ك": 1.0, "ل": 1.0}
# A run of letters longer than this is no word (the longest seen 3+ times in ANT has 15): it
# is not peeled, which also bounds how deep one word's peeling recurses.
LONGEST_WORD = 30
# A word (or remainder) is "seen" at this count: the least word_counts lists.
SEEN = 3
# A remainder this common is a word whatever the whole's count ("واضاف" 8,877 times, "اضاف"
# 440: the conjunction is the commoner form of a verb, yet اضاف is a word).
COMMON = 100
# The whole "takes proclitics of its own" when forms such as "وفادي" or "الوكالات" (a clitic
# that could not stand before the one we would cut) make this share of its count.
OWN_CLITICS_SHARE = 0.1
_FIRST_LETTERS = frozenset("وفبكلا")
# Chains ending in the preposition ل, which fuses with a base's article: ل + الرييس = للرييس.
_BEFORE_ARTICLE = frozenset({"ل", "ول", "فل"})
# Memos of word -> forms, bounded so a long-running process does not grow without limit.
_MEMO_LIMIT = 1 << 18


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a key-form word: its proclitics as written ("وب", "لل", "") and base."""

    proclitics: str
    base: str

    @property
    def word(self) -> str:
        """The word this reading reads: "لل" + "رييس" and "ل" + "الرييس" are "للرييس"."""
        return spell(self.proclitics, self.base)


@dataclass(frozen=True, slots=True)  # slots: an article of 10 MB holds 1.5 million
class Token:
    """One word (or, with ``is_word`` False, one punctuation mark): ``surface ==
    text[start:end]``, its key form, and its best reading (``proclitics`` + ``base``;
    a mark's base is its key). ``readings`` lists every plausible reading, best first."""

    start: int
    end: int
    surface: str
    key: str
    base: str
    is_word: bool = True
    proclitics: str = ""
    readings: tuple[Reading, ...] = field(default=(), compare=False)

    @property
    def bases(self) -> tuple[str, ...]:
        """The base of every reading, best first (a lexicon lookup tries them in order)."""
        return tuple(reading.base for reading in self.readings) or (self.base,)

    def forms(self, proclitics: Collection[str] | None = None) -> tuple[str, ...]:
        """The key, then the base of each reading (best first) whose proclitics are among
        ``proclitics`` (every reading when None): what a lexicon lookup tries, in order.

        >>> tokenize("وأكد")[0].forms(CONJUNCTIONS)
        ('واكد', 'اكد')
        """
        return key_forms(self.key, proclitics) if self.is_word else (self.key,)


def key_forms(key_word: str, proclitics: Collection[str] | None = None) -> tuple[str, ...]:
    """:meth:`Token.forms` of one key-form word (``proclitics`` hashable: a tuple)."""
    memo = _key_forms_memo()
    found = memo.get((key_word, proclitics))
    if found is None:
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        bases = (
            reading.base
            for reading in peel(key_word)
            if proclitics is None or reading.proclitics in proclitics
        )
        found = memo[(key_word, proclitics)] = tuple(dict.fromkeys((key_word, *bases)))
    return found


def proclitic_spellings(
    *, prepositions: Collection[str] = PREPOSITIONS, article: bool = True
) -> tuple[str, ...]:
    """Every proclitic chain as written, longest first, with only these prepositions and
    with or without the article: what a pattern over key text allows before a word.

    >>> proclitic_spellings(prepositions=("ب", "ل"), article=False)
    ('وب', 'ول', 'فب', 'فل', 'ب', 'ل', 'و', 'ف')
    """
    return tuple(
        written
        for chain, written in _chains()
        if (ARTICLE in chain) <= article
        and all(part in prepositions for part in chain if part in PREPOSITIONS)
    )


def lookup(
    table: Mapping[str, V], token: Token, proclitics: Collection[str] | None = None
) -> V | None:
    """The first non-empty value of ``table`` for one of ``token.forms(proclitics)``."""
    for form in token.forms(proclitics):
        found = table.get(form)
        if found:
            return found
    return None


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Words of ``text[start:end]`` with half-open offsets into ``text``."""
    out = []
    memo = _forms_memo()
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        surface = match.group()
        forms = memo.get(surface)
        if forms is None:
            if len(memo) > _MEMO_LIMIT:
                memo.clear()
            key = to_key(surface)
            readings = peel(key)
            forms = memo[surface] = (key, readings[0].base, True, readings[0].proclitics, readings)
        out.append(Token(match.start(), match.end(), surface, *forms))
    return tuple(out)


def tokenize_with_marks(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Words and single punctuation marks of ``text[start:end]``, offsets into ``text``: what
    the entity tagger reads (its gold data has commas and quotes as tokens).

    >>> [t.surface for t in tokenize_with_marks("قال بيسكوف: «نعم»")]
    ['قال', 'بيسكوف', ':', '«', 'نعم', '»']
    """
    end = len(text) if end is None else end
    out: list[Token] = []
    cursor = start
    for token in tokenize(text, start, end):
        out += _marks(text, cursor, token.start)
        out.append(token)
        cursor = token.end
    out += _marks(text, cursor, end)
    return tuple(out)


def _marks(text: str, start: int, end: int) -> list[Token]:
    out = []
    for index in range(start, end):
        char = text[index]
        if not char.isspace() and (key := _mark_key(char)).strip():
            out.append(Token(index, index + 1, char, key, key, False))
    return out


@cache
def _mark_key(char: str) -> str:
    return to_key(char)


def base_words(text: str) -> list[str]:
    """The ``base`` of every token of ``text``, in order: :func:`tokenize` without offsets.

    The fast path for matching; equal to ``[t.base for t in tokenize(text)]`` except where a
    mark sits between digits or a ligature expands to several words (ﷺ), as it reads the
    key form of the whole text.
    """
    return [strip_clitics(word) for word in _WORD.findall(to_key(text))]


def strip_clitics(key_word: str) -> str:
    """The base of one key-form word: :func:`peel`'s best reading.

    >>> strip_clitics("والتعاون"), strip_clitics("لبنان"), strip_clitics("كينيا")
    ('تعاون', 'لبنان', 'كينيا')
    """
    return peel(key_word)[0].base


def peel(key_word: str) -> tuple[Reading, ...]:
    """Every reading of one key-form word, best first (never empty): the cuts the counts make
    plausible, the whole word when it is seen (or nothing else is), then the other cuts the
    grammar allows, for lexicon lookups to try last.

    >>> [(r.proclitics, r.base) for r in peel("وسوريا")]
    [('و', 'سوريا'), ('', 'وسوريا')]
    >>> [(r.proclitics, r.base) for r in peel("فراس")]
    [('', 'فراس'), ('ف', 'راس')]
    """
    memo = _peel_memo()
    found = memo.get(key_word)
    if found is None:
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        found = memo[key_word] = _peel(key_word)
    return found


@dataclass(frozen=True)
class _Cut:
    chain: tuple[str, ...]  # the proclitics, e.g. ("و", "ل", "ال")
    written: str  # as they are spelt before this base: "ول" + "ال" is written "ولل"
    base: str


def _peel(word: str) -> tuple[Reading, ...]:
    whole = Reading("", word)
    if len(word) > LONGEST_WORD:
        return (whole,)  # no word: "بببب..." of a scraper's junk, read as it stands
    names = _name_words()
    seen = _count(word)
    ranked = []
    protected = _protected()
    every = _cuts(word, shortest=MIN_BASE)
    cuts = [cut for cut in every if len(cut.base) >= _SHORTEST_BASE[cut.chain[-1]]]
    for cut in () if word in _never_cut() else cuts:
        if word in names and cut.chain != (ARTICLE,):
            continue  # a name loses no letter but its article
        if not _compatible(cut):
            continue
        evidence = _evidence(word, seen, cut)
        if cut.base in protected or evidence:
            # The shortest cut first ("وكانت" is و + كانت, not وك + انت), a name before
            # another base, then the commoner base.
            ranked.append(((-len(cut.chain), cut.base in protected, evidence), cut))
    ranked.sort(key=lambda item: item[0], reverse=True)
    readings = [_composed(cut) for _, cut in ranked]
    if seen >= SEEN or not readings:
        readings.append(whole)
    if not ranked and seen < SEEN and word not in protected:
        # Neither the whole nor any remainder was seen: read a conjunction or the article off
        # ("و" + a rare word), keeping the whole as the second reading. A rare word opening
        # with ب ك ل is as often a name (بانيكوف) as a preposition + a rarer word.
        opening = [
            cut
            for cut in cuts
            if (cut.chain[0] in CONJUNCTIONS or cut.chain == (ARTICLE,)) and _compatible(cut)
        ]
        if opening:
            shortest = min(opening, key=lambda cut: len(cut.chain))
            readings.insert(0, Reading(shortest.written, shortest.base))
    # Then every other cut the grammar allows, shortest chain first: a lexicon of closed-class
    # words (speech verbs, cues) may try them ("وبحسب": و + بحسب after وب + حسب), and a
    # lexicon written without the article finds "الكرملين" as ال + كرملين.
    others = sorted(every, key=lambda cut: len(cut.chain))
    readings += [Reading(cut.written, cut.base) for cut in others]
    return tuple(dict.fromkeys(readings))


def _composed(cut: _Cut) -> Reading:
    """The cut with its base peeled in turn: "والتعاون" is و + التعاون, so وال + تعاون."""
    inner = peel(cut.base)[0]
    chain = cut.chain + _chain_of().get(inner.proclitics, ())
    if inner.proclitics and chain in _chain_set():
        return Reading(_written_of()[chain], inner.base)
    return Reading(cut.written, cut.base)


def _cuts(word: str, shortest: int | None = None) -> list[_Cut]:
    """Every proclitic chain ``word`` starts with, with the base it leaves (of at least
    ``shortest`` letters; by default, as many as the chain's last proclitic needs)."""
    out: list[_Cut] = []
    if word[:1] not in _FIRST_LETTERS:
        return out
    for chain, written in _chains():
        if word.startswith(written):
            base = word[len(written) :]
            bases = [base] if spell(written, base) == word else []  # not ل + "الاا"
            if chain[-1] == "ل" and base.startswith("ل") and len(base) > 2:
                bases.append("ا" + base)  # ل + الكرملين is written للكرملين (ل + ليبيا: لليبيا)
            out += [
                _Cut(chain, written, base)
                for base in bases
                if len(base) >= (shortest or _SHORTEST_BASE[chain[-1]])
            ]
    return out


def _compatible(cut: _Cut) -> bool:
    """The base's own best reading must not cut a proclitic that cannot follow ``cut``'s:
    "بوروسيا" is not ب + وروسيا, since وروسيا reads و + روسيا and ب never precedes و."""
    inner = peel(cut.base)
    if not inner[0].proclitics:
        return True
    inner_chain = _chain_of()[inner[0].proclitics]
    if inner_chain == (ARTICLE,) and Reading("", cut.base) in inner:
        return True  # the article's cut is lenient: "الالماني" may be ال + الماني
    return (cut.chain + inner_chain) in _chain_set()


def _evidence(word: str, seen: int, cut: _Cut) -> int:
    """How often the base occurs without this cut's last proclitic (at least 1), or 0 where
    that does not make the cut plausible. A conjunction needs a remainder seen a quarter as
    often as the whole or common outright ("واضاف" is 20 times as common as اضاف, yet اضاف
    is a word), a preposition one as common as the whole or common outright, the article
    only a remainder seen at all (see below). In every case the whole must not take
    proclitics of its own that could not stand before this cut."""
    last = cut.chain[-1]
    # A name is its own word, not evidence for its tail ("ليبيا" is not ل + يبيا).
    spelt = (
        spell(written, cut.base)
        for chain, written in _chains_with_empty()
        if not chain or chain[-1] != last
    )
    apart = sum(count for form in spelt if (count := _count(form)) and not _holds_name(form))
    if apart < SEEN:
        # ال is the article in nearly every word it starts, seen bare or not ("الموريتاني");
        # in a name it stays unless the bare word is seen ("الكرملين", "الكسندر").
        if last != ARTICLE or ARTICLE + cut.base in _name_words():
            return 0
        apart = 1
    if last != ARTICLE and seen >= SEEN and apart < min(COMMON, _SHARE[last] * seen):
        return 0
    # Forms that put a proclitic before the whole that could not precede this cut ("وفادي",
    # "الوكالات"; "الالماني": ألماني is no ال + ماني), unless they also spell a valid chain +
    # the base ("للصعود" is لل + صعود).
    own = sum(
        count
        for chain, written in _chains()
        if (chain + cut.chain) not in _chain_set()
        and (count := _count(form := spell(written, word)))
        and form not in _spellings(cut.base)
    )
    return 0 if own >= SEEN and own >= OWN_CLITICS_SHARE * seen else apart


@cache
def _spellings(base: str) -> frozenset[str]:
    """Every way ``base`` is written after a proclitic chain."""
    return frozenset(spell(written, base) for _, written in _chains())


@cache
def _holds_name(form: str) -> bool:
    names = _name_words()
    return form in names or any(cut.base in names for cut in _cuts(form))


def spell(written: str, base: str) -> str:
    """``base`` after the proclitics ``written``: "ل" + "الرييس" is written "للرييس".

    >>> spell("ل", "الرييس"), spell("وب", "حسب")
    ('للرييس', 'وبحسب')
    """
    if written in _BEFORE_ARTICLE and base.startswith(ARTICLE) and len(base) > 3:
        return written + base[1:]  # ل + الرييس -> للرييس
    return written + base


def _count(word: str) -> int:
    return _counts().get(word, 0)


@cache
def _chains() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Every non-empty proclitic chain and its spelling, longest first."""
    out = []
    for conjunction in ((), *((c,) for c in CONJUNCTIONS)):
        for preposition in ((), *((p,) for p in PREPOSITIONS)):
            for article in ((), (ARTICLE,)):
                chain = conjunction + preposition + article
                if chain:
                    out.append((chain, "".join(chain).replace("لال", "لل")))
    return tuple(sorted(out, key=lambda item: -len(item[1])))


@cache
def _chain_of() -> dict[str, tuple[str, ...]]:
    return {written: chain for chain, written in _chains()}


@cache
def _written_of() -> dict[tuple[str, ...], str]:
    return dict(_chains())


@cache
def _chains_with_empty() -> tuple[tuple[tuple[str, ...], str], ...]:
    return (((), ""), *_chains())


@cache
def _chain_set() -> frozenset[tuple[str, ...]]:
    return frozenset(chain for chain, _ in _chains())


@cache
def _counts() -> dict[str, int]:
    return {word: int(count) for word, count in load_mapping("word_counts").items()}


@cache
def _never_cut() -> frozenset[str]:
    return frozenset(load_entries("clitic_exceptions"))


@cache
def _protected() -> frozenset[str]:
    return _name_words() | _never_cut()


@cache
def _name_words() -> frozenset[str]:
    """Every word of the name lexicons: given names, places, organisations, agencies, media."""
    entries = [*load_entries("ner_given_names"), *load_entries("org_names")]
    entries += load_entries("media_names")
    for lexicon in ("gazetteer_places", "news_agencies"):
        for entry, value in load_mapping(lexicon).items():
            entries += (entry, value.split("\t")[0])
    # Two-letter words of names are initials ("ا ف ب"), not names.
    return frozenset(word for entry in entries for word in to_key(entry).split() if len(word) > 2)


@cache
def _key_forms_memo() -> dict[tuple[str, Collection[str] | None], tuple[str, ...]]:
    return {}


@cache
def _peel_memo() -> dict[str, tuple[Reading, ...]]:
    return {}


@cache
def _forms_memo() -> dict[str, tuple]:
    """Surface -> token forms: news repeats its words, and they are pure functions of it."""
    return {}
