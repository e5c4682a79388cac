"""Streaming clustering of articles into events (one happening) and stories (threads of events).

Articles arrive in publication order. Each becomes a sublinear TF-IDF vector of its stem
keys (title words count double; IDF from the shipped background table, see
:mod:`akhbar.corpus.background`). An article joins the open event whose centroid it is
most similar to, if that similarity reaches ``ClusterConfig.event_threshold`` and the
event's last article is at most ``event_window_days`` old; otherwise it opens a new event.
A new event joins the open story whose centroid it resembles (``story_threshold``, within
``story_window_days``), else opens a story. Candidates come from an inverted index over
each open cluster's strongest terms, and clusters close when their window has passed, so
memory holds only the open clusters and cost stays near linear in the number of articles.
Same input, same output: ties break on ids, and the order is (published, id).
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from akhbar.arabic.stems import stem_keys
from akhbar.corpus.background import load_background
from akhbar.errors import ConfigError
from akhbar.model import Assignment

__all__ = [
    "ClusterConfig",
    "ClusterInput",
    "article_vector",
    "cluster_articles",
    "order_for_clustering",
    "vector_from_stems",
]

Vector = dict[str, float]


@dataclass(frozen=True)
class ClusterConfig:
    """Thresholds calibrated on the labelled ANT events (``python -m akhbar.eval.clusters``)."""

    event_threshold: float = 0.22
    story_threshold: float = 0.22
    event_window_days: float = 2.0
    story_window_days: float = 10.0
    vector_terms: int = 60  # strongest terms kept per article vector
    centroid_terms: int = 120  # strongest terms kept per cluster centroid
    index_terms: int = 20  # terms of a centroid put in the candidate index
    title_weight: int = 2

    def __post_init__(self) -> None:
        for name in ("event_threshold", "story_threshold"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"cluster {name}={value} is outside (0, 1]; use e.g. 0.3")
        if self.event_window_days <= 0 or self.story_window_days < self.event_window_days:
            raise ConfigError(
                "cluster windows must be positive and story_window_days >= event_window_days"
            )


@dataclass(frozen=True)
class ClusterInput:
    """What clustering needs of one article: id, time and its term vector (see
    :func:`article_vector`); small, so a whole archive's inputs fit in memory."""

    id: str
    published: dt.datetime | dt.date | None
    vector: tuple[tuple[str, float], ...]
    duplicate_of: str | None = None


@dataclass
class _Cluster:
    id: str
    centroid: Counter = field(default_factory=Counter)
    last: float = 0.0  # days since epoch of the newest member
    index_terms: tuple[str, ...] = ()
    norm: float = 1.0


def _day_number(when: dt.date | dt.datetime | None, fallback: float) -> float:
    if when is None:
        return fallback
    if isinstance(when, dt.datetime):
        if when.tzinfo is not None:
            when = when.astimezone(dt.UTC).replace(tzinfo=None)
        return when.toordinal() + (when.hour * 3600 + when.minute * 60 + when.second) / 86400
    return float(when.toordinal())


def article_vector(
    title: str | None, text: str, *, config: ClusterConfig = ClusterConfig()
) -> tuple[tuple[str, float], ...]:
    """The article's strongest TF-IDF terms (stem keys; title words count more), normalised."""
    return vector_from_stems(stem_keys(title or ""), stem_keys(text), config=config)


def vector_from_stems(
    title_stems: Sequence[str],
    text_stems: Sequence[str],
    *,
    config: ClusterConfig = ClusterConfig(),
) -> tuple[tuple[str, float], ...]:
    """:func:`article_vector` from stem keys already computed."""
    counts = Counter(text_stems)
    for key in title_stems:
        counts[key] += config.title_weight
    background = load_background()
    documents, df = background.documents, background.frequencies
    weights = {
        term: (1.0 + math.log(n)) * (math.log((1 + documents) / (1 + df.get(term, 0))) + 1.0)
        for term, n in counts.items()
    }
    strongest = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[: config.vector_terms]
    norm = math.sqrt(sum(w * w for _, w in strongest)) or 1.0
    return tuple((sys.intern(term), w / norm) for term, w in strongest)


class _Level:
    """Open clusters of one level (events or stories) with their candidate index."""

    def __init__(self, prefix: str, threshold: float, window: float, config: ClusterConfig):
        self.prefix, self.threshold, self.window, self.config = prefix, threshold, window, config
        self.open: dict[str, _Cluster] = {}
        self.index: dict[str, set[str]] = defaultdict(set)
        self.count = 0
        self.expiry: list[tuple[float, str]] = []  # (last, id); stale entries skipped

    def close_before(self, now: float) -> None:
        while self.expiry and now - self.expiry[0][0] > self.window:
            last, cluster_id = heapq.heappop(self.expiry)
            cluster = self.open.get(cluster_id)
            if cluster is None or cluster.last != last:
                continue  # already closed, or it grew since: a newer entry stands for it
            del self.open[cluster_id]
            for term in cluster.index_terms:
                self.index[term].discard(cluster_id)

    def best(self, vector: Vector) -> str | None:
        # The article's strongest terms find the candidates; all its terms score them.
        lookup = list(vector)[: self.config.index_terms]
        candidates = set().union(*(self.index.get(term, ()) for term in lookup))
        scored = []
        for cluster_id in candidates:
            cluster = self.open[cluster_id]
            centroid = cluster.centroid
            # Sorted shared terms: the sum's order, hence its last bits, never depends on
            # string hashing, so ties break the same in every process.
            shared = sorted(vector.keys() & centroid.keys())
            score = sum(vector[t] * centroid[t] for t in shared) / cluster.norm
            scored.append((score, cluster_id))
        if not scored:
            return None
        score, cluster_id = max(scored, key=lambda item: (item[0], item[1]))
        return cluster_id if score >= self.threshold else None

    def add(self, cluster_id: str | None, vector: Vector, now: float) -> str:
        if cluster_id is None:
            self.count += 1
            cluster_id = f"{self.prefix}{self.count:06d}"
            self.open[cluster_id] = _Cluster(cluster_id)
        cluster = self.open[cluster_id]
        cluster.centroid.update(vector)
        if len(cluster.centroid) > self.config.centroid_terms:
            cluster.centroid = Counter(
                dict(cluster.centroid.most_common(self.config.centroid_terms))
            )
        cluster.norm = math.sqrt(sum(w * w for w in cluster.centroid.values())) or 1.0
        cluster.last = max(cluster.last, now)
        heapq.heappush(self.expiry, (cluster.last, cluster_id))
        for term in cluster.index_terms:
            self.index[term].discard(cluster_id)
        cluster.index_terms = tuple(
            t for t, _ in cluster.centroid.most_common(self.config.index_terms)
        )
        for term in cluster.index_terms:
            self.index[term].add(cluster_id)
        return cluster_id


def cluster_articles(
    items: Iterable[ClusterInput], *, config: ClusterConfig = ClusterConfig()
) -> Iterator[Assignment]:
    """Assign each article (given in publication order) an event and a story, streaming.

    Undated articles are placed at the time of the article before them. An article that
    duplicates an earlier one (``duplicate_of``) takes that article's event and story.
    """
    events = _Level("event-", config.event_threshold, config.event_window_days, config)
    stories = _Level("story-", config.story_threshold, config.story_window_days, config)
    story_of_event: dict[str, str] = {}
    placed: dict[str, tuple[str, str]] = {}
    now = 0.0
    for item in items:
        now = _day_number(item.published, now)
        if item.duplicate_of in placed:
            event_id, story_id = placed[item.duplicate_of]
            placed[item.id] = (event_id, story_id)
            yield Assignment(item.id, story_id, event_id, item.duplicate_of)
            continue
        events.close_before(now)
        stories.close_before(now)
        vector = dict(item.vector)
        event_id = events.best(vector)
        if event_id is None:
            event_id = events.add(None, vector, now)
            story_id = stories.add(stories.best(vector), vector, now)
            story_of_event[event_id] = story_id
        else:
            events.add(event_id, vector, now)
            story_id = stories.add(story_of_event[event_id], vector, now)
        placed[item.id] = (event_id, story_id)
        yield Assignment(item.id, story_id, event_id, item.duplicate_of)


def order_for_clustering(items: Sequence[ClusterInput]) -> list[ClusterInput]:
    """Publication order (undated last), ties by id: the order :func:`cluster_articles` needs."""
    return sorted(
        items, key=lambda item: (item.published is None, _day_number(item.published, 0.0), item.id)
    )
