"""Duplicate articles: the same text filed twice, and wire copies that outlets barely edited.

    >>> index = DuplicateIndex()
    >>> index.add("a", "أعلن الكرملين أن بوتين تلقى رسالة من الشرع")
    >>> index.add("b", "أعلن الكرملين ان بوتين تلقّى رسالة من الشرع ")
    'a'

("The Kremlin announced that Putin received a letter from al-Sharaa": the second copy differs
only in a hamza seat, a shadda and a trailing space, so it is an exact duplicate of the first.)

Two checks, in order:

1. **Exact**: a hash of the text's key form (:func:`~akhbar.arabic.normalize.to_key`) with
   whitespace collapsed. Spelling variants that the key form folds do not hide a copy.
2. **Near**: MinHash signatures of ``shingle_size``-word shingles of the clitic-free base
   words (:func:`~akhbar.arabic.tokens.base_words`), banded into an LSH index; a candidate
   counts when the estimated Jaccard similarity of the two shingle sets reaches
   ``threshold`` (one text lightly edited), or when the smaller text lies within the larger
   (its shingles at least ``containment`` inside it) and either the later one's opening
   words (``lead_words``) are at least ``lead_overlap`` in the earlier text, or the two are
   other outlets' versions of one day: the same agency text with a paragraph appended, a
   sentence cut, an intro of the outlet's own, the dateline or sign-off stripped. An
   update that puts a new lead on top of the outlet's own earlier text ("Hunt appointed"
   over "Johnson resigns", Al Arabiya, 9 and 10 July 2018) contains it too, but its lead
   is new: it reports a new happening and is no copy. The MinHash estimate of containment
   (``|A ∩ B| = J (|A| + |B|) / (1 + J)``) only picks the candidates: it is too noisy when
   the sizes differ, so containment and lead are counted exactly on the shingle sets of the
   ``recent_texts`` articles added last (copies appear within days, and the sets stay out
   of memory for the rest of an archive), and two texts published more than ``copy_days``
   apart are no edited copies (a magazine programme's page template, three months on).

This is the one notion of a copy: wire-copy detection (:mod:`akhbar.corpus.wire`) takes its
whole-article copies from here and only adds the sentence-level sharing.

The earliest article added that passes wins, so the answer for an article depends only on
the articles before it, never on how the stream was cut into chunks. Duplicates are linked
(``duplicate_of``), never dropped: a wire copy in a second outlet is still that outlet's
report.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from akhbar.arabic.normalize import to_key
from akhbar.arabic.tokens import base_words
from akhbar.corpus.lsh import BandIndex, band_keys, optimal_bands
from akhbar.corpus.minhash import (
    estimate_jaccard,
    permutations,
    shingle_hashes,
    signature_of_shingles,
)
from akhbar.errors import ConfigError, InputError

__all__ = [
    "DedupConfig",
    "DuplicateIndex",
    "Fingerprint",
    "contained",
    "exact_key",
    "find_duplicates",
    "fingerprint",
    "fingerprint_words",
    "signature",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DedupConfig:
    """Tuning of duplicate detection.

    ``threshold`` is the Jaccard similarity of two texts' shingle sets from which the later
    one is a near duplicate. ``containment`` is the share of the smaller text's shingles
    (at least ``min_contained`` of them: a two-line brief inside a long report is no copy)
    that must lie in the larger for an edited copy; such pairs have a lower Jaccard
    similarity, so the LSH bands are tuned to ``candidate_threshold``.

    Calibrated on ANT (``benchmarks/dedup.py``): pairs at 0.8 and above read as one text
    lightly edited (hashtags added, a verb or a day changed, a sentence appended: Sky News
    Arabia and Al Arabiya running the same agency copy); from 0.5 to 0.8 most pairs are
    two write-ups of one event that share background paragraphs, which is story
    clustering's business, not dedup's.

    Leave ``bands`` and ``rows`` unset to derive them from ``threshold`` and ``num_perm``
    (:func:`~akhbar.corpus.lsh.optimal_bands`), or set both. False negatives weigh 0.9
    because every LSH candidate is verified against ``threshold`` anyway: a false positive
    costs one signature comparison, a false negative a missed copy. With the defaults that
    gives 14 bands of 9 rows, which make a pair at similarity 0.8 a candidate with
    probability 0.87 (datasketch's even weights: 9 x 13, probability 0.40).
    """

    threshold: float = 0.8
    num_perm: int = 128
    shingle_size: int = 5
    bands: int | None = None
    rows: int | None = None
    false_positive_weight: float = 0.1
    false_negative_weight: float = 0.9
    seed: int = 1
    containment: float = 0.6
    candidate_threshold: float = 0.4
    min_contained: int = 20
    lead_words: int = 40
    lead_overlap: float = 0.5
    recent_texts: int = 20_000
    copy_days: int = 3

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ConfigError(
                f"dedup threshold {self.threshold!r} is outside (0, 1]; give a Jaccard "
                "similarity such as 0.8"
            )
        if not 2 <= self.num_perm <= 1024:
            raise ConfigError(
                f"dedup num_perm {self.num_perm!r} is outside [2, 1024]; use e.g. 128"
            )
        if not 0.0 < self.containment <= 1.0 or not 0.0 < self.candidate_threshold <= 1.0:
            raise ConfigError(
                f"dedup containment {self.containment!r} and candidate_threshold "
                f"{self.candidate_threshold!r} must be in (0, 1]; use e.g. 0.8 and 0.5"
            )
        if self.copy_days < 0:
            raise ConfigError(f"dedup copy_days {self.copy_days!r} must be >= 0; use e.g. 3")
        if min(self.min_contained, self.lead_words, self.recent_texts) < 1 or not (
            0.0 < self.lead_overlap <= 1.0
        ):
            raise ConfigError(
                f"dedup min_contained {self.min_contained!r}, lead_words {self.lead_words!r} "
                f"and recent_texts {self.recent_texts!r} must be >= 1 and lead_overlap "
                f"{self.lead_overlap!r} in (0, 1]; use 20, 40, 20000 and 0.5"
            )
        if self.shingle_size < 1:
            raise ConfigError(
                f"dedup shingle_size {self.shingle_size!r} must be at least 1 word; use e.g. 5"
            )
        self._check_weights()
        self._check_bands()

    def _check_weights(self) -> None:
        weights = (self.false_positive_weight, self.false_negative_weight)
        if min(weights) < 0.0 or abs(sum(weights) - 1.0) > 1e-9:
            raise ConfigError(
                f"dedup false_positive_weight {weights[0]!r} and false_negative_weight "
                f"{weights[1]!r} must be >= 0 and add up to 1; use e.g. 0.5 and 0.5"
            )

    def _check_bands(self) -> None:
        if (self.bands is None) != (self.rows is None):
            raise ConfigError(
                f"dedup bands={self.bands!r} and rows={self.rows!r}: set both or neither "
                "(neither derives them from threshold and num_perm)"
            )
        if self.bands is None or self.rows is None:
            return
        if self.bands < 1 or self.rows < 1 or self.bands * self.rows > self.num_perm:
            raise ConfigError(
                f"dedup bands={self.bands!r} x rows={self.rows!r} must be >= 1 each and "
                f"use at most num_perm={self.num_perm} values; lower them or raise num_perm"
            )

    @property
    def band_rows(self) -> tuple[int, int]:
        """``(bands, rows)``: as given, or derived from ``threshold`` and ``num_perm``."""
        if self.bands is not None and self.rows is not None:
            return self.bands, self.rows
        return optimal_bands(
            min(self.threshold, self.candidate_threshold),
            self.num_perm,
            self.false_positive_weight,
            self.false_negative_weight,
        )


def exact_key(text: str) -> bytes:
    """A 16-byte digest of the key form of ``text`` with whitespace collapsed."""
    return _digest(to_key(text))


def _digest(key_text: str) -> bytes:
    return hashlib.blake2b(" ".join(key_text.split()).encode("utf-8"), digest_size=16).digest()


def signature(
    text_or_words: str | Sequence[str], *, config: DedupConfig = DedupConfig()
) -> np.ndarray:
    """The MinHash signature (``numpy.uint32``, ``config.num_perm`` values) of a text's
    shingles; a text is split with :func:`~akhbar.arabic.tokens.base_words`, a sequence of
    words is taken as it is."""
    words = base_words(text_or_words) if isinstance(text_or_words, str) else text_or_words
    shingles = shingle_hashes(words, config.shingle_size)
    return signature_of_shingles(shingles, permutations(config.num_perm, config.seed))


@dataclass(frozen=True)
class Fingerprint:
    """What deduplication needs of one text: its exact key and MinHash signature.

    Computed per article (pure, picklable), so the work spreads over processes; the
    index that compares fingerprints stays in one place. ``signature`` is None for a text
    without words.
    """

    digest: bytes
    signature: np.ndarray | None
    shingles: int = 0  # distinct shingles, for containment
    shingle_set: np.ndarray | None = None  # sorted distinct shingle hashes, for containment
    lead: np.ndarray | None = None  # sorted distinct shingle hashes of the opening words
    day: int | None = None  # publication day (proleptic ordinal), when known
    outlet: str | None = None


def fingerprint(text: str, *, config: DedupConfig = DedupConfig()) -> Fingerprint:
    """The :class:`Fingerprint` of ``text``."""
    key_text = to_key(text)
    return fingerprint_words(key_text, base_words(key_text), config=config)


def fingerprint_words(
    key_text: str, words: Sequence[str], *, config: DedupConfig = DedupConfig()
) -> Fingerprint:
    """:func:`fingerprint` from a text's key form and its base words, when already at hand."""
    if not words:
        return Fingerprint(_digest(key_text), None)
    shingles = shingle_hashes(words, config.shingle_size)
    values = signature_of_shingles(shingles, permutations(config.num_perm, config.seed))
    distinct = np.unique(shingles).astype(np.uint32)
    lead = np.unique(shingle_hashes(words[: config.lead_words], config.shingle_size))
    return Fingerprint(_digest(key_text), values, len(distinct), distinct, lead.astype(np.uint32))


class DuplicateIndex:
    """Articles seen so far, for finding the earlier article a new one duplicates.

    Memory per article: its id, a 16-byte exact key, and (for texts with words) a ``uint32``
    signature plus one bucket entry per band: about 2 KB with the defaults.
    """

    def __init__(self, config: DedupConfig = DedupConfig()) -> None:
        self.config = config
        bands, rows = config.band_rows
        self._bands = BandIndex(bands, rows)
        self._exact: dict[bytes, str] = {}
        self._seen: set[str] = set()
        self._member_ids: list[str] = []
        self._signatures = np.empty((64, config.num_perm), dtype=np.uint32)
        self._sizes = np.empty(64, dtype=np.int64)
        # member -> (shingle set, publication day), for the recent members only
        self._sets: dict[int, tuple[np.ndarray, int | None, str | None]] = {}

    def __len__(self) -> int:
        return len(self._seen)

    def add(self, article_id: str, text: str) -> str | None:
        """Record an article; return the id of the earliest article added before it that it
        duplicates (exactly, else nearly), or None. A text without words is nobody's
        duplicate, as there is nothing to compare."""
        return self.add_fingerprint(article_id, fingerprint(text, config=self.config))

    def add_fingerprint(self, article_id: str, print_: Fingerprint) -> str | None:
        """:meth:`add` for a fingerprint computed elsewhere (another process, a Dask worker)."""
        if article_id in self._seen:
            raise InputError(
                article_id, "added to the duplicate index twice; give every article its own id"
            )
        self._seen.add(article_id)
        if print_.signature is None:
            return None
        if print_.digest in self._exact:
            return self._exact[print_.digest]
        self._exact[print_.digest] = article_id
        keys = band_keys(print_.signature, self._bands.bands, self._bands.rows)
        match = self._near(print_, keys)
        self._remember(article_id, print_, keys)
        return match

    def _near(self, print_: Fingerprint, keys: list[int]) -> str | None:
        candidates = self._bands.candidates(keys)
        if not candidates:
            return None
        scores = estimate_jaccard(print_.signature, self._signatures[candidates])
        near = scores >= self.config.threshold
        # A loose estimate picks the candidates; the sets decide.
        loose = dataclasses.replace(self.config, containment=0.8 * self.config.containment)
        inside = contained(scores, print_.shingles, self._sizes[candidates], loose)
        for position in np.flatnonzero(near | inside):  # earliest first
            member = candidates[position]
            earlier = self._sets.get(member, (None, None, None))
            if near[position] or self._edited_copy(print_, *earlier):
                return self._member_ids[member]
        return None

    def _edited_copy(
        self,
        print_: Fingerprint,
        earlier: np.ndarray | None,
        day: int | None,
        outlet: str | None,
    ) -> bool:
        """The smaller text lies within the larger, the new one opens with the earlier's
        words, and they were published days apart at most (see the module docstring)."""
        later, lead = print_.shingle_set, print_.lead
        if earlier is None or later is None or lead is None or not len(lead):
            return False
        apart = None if day is None or print_.day is None else abs(print_.day - day)
        if apart is not None and apart > self.config.copy_days:
            return False
        smaller = min(len(later), len(earlier))
        shared = len(np.intersect1d(later, earlier, assume_unique=True))
        if smaller < self.config.min_contained or shared < self.config.containment * smaller:
            return False
        opening = len(np.intersect1d(lead, earlier, assume_unique=True))
        if opening >= self.config.lead_overlap * len(lead):
            return True
        # Another outlet's intro over the agency text on the same day is that outlet's framing;
        # an outlet's own new lead over its earlier text, or a later day's, is an update.
        return (
            apart == 0
            and print_.outlet is not None
            and outlet is not None
            and print_.outlet != outlet
        )

    def _remember(self, article_id: str, print_: Fingerprint, keys: list[int]) -> None:
        member = self._bands.add(keys)
        if member == len(self._signatures):
            grown = np.empty((2 * member, self.config.num_perm), dtype=np.uint32)
            grown[:member] = self._signatures
            self._signatures = grown
            self._sizes = np.resize(self._sizes, 2 * member)
        self._signatures[member] = print_.signature
        self._sizes[member] = print_.shingles
        if print_.shingle_set is not None:
            self._sets[member] = (print_.shingle_set, print_.day, print_.outlet)
            if len(self._sets) > self.config.recent_texts:
                del self._sets[next(iter(self._sets))]  # the oldest: dicts keep insertion order
        self._member_ids.append(article_id)

    def nbytes(self) -> int:
        """Approximate memory held by the index, for benchmarks and logs."""
        members = len(self._member_ids)
        per_id = 120  # a short str id in a list, a set and (once) the exact dict
        held = self._signatures.nbytes + self._sizes.nbytes
        held += sum(values.nbytes for values, _, _ in self._sets.values())
        return int(held) + self._bands.nbytes() + members * per_id


def contained(
    jaccard: np.ndarray, size: int, others: np.ndarray, config: DedupConfig
) -> np.ndarray:
    """Whether the smaller of each pair (``size`` shingles against each of ``others``) lies
    at least ``config.containment`` inside the larger, given their estimated Jaccard."""
    smaller = np.minimum(size, others)
    shared = jaccard * (size + others) / (1.0 + jaccard)
    return (smaller >= config.min_contained) & (
        shared >= config.containment * np.maximum(smaller, 1)
    )


def find_duplicates(
    items: Iterable[tuple[str, str]], *, config: DedupConfig = DedupConfig()
) -> dict[str, str]:
    """``{article id: id of the earlier article it duplicates}`` over ``(id, text)`` pairs,
    in the order given; articles that duplicate nothing are left out."""
    index = DuplicateIndex(config)
    found: dict[str, str] = {}
    for article_id, text in items:
        original = index.add(article_id, text)
        if original is not None:
            found[article_id] = original
    logger.debug("dedup: %d of %d articles duplicate an earlier one", len(found), len(index))
    return found
