"""Word lists and phrase reading shared by quotes and attribution (no analysis of its own).

A *phrase* is a run of words that names a speaker or a source: "المتحدث باسم الكرملين،
دميتري بيسكوف" (the Kremlin spokesman, Dmitry Peskov). :func:`read_phrase` reads one from a
word onwards and stops at a preposition, a time word, a relative pronoun, a complementizer
(أن) or hard punctuation; an apposition after a comma stays in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from akhbar.arabic.lexicon import load_mapping
from akhbar.arabic.tokens import CONJUNCTIONS, Token, lookup

__all__ = [
    "SpeechVerb",
    "Words",
    "attribution_cue",
    "outlet_name",
    "read_phrase",
    "roles",
    "roles_by_key",
    "speech_verb_at",
]

# A speaker phrase longer than this is no longer a name: the verb's subject must be short.
PHRASE_MAX_WORDS = 10
# Punctuation between two words that ends a phrase (a comma does not: appositions).
_HARD = re.compile(r"[.:؛;!?؟()\[\]\n…]")
_MEDIA = frozenset({"agency", "newspaper", "site", "broadcaster"})
HEAD_ROLES = _MEDIA | {"name"}
_HEADS = HEAD_ROLES | {"document", "anonymous", "official"}
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SpeechVerb:
    polarity: str  # assert | deny | decline | call
    form: str  # verb | participle
    tail: tuple[str, ...] = ()  # the rest of a multiword entry ("التعليق" of "رفض التعليق")


@dataclass(frozen=True)
class Words:
    """The words of one sentence with the quotations in it (absolute offsets)."""

    text: str
    tokens: tuple[Token, ...]
    regions: tuple[tuple[int, int], ...]  # (opening mark, closing mark) of each quotation

    def gap(self, i: int) -> str:
        """Display text between word ``i - 1`` and word ``i``."""
        return self.text[self.tokens[i - 1].end : self.tokens[i].start]

    def region_opening_in_gap(self, i: int) -> tuple[int, int] | None:
        start, end = self.tokens[i - 1].end, self.tokens[i].start
        return next((r for r in self.regions if start <= r[0] < end), None)

    def region_at(self, offset: int) -> tuple[int, int] | None:
        return next((r for r in self.regions if r[0] < offset < r[1]), None)


@cache
def _speech_verbs() -> dict[str, tuple[SpeechVerb, ...]]:
    by_head: dict[str, list[SpeechVerb]] = {}
    for entry, value in load_mapping("speech_verbs").items():
        polarity, _, form = value.partition("\t")
        head, *tail = entry.split()
        by_head.setdefault(head, []).append(SpeechVerb(polarity, form.strip(), tuple(tail)))
    # Longer entries first, so "رفض التعليق" is tried before a bare "رفض" would be.
    return {h: tuple(sorted(v, key=lambda s: -len(s.tail))) for h, v in by_head.items()}


def speech_verb_at(tokens: tuple[Token, ...], i: int, window: int = 8) -> tuple[SpeechVerb, int]:
    """The speech verb whose first word is ``tokens[i]`` and the index of its last word.

    Raises ``KeyError`` when there is none. A multiword entry's tail may come up to
    ``window`` words later (the speaker in between).
    """
    candidates = lookup(_speech_verbs(), tokens[i], CONJUNCTIONS) or ()
    for verb in candidates:
        if not verb.tail:
            return verb, i
        last = _find_tail(tokens, i + 1, verb.tail, window)
        if last is not None:
            return verb, last
    raise KeyError(tokens[i].key)


def _find_tail(tokens: tuple[Token, ...], start: int, tail: tuple[str, ...], window: int):
    for j in range(start, min(len(tokens) - len(tail) + 1, start + window)):
        if all(word in tokens[j + n].forms(CONJUNCTIONS) for n, word in enumerate(tail)):
            return j + len(tail) - 1
    return None


@cache
def _roles() -> dict[str, frozenset[str]]:
    return {k: frozenset(v.split(",")) for k, v in load_mapping("source_words").items()}


def roles(token: Token) -> frozenset[str]:
    """Roles of a word in ``source_words``: by key or key without و/ف, and the head roles by
    any reading's base ("لصحيفة": صحيفه)."""
    found = roles_by_key(token)
    head = next(
        (r & _HEADS for base in token.bases if (r := _roles().get(base, _NONE) & _HEADS)), _NONE
    )
    return found | head


def roles_by_key(token: Token) -> frozenset[str]:
    """Roles of the word itself (no clitic stripping): "بيان" is a document, not ب + يان."""
    return lookup(_roles(), token, CONJUNCTIONS) or _NONE


@cache
def _cues() -> dict[str, str]:
    return load_mapping("attribution_cues")


def attribution_cue(token: Token) -> str | None:
    """The kind of attribution cue ``token`` is (according, via, relay, issue, skip)."""
    return lookup(_cues(), token, CONJUNCTIONS)


def read_phrase(
    words: Words, i: int, *, stop_at_document: bool = False, comma_ends: bool = False
) -> int:
    """End (exclusive word index) of the phrase starting at word ``i``; ``i`` when empty.

    A first word with a media head ("لصحيفة") starts a phrase even though "قال لصحيفة"
    ends a speaker; ``comma_ends`` is for cue phrases ("وفقاً لبيان الكرملين، تناولت").
    """
    tokens = words.tokens
    j = i
    while j < len(tokens) and j - i < PHRASE_MAX_WORDS:
        word_roles = roles(tokens[j])
        issued = j > i and "issued" in roles(tokens[j - 1])  # "بيان صادر عن الكرملين"
        opens = j == i and word_roles & HEAD_ROLES
        if word_roles & {"stop", "complement", "link", "relay", "clause"} and not (issued or opens):
            break
        if comma_ends and j > i and "،" in words.gap(j):
            break
        if stop_at_document and j > i and "document" in word_roles:
            break
        if j > i and not _may_continue(words, j):
            break
        if _is_speech_word(tokens, j) or (j > i and attribution_cue(tokens[j]) in _ACTIONS):
            break
        j += 1
    return j


_ACTIONS = frozenset({"according", "via", "relay", "issue"})


def _is_speech_word(tokens: tuple[Token, ...], j: int) -> bool:
    return lookup(_speech_verbs(), tokens[j], CONJUNCTIONS) is not None


def _may_continue(words: Words, j: int) -> bool:
    """Whether the gap before word ``j`` lets a phrase go on."""
    gap = words.gap(j)
    if _HARD.search(gap):
        return False
    opening = words.region_opening_in_gap(j)
    if opening is not None:
        # A quotation joins a phrase only as a name after a media head: موقع “ستاندرد”.
        return bool(roles(words.tokens[j - 1]) & HEAD_ROLES)
    return True


@cache
def _outlets() -> dict[tuple[str, ...], tuple[str, str, bool]]:
    table: dict[tuple[str, ...], tuple[str, str, bool]] = {}
    for entry, value in load_mapping("news_agencies").items():
        canonical, kind, *flags = value.split("\t")
        table[tuple(entry.split())] = (canonical, kind, "head" in flags)
    return table


def outlet_name(tokens: tuple[Token, ...]) -> tuple[str, str] | None:
    """(canonical name, type) of a news outlet named in ``tokens``, longest match first.

    >>> outlet_name(tokenize("وكالة “ريا نوفوستي” الروسية"))
    ('ريا نوفوستي', 'agency')
    """
    table = _outlets()
    has_head = any(roles(t) & _MEDIA for t in tokens)
    for size in (4, 3, 2, 1):
        for n in range(len(tokens) - size + 1):
            first = tokens[n]
            rest = tuple(t.key for t in tokens[n + 1 : n + size])
            for head in _first_word_forms(first):
                found = table.get((head, *rest))
                if found and (has_head or not found[2]):
                    return found[0], found[1]
    return None


def _first_word_forms(token: Token) -> tuple[str, ...]:
    forms = token.forms()
    return tuple(dict.fromkeys((*forms, *("ال" + form for form in forms[1:]))))
