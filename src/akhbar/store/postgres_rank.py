"""BM25 over PostgreSQL's tsvectors, computed as SQLite FTS5's ``bm25()`` computes it, so both
backends rank a query's hits alike (no database code here).

FTS5 scores a row, for each phrase of the query, by the phrase's IDF over the whole store
and its weighted count in the row (a word in the headline counts three times one in the
body), saturated by ``K1`` and normalised by the row's length against the average (``B``).
The PostgreSQL store keeps the title's search words with weight A and the body's with
weight B in one tsvector; a phrase counts where its words stand at consecutive positions
of one weight. Scores are FTS5's up to where tsvector has limits of its own (positions past
16,383, more than 256 of one word) and where the two parsers cut a token differently
(``3.5`` is one word to PostgreSQL, two to SQLite).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["BODY_WEIGHT", "TITLE_WEIGHT", "Occurrences", "bm25", "idf", "occurrences"]

# FTS5's constants (ext/fts5/fts5_aux.c).
K1, B = 1.2, 0.75
_SMALLEST_IDF = 1e-6
# As the SQLite store's bm25 column weights.
TITLE_WEIGHT, BODY_WEIGHT = 3.0, 1.0
_WEIGHTS = {"A": TITLE_WEIGHT, "B": BODY_WEIGHT}

# lexeme -> its (position, weight) pairs in one row
Occurrences = Mapping[str, frozenset[tuple[int, str]]]


def occurrences(found: Iterable[Sequence]) -> Occurrences:
    """Rows of ``unnest(tsvector)``: (lexeme, positions, weights)."""
    return {
        lexeme: frozenset(zip(positions, weights, strict=True))
        for lexeme, positions, weights in found
    }


def idf(rows: int, hits: int) -> float:
    """FTS5's IDF of a phrase found in ``hits`` of ``rows`` rows (never below 1e-6)."""
    value = math.log((rows - hits + 0.5) / (hits + 0.5))
    return value if value > 0 else _SMALLEST_IDF


def _frequency(phrase: Sequence[str], found: Occurrences) -> float:
    """How often ``phrase`` stands in the row, each time weighted by its column."""
    total = 0.0
    for position, weight in found.get(phrase[0], ()) if phrase else ():
        if all(
            (position + offset, weight) in found.get(lexeme, ())
            for offset, lexeme in enumerate(phrase[1:], start=1)
        ):
            total += _WEIGHTS.get(weight, BODY_WEIGHT)
    return total


def bm25(
    phrases: Sequence[Sequence[str]],
    idfs: Sequence[float],
    found: Occurrences,
    length: int,
    average_length: float,
) -> float:
    """The row's score (higher is better: FTS5's bm25 negated, as SQLite's hits show it)."""
    norm = K1 * (1 - B + B * length / average_length) if average_length else K1
    score = 0.0
    for phrase, weight in zip(phrases, idfs, strict=True):
        frequency = _frequency(phrase, found)
        score += weight * (frequency * (K1 + 1)) / (frequency + norm)
    return score
