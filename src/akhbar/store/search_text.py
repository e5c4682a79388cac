"""Search words: the form both the index and a query are reduced to, and display snippets.

A search word is a key-form word (:func:`~akhbar.arabic.normalize.to_key`) with its
proclitics stripped until nothing more comes off, and a long word's final ``يه`` read as
``يا``, so every spelling a reader may type meets every spelling an outlet printed:

    >>> search_words("وسورية بسوريا لسوريا الشَّرع الرئيـــس أبريل")
    ['سوريا', 'سوريا', 'سوريا', 'شرع', 'رييس', 'ابريل']

(and Syria / in Syria / to Syria / al-Sharaa with harakat / the president with tatweel /
April with a hamza). The index stores these words; the reader sees the display text, with
the matching words marked by :func:`make_snippet`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from akhbar.arabic.normalize import to_key
from akhbar.arabic.tokens import Token, base_words, strip_clitics, tokenize
from akhbar.errors import InputError

__all__ = ["ParsedQuery", "make_snippet", "parse_query", "search_word", "search_words"]

# سورية/سوريا, تركية/تركيا, ليبية/ليبيا, أفريقية/أفريقيا: outlets spell country names both
# ways, and the nisba adjective (السورية) is the same word for a reader searching "Syria".
# Only words of five letters or more: عليه, لديه, إليه ("on/with/to him") end the same way.
_YEH_FINAL = "يه"
_YEH_FINAL_MIN_LENGTH = 5
# A stripped base can start with a clitic letter again (الكتاب -> كتاب -> تاب); stripping
# until nothing changes makes "كتاب" and "الكتاب" meet. Each pass shortens the word.
_MAX_PASSES = 8
# Memo of base -> search word (news vocabulary repeats), bounded for long-running processes.
_MEMO: dict[str, str] = {}
_MEMO_LIMIT = 1 << 18
# Words of display text shown around the first match in a snippet.
SNIPPET_WORDS_BEFORE = 10
SNIPPET_WORDS_AFTER = 22
# Characters of an article read first when looking for the match a snippet shows.
SNIPPET_HEAD_CHARS = 1500
MARK_OPEN, MARK_CLOSE = "«", "»"
ELLIPSIS = "…"


def search_word(base: str) -> str:
    """The search form of one clitic-free key word (a ``base`` of :func:`tokenize`)."""
    found = _MEMO.get(base)
    if found is None:
        if len(_MEMO) > _MEMO_LIMIT:
            _MEMO.clear()
        found = _MEMO[base] = _search_word(base)
    return found


def _search_word(base: str) -> str:
    word = base
    for _ in range(_MAX_PASSES):
        folded = _fold_final(strip_clitics(word))
        if folded == word:
            break
        word = folded
    return word


def _fold_final(word: str) -> str:
    if len(word) >= _YEH_FINAL_MIN_LENGTH and word.endswith(_YEH_FINAL):
        return word[:-1] + "ا"
    return word


def search_words(text: str) -> list[str]:
    """Search words of ``text`` in order: what the index stores for a title or body."""
    memo = _MEMO
    return [memo[base] if base in memo else search_word(base) for base in base_words(text)]


@dataclass(frozen=True)
class ParsedQuery:
    """A query as search words: each entry is one word, or several for a quoted phrase."""

    text: str
    parts: tuple[tuple[str, ...], ...]

    def words(self) -> frozenset[str]:
        return frozenset(word for part in self.parts for word in part)

    def normalized(self) -> str:
        """The query in search words, phrases quoted; parsing it again gives it back."""
        return " ".join(part[0] if len(part) == 1 else f'"{" ".join(part)}"' for part in self.parts)

    def fts_match(self) -> str:
        """An FTS5 MATCH string: every word or phrase quoted, all of them required."""
        return " ".join('"' + " ".join(part).replace('"', '""') + '"' for part in self.parts)


def parse_query(query: str) -> ParsedQuery:
    """Read a user's query: plain words (all required) and ``"quoted phrases"``.

    Quote marks of any kind (``"``, ``«»``, ``“”``) open and close phrases. Raises
    :class:`InputError` naming the query when a quote is left open or no word is left.
    """
    key = to_key(query)
    pieces = key.split('"')
    if len(pieces) % 2 == 0:
        raise InputError(
            f"query {query!r}",
            'a quote mark is not closed; close the phrase with " or search for plain words',
        )
    parts: list[tuple[str, ...]] = []
    for index, piece in enumerate(pieces):
        words = search_words(piece)
        if index % 2:  # inside quotes: one phrase
            if words:
                parts.append(tuple(words))
        else:
            parts.extend((word,) for word in words)
    if not parts:
        raise InputError(f"query {query!r}", "has no words to search for; give a word or a name")
    return ParsedQuery(query, tuple(dict.fromkeys(parts)))


def make_snippet(text: str, title: str | None, words: frozenset[str]) -> str:
    """Display text around the first word of ``text`` that matches, matches in «».

    Falls back to the title when only the title matched, then to the opening words.
    """
    for source in (text, title or ""):
        # The opening is read first: the best hits usually match there, and tokenising a
        # whole long article for each of twenty hits is what made search slow.
        for head in _heads(source):
            tokens = tokenize(head)
            matched = [search_word(token.base) in words for token in tokens]
            if any(matched):
                first = matched.index(True)
                low = max(0, first - SNIPPET_WORDS_BEFORE)
                high = min(len(tokens), first + SNIPPET_WORDS_AFTER)
                more = high < len(tokens) or len(head) < len(source)
                return _render(head, tokens[low:high], matched[low:high], low > 0, more)
    tokens = tokenize(next(iter(_heads(text))))
    window = tokens[:SNIPPET_WORDS_AFTER]
    return _render(text, window, [False] * len(window), False, len(tokens) > len(window))


def _heads(source: str) -> tuple[str, ...]:
    """The opening of ``source`` cut at a space, then the whole of it."""
    cut = source.rfind(" ", 0, SNIPPET_HEAD_CHARS)
    return (source[:cut], source) if len(source) > SNIPPET_HEAD_CHARS and cut > 0 else (source,)


def _render(
    source: str,
    tokens: Sequence[Token],
    matched: Sequence[bool],
    cut_before: bool,
    cut_after: bool,
) -> str:
    if not tokens:
        return ""
    out: list[str] = [ELLIPSIS + " "] if cut_before else []
    position = tokens[0].start
    for token, hit in zip(tokens, matched, strict=True):
        out.append(source[position : token.start])
        out.append(f"{MARK_OPEN}{token.surface}{MARK_CLOSE}" if hit else token.surface)
        position = token.end
    if cut_after:
        out.append(" " + ELLIPSIS)
    return " ".join("".join(out).split())
