"""Wire copies: sentences that outlets printed nearly verbatim from the same agency text.

Two articles of different outlets that share the sentence

    "وأضاف البيان أن الجانبين بحثا سبل تعزيز العلاقات الثنائية في مختلف المجالات"

("The statement added that the two sides discussed ways to strengthen bilateral relations in
all fields") did not write it twice: one copied it, or both took it from an agency. Such
articles are one voice, not two confirmations.

Each sentence of at least ``min_words`` words gets a MinHash signature of its
``shingle_size``-word shingles of clitic-free base words
(:func:`~akhbar.arabic.tokens.base_words`); an LSH band index proposes candidate sentence
pairs across articles of different outlets, and a candidate counts when the estimated
Jaccard similarity reaches ``threshold``. Within one article pair every sentence is matched
at most once (best similarity first), so the shared-sentence count is a count of sentences.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from akhbar.arabic.tokens import base_words
from akhbar.corpus.dedup import DedupConfig, find_duplicates
from akhbar.corpus.lsh import optimal_bands
from akhbar.corpus.minhash import (
    estimate_jaccard,
    permutations,
    shingle_hashes,
    signature_of_shingles,
)
from akhbar.errors import ConfigError
from akhbar.model import ArticleAnalysis, Evidence, Span

__all__ = [
    "SentencePrints",
    "WireConfig",
    "WireCopy",
    "WirePair",
    "find_wire_copies",
    "sentence_prints",
    "voices",
    "wire_pairs",
]


@dataclass(frozen=True)
class WireConfig:
    """Tuning of wire-copy detection.

    ``threshold`` 0.7 on 4-word shingles: on ANT, sentence pairs above it read as one
    sentence with a word or a clitic changed (``وقال`` for ``قال``, a title dropped); below
    0.5 they are two sentences about one fact. Sentences under ``min_words`` words
    (datelines, "اقرأ أيضا", one-line headlines) are too common to show copying.
    ``voice_share`` is the share of the smaller article's sentences two articles must share
    to count as one voice. A sentence carried by more than ``max_partners`` + 1 articles
    (a feed re-posting one line thousands of times) is compared with the ``max_partners``
    rows after it in input order, not with every row: the copies stay connected and their
    number grows linearly, not with the square of the feed.
    """

    threshold: float = 0.7
    shingle_size: int = 4
    min_words: int = 8
    num_perm: int = 64
    seed: int = 7
    voice_share: float = 0.3
    max_partners: int = 32

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ConfigError(f"wire threshold {self.threshold!r} is outside (0, 1]; use e.g. 0.7")
        if self.shingle_size < 1 or self.min_words < 1 or self.num_perm < 2:
            raise ConfigError(
                f"wire shingle_size={self.shingle_size!r}, min_words={self.min_words!r} and "
                f"num_perm={self.num_perm!r} must be >= 1, >= 1 and >= 2; use 4, 8 and 64"
            )
        if self.max_partners < 1:
            raise ConfigError(f"wire max_partners {self.max_partners!r} must be >= 1; use 32")
        if not 0.0 < self.voice_share <= 1.0:
            raise ConfigError(
                f"wire voice_share {self.voice_share!r} is outside (0, 1]; use e.g. 0.3"
            )


@dataclass(frozen=True)
class WireCopy:
    """One sentence of ``first`` printed nearly verbatim as one sentence of ``second``.

    ``first`` is from the article given (or published) first; spans carry the sentence index.
    """

    first: Evidence
    second: Evidence
    similarity: float


@dataclass(frozen=True)
class WirePair:
    """Two articles that share sentences: how many, and what share of each.

    Shares count only sentences long enough to compare (``min_words``). ``first`` is the
    earlier article when ``ordered`` (published strictly before ``second``); otherwise the
    order is the input order and who copied whom is unknown.
    """

    first: str
    second: str
    shared: int
    first_share: float
    second_share: float
    ordered: bool
    copies: tuple[WireCopy, ...]


@dataclass(frozen=True)
class SentencePrints:
    """One article's comparable sentences: their indices and MinHash signatures.

    Computed per article (pure, picklable), so a caller comparing overlapping sets of
    articles (ANT's day windows) or spreading the work over processes computes it once.
    """

    article: str
    sentences: np.ndarray  # sentence indices, int64
    signatures: np.ndarray  # (len(sentences), num_perm) uint32


def sentence_prints(
    analysis: ArticleAnalysis, *, config: WireConfig = WireConfig()
) -> SentencePrints:
    """The :class:`SentencePrints` of the sentences of at least ``config.min_words`` words."""
    functions = permutations(config.num_perm, config.seed)
    indices: list[int] = []
    rows: list[np.ndarray] = []
    for sentence in analysis.sentences:
        words = base_words(sentence.text)
        if len(words) >= config.min_words:
            indices.append(sentence.index)
            rows.append(
                signature_of_shingles(shingle_hashes(words, config.shingle_size), functions)
            )
    signatures = np.vstack(rows) if rows else np.empty((0, config.num_perm), dtype=np.uint32)
    return SentencePrints(analysis.article.id, np.array(indices, dtype=np.int64), signatures)


@dataclass(frozen=True)
class _Table:
    """The comparable sentences of a set of articles: owner, index and signature per row."""

    owners: np.ndarray  # article position per row
    sentences: np.ndarray  # sentence index within its article per row
    signatures: np.ndarray  # (rows, num_perm) uint32


def _prints(
    analyses: Sequence[ArticleAnalysis],
    prints: Sequence[SentencePrints] | None,
    config: WireConfig,
) -> Sequence[SentencePrints]:
    if prints is None:
        return [sentence_prints(analysis, config=config) for analysis in analyses]
    if [p.article for p in prints] != [a.article.id for a in analyses]:
        raise ConfigError(
            "wire: prints do not match the analyses; give one sentence_prints(...) per "
            "analysis, in the same order"
        )
    return prints


def _table(prints: Sequence[SentencePrints], config: WireConfig) -> _Table:
    owners = np.repeat(np.arange(len(prints)), [len(p.sentences) for p in prints])
    if not len(owners):
        empty = np.empty(0, dtype=np.int64)
        return _Table(empty, empty, np.empty((0, config.num_perm), dtype=np.uint32))
    return _Table(
        owners,
        np.concatenate([p.sentences for p in prints]),
        np.vstack([p.signatures for p in prints]),
    )


def _outlet_codes(analyses: Sequence[ArticleAnalysis]) -> np.ndarray:
    """A code per article's outlet; an unknown outlet gets a code of its own (-1 - position)."""
    codes: dict[str, int] = {}
    return np.array(
        [
            codes.setdefault(a.article.outlet, len(codes)) if a.article.outlet else -1 - i
            for i, a in enumerate(analyses)
        ],
        dtype=np.int64,
    )


def _group_pairs(group: np.ndarray, partners: int) -> np.ndarray:
    """Pairs ``(group[i], group[i + d])``, ``1 <= d <= partners``: every pair when the group
    is small enough."""
    if len(group) <= partners + 1:
        return group[np.column_stack(np.triu_indices(len(group), 1))]
    steps = range(1, partners + 1)
    return np.vstack([np.column_stack((group[:-d], group[d:])) for d in steps])


def _band_pairs(labels: np.ndarray, partners: int) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, of rows with the same bucket label, each row paired with
    at most ``partners`` rows after it (see :class:`WireConfig`)."""
    shared = np.bincount(labels)[labels] > 1  # most sentences are alone in their bucket
    rows = np.flatnonzero(shared)
    labels = labels[rows]
    order = rows[np.argsort(labels, kind="stable")]
    labels = np.sort(labels, kind="stable")
    cuts = np.flatnonzero(np.diff(labels)) + 1
    found = [_group_pairs(group, partners) for group in np.split(order, cuts)]
    return np.vstack(found) if found else np.empty((0, 2), dtype=np.int64)


def _candidate_pairs(table: _Table, outlets: np.ndarray, config: WireConfig) -> np.ndarray:
    """Rows ``(earlier row, later row, matching hash values)`` of sentence pairs that pass.

    LSH with whole-array bucketing: per band, ``np.unique`` labels the rows by their band
    values, and rows sharing a label are candidates. On ANT this is three times faster
    than adding sentences one by one to a :class:`~akhbar.corpus.lsh.BandIndex`.
    """
    bands, rows = optimal_bands(config.threshold, config.num_perm, 0.1, 0.9)
    signatures = table.signatures
    found = []
    for band in range(bands):
        cut = signatures[:, band * rows : (band + 1) * rows]
        labels = np.unique(cut, axis=0, return_inverse=True)[1].ravel()
        found.append(_band_pairs(labels, config.max_partners))
    pairs = np.unique(np.vstack([np.empty((0, 2), dtype=np.int64), *found]), axis=0)
    owners = table.owners[pairs]
    pairs = pairs[outlets[owners[:, 0]] != outlets[owners[:, 1]]]
    scores = estimate_jaccard(signatures[pairs[:, 0]], signatures[pairs[:, 1]])
    keep = scores >= config.threshold
    matches = (scores[keep] * config.num_perm).round().astype(np.int64)
    return np.column_stack([pairs[keep], matches])


def _when(analysis: ArticleAnalysis) -> dt.date | None:
    return analysis.article.published


def _earlier(first: ArticleAnalysis, second: ArticleAnalysis) -> int:
    """-1 when ``first`` was published before ``second``, 1 when after, 0 when unknown."""
    a, b = _when(first), _when(second)
    if a is None or b is None:
        return 0
    both_times = isinstance(a, dt.datetime) and isinstance(b, dt.datetime)
    if both_times and (a.tzinfo is None) == (b.tzinfo is None):
        return (a > b) - (a < b)
    a_day = a.date() if isinstance(a, dt.datetime) else a
    b_day = b.date() if isinstance(b, dt.datetime) else b
    return (a_day > b_day) - (a_day < b_day)


def _sentence_evidence(analysis: ArticleAnalysis, index: int) -> Evidence:
    sentence = analysis.sentences[index]
    return Evidence(
        Span(analysis.article.id, sentence.start, sentence.end, sentence.index), sentence.text
    )


def _one_to_one(rows: np.ndarray, table: _Table) -> list[tuple[int, int, int]]:
    """Best matches first, each sentence used once per article pair; in text order."""
    order = np.lexsort((rows[:, 1], rows[:, 0], -rows[:, 2]))
    used: set[int] = set()
    kept: list[tuple[int, int, int]] = []
    for earlier, later, matches in rows[order].tolist():
        if earlier in used or later in used:
            continue
        used.update((earlier, later))
        kept.append((earlier, later, matches))
    return sorted(kept, key=lambda item: (int(table.sentences[item[0]]), item[1]))


def _pair_copies(
    analyses: Sequence[ArticleAnalysis], table: _Table, rows: np.ndarray, config: WireConfig
) -> list[WireCopy]:
    """The copies of one article pair, the earlier-published (else earlier given) first."""
    one, two = int(table.owners[rows[0, 0]]), int(table.owners[rows[0, 1]])
    swap = _earlier(analyses[one], analyses[two]) > 0
    out: list[WireCopy] = []
    for earlier, later, matches in _one_to_one(rows, table):
        first = _sentence_evidence(analyses[one], int(table.sentences[earlier]))
        second = _sentence_evidence(analyses[two], int(table.sentences[later]))
        if swap:
            first, second = second, first
        out.append(WireCopy(first, second, matches / config.num_perm))
    return out


def find_wire_copies(
    analyses: Sequence[ArticleAnalysis],
    *,
    config: WireConfig = WireConfig(),
    prints: Sequence[SentencePrints] | None = None,
) -> tuple[WireCopy, ...]:
    """Sentences shared nearly verbatim by articles of different outlets.

    Articles of the same (known) outlet are never compared; an article without an outlet is
    compared with every other. Ordered by article pair (input order), then sentence.
    Deterministic: signatures are seeded integer hashes, and ties break on position.
    ``prints``: the articles' :func:`sentence_prints`, when already computed.
    """
    table = _table(_prints(analyses, prints, config), config)
    rows = _candidate_pairs(table, _outlet_codes(analyses), config)
    if len(rows) == 0:
        return ()
    owners = table.owners[rows[:, :2]]
    pair_keys = owners[:, 0] * len(analyses) + owners[:, 1]
    # Rows grouped by article pair with one stable sort (in input order within a pair): a
    # mask per pair had cost pairs x rows, quartic in the articles of a story of near
    # copies (700 tiny articles: 25 s; 10,000: hours).
    order = np.argsort(pair_keys, kind="stable")
    keys, grouped = pair_keys[order], rows[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    out: list[WireCopy] = []
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        out.extend(_pair_copies(analyses, table, grouped[start:end], config))
    return tuple(out)


def wire_pairs(
    analyses: Sequence[ArticleAnalysis],
    copies: Sequence[WireCopy],
    *,
    config: WireConfig = WireConfig(),
    prints: Sequence[SentencePrints] | None = None,
) -> tuple[WirePair, ...]:
    """Per article pair: shared sentences and the share of each article's comparable ones."""
    by_id = {a.article.id: a for a in analyses}
    counts = {p.article: len(p.sentences) for p in _prints(analyses, prints, config)}
    grouped: dict[tuple[str, str], list[WireCopy]] = {}
    for copy in copies:
        grouped.setdefault((copy.first.span.article, copy.second.span.article), []).append(copy)
    out: list[WirePair] = []
    for (first, second), items in grouped.items():
        shared = len(items)
        out.append(
            WirePair(
                first=first,
                second=second,
                shared=shared,
                first_share=shared / max(counts[first], shared),
                second_share=shared / max(counts[second], shared),
                ordered=_earlier(by_id[first], by_id[second]) < 0,
                copies=tuple(items),
            )
        )
    return tuple(out)


def voices(
    analyses: Sequence[ArticleAnalysis],
    copies: Sequence[WireCopy],
    *,
    config: WireConfig = WireConfig(),
    prints: Sequence[SentencePrints] | None = None,
) -> tuple[tuple[str, ...], ...]:
    """Groups of articles that are one voice: connected by sharing at least
    ``voice_share`` of the smaller article's comparable sentences, or by being exact or
    near duplicates (:func:`~akhbar.corpus.dedup.find_duplicates`). Every article is in
    exactly one group; groups and their members keep input order."""
    ids = [a.article.id for a in analyses]
    parent = {article_id: article_id for article_id in ids}

    def root(article_id: str) -> str:
        while parent[article_id] != article_id:
            parent[article_id] = parent[parent[article_id]]
            article_id = parent[article_id]
        return article_id

    def join(one: str, two: str) -> None:
        first, second = sorted((root(one), root(two)), key=ids.index)
        parent[second] = first

    for pair in wire_pairs(analyses, copies, config=config, prints=prints):
        if max(pair.first_share, pair.second_share) >= config.voice_share:
            join(pair.first, pair.second)
    texts = ((a.article.id, a.article.text) for a in analyses)
    for later, earlier in find_duplicates(texts, config=DedupConfig()).items():
        join(later, earlier)
    groups: dict[str, list[str]] = {}
    for article_id in ids:
        groups.setdefault(root(article_id), []).append(article_id)
    return tuple(tuple(group) for group in groups.values())
