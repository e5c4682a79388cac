"""Sentence splitting for clean Arabic news text.

    >>> [s.text for s in split_sentences("قال د. أحمد إن الوضع هادئ. وأضاف أنه متفائل")]
    ['قال د. أحمد إن الوضع هادئ.', 'وأضاف أنه متفائل']

("Dr. Ahmad said the situation is calm. He added that he is optimistic.")

Rules, each chosen on the ANT corpus and the seeds (see ``benchmarks/sentences.py``):

- A line break always ends a sentence, so a headline or subheading line without final
  punctuation is a sentence of its own.
- ``.`` ``!`` ``?`` ``؟`` and ellipses (``..``, ``...``, ``…``) end a sentence when followed
  by whitespace or the end of the line; closing quotes and brackets right after them stay
  with the sentence. A dot with no space after it (``3.5``, ``20.03.2025``, ``العربية.نت``,
  ``aboutmsr.com``, ``سي.إن.إن``) never ends one.
- The Arabic semicolon ``؛`` and comma ``،`` never end a sentence: in ANT ``؛`` separates
  clauses and list items inside one sentence ("... لسنوات؛ ما سبب فراغًا ...").
- A dot after an abbreviation (lexicon ``abbreviations``: ``د.`` ``م.`` ``أ.د.`` ...), any
  single Arabic letter or a single Latin initial does not end a sentence, except an era
  letter after a number ("عام 2015 م.", lexicon ``era_markers``).
- A dot after a list number at the start of a line ("1. ") or alone between two numbers
  ("82 . 87") does not end a sentence.
- Inside a quotation ("..." “...” «...» on one line) nothing ends the sentence; the
  quotation's own closing mark may be followed by the boundary (``قال: "انتهى." وأضاف``).
  Quote marks are told apart by their neighbours, so mismatched pairs such as
  ``“خبر مباشر“`` pair up; an opening mark that never closes on its line protects nothing.
- An ellipsis inside a *headline-like* line (no final punctuation, at most
  ``HEADLINE_MAX_WORDS`` words) joins two clauses of the headline and is not a boundary:
  "في رسالة إلى الرئيس الشرع.. بوتين يدعو إلى تعزيز التعاون مع سوريا" is one sentence.
- A markdown image (``![alt](url)``) is never split, and a bullet marker (``- ``, ``• ``)
  at the start of a line is left out of the sentence.
"""

from __future__ import annotations

import logging
import re
from functools import cache

from akhbar.arabic.lexicon import load_entries
from akhbar.arabic.normalize import to_key
from akhbar.model import Sentence

__all__ = ["HEADLINE_MAX_WORDS", "MAX_SENTENCE_WORDS", "quotations", "split_sentences"]

logger = logging.getLogger(__name__)

# A line with no final punctuation and at most this many words reads as a headline. Seed and
# ANT headlines run 6-18 words; body lines that lack a final stop are mostly much longer.
HEADLINE_MAX_WORDS = 25

# A run of text with no sentence end is cut after this many words, so the work per sentence is
# bounded and an article's costs grow with its length (a scraped page without punctuation,
# a megabyte on one line). In a sixth of the ANT corpus (51,646 sentences) 99.9 % have at
# most 95 words and 3 have more than 250, all lists.
MAX_SENTENCE_WORDS = 250
_WORDS = re.compile(r"\S+")

_CLOSERS = "\"'”“’»)]}"
# A run of terminal marks, the closing quotes/brackets that belong to it, then a space or the
# end of the text.
_CANDIDATE = re.compile(r"[.!?؟…]+[" + re.escape(_CLOSERS) + r"]*(?=\s|\Z)")
_LINE = re.compile(r"[^\n]+")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_QUOTE = re.compile(r"[\"“”„‟«»]")
_BULLET = re.compile(r"[-•–]\s+")
_LIST_NUMBER = re.compile(r"\d{1,2}")
_EDGE = frozenset(" \t\r\f\v\u00a0\u2009\u202f\u200b\u200c\u200d\u200e\u200f\u061c\ufeff")
_FINAL = frozenset(".!?؟…:")
# Left context after which a quote mark opens a quotation; right context before which it closes.
_OPENS_AFTER = frozenset(" \t\u00a0([{:،-—\n")
_CLOSES_BEFORE = frozenset(" \t\u00a0)]}.,،؛:!?؟…\n")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_entries("abbreviations"))


@cache
def _era_markers() -> frozenset[str]:
    return frozenset(load_entries("era_markers"))


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split display ``text`` into sentences with half-open offsets into it.

    >>> [s.text for s in split_sentences("بوتين يهاتف الشرع\\nأكد الكرملين ذلك. وأضاف")]
    ['بوتين يهاتف الشرع', 'أكد الكرملين ذلك.', 'وأضاف']
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        spans.extend(_split_line(text, line.start(), line.end()))
    return tuple(
        Sentence(index=i, start=start, end=end, text=text[start:end])
        for i, (start, end) in enumerate(spans)
    )


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    start, end = _trim(text, start, end)
    if start >= end:
        return []
    bullet = _BULLET.match(text, start, end)
    if bullet:
        start = bullet.end()
    cuts = [cut for cut in _boundaries(text, start, end) if start < cut < end]
    out = []
    for a, b in zip([start, *cuts], [*cuts, end], strict=True):
        a, b = _trim(text, a, b)
        if a < b and any(ch.isalnum() for ch in text[a:b]):
            out += _capped(text, a, b)
    return out


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` as pieces of at most ``MAX_SENTENCE_WORDS`` words, cut between words."""
    starts = [m.start() for m in _WORDS.finditer(text, start, end)]
    if len(starts) <= MAX_SENTENCE_WORDS:
        return [(start, end)]
    firsts = starts[::MAX_SENTENCE_WORDS]
    pieces = [_trim(text, a, b) for a, b in zip(firsts, [*firsts[1:], end], strict=True)]
    return [(a, b) for a, b in pieces if a < b and any(ch.isalnum() for ch in text[a:b])]


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets in ``[start, end)`` of one line after which a sentence ends."""
    candidates = list(_CANDIDATE.finditer(text, start, end))
    if not candidates:
        return []
    protected = _protected_regions(text, start, end)
    headline: bool | None = None
    cuts = []
    for match in candidates:
        mark, cut = match.start(), match.end()
        if any(a < mark and cut <= b for a, b in protected):
            continue
        run = text[mark : match.end()].rstrip(_CLOSERS)
        if run == "." and _dot_is_not_final(text, start, mark, end):
            continue
        if "…" in run or ".." in run:
            if headline is None:
                headline = _is_headline_like(text, start, end)
            if headline:
                continue
        cuts.append(cut)
    return cuts


def _dot_is_not_final(text: str, line_start: int, dot: int, line_end: int) -> bool:
    """True when the single dot at ``dot`` belongs to an abbreviation or a number."""
    space = text.rfind(" ", line_start, dot)
    word_start = line_start if space < 0 else space + 1
    word = text[word_start:dot].lstrip("([{\"'“”«")
    if not word:
        # A lone dot between numbers ("82 . 87") separates list items.
        before = text[line_start:dot].rstrip()
        after = text[dot + 1 : line_end].lstrip()
        return bool(before[-1:].isdigit() and after[:1].isdigit())
    if word_start == line_start and _LIST_NUMBER.fullmatch(word):
        return True
    key = to_key(word)
    if key in _era_markers() and _previous_word_is_number(text, line_start, word_start):
        return False
    return all(_is_abbreviation(part) for part in key.split("."))


def _is_abbreviation(key: str) -> bool:
    if key in _abbreviations():
        return True
    # A single letter: a Latin initial ("J. Smith") or an Arabic one ("ب. علي").
    return len(key) == 1 and key.isalpha()


def _previous_word_is_number(text: str, line_start: int, word_start: int) -> bool:
    before = text[line_start:word_start].rstrip()
    return before[-1:].isdigit()


def _is_headline_like(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].rstrip(_CLOSERS + " ")
    if stripped[-1:] in _FINAL:
        return False
    return len(stripped.split()) <= HEADLINE_MAX_WORDS


def quotations(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """Quotations in ``text[start:end]``, line by line, as (opening mark, closing mark) offsets.

    Quote marks are told apart by their neighbours, so a mismatched pair such as
    “خبر مباشر“ still closes.
    """
    end = len(text) if end is None else end
    found: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start, end):
        regions = _protected_regions(text, line.start(), line.end())
        found.extend(r for r in regions if r[0] >= 0 and _QUOTE.match(text, r[0]))
    return tuple(sorted(found))


def _protected_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations and markdown images on one line, as ``(open, close)`` offsets."""
    regions = [(m.start() - 1, m.end()) for m in _IMAGE.finditer(text, start, end)]
    open_double: int | None = None
    open_guillemet: int | None = None
    for match in _QUOTE.finditer(text, start, end):
        pos = match.start()
        char = text[pos]
        if char in "«»":
            if char == "«":
                open_guillemet = pos
            elif open_guillemet is not None:
                regions.append((open_guillemet, pos))
                open_guillemet = None
            continue
        role = _quote_role(text, pos, start, end)
        if role == "open" or (role == "either" and open_double is None):
            open_double = pos
        elif open_double is not None:
            regions.append((open_double, pos))
            open_double = None
    return regions


def _quote_role(text: str, pos: int, start: int, end: int) -> str:
    """``open``, ``close`` or ``either`` for the quote mark at ``pos``, from its neighbours."""
    left = text[pos - 1] if pos > start else " "
    right = text[pos + 1] if pos + 1 < end else " "
    opens = left in _OPENS_AFTER and right not in _CLOSES_BEFORE
    closes = right in _CLOSES_BEFORE and left not in _OPENS_AFTER
    if opens:
        return "open"
    if closes:
        return "close"
    return "either"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace and invisible marks at both edges."""
    while start < end and (text[start] in _EDGE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1].isspace()):
        end -= 1
    return start, end
