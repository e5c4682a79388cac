"""The tagger's labels: coarse BIO over three types, read back as spans."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["COARSE_TYPES", "spans_of"]

COARSE_TYPES = ("PER", "LOC", "ORG")


def spans_of(labels: Iterable[str]) -> tuple[tuple[int, int, str], ...]:
    """Entity spans ``(first token, end token, type)`` of a BIO label sequence.

    >>> spans_of(["B-PER", "I-PER", "O", "I-LOC"])
    ((0, 2, 'PER'), (3, 4, 'LOC'))

    A stray ``I-`` opens a span (the CoNLL convention).
    """
    spans = []
    start, kind = -1, ""
    labels = list(labels)
    for index, label in enumerate([*labels, "O"]):
        prefix, _, tag = label.partition("-")
        if start >= 0 and (prefix != "I" or tag != kind):
            spans.append((start, index, kind))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, kind = index, tag
    return tuple(spans)
