"""The *key* form of Arabic text: what akhbar matches on. Display text is never changed.

The key form folds the spelling variation that Arabic news shows for one word:

    >>> to_key("سورية")   # Syria, the ة spelling
    'سوريه'
    >>> to_key("سوريا") == to_key("سوريّا")   # a shadda does not matter
    True
    >>> to_key("إبريل") == to_key("أبريل")    # nor the hamza seat on alef
    True

What it folds: alef forms (أ إ آ ٱ) to ا, hamza seats ؤ→و and ئ→ي, ى→ي, ة→ه,
Persian letters (ک ی ھ) to Arabic ones, the letters some outlets use for foreign sounds
(پ چ ژ ڤ گ ڨ ڭ) to the letters others write for them (ب ج ز ف ك ق ك), tatweel and
harakat (removed), Arabic-Indic and Persian digits to ASCII, quote-mark variants to ``"``
and ``'``, NFKC presentation forms and ligatures (ﻻ → لا), zero-width and bidi marks
(removed), and Latin case. Each character maps to zero or more key characters
independently of its neighbours, so :func:`key_with_offsets` can map every key position
back to the display text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache

__all__ = ["KeyOffsets", "KeyText", "key_with_offsets", "to_key"]

_ALEF = "ا"
_FOLDS: dict[str, str] = {
    "أ": _ALEF,
    "إ": _ALEF,
    "آ": _ALEF,
    "ٱ": _ALEF,
    "ٲ": _ALEF,
    "ٳ": _ALEF,
    "ؤ": "و",
    "ئ": "ي",
    "ى": "ي",
    "ة": "ه",
    "ک": "ك",
    "ڪ": "ك",
    "ی": "ي",
    "ې": "ي",
    "ھ": "ه",
    "ہ": "ه",
    "ۀ": "ه",
    "ە": "ه",
    # Letters for sounds Arabic lacks, in transliterated names: "ڤلاديمير" is "فلاديمير".
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    "ڤ": "ف",
    "ڥ": "ف",
    "گ": "ك",
    "ڨ": "ق",
    "ڭ": "ك",
    # quote-mark variants: one double and one single quote in key text
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "«": '"',
    "»": '"',
    "″": '"',
    "＂": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "‹": "'",
    "›": "'",
    "′": "'",
    "`": "'",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
}
# Removed entirely: tatweel, zero-width and bidi controls, BOM, soft hyphen.
_DROPPED = frozenset(
    "\u0640\u00ad\ufeff\u061c\u200b\u200c\u200d\u200e\u200f\u2060"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {
    chr(0x06F0 + i): str(i) for i in range(10)
}


def _is_arabic_mark(char: str) -> bool:
    # Harakat, shadda, sukun, superscript alef and Quranic annotation marks.
    code = ord(char)
    return (
        0x064B <= code <= 0x065F
        or code == 0x0670
        or 0x0610 <= code <= 0x061A
        or 0x06D6 <= code <= 0x06ED
    )


def _fold_one(char: str) -> str:
    if char in _DROPPED or _is_arabic_mark(char):
        return ""
    if char in _DIGITS:
        return _DIGITS[char]
    if char in _FOLDS:
        return _FOLDS[char]
    out = []
    for piece in unicodedata.normalize("NFKC", char):
        if piece in _DROPPED or _is_arabic_mark(piece):
            continue
        piece = _DIGITS.get(piece, _FOLDS.get(piece, piece))
        out.append(piece.lower())
    return "".join(out)


class _FoldTable(dict[int, str]):
    """A str.translate table that computes each code point's fold once, on first sight."""

    def __missing__(self, code: int) -> str:
        folded = _fold_one(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


@cache
def _folding_pattern() -> re.Pattern[str]:
    # Most characters of Arabic news fold to themselves; matching only those that do and
    # folding each match is about twice as fast as str.translate over every character.
    # Built once (about 60 ms) from the same per-character fold, so both paths agree.
    changing = [
        chr(code)
        for code in range(0x10000)
        if not 0xD800 <= code <= 0xDFFF and _fold_one(chr(code)) != chr(code)
    ]
    return re.compile("[" + "".join(map(re.escape, changing)) + "\U00010000-\U0010ffff]")


def _fold_match(match: re.Match[str]) -> str:
    return _TABLE[ord(match.group())]


def to_key(text: str) -> str:
    """Return the key form of ``text`` (fast path: no offsets)."""
    return _folding_pattern().sub(_fold_match, text)


class KeyText:
    """A key form together with the map from key positions back to display positions.

    ``origin[i]`` is the display offset of the character that produced key character
    ``i``; ``origin[len(key)] == len(display)``. A key match ``[i, j)`` therefore comes
    from display ``[display_start(i), display_end(j))``.
    """

    __slots__ = ("display", "key", "origin")

    def __init__(self, display: str, key: str, origin: tuple[int, ...]) -> None:
        self.display = display
        self.key = key
        self.origin = origin

    def display_start(self, key_index: int) -> int:
        return self.origin[key_index]

    def display_end(self, key_end: int) -> int:
        """Display end of a key match ending at ``key_end`` (exclusive), marks included."""
        if key_end == 0:
            return 0
        last = self.origin[key_end - 1]
        nxt = self.origin[key_end]
        # Characters folded to nothing (harakat, tatweel) after the last matched letter
        # belong to it: "الشرعَ" matched as "الشرع" spans the fatha too.
        return nxt if nxt > last else last + 1

    def display_span(self, key_start: int, key_end: int) -> tuple[int, int]:
        return self.display_start(key_start), self.display_end(key_end)


def key_with_offsets(text: str) -> KeyText:
    """Return the key form of ``text`` with an offset map back to ``text``."""
    key_parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _TABLE[ord(char)]
        if folded:
            key_parts.append(folded)
            origin.extend([index] * len(folded))
    origin.append(len(text))
    return KeyText(text, "".join(key_parts), tuple(origin))


@cache
def _irregular() -> re.Pattern[str]:
    """Characters whose key form is not exactly one character (harakat, tatweel, ligatures).

    Computed once over the Basic Multilingual Plane; every astral character is treated as
    possibly irregular and measured where it occurs.
    """
    odd = [code for code in range(0x10000) if len(to_key(chr(code))) != 1]
    ranges: list[tuple[int, int]] = []
    for code in odd:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    body = "".join(
        re.escape(chr(low)) + ("-" + re.escape(chr(high)) if high > low else "")
        for low, high in ranges
    )
    return re.compile(f"[{body}\U00010000-\U0010ffff]")


class KeyOffsets:
    """The key form of a text and the display offsets of key offsets.

    Same answers as :meth:`akhbar.arabic.normalize.KeyText.display_span`, but only the
    characters that do not fold one-to-one are recorded, so a text without harakat costs
    one ``to_key`` call.
    """

    __slots__ = ("_folds", "_key_starts", "_positions", "display", "key")

    def __init__(self, display: str) -> None:
        self.display = display
        self.key = to_key(display)
        positions: list[int] = []
        folds: list[int] = []
        key_starts: list[int] = []
        delta = 0
        for match in _irregular().finditer(display):
            fold = len(to_key(match.group()))
            if fold == 1:
                continue
            positions.append(match.start())
            folds.append(fold)
            key_starts.append(match.start() + delta)
            delta += fold - 1
        self._positions, self._folds, self._key_starts = positions, folds, key_starts

    def display_start(self, key_index: int) -> int:
        """Display offset of the character that produced key character ``key_index``."""
        if key_index >= len(self.key):
            return len(self.display)
        index = bisect_right(self._key_starts, key_index) - 1
        if index < 0:
            return key_index
        start = self._key_starts[index]
        if key_index < start + self._folds[index]:
            return self._positions[index]
        return self._positions[index] + 1 + key_index - start - self._folds[index]

    def display_span(self, key_start: int, key_end: int) -> tuple[int, int]:
        if key_end == 0:
            return 0, 0
        last = self.display_start(key_end - 1)
        after = self.display_start(key_end)
        return self.display_start(key_start), (after if after > last else last + 1)
