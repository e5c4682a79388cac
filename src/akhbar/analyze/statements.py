"""Statements of an article: its sentences cut into clauses, each with its response polarity
and, inside a quotation or reported speech, its speaker.

    >>> from akhbar.arabic.doc import make_doc
    >>> doc = make_doc("طالب الشرع روسيا بتسليم الأسد ومساعديه المقربين، إلا أن المتحدث "
    ...                "باسم الكرملين رفض التعليق على ما إذا كان الطلب قد طرح.")
    >>> [(s.text[:20], s.polarity) for s in find_statements(doc)]
    [('طالب الشرع روسيا بتس', 'assert'), ('إلا أن المتحدث باسم ', 'decline')]

("al-Sharaa asked Russia to hand over Assad and his close aides, but the Kremlin's spokesman
declined to comment on whether the request was raised.") A sentence often carries several
statements ("أجرى محادثة هاتفية مع الشرع، أكد خلالها دعم وحدة سوريا"): the claims of a story
are aligned clause by clause, so a clause restated alone in another outlet meets its match.
A sentence is cut at a comma or semicolon and before a contrast word (``إلا أن``, ``غير أن``,
``بينما``); a piece of fewer than ``MIN_CLAUSE_WORDS`` words (an apposition, "، دميتري بيسكوف،")
stays with the piece before it, and so does one opening with ``أن``/``بأن`` (the content of
the speech verb before it).

Polarity (lexicon ``statement_polarity``): ``decline`` (no answer: رفض التعليق), ``refuse``
(a request turned down), ``deny``, ``accept``, ``negated`` (لم، لن، ليس), else ``assert``;
the longest entry found first decides. Comparison reads it to tell differing accounts of one
response from agreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from akhbar.arabic.doc import Doc
from akhbar.arabic.lexicon import load_mapping
from akhbar.arabic.tokens import Token
from akhbar.model import QuoteMention, Span, Statement

__all__ = ["MIN_CLAUSE_WORDS", "find_statements"]

# A clause shorter than this is a name or an aside, not a statement of its own.
MIN_CLAUSE_WORDS = 5
_CUT_MARKS = frozenset({"،", ",", "؛", ";"})
# Words opening a contrasting clause, the cut falls before them (key form).
_CONTRAST = frozenset({"بينما", "فيما", "لكن", "لكنه", "لكنها"})
_CONTRAST_PAIRS = frozenset({("الا", "ان"), ("غير", "ان"), ("في", "حين")})
# A piece opening with a complementizer is the content of the verb before it
# ("وأفاد المتحدث، دميتري بيسكوف، بأن بوتين أكد ..."): it stays with that verb.
_COMPLEMENTIZERS = frozenset({"ان", "بان", "لان"})
_TRAILING = " \t\u00a0.،,؛;:!?؟…-–—"


@cache
def _polarities() -> dict[int, dict[tuple[str, ...], str]]:
    """Entries by their number of words."""
    out: dict[int, dict[tuple[str, ...], str]] = {}
    for entry, polarity in load_mapping("statement_polarity").items():
        words = tuple(entry.split())
        out.setdefault(len(words), {})[words] = polarity
    return out


def find_statements(doc: Doc, quotes: Sequence[QuoteMention] = ()) -> tuple[Statement, ...]:
    """The clauses of every sentence of ``doc``; ``quotes`` give a clause its speaker."""
    out = []
    for index in range(len(doc.sentences)):
        for start, end in _clauses(doc.sentence_tokens(index)):
            text = doc.text[start:end].rstrip(_TRAILING)
            span = Span(doc.article, start, start + len(text), index)
            words = doc.words_between(start, span.end)
            out.append(Statement(span, text, _polarity(words), _speaker(span, quotes)))
    return tuple(out)


def _clauses(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of a sentence's clauses."""
    pieces: list[list[Token]] = [[]]
    for position, token in enumerate(tokens):
        if not token.is_word and token.key in _CUT_MARKS:
            pieces.append([])
            continue
        if pieces[-1] and _opens_contrast(tokens, position):
            pieces.append([])
        pieces[-1].append(token)
    merged: list[list[Token]] = []
    for piece in pieces:
        words = _words(piece)
        joined = words < MIN_CLAUSE_WORDS or _complement(piece)
        if merged and (joined or _words(merged[-1]) < MIN_CLAUSE_WORDS):
            merged[-1] += piece
        elif piece:
            merged.append(list(piece))
    return [(piece[0].start, piece[-1].end) for piece in merged if _words(piece)]


def _complement(piece: Sequence[Token]) -> bool:
    first = next((token for token in piece if token.is_word), None)
    return first is not None and first.key in _COMPLEMENTIZERS


def _words(piece: Sequence[Token]) -> int:
    return sum(token.is_word for token in piece)


def _opens_contrast(tokens: Sequence[Token], position: int) -> bool:
    token = tokens[position]
    if not token.is_word:
        return False
    if token.key in _CONTRAST:
        return True
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    return following is not None and (token.base, following.key) in _CONTRAST_PAIRS


def _polarity(words: Sequence[Token]) -> str:
    by_size = _polarities()
    forms = [set(token.forms()) for token in words]
    for position in range(len(words)):
        for size in sorted(by_size, reverse=True):
            window = forms[position : position + size]
            if len(window) < size:
                continue
            for entry, polarity in by_size[size].items():
                if all(word in form for word, form in zip(entry, window, strict=True)):
                    return polarity
    return "assert"


def _speaker(span: Span, quotes: Sequence[QuoteMention]) -> str:
    """The speaker of the quotation or reported speech holding the clause's start."""
    for quote in quotes:
        if quote.span.start <= span.start < quote.span.end and quote.speaker:
            return quote.speaker
    return ""
