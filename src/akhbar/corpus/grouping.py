"""A first grouping of articles into stories: TF-IDF cosine over stem keys.

This is the simple grouping the report needs until the streaming event/story clustering
lands; callers use :func:`group_stories` only, so the method can change behind it.

Each article becomes a sublinear TF-IDF vector of its stem keys. Document frequencies are
the articles given plus a background table shipped in the package (see
:mod:`akhbar.corpus.background`), so five articles alone score like the same five inside
a day's news. Two articles are linked when their cosine similarity reaches
``GroupingConfig.threshold`` and, when both are dated, they are at most
``max_days_apart`` days apart; stories are the connected components of those links.
Candidate pairs come from an inverted index over each article's strongest terms, so the
cost stays near linear in the number of articles instead of comparing every pair.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from akhbar.corpus.background import load_background
from akhbar.errors import ConfigError
from akhbar.model import ArticleAnalysis

__all__ = ["GroupingConfig", "group_stories", "similarity_matrix"]

Vector = dict[str, float]


@dataclass(frozen=True)
class GroupingConfig:
    """Tuning of the first grouping.

    ``threshold`` was calibrated with ``benchmarks/grouping.py``: the ten pairs of the five
    seed articles (one story, five outlets) score 0.38-0.50, alone and mixed into a day of
    ANT news. At 0.30 the three busiest ANT days (214-250 articles, five outlets) form
    stories of at most 45, 58 and 11 articles, and the weakest links kept read as one
    developing story (reactions to the US leaving the Iran deal, the Douma inspections),
    with the odd same-topic sports pair; at 0.22 and below, topics chain into stories of
    60-100 articles.
    """

    threshold: float = 0.30
    max_days_apart: int | None = 21  # a story runs days to weeks; None: dates not used
    use_background: bool = True
    index_terms: int = 40  # strongest terms per article put in the candidate index
    max_posting: int = 2000  # terms shared by more articles than this propose no pairs

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ConfigError(
                f"grouping threshold {self.threshold} is outside (0, 1]; use e.g. 0.30"
            )
        if self.index_terms < 1 or self.max_posting < 2:
            raise ConfigError("grouping index_terms must be >= 1 and max_posting >= 2")


def _vectors(stem_lists: Sequence[Sequence[str]], use_background: bool) -> list[Vector]:
    counts = [Counter(stems) for stems in stem_lists]
    document_frequency: Counter[str] = Counter()
    for count in counts:
        document_frequency.update(count.keys())
    total = len(counts)
    background: dict[str, int] = {}
    if use_background:
        table = load_background()
        total += table.documents
        background = table.frequencies
    vectors = []
    for count in counts:
        weights = {
            term: (1.0 + math.log(n))
            * (math.log((1 + total) / (1 + document_frequency[term] + background.get(term, 0))) + 1)
            for term, n in count.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({term: w / norm for term, w in weights.items()})
    return vectors


def _cosine(left: Vector, right: Vector) -> float:
    if len(left) > len(right):
        left, right = right, left
    return sum(w * right.get(term, 0.0) for term, w in left.items())


def _candidate_pairs(vectors: Sequence[Vector], config: GroupingConfig) -> list[tuple[int, int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        strongest = sorted(vector.items(), key=lambda item: (-item[1], item[0]))
        for term, _ in strongest[: config.index_terms]:
            postings[term].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) > config.max_posting:
            continue
        for i, left in enumerate(members):
            for right in members[i + 1 :]:
                pairs.add((left, right))
    return sorted(pairs)


def _find(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def group_stories(
    analyses: Sequence[ArticleAnalysis], *, config: GroupingConfig = GroupingConfig()
) -> tuple[tuple[str, ...], ...]:
    """Group articles into stories; returns article ids per story.

    Stories are ordered by their first article in input order, and ids inside a story
    keep input order, so the same input always gives the same output.
    """
    vectors = _vectors([analysis.stem_keys for analysis in analyses], config.use_background)
    days = [_day_number(analysis) for analysis in analyses]
    parent = list(range(len(analyses)))
    for left, right in _candidate_pairs(vectors, config):
        if _too_far_apart(days[left], days[right], config.max_days_apart):
            continue
        if _cosine(vectors[left], vectors[right]) >= config.threshold:
            root_left, root_right = _find(parent, left), _find(parent, right)
            if root_left != root_right:
                parent[max(root_left, root_right)] = min(root_left, root_right)
    groups: dict[int, list[str]] = defaultdict(list)
    for index, analysis in enumerate(analyses):
        groups[_find(parent, index)].append(analysis.article.id)
    return tuple(tuple(groups[root]) for root in sorted(groups))


def _day_number(analysis: ArticleAnalysis) -> int | None:
    published = analysis.article.published
    return None if published is None else published.toordinal()


def _too_far_apart(left: int | None, right: int | None, limit: int | None) -> bool:
    return (
        limit is not None and left is not None and right is not None and abs(left - right) > limit
    )


def similarity_matrix(
    analyses: Sequence[ArticleAnalysis], *, config: GroupingConfig = GroupingConfig()
) -> list[list[float]]:
    """All pairwise cosine similarities (for calibration and small inputs only: O(n²))."""
    vectors = _vectors([analysis.stem_keys for analysis in analyses], config.use_background)
    return [[_cosine(left, right) for right in vectors] for left in vectors]
