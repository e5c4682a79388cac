"""Naming and typing one source phrase: "وكالة “ريا نوفوستي” الروسية" -> (ريا نوفوستي, agency).

Types: ``agency``, ``newspaper``, ``site``, ``broadcaster`` (named outlets, lexicon
``news_agencies`` or a media head noun), ``document`` (بيان، رسالة، تقارير with no named
issuer), ``anonymous`` (مصدر مطلع، مصادر دبلوماسية), ``official`` (الكرملين، الرئاسة السورية,
a phrase with a title such as المتحدث باسم ...), ``person`` (any other named speaker) and
``other`` (not a source: "بحسب المحاصصة الطائفية").
"""

from __future__ import annotations

from dataclasses import dataclass

from akhbar.analyze.voices.words import outlet_name, roles, roles_by_key
from akhbar.arabic.tokens import Token

__all__ = ["SourceName", "name_source"]

_MEDIA_TYPES = ("agency", "newspaper", "site", "broadcaster")
_QUOTE_CHARS = "\"'“”«»„‟"


@dataclass(frozen=True)
class SourceName:
    name: str  # canonical name (lexicon) or the cleaned surface
    type: str
    document: str = ""  # "بيان" when the source spoke through a document


def name_source(tokens: tuple[Token, ...]) -> SourceName:
    """Canonical name and type of the source the phrase ``tokens`` names."""
    if not tokens:
        return SourceName("", "other")
    outlet = outlet_name(tokens)
    if outlet is not None:
        return SourceName(outlet[0], outlet[1])
    head = roles(tokens[0])
    if "document" in head:
        issuer = _issuer_tokens(tokens[1:])
        if issuer:
            found = name_source(issuer)
            if found.type not in {"other", "person"}:
                return SourceName(found.name, found.type, _clean(tokens[:1]))
        return SourceName(_clean(tokens), "document", _clean(tokens[:1]))
    for kind in _MEDIA_TYPES:
        if kind in head:
            return SourceName(_clean(tokens), kind)
    if "anonymous" in head and not any("official" in roles(t) for t in tokens[1:3]):
        return SourceName(_clean(tokens), "anonymous")
    if any("official" in roles(t) for t in tokens):
        return SourceName(_clean(tokens), "official")
    if len(tokens) <= 4:
        return SourceName(_clean(tokens), "person")
    return SourceName(_clean(tokens), "other")


def _issuer_tokens(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """ "صادر عن الكرملين" or a genitive "الكرملين" after a document noun."""
    for n, token in enumerate(tokens[:3]):
        if "relay" in roles(token):
            return tokens[n + 1 :]
    if tokens and "issued" not in roles(tokens[0]):
        return tokens
    return ()


def _clean(tokens: tuple[Token, ...]) -> str:
    """Display words of the phrase without quote marks or commas, the first one's و/ل/ب off."""
    words = [t.surface.strip(_QUOTE_CHARS) for t in tokens]
    first = tokens[0]
    # "لصحيفة" names صحيفة: drop a preposition only when the base, not the word, is known.
    if first.proclitics[:1] in {"ل", "ب"} and roles(first) and not roles_by_key(first):
        words[0] = _drop_letters(words[0], 1)
    return " ".join(w for w in words if w)


def _has_article(token: Token) -> bool:
    return token.proclitics.endswith(("ال", "لل")) or token.base.startswith("ال")


def _drop_letters(surface: str, count: int) -> str:
    """``surface`` without its first ``count`` letters (marks such as tatweel go with them)."""
    seen = 0
    for n, char in enumerate(surface):
        if char.isalpha():
            if seen == count:
                return surface[n:]
            seen += 1
    return surface
