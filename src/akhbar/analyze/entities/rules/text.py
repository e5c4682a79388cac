"""Tokens as the tagger reads them, and clitic-free display forms of names.

The CRF was trained on gold data where punctuation is a token, so tagging sees the commas
and quotes too (:func:`~akhbar.arabic.tokens.tokenize_with_marks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from akhbar.analyze.entities.lexicons import media_names, org_names, place_names
from akhbar.arabic.normalize import key_with_offsets, to_key
from akhbar.arabic.tokens import Token

__all__ = ["name_form", "tag_tokens", "trim_clitics"]

_ARTICLE = "ال"


def tag_tokens(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """A sentence's words and marks (:meth:`akhbar.arabic.doc.Doc.sentence_tokens`) as the
    tagger reads them: each word in the reading its context picks (below)."""
    return _read_name_openers(tokens)


def _read_name_openers(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """A word whose other reading opens a gazetteer name of two or more words with the next
    word takes that reading: "لبي بي سي" (to the BBC, 639 times in the ANT corpus) is ل +
    "بي بي سي", though "لبي" alone reads as one word."""
    out = list(tokens)
    openers = _multiword_openers()
    for index, token in enumerate(tokens[:-1]):
        if not token.is_word or (token.base, tokens[index + 1].base) in openers:
            continue
        for reading in token.readings[1:]:
            if (reading.base, tokens[index + 1].base) in openers:
                out[index] = replace(token, base=reading.base, proclitics=reading.proclitics)
                break
    return tuple(out)


@cache
def _multiword_openers() -> frozenset[tuple[str, str]]:
    """The first two words of every gazetteer name of two or more words."""
    return frozenset(
        phrase[:2]
        for table in (place_names().table, org_names().table, media_names().table)
        for phrase in table
        if len(phrase) >= 2
    )


def trim_clitics(token: Token) -> tuple[int, str]:
    """Start offset and surface of ``token`` without its conjunction and preposition.

    The article stays ("بالشرع" -> "الشرع"); where ل + ال fused into لل the token keeps its
    second ل and the name form restores the alef (see :func:`name_form`).
    """
    chain = token.proclitics
    if chain.endswith(_ARTICLE):
        chain = chain[: -len(_ARTICLE)]
    elif chain.endswith("لل"):
        chain = chain[:-1]
    if not chain:
        return token.start, token.surface
    keyed = key_with_offsets(token.surface)
    cut = keyed.display_start(len(chain))
    return token.start + cut, token.surface[cut:]


def name_form(tokens: tuple[Token, ...] | list[Token]) -> str:
    """The display words of a name, clitics off the first word ("للرئيس" -> "الرئيس")."""
    if not tokens:
        return ""
    _, first = trim_clitics(tokens[0])
    chain, base = tokens[0].proclitics, tokens[0].base
    fused = chain.endswith("لل") or (chain.endswith("ل") and base.startswith(_ARTICLE))
    if fused and to_key(first).startswith("ل"):  # "للجزيرة", "وللكرملين"
        first = "ا" + first
    return " ".join([first, *(token.surface for token in tokens[1:] if token.is_word)])
