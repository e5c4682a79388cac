"""Vectors computed once per key and kept as the rows of one array.

The taggers read a word's parts (a CRF's summed weights, a network's character and lexicon
vectors) that depend on the word alone; news repeats its words, so each is computed the first
time it is seen and gathered by row number after that. The memo is bounded: past ``limit``
keys it starts again, so a ten-year archive does not grow a process without end.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import numpy as np

__all__ = ["RowMemo"]


class RowMemo:
    """Key -> vector, kept as rows of one array grown by doubling."""

    def __init__(self, shape: tuple[int, ...], limit: int, dtype: type = np.float64) -> None:
        self._shape, self._limit, self._dtype = shape, limit, dtype
        self._index: dict[Hashable, int] = {}
        self._rows = np.zeros((64, *shape), dtype=dtype)

    def __len__(self) -> int:
        """Keys kept now."""
        return len(self._index)

    def gather(self, keys: Sequence[Hashable], compute: Callable[[list], np.ndarray]) -> np.ndarray:
        """The rows of ``keys``, in order (``len(keys) x shape``), computing the unseen ones
        with one call of ``compute`` (unseen keys -> their rows)."""
        index = self._index
        unseen = list(dict.fromkeys(key for key in keys if key not in index))
        if unseen:
            if len(index) + len(unseen) > self._limit:
                index.clear()
                unseen = list(dict.fromkeys(keys))
            first = len(index)
            needed = first + len(unseen)
            if needed > len(self._rows):
                grown = np.zeros((max(needed, 2 * len(self._rows)), *self._shape), self._dtype)
                grown[:first] = self._rows[:first]
                self._rows = grown
            self._rows[first:needed] = compute(unseen)
            index.update(zip(unseen, range(first, needed), strict=True))
        rows = np.fromiter((index[key] for key in keys), dtype=np.int64, count=len(keys))
        return self._rows[rows]
