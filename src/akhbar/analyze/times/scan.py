"""Speed for long texts: where to run each time pattern.

Running fourteen patterns over every character of a ten-year archive is slow, and most
of a news text holds no time at all. So one fast pass finds the words a pattern needs
(a month name for dates, a unit word for durations, a four-digit number for years) and
each pattern then runs only in a window around them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["regions"]

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
