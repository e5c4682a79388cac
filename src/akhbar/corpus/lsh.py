"""Locality-sensitive hashing over MinHash bands: candidate pairs without comparing all pairs.

A signature is cut into ``bands`` bands of ``rows`` values; two texts become candidates when
any whole band is equal. With Jaccard similarity ``s`` that happens with probability
``1 - (1 - s**rows)**bands``, an S-curve whose steep part :func:`optimal_bands` places at the
threshold, as datasketch's ``_optimal_param`` does.

The index stores, per band, a dict from band hash (a Python int) to the newest member of
that bucket, and an ``int32`` array linking each member to the previous one in the same
bucket: a few bytes per article and band, nothing per shingle.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import numpy as np

__all__ = ["BandIndex", "band_keys", "collision_probability", "optimal_bands"]

# Points of the trapezoid rule over [0, 1]: more than enough for the smooth S-curve, and
# it keeps scipy out of the package.
_GRID_POINTS = 1001
_NONE = -1
# An odd multiplier for combining a band's rows into one 64-bit key, and splitmix64's
# finaliser constants so that keys of similar bands land far apart.
_COMBINE = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def collision_probability(similarity: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Probability that two texts of Jaccard ``similarity`` share at least one band."""
    return 1.0 - (1.0 - similarity**rows) ** bands


def _area(values: np.ndarray, grid: np.ndarray) -> float:
    """Trapezoid rule, written out: ``np.trapezoid`` exists only from numpy 2.0."""
    return float(((values[1:] + values[:-1]) * np.diff(grid)).sum() / 2.0)


@cache
def optimal_bands(
    threshold: float,
    num_perm: int,
    false_positive_weight: float = 0.5,
    false_negative_weight: float = 0.5,
) -> tuple[int, int]:
    """``(bands, rows)`` with ``bands * rows <= num_perm`` minimising the weighted sum of the
    false-positive area (below ``threshold``) and false-negative area (above it).

    >>> optimal_bands(0.8, 128)
    (9, 13)
    """
    grid = np.linspace(0.0, 1.0, _GRID_POINTS)
    below = grid <= threshold
    best: tuple[float, int, int] | None = None
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            probability = collision_probability(grid, bands, rows)
            false_positive = _area(np.where(below, probability, 0.0), grid)
            false_negative = _area(np.where(below, 0.0, 1.0 - probability), grid)
            error = false_positive_weight * false_positive + false_negative_weight * (
                false_negative
            )
            if best is None or error < best[0]:
                best = (float(error), bands, rows)
    assert best is not None  # num_perm >= 1 gives at least (1, 1)
    return best[1], best[2]


@cache
def _row_weights(rows: int) -> np.ndarray:
    """Odd 64-bit weights per row, so a band's key is a random linear map of its values."""
    weights = np.arange(1, rows + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        weights *= _COMBINE
        weights ^= weights >> np.uint64(29)
        weights *= _MIX1
    weights |= np.uint64(1)
    weights.setflags(write=False)
    return weights


def band_keys(signature: np.ndarray, bands: int, rows: int) -> list[int]:
    """One 64-bit key per band of ``signature``, salted by the band's number."""
    cut = signature[: bands * rows].astype(np.uint64).reshape(bands, rows)
    with np.errstate(over="ignore"):
        keys = (cut * _row_weights(rows)).sum(axis=1, dtype=np.uint64)
        keys += np.arange(bands, dtype=np.uint64) * _MIX2
        keys ^= keys >> np.uint64(31)
        keys *= _MIX1
        keys ^= keys >> np.uint64(29)
    return keys.tolist()


class BandIndex:
    """Buckets of band keys over members numbered 0, 1, 2, ... in the order added."""

    def __init__(self, bands: int, rows: int) -> None:
        self.bands = bands
        self.rows = rows
        self._newest: list[dict[int, int]] = [{} for _ in range(bands)]
        self._previous = np.full((64, bands), _NONE, dtype=np.int32)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, keys: list[int]) -> int:
        """Put a signature's :func:`band_keys` in their buckets; returns its member number."""
        member = self._size
        if member == len(self._previous):
            grown = np.full((2 * member, self.bands), _NONE, dtype=np.int32)
            grown[:member] = self._previous
            self._previous = grown
        for band, key in enumerate(keys):
            bucket = self._newest[band]
            self._previous[member, band] = bucket.get(key, _NONE)
            bucket[key] = member
        self._size += 1
        return member

    def candidates(self, keys: list[int]) -> list[int]:
        """Members sharing at least one band key with ``keys``, in the order added."""
        found: set[int] = set()
        for band, key in enumerate(keys):
            found.update(self._bucket(band, self._newest[band].get(key, _NONE)))
        return sorted(found)

    def _bucket(self, band: int, member: int) -> Iterator[int]:
        while member != _NONE:
            yield member
            member = int(self._previous[member, band])

    def nbytes(self) -> int:
        """Approximate memory held: the link array plus the dict entries."""
        entries = sum(len(bucket) for bucket in self._newest)
        return int(self._previous.nbytes) + entries * 100
