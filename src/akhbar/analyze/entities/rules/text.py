"""Tokens as the tagger reads them, and clitic-free display forms of names.

The CRF was trained on gold data where punctuation is a token, so tagging sees the commas
and quotes too (:func:`~akhbar.arabic.tokens.tokenize_with_marks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from akhbar.analyze.entities.lexicons import known_words, media_names, org_names, place_names
from akhbar.arabic.normalize import key_with_offsets, to_key
from akhbar.arabic.tokens import Token

__all__ = ["name_form", "tag_tokens", "trim_clitics"]

# Proclitic chains a short word keeps when the tokenizer will not strip them (what is left
# would be too short to trust): "لبي" of "لبي بي سي" (to the BBC).
_SHORT_CHAINS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")

_ARTICLE = "ال"
_PREPOSITIONS = frozenset("بكل")
_CONJUNCTIONS = frozenset("وف")


def tag_tokens(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """A sentence's words and marks (:meth:`akhbar.arabic.doc.Doc.sentence_tokens`) as the
    tagger reads them: with the clitic split below."""
    return _split_name_clitics(tokens)


def _split_name_clitics(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """A short word whose clitic the tokenizer left on gets its base when, without the
    clitic, it opens a gazetteer name of two or more words: "لبي بي سي" (to the BBC, 639
    times in the ANT corpus) is ل + "بي بي سي", not a name starting "لبي"."""
    out = list(tokens)
    openers = _multiword_openers()
    for index, token in enumerate(tokens[:-1]):
        if not token.is_word or token.base != token.key:
            continue
        for chain in _SHORT_CHAINS:
            rest = token.key[len(chain) :]
            if token.key.startswith(chain) and (rest, tokens[index + 1].base) in openers:
                out[index] = replace(token, base=rest)
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
    """Start offset and surface of ``token`` without its conjunction/preposition.

    The article stays ("بالشرع" -> "الشرع"); where ل + ال fused into لل the token keeps
    its first letter out and the name form restores the alef (see :func:`name_form`). A bare
    preposition (ب ك ل) comes off only when what remains is a known name ("لبوتين",
    "لمانشستر يونايتد"), since foreign names often begin with those letters ("بوغدانوف",
    "بانياس", "كوفي"); so does a bare ف ("فلوريان", "فرانسوا").
    """
    chain_len = len(token.key) - len(token.base) if token.key.endswith(token.base) else 0
    chain = token.key[:chain_len]
    if token.key in known_words():
        chain_len = 0
    elif chain.endswith(_ARTICLE):
        chain_len -= len(_ARTICLE)
    elif chain.endswith("لل"):
        chain_len -= 1
    elif chain[-1:] in _PREPOSITIONS and token.base not in known_words():
        chain_len = 1 if len(chain) > 1 and _conjunction(token) else 0
    elif chain == "ف" and not _conjunction(token):
        chain_len = 0
    if chain_len <= 0:
        return token.start, token.surface
    keyed = key_with_offsets(token.surface)
    cut = keyed.display_start(chain_len)
    return token.start + cut, token.surface[cut:]


def _conjunction(token: Token) -> bool:
    """The first letter is و, or a ف before a known name: "فترامب" is ف + "ترامب", "فلوريان"
    (Florian) no ف + "لوريان". (Word counts cannot tell: ANT's counts are of clitic-free
    words, and the tokenizer's cut of "كيليان" counts as "يليان".)"""
    first = token.key[:1]
    return first == "و" or (first == "ف" and token.key[1:] in known_words())


def name_form(tokens: tuple[Token, ...] | list[Token]) -> str:
    """The display words of a name, clitics off the first word ("للرئيس" -> "الرئيس")."""
    if not tokens:
        return ""
    _, first = trim_clitics(tokens[0])
    key, base = tokens[0].key, tokens[0].base
    chain = key[: len(key) - len(base)] if key.endswith(base) else ""
    if to_key(first).startswith("ل") and chain.endswith("لل"):  # "للجزيرة", "وللجزيرة"
        first = "ا" + first
    return " ".join([first, *(token.surface for token in tokens[1:] if token.is_word)])
