"""What a time rule reports for one match, and the small helpers the rules share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from akhbar.analyze.times.lexicon import TimeLexicon
from akhbar.arabic.tokens import CONJUNCTIONS, key_forms
from akhbar.model import TimeRule

__all__ = ["Context", "Found", "next_word", "previous_word", "squash", "to_int"]

_WORD = re.compile(r"[^\s\W]+|[()\"']")
_CLAUSE_END = re.compile(r"[.!?؟\n،,]")
# Characters of the clause before a weekday searched for a future cue ("من المقرر أن ...").
_FUTURE_LOOKBACK = 60
# "قال إن ...": what follows is what was said, not when it was said.
_COMPLEMENTS = frozenset({"ان", "انه", "انها", "بان", "بانه", "بانها", "وان", "وانه", "وانها"})
_CONDITIONALS = frozenset({"لو", "اذا", "ما", "حال", "ولو", "واذا"})


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
    rule: TimeRule | None = None  # how a relative value follows from the anchor


@dataclass(frozen=True)
class Context:
    """The key text being searched, the anchor date and the word lists."""

    key: str
    anchor: dt.date | None
    lex: TimeLexicon

    def tense(self, position: int) -> int:
        """1 or -1 when the nearest cue in the clause before ``position`` is a future cue
        ("سيعقد", "من المقرر") or a past-tense verb ("وقع", "توفيت"); 0 without one."""
        window = self.key[max(0, position - _FUTURE_LOOKBACK) : position]
        ends = list(_CLAUSE_END.finditer(window))
        words = window[ends[-1].end() :].split() if ends else window.split()
        complement = False
        for distance, word in enumerate(reversed(words)):
            if word in self.lex.future_cues:
                return 1
            cues = self.lex.past_cues
            kind = next((cues[f] for f in key_forms(word, CONJUNCTIONS) if f in cues), None)
            if kind == "event" or (kind == "report" and distance < 4 and not complement):
                before = words[-distance - 2] if distance + 2 <= len(words) else ""
                return 0 if before in _CONDITIONALS else -1
            complement = complement or word in _COMPLEMENTS
        return 0


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
