"""Speed for long texts: where to run each time pattern, and cheap key-to-display offsets.

Running fourteen patterns over every character of a ten-year archive is slow, and most
of a news text holds no time at all. So one fast pass finds the words a pattern needs
(a month name for dates, a unit word for durations, a four-digit number for years) and
each pattern then runs only in a window around them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from functools import cache

from akhbar.arabic.normalize import to_key

__all__ = ["KeyOffsets", "regions"]

# Characters scanned before and after a trigger word: enough for the longest prefix
# ("الثلاثاء، مطلع الحادي والعشرين من") and suffix ("/ كانون الثاني عام 2024 الماضي").
_BEFORE = 70
_AFTER = 70


def regions(
    key: str, triggers: Mapping[str, frozenset[str]], trigger_words: re.Pattern[str]
) -> dict[str, list[tuple[int, int]]]:
    """For each pattern name, the merged ``[start, end)`` key windows worth scanning."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for match in trigger_words.finditer(key):
        for name in triggers[match.group()]:
            spans.setdefault(name, []).append(match.span())
    return {name: _merge(key, found) for name, found in spans.items()}


def _merge(key: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        low, high = max(0, start - _BEFORE), min(len(key), end + _AFTER)
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    # A window must not end inside a word: a pattern's "(?!\w)" cannot see past it.
    out = []
    for low, high in merged:
        while high < len(key) and (key[high].isalnum() or key[high] == "_"):
            high += 1
        out.append((low, high))
    return out


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
