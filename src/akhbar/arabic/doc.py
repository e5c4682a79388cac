"""An article's text prepared once for analysis: key form, sentences, tokens, quotations.

    >>> doc = make_doc("قال بيسكوف: «نعم». وأضاف أن الرسالة مهمة")
    >>> [s.text for s in doc.sentences]
    ['قال بيسكوف: «نعم».', 'وأضاف أن الرسالة مهمة']
    >>> [t.base for t in doc.words(1)]
    ['اضاف', 'ان', 'رساله', 'مهمه']

("Peskov said: 'yes'. He added that the letter is important.") Every finder of
:mod:`akhbar.analyze` reads a :class:`Doc` and none tokenises the text again (in the spirit of
spaCy's ``Doc``): build it once per article with :func:`make_doc`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from akhbar.arabic.normalize import KeyOffsets
from akhbar.arabic.sentences import quotations, split_sentences
from akhbar.arabic.tokens import Token, tokenize_with_marks
from akhbar.model import Sentence

__all__ = ["Doc", "make_doc"]


@dataclass(frozen=True, eq=False)
class Doc:
    """One article's display ``text`` and what every finder reads of it.

    ``tokens`` are the words and punctuation marks of every sentence, in text order;
    ``bounds[i]`` is the ``[first, end)`` range of sentence ``i``'s tokens in ``tokens``;
    ``quoted[i]`` the (opening mark, closing mark) offsets of its quotations; ``keyed`` the
    key form of the whole text with its map back to display offsets.
    """

    article: str
    text: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    bounds: tuple[tuple[int, int], ...]
    quoted: tuple[tuple[tuple[int, int], ...], ...]
    keyed: KeyOffsets
    starts: tuple[int, ...]  # of each token, for lookups by offset

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        """Words and marks of sentence ``index``."""
        first, end = self.bounds[index]
        return self.tokens[first:end]

    def words(self, index: int) -> tuple[Token, ...]:
        """Words of sentence ``index`` (marks left out)."""
        return tuple(token for token in self.sentence_tokens(index) if token.is_word)

    def words_between(self, start: int, end: int) -> tuple[Token, ...]:
        """Words lying wholly inside display offsets ``[start, end)``."""
        out = []
        for index in range(bisect_left(self.starts, start), len(self.tokens)):
            token = self.tokens[index]
            if token.start >= end:
                break
            if token.is_word and token.end <= end:
                out.append(token)
        return tuple(out)


def make_doc(text: str, *, article: str = "", sentences: Sequence[Sentence] | None = None) -> Doc:
    """The :class:`Doc` of ``text`` (``sentences``: its split when the caller has one)."""
    split = tuple(sentences) if sentences is not None else split_sentences(text)
    tokens: list[Token] = []
    bounds = []
    for sentence in split:
        first = len(tokens)
        tokens += tokenize_with_marks(text, sentence.start, sentence.end)
        bounds.append((first, len(tokens)))
    return Doc(
        article=article,
        text=text,
        sentences=split,
        tokens=tuple(tokens),
        bounds=tuple(bounds),
        quoted=tuple(quotations(text, s.start, s.end) for s in split),
        keyed=KeyOffsets(text),
        starts=tuple(token.start for token in tokens),
    )
