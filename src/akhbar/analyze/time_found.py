"""What a time rule reports for one match, and the small helpers the rules share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from akhbar.analyze.time_lexicon import TimeLexicon

__all__ = ["Context", "Found", "next_word", "previous_word", "squash", "to_int"]

_WORD = re.compile(r"[^\s\W]+|[()\"']")
_CLAUSE_END = re.compile(r"[.!?؟\n،,]")
# Characters of the clause before a weekday searched for a future cue ("من المقرر أن ...").
_FUTURE_LOOKBACK = 60


@dataclass(frozen=True)
class Found:
    """A time expression found on the key form: key offsets and a TimeML reading."""

    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    precision: str | None
    relative: bool = False
    mod: str | None = None
    weekday_conflict: bool = False


@dataclass(frozen=True)
class Context:
    """The key text being searched, the anchor date and the word lists."""

    key: str
    anchor: dt.date | None
    lex: TimeLexicon

    def is_future(self, position: int) -> bool:
        """Whether the clause before ``position`` holds a future cue ("سيعقد", "من المقرر")."""
        window = self.key[max(0, position - _FUTURE_LOOKBACK) : position]
        ends = list(_CLAUSE_END.finditer(window))
        if ends:
            window = window[ends[-1].end() :]
        return any(word in self.lex.future_cues for word in window.split())


def squash(words: str) -> str:
    """A matched phrase with its inner spaces made single, as lexicon entries are written."""
    return " ".join(words.split())


def to_int(text: str | None, words: dict[str, int] | None = None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    return (words or {}).get(squash(text))


def previous_word(key: str, position: int) -> str:
    """The word (or bracket) just before ``position`` in the key text."""
    words = _WORD.findall(key[max(0, position - 30) : position])
    return words[-1] if words else ""


def next_word(key: str, position: int) -> str:
    match = _WORD.search(key, position, min(len(key), position + 30))
    return match.group() if match else ""
