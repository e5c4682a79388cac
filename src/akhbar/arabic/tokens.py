"""Word tokens of display text, with key forms and clitic-stripped bases.

    >>> [(t.surface, t.base) for t in tokenize("وبوتين للرئيس بالشرع")]
    [('وبوتين', 'بوتين'), ('للرئيس', 'رييس'), ('بالشرع', 'شرع')]

("and Putin", "to the president", "with al-Sharaa")

A token is a run of Arabic letters (with their harakat and tatweel), a run of other letters
(Latin, ...), or a number (digits, with ``.`` or ``,`` between digits: ``3.5``, ``1,200``).
``key`` is :func:`~akhbar.arabic.normalize.to_key` of the surface; ``base`` is the key with
its proclitics removed by :func:`strip_clitics`. The base drops the article ``ال`` too, so
``الشرع``, ``بالشرع`` and ``للشرع`` share the base ``شرع``; use ``key`` where the article
matters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from akhbar.arabic.lexicon import load_entries
from akhbar.arabic.normalize import to_key

__all__ = ["Token", "base_words", "strip_clitics", "tokenize", "tokenize_with_marks"]

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

# Proclitic chains in key form: an optional conjunction (و ف), then a preposition (ب ك ل),
# the article (ال) or both (بال كال, and لل for ل + ال). Longest first.
_ARTICLE_PREFIXES = ("بال", "كال", "لل", "ال")
_PREPOSITIONS = ("ب", "ك", "ل")
_CONJUNCTIONS = ("و", "ف")
# The shortest base a strip may leave. A preposition without the article needs three letters:
# "بعد" or "لدى" are whole words far more often than ب + "عد" or ل + "دى".
MIN_BASE = 2
MIN_BASE_AFTER_PREPOSITION = 3
# Memos of word -> forms, bounded so a long-running process does not grow without limit.
_MEMO_LIMIT = 1 << 18


@dataclass(frozen=True)
class Token:
    """One word (or, with ``is_word`` False, one punctuation mark): ``surface ==
    text[start:end]``, its key form and its clitic-free base (a mark's base is its key)."""

    start: int
    end: int
    surface: str
    key: str
    base: str
    is_word: bool = True


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
            forms = memo[surface] = (key, strip_clitics(key))
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
    memo = _base_memo()
    return [
        memo[word] if word in memo else strip_clitics(word) for word in _WORD.findall(to_key(text))
    ]


@cache
def _prefixes() -> tuple[tuple[str, int], ...]:
    """Every proclitic chain with the shortest base it may leave, longest chain first."""
    chains = [(a, MIN_BASE) for a in _ARTICLE_PREFIXES]
    chains += [(p, MIN_BASE_AFTER_PREPOSITION) for p in _PREPOSITIONS]
    with_conjunction = [(c + p, n) for c in _CONJUNCTIONS for p, n in chains]
    chains += with_conjunction + [(c, MIN_BASE) for c in _CONJUNCTIONS]
    return tuple(sorted(chains, key=lambda chain: -len(chain[0])))


@cache
def _protected() -> frozenset[str]:
    return frozenset(load_entries("clitic_exceptions"))


@cache
def _base_memo() -> dict[str, str]:
    return {}


@cache
def _forms_memo() -> dict[str, tuple[str, str]]:
    """Surface -> (key, base): news repeats its words, and both are pure functions of it."""
    return {}


def strip_clitics(key_word: str) -> str:
    """The base of one key-form word: its proclitics (و ف ب ك ل ال لل) removed.

    >>> strip_clitics("والتعاون"), strip_clitics("لبنان"), strip_clitics("وبوتين")
    ('تعاون', 'لبنان', 'بوتين')

    Words in the ``clitic_exceptions`` lexicon begin with a letter that only looks like a
    clitic (لبنان, بوتين, كامل); they are never stripped, and a chain that would cut into
    one (و + بوتين, not وب + وتين) loses only the letters before it.
    """
    memo = _base_memo()
    if key_word not in memo:
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        memo[key_word] = _strip(key_word)
    return memo[key_word]


def _strip(key_word: str) -> str:
    protected = _protected()
    if key_word in protected:
        return key_word
    options = [
        key_word[len(prefix) :]
        for prefix, shortest in _prefixes()
        if key_word.startswith(prefix) and len(key_word) - len(prefix) >= shortest
    ]
    for rest in reversed(options):  # shortest chain first: keep as much of the word as we can
        if rest in protected:
            return rest
    return options[0] if options else key_word
