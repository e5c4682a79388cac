"""Stem keys of a text: what akhbar compares when it matches articles. Never shown to a reader.

    >>> stem_keys("وأرسل بوتين رسالة إلى الشرع")
    ('ارسل', 'وتين', 'رسال', 'شرع')

("and Putin sent a letter to al-Sharaa": clitics and the stopword إلى go; the Snowball stemmer
itself trims a leading ب, so بوتين stems to وتين, the same for every spelling of the name.)

Each word is tokenised (:func:`~akhbar.arabic.tokens.tokenize`), reduced to its clitic-free
``base``, dropped when it is a stopword (lexicon ``stopwords``) or a single letter, and
stemmed with Snowball's Arabic stemmer (PyStemmer). Order and repeats are kept, so the
result can feed term counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import Stemmer

from akhbar.arabic.lexicon import load_entries
from akhbar.arabic.tokens import base_words, strip_clitics

__all__ = ["stem_bases", "stem_keys"]

# Memo of base -> stem, bounded so a long-running process does not grow without limit.
_MEMO_LIMIT = 1 << 18


@cache
def _stopwords() -> frozenset[str]:
    # Bases too, so "وهذا" (base "هذا") and "التي" (base "تي") both drop.
    entries = load_entries("stopwords")
    return frozenset(entries) | frozenset(strip_clitics(entry) for entry in entries)


@cache
def _stemmer() -> Stemmer.Stemmer:
    # Created on first use in each process (a forked child reuses the parent's, which is safe:
    # the stemmer holds no locks or handles); never stored on model objects, so they pickle.
    return Stemmer.Stemmer("arabic")


@cache
def _memo() -> dict[str, str]:
    return {}


def stem_keys(text: str) -> tuple[str, ...]:
    """Stems of the content words of ``text``, in order, for matching only."""
    return stem_bases(base_words(text))


def stem_bases(bases: Iterable[str]) -> tuple[str, ...]:
    """:func:`stem_keys` for words already reduced to their bases (``base_words``)."""
    stopwords = _stopwords()
    kept = [base for base in bases if len(base) > 1 and base not in stopwords]
    memo = _memo()
    unseen = list({base: None for base in kept if base not in memo})
    if unseen:
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        memo.update(zip(unseen, _stemmer().stemWords(unseen), strict=True))
    return tuple(map(memo.__getitem__, kept))
