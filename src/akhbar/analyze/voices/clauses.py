"""Reading one speech verb's clause: its speaker, what it relays through, and its content.

    وأفاد المتحدث باسم الكرملين، دميتري بيسكوف، بأن بوتين أكد ...
    verb  ─────── speaker ───────────────────  intro  content

("The Kremlin spokesman, Dmitry Peskov, said that Putin stressed ...")

Between the speaker and the intro (أن، إلى أن، ":" or a quotation) may stand what the speech
came through: "، بحسب ما أوردته وكالات أنباء روسية،", "لوكالة رويترز", or "عن مصدر" after
a relaying verb (then the verb's subject is the channel and the phrase after عن the speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from akhbar.analyze.voices.words import (
    HEAD_ROLES,
    Words,
    attribution_cue,
    read_phrase,
    roles,
)

__all__ = ["Clause", "read_clause", "read_source", "subject_before"]

# Words allowed between a speaker and the intro (أن): a time word, "في بيان", a channel.
GAP_MAX_WORDS = 12
# A subject before its verb ("بيسكوف رفض التعليق", headlines "بوتين يدعو") is short.
SUBJECT_BEFORE_MAX_WORDS = 6
# After "بحسب ما", relaying words skipped before the source's head ("ما أوردته", "ما ورد في").
SKIP_AFTER_MA = 3
# A quotation right after a verb is its content from this many words (shorter: scare quotes).
QUOTE_MIN_WORDS = 4
_SOFT_END = re.compile(r"[،,]")
_TRAILING = " \t\u00a0.،,؛:!?؟…-–—\"'“”«»"


@dataclass(frozen=True)
class Clause:
    """Word indices of one speech verb's parts; ``None`` where a part is absent."""

    speaker: tuple[int, int] | None  # [start, end) word indices
    via: tuple[tuple[int, int], ...]
    intro: str  # complement | quote | call | none
    content: tuple[int, int] | None  # display offsets [start, end)


def read_clause(words: Words, verb: int, last: int, polarity: str, form: str) -> Clause:
    """The speaker, channels and content of the speech verb at ``verb`` (last word ``last``).

    A participle (مشيراً) has no subject of its own: its content must follow at once.
    """
    tokens = words.tokens
    start = verb + 1
    end = start if form == "participle" else read_phrase(words, start)
    if polarity == "decline" and last > verb:
        start, end = verb + 1, last  # VSO decline: "رفض المتحدث التعليق"
        end = max(start, min(end, last))
    speaker = (start, end) if end > start else None
    via: list[tuple[int, int]] = []
    j = max(end, last + 1)
    limit = min(len(tokens), j + (1 if form == "participle" else GAP_MAX_WORDS))
    first = j
    while j < limit:
        intro = _intro_at(words, j, polarity, adjacent=j == first)
        if intro is not None:
            return Clause(speaker, tuple(via), intro[0], intro[1])
        if polarity == "decline":
            break
        word_roles = roles(tokens[j])
        if "breaker" in word_roles or (j > 0 and "." in words.gap(j)):
            break
        step = _channel_at(words, j)
        if step is not None:
            phrase, relay = step
            if relay:
                if speaker is not None:
                    via.append(speaker)
                speaker = phrase if phrase[1] > phrase[0] else speaker
            elif phrase[1] > phrase[0]:
                via.append(phrase)
            j = max(phrase[1], j + 1)
            continue
        j += 1
    if polarity == "decline":
        return Clause(speaker, tuple(via), "none", _decline_topic(words, last))
    return Clause(speaker, tuple(via), "none", None)


def _intro_at(
    words: Words, j: int, polarity: str, *, adjacent: bool
) -> tuple[str, tuple[int, int] | None] | None:
    """(intro kind, content offsets) when the content of the clause starts at word ``j``.

    A quotation is the content only right after the verb or speaker, or after a colon, and
    only when longer than a scare quote: in "أكد دعمه "وحدة الأراضي"" the verb has an object.
    """
    tokens = words.tokens
    if j > 0:
        region = words.region_opening_in_gap(j)
        colon = ":" in words.text[tokens[j - 1].end : region[0]] if region else False
        if (
            region is not None
            and (adjacent or colon)
            and not roles(tokens[j - 1]) & HEAD_ROLES
            and len(words.text[region[0] + 1 : region[1]].split()) > QUOTE_MIN_WORDS - 1
        ):
            return "quote", (region[0] + 1, region[1])
    word_roles = roles(tokens[j])
    if "complement" in word_roles:
        if j > 0 and "breaker" in roles(tokens[j - 1]):
            return None
        return "complement", content_after(words, j)
    if "link" in word_roles and j + 1 < len(tokens):
        if "complement" in roles(tokens[j + 1]):
            return "complement", content_after(words, j + 1)
        if polarity == "call" and tokens[j].key.endswith("الي"):
            return "call", content_after(words, j)
    return None


def _channel_at(words: Words, j: int) -> tuple[tuple[int, int], bool] | None:
    """A channel phrase starting at word ``j``: (its word span, True when it is "عن X")."""
    token = words.tokens[j]
    word_roles = roles(token)
    if "relay" in word_roles:
        return read_source(words, j + 1), True
    if attribution_cue(token) in {"according", "via"}:
        after = j + 1
        if after < len(words.tokens) and "relay" in roles(words.tokens[after]):
            return read_source(words, after + 1), True  # نقلاً عن X: X spoke, the verb relays
        return read_source(words, after), False
    if token.key in {"ل", "لـ"} or (token.key.startswith("ل") and word_roles & HEAD_ROLES):
        # Told to an outlet: "قال لوكالة رويترز"; "لـ" alone is its own word.
        start = j + 1 if len(token.key) == 1 else j
        return (start, read_phrase(words, start + (start == j))), False
    return None


def read_source(words: Words, i: int) -> tuple[int, int]:
    """The source phrase after a cue at ``i``, past "ما أوردته ..." (word span)."""
    tokens = words.tokens
    if i < len(tokens) and attribution_cue(tokens[i]) == "skip":
        j = i + 1
        while j < min(len(tokens), i + 1 + SKIP_AFTER_MA):
            if roles(tokens[j]) & (HEAD_ROLES | {"document", "anonymous", "official"}):
                break
            j += 1
        i = j
    return i, read_phrase(words, i, comma_ends=True)


def content_after(words: Words, j: int) -> tuple[int, int] | None:
    """Display offsets of reported content after intro word ``j``, to the clause's end."""
    tokens = words.tokens
    token = tokens[j]
    bare_intro = token.key in {"ان", "بان", "فان"} or token.key.endswith("الي")
    start = token.end if bare_intro else token.start
    end = _clause_end(words, j + 1)
    return _trimmed(words.text, start, end)


def _clause_end(words: Words, j: int) -> int:
    tokens = words.tokens
    for n in range(j, len(tokens)):
        gap = words.gap(n) if n > 0 else ""
        if "؛" in gap:
            return tokens[n - 1].end
        if _SOFT_END.search(gap) and _opens_new_clause(words, n):
            return tokens[n - 1].end
    return tokens[-1].end if tokens else 0


def _opens_new_clause(words: Words, n: int) -> bool:
    from akhbar.analyze.voices.words import speech_verb_at

    if "clause" in roles(words.tokens[n]):
        return True
    try:
        verb, _ = speech_verb_at(words.tokens, n)
    except KeyError:
        return False
    return verb.form == "participle"


def _decline_topic(words: Words, last: int) -> tuple[int, int] | None:
    if last + 1 >= len(words.tokens):
        return None
    return _trimmed(words.text, words.tokens[last + 1].start, _clause_end(words, last + 1))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _TRAILING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    # Keep a closing quote that ends a quotation inside the content.
    if end < len(text) and text[end : end + 1] in '"”»“' and text.count(text[end], start, end):
        end += 1
    return (start, end) if end > start else None


def subject_before(words: Words, verb: int, floor: int = 0) -> tuple[int, int] | None:
    """A short subject right before the verb: "إلا أن المتحدث ... بيسكوف رفض التعليق"."""
    tokens = words.tokens
    i = verb
    while i > floor and verb - i < SUBJECT_BEFORE_MAX_WORDS:
        gap = words.gap(i)
        if _HARD_BEFORE.search(gap) or words.region_opening_in_gap(i) is not None:
            break
        if roles(tokens[i - 1]) & {"stop", "complement", "link", "relay", "clause", "breaker"}:
            break
        i -= 1
    if i == verb or (i > floor and verb - i >= SUBJECT_BEFORE_MAX_WORDS):
        return None
    return i, verb


_HARD_BEFORE = re.compile(r"[.:؛;!?؟()،,\n…]")
