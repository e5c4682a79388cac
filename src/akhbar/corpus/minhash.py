"""MinHash signatures of word shingles, on numpy.

A text's shingles are its runs of ``size`` consecutive words; two texts that share most of
their shingles share most of their MinHash values. Everything here is exact integer
arithmetic on ``uint64`` arrays with constants derived from BLAKE2b, so a signature is the
same on every machine, numpy version and run (no ``hash()``, no numpy RNG streams).

    >>> words = "قال الرييس بوتين ان روسيا ستواصل دعم سوريا".split()
    >>> signature_of_shingles(shingle_hashes(words, 5), permutations(4, seed=1)).shape
    (4,)

("The president Putin said that Russia will keep supporting Syria.")
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache

import numpy as np

__all__ = [
    "EMPTY_VALUE",
    "estimate_jaccard",
    "permutations",
    "shingle_hashes",
    "signature_of_shingles",
    "word_ids",
]

_HIGH = np.uint64(32)
# Marks an empty shingle set (a real minimum equals it with probability 2**-32 per function).
EMPTY_VALUE = np.uint32(0xFFFFFFFF)
# An odd 64-bit multiplier (from the golden ratio) for the rolling polynomial over word ids.
_ROLL = np.uint64(0x9E3779B97F4A7C15)
# splitmix64's finaliser constants: they spread the polynomial's low-entropy bits.
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
# Word-id memo, cleared when it grows past this so a long-running process stays bounded.
_MEMO_LIMIT = 1 << 20


def _blake64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


@cache
def _word_memo() -> dict[str, int]:
    return {}


def word_ids(words: Sequence[str]) -> np.ndarray:
    """A stable 64-bit id per word (BLAKE2b-8 of its UTF-8), memoised per distinct word."""
    memo = _word_memo()
    found = list(map(memo.get, words))  # map over a C method: no Python frame per word
    if None in found:
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        for word in set(words).difference(memo):
            memo[word] = _blake64(word.encode("utf-8"))
        found = list(map(memo.__getitem__, words))
    return np.array(found, dtype=np.uint64)


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, in place on a uint64 array (wrapping arithmetic is intended)."""
    values ^= values >> np.uint64(30)
    values *= _MIX1
    values ^= values >> np.uint64(27)
    values *= _MIX2
    values ^= values >> np.uint64(31)
    return values


def shingle_hashes(words: Sequence[str], size: int) -> np.ndarray:
    """The 32-bit hash of each ``size``-word shingle of ``words``, in text order.

    A shingle that recurs keeps its repeats: a minimum over them is the minimum over the
    set, and skipping ``np.unique`` saves a sort. A text shorter than ``size`` words is one
    shingle of all its words, so short texts still compare; an empty text has no shingles.
    """
    ids = word_ids(words)
    if len(ids) == 0:
        return np.empty(0, dtype=np.uint64)
    size = min(size, len(ids))
    count = len(ids) - size + 1
    with np.errstate(over="ignore"):
        rolled = ids[:count].copy()
        for offset in range(1, size):  # ``size`` vector passes, never one per shingle
            rolled *= _ROLL
            rolled += ids[offset : offset + count]
        mixed = _mix(rolled)
    return mixed >> _HIGH


@cache
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Odd multipliers ``a`` and offsets ``b`` (both 64-bit) of the ``num_perm`` hash
    functions ``((a * x + b) mod 2**64) >> 32``, derived from ``seed`` with BLAKE2b."""
    multipliers = np.empty(num_perm, dtype=np.uint64)
    offsets = np.empty(num_perm, dtype=np.uint64)
    for index in range(num_perm):
        digest = hashlib.blake2b(f"akhbar-minhash:{seed}:{index}".encode(), digest_size=16)
        high, low = divmod(int.from_bytes(digest.digest(), "little"), 1 << 64)
        multipliers[index] = high | 1
        offsets[index] = low
    multipliers.setflags(write=False)
    offsets.setflags(write=False)
    return multipliers, offsets


def signature_of_shingles(
    shingles: np.ndarray, hash_functions: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """The MinHash signature (uint32, one value per hash function) of 32-bit shingle hashes.

    Each function is Dietzfelbinger's multiply-add-shift ``((a*x + b) mod 2**64) >> 32``,
    strongly universal for 32-bit ``x``; the modulus is uint64 wraparound. A Mersenne prime
    modulus would need 128-bit products: with both factors below 2**64 it only works for a
    narrow ``a``, and then ``a*x mod p`` wraps a few times at most and is nearly monotone in
    ``x``, so every function would pick the same minimum. An empty set gives
    :data:`EMPTY_VALUE` everywhere.
    """
    multipliers, offsets = hash_functions
    if len(shingles) == 0:
        return np.full(len(multipliers), EMPTY_VALUE, dtype=np.uint32)
    # One (shingles x functions) matrix per block of shingles, three whole-array passes.
    # Blocks bound the matrix (a 10 MB text has 2 million shingles: 2 GB in one piece). The
    # shift is monotone, so it is taken after the minimum, on one row instead of the matrix.
    lowest = None
    for start in range(0, len(shingles), _BLOCK):
        with np.errstate(over="ignore"):
            values = np.multiply.outer(shingles[start : start + _BLOCK], multipliers)
            values += offsets
        found = values.min(axis=0)
        lowest = found if lowest is None else np.minimum(lowest, found)
    return (lowest >> _HIGH).astype(np.uint32)


# Shingles hashed per block: 32,768 x 128 functions x 8 bytes = 32 MB at most.
_BLOCK = 32_768


def estimate_jaccard(signature: np.ndarray, others: np.ndarray) -> np.ndarray:
    """The estimated Jaccard similarity of ``signature`` with each row of ``others``."""
    return (others == signature).mean(axis=-1)
