"""Counted things in an article: tolls, sums, shares, ages and durations, with their hedges.

    >>> from akhbar.arabic.doc import make_doc
    >>> doc = make_doc("ارتفعت حصيلة القتلى إلى نحو 20 قتيلا وأصيب أكثر من 100 آخرين.")
    >>> [(q.value, q.low, q.high, q.kind, q.hedge) for q in find_quantities(doc)]
    [(20.0, 16.0, 24.0, 'dead', 'about')]

("The death toll rose to about 20 dead and more than 100 others were injured": "آخرين",
others, names no counted thing, so the second count is left out.) A number is read from
digits (Arabic-Indic digits fold to ASCII in the key form; "1,300" and "1.5" as written), a
number word (``time_numbers``, ``quantity_words``: "ثلاثة", "مئتين"), a multiplier after it
("ثلاثة آلاف", "1.5 مليون") or a vague plural ("عشرات", "عشرات الآلاف"). What it counts is
the word after it (``quantity_units``); a count of people, or of years, takes its kind from a
cue shortly before (``quantity_cues``: "مقتل 20 شخصا" are dead, "عن عمر يناهز 76 عاما" an
age). A hedge right before ("نحو", "أكثر من": ``quantity_hedges``) widens what the value
covers, so that comparison can tell a rounded figure from a different one. Numbers that
count nothing named (years of dates, clock times, "آخرين") are left out: they cannot be
compared.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from akhbar.arabic.doc import Doc
from akhbar.arabic.lexicon import load_mapping
from akhbar.arabic.tokens import Token
from akhbar.model import Quantity, Span

__all__ = ["find_quantities"]

# "1,300", "1.5", "12": digits with thousands separators or a decimal point.
_DIGITS = re.compile(r"\d+(?:[.,٬٫]\d+)*")
# How far before a count its cue may stand ("مقتل ما لا يقل عن 20 شخصا": four words).
_CUE_WORDS = 4
# "في المئة": per cent, in its spellings.
_HUNDRED = frozenset({"ميه", "مايه"})
# What "about" covers around a rounded figure.
_ABOUT = 0.2


@cache
def _cardinals() -> Mapping[str, float]:
    return {word: float(value) for word, value in load_mapping("time_numbers").items()}


@cache
def _words() -> Mapping[str, tuple[str, str]]:
    """Number word -> (role, value): value, multiplier or vague ("low-high")."""
    out: dict[str, tuple[str, str]] = {}
    for entry, description in load_mapping("quantity_words").items():
        role, _, value = description.partition("\t")
        out[entry] = (role.strip(), value.strip())
    return out


@cache
def _hedges() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(words, kind), longest first, so "ما لا يقل عن" wins over "يقل عن"."""
    pairs = [
        (tuple(entry.split()), kind) for entry, kind in load_mapping("quantity_hedges").items()
    ]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _digits(text: str) -> float | None:
    if not _DIGITS.fullmatch(text):
        return None
    groups = re.split(r"[.,٬٫]", text)
    if len(groups) == 2 and len(groups[1]) != 3:  # "1.5": a decimal point
        return float(f"{groups[0]}.{groups[1]}")
    if all(len(group) == 3 for group in groups[1:]):  # "1,300", "2.000.000": thousands
        return float("".join(groups))
    return None  # "12.5.2018", a date


def _number(words: Sequence[Token], at: int) -> tuple[float, float, float, str | None, int] | None:
    """``(value, low, high, vague hedge, end)`` of the number starting at word ``at``."""
    word = words[at]
    value = _digits(word.key)
    low = high = None
    hedge = None
    end = at + 1
    if value is None:
        base = word.base
        role = _words().get(base, ("", ""))
        if base in _cardinals():
            value = _cardinals()[base]
            # "خمسة وعشرين": a ten joined by و
            ten = words[end].key[1:] if end < len(words) and words[end].key[:1] == "و" else ""
            if ten in _cardinals():
                value += _cardinals()[ten]
                end += 1
        elif role[0] in ("value", "multiplier"):
            value = float(role[1])
        elif role[0] == "vague":
            first, _, last = role[1].partition("-")
            low, high, hedge = float(first), float(last), "vague"
            value = low
        else:
            return None
    if end < len(words) and _words().get(words[end].base, ("",))[0] == "multiplier":
        factor = float(_words()[words[end].base][1])
        value *= factor
        if low is not None and high is not None:  # "عشرات الآلاف": tens of thousands
            low, high = low * factor, high * factor
        end += 1
    if low is None:
        low = high = value
    return value, low, high, hedge, end


def _hedge_before(words: Sequence[Token], at: int) -> tuple[str | None, int]:
    """The hedge ending right before word ``at`` and the word it starts at."""
    for entry, kind in _hedges():
        start = at - len(entry)
        if start >= 0 and tuple(w.base for w in words[start:at]) == entry:
            return kind, start
    return None, at


def _covered(value: float, low: float, high: float, hedge: str | None) -> tuple:
    if hedge == "about":
        # "نحو 20" is rounded (a fifth either way); "يناهز 76 عاما" is 76 give or take.
        width = _ABOUT if value % 10 == 0 else _ABOUT / 2 if value % 5 == 0 else _ABOUT / 4
        return value * (1 - width), value * (1 + width)
    if hedge in ("more", "least"):
        return value, None
    if hedge in ("less", "most"):
        return 0.0, value
    return low, high


def _kind(unit: str, words: Sequence[Token], start: int) -> str:
    """The unit's kind, sharpened by a cue before the count ("مقتل 20 شخصا": dead)."""
    cues = load_mapping("quantity_cues")
    window = list(words[max(start - _CUE_WORDS, 0) : start])
    # A number between the cue and this count has the cue to itself: in "قتل 107 من أصل
    # 110 ركاب" the 110 aboard are not dead.
    digits = [i for i, w in enumerate(window) if _DIGITS.fullmatch(w.key)]
    if digits:
        window = window[digits[-1] + 1 :]
    found = [cue for cue in (cues.get(w.base) for w in window) if cue]
    if unit == "people" and found and found[-1] in ("dead", "injured"):
        return found[-1]
    if unit == "years" and "age" in found:
        return "age"
    return unit


def _sentence_quantities(doc: Doc, index: int) -> list[Quantity]:
    tokens = doc.sentence_tokens(index)
    words = [t for t in tokens if t.is_word]
    units = load_mapping("quantity_units")
    out: list[Quantity] = []
    at = 0
    while at < len(words):
        found = _number(words, at)
        if found is None:
            at += 1
            continue
        value, low, high, vague, end = found
        unit_token = _unit_after(tokens, words, end)
        unit = None if unit_token is None else units.get(unit_token.base, units.get(unit_token.key))
        if unit_token is None or unit is None:
            at = end
            continue
        hedge, start = _hedge_before(words, at)
        hedge = hedge or vague
        # "راوول كاسترو (86 عاما)": years in brackets after a name are an age.
        bracketed = _mark_before(tokens, words[start]) == "("
        low, high = _covered(value, low, high, hedge if hedge != "vague" else None)
        first, last = words[start].start, unit_token.end
        out.append(
            Quantity(
                span=Span(doc.article, first, last, index),
                text=doc.text[first:last],
                value=value,
                low=low,
                high=high,
                kind="age" if unit == "years" and bracketed else _kind(unit, words, start),
                counted=unit_token.key,
                hedge=hedge,
            )
        )
        at = end
    return out


def _unit_after(tokens: Sequence[Token], words: Sequence[Token], end: int) -> Token | None:
    """The token after the number: the next word, or a "%" mark right after it."""
    last = words[end - 1]
    position = next(i for i, t in enumerate(tokens) if t is last)
    if position + 1 < len(tokens) and tokens[position + 1].key == "%":
        return tokens[position + 1]
    if end + 1 < len(words) and words[end].key == "في" and words[end + 1].base in _HUNDRED:
        return words[end + 1]  # "12 في المئة"
    if end + 1 < len(words) and words[end].key == "من":
        return words[end + 1]  # "عشرات الآلاف من المدنيين"
    return words[end] if end < len(words) else None


def _mark_before(tokens: Sequence[Token], word: Token) -> str | None:
    position = next(i for i, t in enumerate(tokens) if t is word)
    before = tokens[position - 1] if position else None
    return before.key if before is not None and not before.is_word else None


def find_quantities(doc: Doc) -> tuple[Quantity, ...]:
    """Every counted thing of ``doc``, in text order."""
    return tuple(q for index in range(len(doc.sentences)) for q in _sentence_quantities(doc, index))
