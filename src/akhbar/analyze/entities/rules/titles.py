"""Titles and roles in a sentence: "الرئيس الروسي"، "المتحدث باسم الكرملين"، "نائب وزير الخارجية".

A title is a head noun (lexicon ``titles_heads``) followed by any of: another head
("نائب وزير"), a genitive object ("الخارجية", ``titles_objects``), a qualifier ("الخاص",
"المؤقت", ``titles_qualifiers``), a nisba adjective ("الروسي", ``nisba``), "باسم" + a name
("باسم الكرملين"), a head with ل ("للرئيس") or "إلى" + a gazetteer place ("إلى سوريا",
"إلى الشرق الأوسط وأفريقيا").

    "المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرينتييف"
    -> title "المبعوث الخاص للرئيس الروسي إلى سوريا" (the special envoy of the Russian
       president to Syria), then the name it describes.

"نظيره السوري" (his Syrian counterpart) reads as the earlier title's head with the new
nisba: after "الرئيس الروسي", it is "الرئيس السوري".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from akhbar.analyze.entities.lexicons import (
    is_given_name,
    match_phrases,
    nisba_country,
    place_names,
    stopwords,
    title_heads,
    title_objects,
    title_qualifiers,
)
from akhbar.analyze.entities.rules.text import name_form
from akhbar.arabic.tokens import Token

__all__ = ["TitleSpan", "find_titles"]

_COUNTERPART = frozenset({"نظير", "نظيره", "نظيرها", "نظيرته", "نظيرتها"})
_ON_BEHALF = "باسم"  # "المتحدث باسم الكرملين": the spokesman *in the name of* the Kremlin
_TO = frozenset({"الي"})
# Words a "باسم" phrase may take as its named body (the Kremlin, the ministry ...).
_NAMED_BODY_MAX = 3


@dataclass(frozen=True)
class TitleSpan:
    """Tokens ``[first, end)`` of a title; ``role`` is its reading ("الرئيس السوري")."""

    first: int
    end: int
    role: str


def find_titles(tokens: Sequence[Token]) -> tuple[TitleSpan, ...]:
    """Title phrases of one sentence's tokens, left to right, not overlapping."""
    out: list[TitleSpan] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        named = bool(out) and out[-1].end == index and _given_name_after_title(tokens, index)
        end = _extend(tokens, index + 1) if _head(token) and not named else index
        if end > index and not (end == index + 1 and _bare_given_name(token)):
            out.append(TitleSpan(index, end, _role(tokens, index, end, out)))
            index = end
        else:
            index += 1
    return tuple(out)


def _head(token: Token) -> bool:
    """A title head, and not a stopword that strips to one: "لي" (to me) is no "ولي"."""
    return token.is_word and token.base in title_heads() and token.key not in stopwords()


def _extend(tokens: Sequence[Token], index: int) -> int:
    """End of a title whose head ends before ``index``."""
    modifiers = title_heads() | title_objects() | title_qualifiers()
    while index < len(tokens) and tokens[index].is_word:
        token = tokens[index]
        if token.key == _ON_BEHALF:
            index = _named_body(tokens, index + 1)
        elif token.key in _TO:
            places = match_phrases([t.base for t in tokens[index + 1 :]], place_names())
            if not places or places[0][0] != 0:
                break
            index = _joined_places(tokens, index + 1 + places[0][1])
        elif _given_name_after_title(tokens, index):
            break
        elif token.base in modifiers or token.base in nisba_country():
            index += 1
        else:
            break
    return index


def _bare_given_name(token: Token) -> bool:
    """ "عماد فراجين": a head that is also a given name, alone and without the article, is the
    name ("العماد ميشال عون" and "أمين عام الحزب" are titles)."""
    return token.key == token.base and is_given_name(token.key, token.base)


def _given_name_after_title(tokens: Sequence[Token], index: int) -> bool:
    """ "رئيس الجمهورية الأسبق أمين الجميل": a bare given name after a title, even one that is
    a head too (أمين), is the name the title introduces, unless it follows a head as the next
    head does ("نائب وزير")."""
    return _bare_given_name(tokens[index]) and tokens[index - 1].base not in title_heads()


def _named_body(tokens: Sequence[Token], index: int) -> int:
    """After "باسم": the body's words (up to a few), then any nisba."""
    end = index
    while end < min(len(tokens), index + _NAMED_BODY_MAX) and tokens[end].is_word:
        if end > index and tokens[end].base not in title_objects() | nisba_country().keys():
            break
        end += 1
    return end


def _joined_places(tokens: Sequence[Token], index: int) -> int:
    """ "إلى الشرق الأوسط وأفريقيا": further places joined by و belong to the title too."""
    while (
        index < len(tokens) and tokens[index].is_word and tokens[index].proclitics.startswith("و")
    ):
        rest = [t.base for t in tokens[index:]]
        places = match_phrases(rest, place_names())
        if not places or places[0][0] != 0:
            break
        index += places[0][1]
    return index


def _role(tokens: Sequence[Token], first: int, end: int, earlier: Sequence[TitleSpan]) -> str:
    words = list(tokens[first:end])
    if tokens[first].base not in _COUNTERPART:
        return name_form(words)
    for previous in reversed(earlier):
        head = tokens[previous.first]
        if head.base not in _COUNTERPART:
            return " ".join([name_form([head]), *(t.surface for t in words[1:])])
    return name_form(words)
