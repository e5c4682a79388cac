"""Streaming clustering of articles into events (one happening) and stories (threads of events).

Articles arrive in publication order. Each carries two sublinear TF-IDF vectors of stem keys
(IDF from the shipped background table, see :mod:`akhbar.corpus.background`): one of the
whole article (title words count double) and one of its title alone, the headline's
who-did-what.

Events. An article is scored against each open event it shares strong terms with::

    cosine(article, event centroid)
    + event_title_weight * cosine(article title, event title centroid)
    - event_age_penalty * max(0, days since the event's mean time - event_age_grace_days)

and joins the best event if the score reaches ``event_threshold``; otherwise it opens a
new event. Follow-ups of one story share most of their vocabulary with the first event
(same actors, places, background), so the body cosine alone chains them; the headline term
and the age penalty (an event is one news cycle, measured from its mean time rather than
its newest article) keep a later step of the story apart. Multi-angle coverage of one
happening (a match report, the live blog, the reactions) can start several events in the
first hours; when an article scores at least ``bridge_threshold`` against another open
event too, and the two events' centroids have cosine ``merge_threshold`` or more with mean
times at most ``merge_days`` apart, the two events merge (and so do their stories).

Stories. An article that opens an event joins the open story whose centroid it resembles
(cosine ``story_threshold``, within ``story_window_days``, sharing at least
``story_shared_terms`` of the story's indexed terms), else opens a story; later articles of
the event follow the event's story.

Candidates come from an inverted index over each open cluster's strongest terms, and
clusters close when their window has passed (``event_window_days`` since an event's newest
article), so memory holds the open clusters' centroids and one small id pair per article,
and cost stays near linear in the number of articles. Because open events can still merge,
assignments are final only when the pass ends, so they are yielded then, in input order.
Same input, same output: ties break on ids, dot products run in a vector's own term order
(never a set's or hash order), and the order is (published, id).

Calibration: the defaults were chosen on half of the labelled ANT stories (those whose story
id has an even CRC-32) and checked on the other half: ``python -m akhbar.eval.clusters --half
calibration`` (or ``check``), on the gold articles alone and with ``--pred`` on all of ANT.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import math
import operator
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
    "title_vector",
    "vector_from_stems",
]

Terms = tuple[tuple[str, float], ...]
_Split = tuple[tuple[str, ...], tuple[float, ...]]  # a vector as (terms, weights)


@dataclass(frozen=True)
class ClusterConfig:
    """How articles group into events and stories (see the module docstring for the score).

    Chosen on the calibration half of the labelled ANT stories and checked on the other
    half (``python -m akhbar.eval.clusters --half calibration|check``). Event B-cubed F1 on
    the gold articles alone 0.956 (story 0.946), amid all of ANT 0.940 (story 0.938); the
    earlier body-cosine-only rule (threshold 0.22, no title term, no age penalty, no
    merging) scored 0.883 (0.874) and 0.837 (0.862).
    """

    event_threshold: float = 0.26  # score an article needs to join an open event
    story_threshold: float = 0.22  # cosine a new event's first article needs to join a story
    event_window_days: float = 2.0  # an event closes this long after its newest article
    story_window_days: float = 10.0  # a story closes this long after its newest article
    vector_terms: int = 60  # strongest terms kept per article vector
    centroid_terms: int = 120  # strongest terms kept per cluster centroid
    index_terms: int = 20  # terms of a centroid put in the candidate index
    story_shared_terms: int = 2  # indexed terms a story candidate shares with the article
    title_weight: int = 2  # title words count this many times in the article vector
    title_terms: int = 20  # strongest terms kept per title vector
    event_title_weight: float = 0.5  # weight of the title cosine in the event score
    event_age_penalty: float = 0.2  # score lost per day past the grace, from the mean time
    event_age_grace_days: float = 0.5
    bridge_threshold: float = 0.15  # an article scoring this on two events may merge them
    merge_threshold: float = 0.3  # centroid cosine at which two bridged events merge
    merge_days: float = 1.0  # most days between the mean times of two events that merge

    def __post_init__(self) -> None:
        for name in ("event_threshold", "story_threshold", "merge_threshold"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"cluster {name}={value} is outside (0, 1]; use e.g. 0.3")
        if self.event_window_days <= 0 or self.story_window_days < self.event_window_days:
            raise ConfigError(
                "cluster windows must be positive and story_window_days >= event_window_days"
            )
        for name in ("event_title_weight", "event_age_penalty", "event_age_grace_days"):
            if getattr(self, name) < 0:
                raise ConfigError(f"cluster {name}={getattr(self, name)} must be >= 0")


@dataclass(frozen=True)
class ClusterInput:
    """What clustering needs of one article: id, time, its term vector and its title's (see
    :func:`article_vector`, :func:`title_vector`); small, so a whole archive's inputs fit in
    memory."""

    id: str
    published: dt.datetime | dt.date | None
    vector: Terms
    duplicate_of: str | None = None
    title: Terms = ()
    title_only: bool = False  # no body: scored by its headline against the events' headlines


@dataclass
class _Cluster:
    id: str
    centroid: Counter = field(default_factory=Counter)
    title: Counter = field(default_factory=Counter)
    last: float = 0.0  # days since epoch of the newest member
    time_sum: float = 0.0  # sum of the members' days, for the mean time
    size: int = 0
    bodies: int = 0  # members with a body (not title-only)
    index_terms: tuple[str, ...] = ()
    norm: float = 1.0
    title_norm: float = 1.0

    @property
    def mean_time(self) -> float:
        return self.time_sum / self.size if self.size else self.last


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
) -> Terms:
    """The article's strongest TF-IDF terms (stem keys; title words count more), normalised."""
    return vector_from_stems(stem_keys(title or ""), stem_keys(text), config=config)


def _tfidf(counts: Counter, limit: int) -> Terms:
    background = load_background()
    documents, df = background.documents, background.frequencies
    weights = {
        term: (1.0 + math.log(n)) * (math.log((1 + documents) / (1 + df.get(term, 0))) + 1.0)
        for term, n in counts.items()
    }
    strongest = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    norm = math.sqrt(sum(w * w for _, w in strongest)) or 1.0
    return tuple((sys.intern(term), w / norm) for term, w in strongest)


def vector_from_stems(
    title_stems: Sequence[str],
    text_stems: Sequence[str],
    *,
    config: ClusterConfig = ClusterConfig(),
) -> Terms:
    """:func:`article_vector` from stem keys already computed."""
    counts = Counter(text_stems)
    for key in title_stems:
        counts[key] += config.title_weight
    return _tfidf(counts, config.vector_terms)


def title_vector(title_stems: Sequence[str], *, config: ClusterConfig = ClusterConfig()) -> Terms:
    """The title's own TF-IDF vector (stem keys of the headline), normalised."""
    return _tfidf(Counter(title_stems), config.title_terms)


def _covered(vector: _Split, other: Counter | dict[str, float]) -> float:
    """The share of a normalised vector's squared weight on terms ``other`` has."""
    return sum(w * w for t, w in zip(*vector, strict=True) if t in other)


def _normalised(counts: Counter) -> Terms:
    norm = math.sqrt(sum(w * w for w in counts.values())) or 1.0
    return tuple((t, w / norm) for t, w in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _dot(terms: tuple[str, ...], weights: tuple[float, ...], other: Counter) -> float:
    # Summed in the order of ``terms`` (a vector's fixed order), never in set or hash order,
    # so the last bits, hence ties, are the same in every process. Absent terms add 0.0.
    return sum(map(operator.mul, weights, map(other.get, terms, itertools.repeat(0.0))))


class _Level:
    """Open clusters of one level (events or stories) with their candidate index."""

    def __init__(
        self,
        prefix: str,
        threshold: float,
        window: float,
        config: ClusterConfig,
        *,
        title_weight: float = 0.0,
        age_penalty: float = 0.0,
        min_shared: int = 1,
    ):
        self.prefix, self.threshold, self.window, self.config = prefix, threshold, window, config
        self.title_weight, self.age_penalty = title_weight, age_penalty
        self.min_shared = min_shared
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

    def score(
        self, cluster: _Cluster, vector: _Split, title: _Split, now: float, by_title: bool = False
    ) -> float:
        if by_title or not cluster.bodies:
            # A headline alone has a few terms: its cosine with a whole article's centroid
            # is small whatever the match. Half the score is the share of the headline's
            # weight whose terms the other side's articles use, half the headlines' cosine.
            headlines = _dot(*title, cluster.title) / cluster.title_norm
            if by_title:
                covered = _covered(title, cluster.centroid)
            else:  # an article against headlines alone
                covered = _covered(
                    _split(_normalised(cluster.title)), dict(zip(*vector, strict=True))
                )
            score = 0.5 * covered + 0.5 * headlines
        else:
            score = _dot(*vector, cluster.centroid) / cluster.norm
        if self.title_weight and title[0] and not by_title and cluster.bodies:
            score += self.title_weight * _dot(*title, cluster.title) / cluster.title_norm
        if self.age_penalty:
            age = now - cluster.mean_time - self.config.event_age_grace_days
            if age > 0:
                score -= self.age_penalty * age
        return score

    def scored(
        self, vector: _Split, title: _Split, now: float, by_title: bool = False
    ) -> list[tuple[float, str]]:
        """``(score, cluster id)`` of the open clusters sharing a strong term with ``vector``."""
        # The article's strongest terms find the candidates; all its terms score them.
        lookup = vector[0][: self.config.index_terms]
        hits = Counter(itertools.chain.from_iterable(self.index.get(term, ()) for term in lookup))
        candidates = [c for c, n in hits.items() if n >= self.min_shared]
        return [(self.score(self.open[c], vector, title, now, by_title), c) for c in candidates]

    def best(self, scored: list[tuple[float, str]]) -> str | None:
        if not scored:
            return None
        score, cluster_id = max(scored)
        return cluster_id if score >= self.threshold else None

    def add(
        self, cluster_id: str | None, vector: Terms, title: Terms, now: float, body: bool = True
    ) -> str:
        if cluster_id is None:
            self.count += 1
            cluster_id = f"{self.prefix}{self.count:06d}"
            self.open[cluster_id] = _Cluster(cluster_id)
        cluster = self.open[cluster_id]
        cluster.centroid.update(dict(vector))
        if self.title_weight:
            cluster.title.update(dict(title))
        cluster.time_sum += now
        cluster.size += 1
        cluster.bodies += body
        self._refresh(cluster, max(cluster.last, now))
        return cluster_id

    def absorb(self, into: str, other: str) -> None:
        """Merge open cluster ``other`` into open cluster ``into``."""
        cluster, gone = self.open[into], self.open.pop(other)
        for term in gone.index_terms:
            self.index[term].discard(other)
        cluster.centroid.update(gone.centroid)
        cluster.title.update(gone.title)
        cluster.time_sum += gone.time_sum
        cluster.size += gone.size
        cluster.bodies += gone.bodies
        self._refresh(cluster, max(cluster.last, gone.last))

    def _refresh(self, cluster: _Cluster, last: float) -> None:
        limit = self.config.centroid_terms
        if len(cluster.centroid) > limit:
            cluster.centroid = Counter(dict(cluster.centroid.most_common(limit)))
        if len(cluster.title) > limit:
            cluster.title = Counter(dict(cluster.title.most_common(limit)))
        cluster.norm = math.sqrt(sum(w * w for w in cluster.centroid.values())) or 1.0
        cluster.title_norm = math.sqrt(sum(w * w for w in cluster.title.values())) or 1.0
        cluster.last = last
        heapq.heappush(self.expiry, (cluster.last, cluster.id))
        for term in cluster.index_terms:
            self.index[term].discard(cluster.id)
        cluster.index_terms = tuple(
            t for t, _ in cluster.centroid.most_common(self.config.index_terms)
        )
        for term in cluster.index_terms:
            self.index[term].add(cluster.id)

    def mergeable(self, cluster_id: str, candidates: Iterable[str]) -> str | None:
        """The candidate whose centroid is closest to ``cluster_id``'s, if close enough."""
        cluster = self.open[cluster_id]
        best: tuple[float, str] | None = None
        for other_id in sorted(candidates):
            other = self.open.get(other_id)
            if other is None or other_id == cluster_id:
                continue
            if abs(cluster.mean_time - other.mean_time) > self.config.merge_days:
                continue
            terms, weights = zip(*cluster.centroid.items(), strict=True)
            similarity = _dot(terms, weights, other.centroid) / (cluster.norm * other.norm)
            if similarity >= self.config.merge_threshold and (best is None or similarity > best[0]):
                best = (similarity, other_id)
        return None if best is None else best[1]


def _split(vector: Terms) -> _Split:
    if not vector:
        return (), ()
    terms, weights = zip(*vector, strict=True)
    return terms, weights


def _root(parents: dict[str, str], cluster_id: str) -> str:
    while cluster_id in parents:
        cluster_id = parents[cluster_id]
    return cluster_id


def cluster_articles(
    items: Iterable[ClusterInput], *, config: ClusterConfig = ClusterConfig()
) -> Iterator[Assignment]:
    """Assign each article (given in publication order) an event and a story.

    One streaming pass; the assignments come out at its end, in input order (open events
    may still merge, see the module docstring). Undated articles are placed at the time of
    the article before them. An article that duplicates an earlier one (``duplicate_of``)
    takes that article's event and story.
    """
    events = _Level(
        "event-",
        config.event_threshold,
        config.event_window_days,
        config,
        title_weight=config.event_title_weight,
        age_penalty=config.event_age_penalty,
    )
    stories = _Level(
        "story-",
        config.story_threshold,
        config.story_window_days,
        config,
        min_shared=config.story_shared_terms,
    )
    story_of_event: dict[str, str] = {}
    merged_events: dict[str, str] = {}  # absorbed event -> the event that took it
    merged_stories: dict[str, str] = {}
    placed: dict[str, tuple[str, str, str | None]] = {}  # id -> (event, story, duplicate_of)
    now = 0.0
    for item in items:
        now = _day_number(item.published, now)
        if item.duplicate_of in placed:
            event_id, story_id, _ = placed[item.duplicate_of]
            placed[item.id] = (event_id, story_id, item.duplicate_of)
            continue
        events.close_before(now)
        stories.close_before(now)
        vector, title = item.vector, item.title
        split, title_split = _split(vector), _split(title)
        scored = events.scored(split, title_split, now, by_title=item.title_only)
        event_id = events.best(scored)
        body = not item.title_only
        if event_id is None:
            event_id = events.add(None, vector, title, now, body)
            nearest = stories.best(stories.scored(split, ((), ()), now))
            story_id = stories.add(nearest, vector, (), now)
        else:
            events.add(event_id, vector, title, now, body)
            story_id = _root(merged_stories, story_of_event[event_id])
            story_id = stories.add(story_id if story_id in stories.open else None, vector, (), now)
        story_of_event[event_id] = story_id
        # The article bridges the event it joined and any other open event it fits well.
        bridged = [c for score, c in scored if score >= config.bridge_threshold and c != event_id]
        while bridged and (other := events.mergeable(event_id, bridged)) is not None:
            events.absorb(event_id, other)
            merged_events[other] = event_id
            bridged.remove(other)
            other_story = _root(merged_stories, story_of_event[other])
            story_id = _root(merged_stories, story_id)
            if other_story != story_id and {other_story, story_id} <= stories.open.keys():
                stories.absorb(story_id, other_story)
                merged_stories[other_story] = story_id
        placed[item.id] = (event_id, story_id, None)
    for article_id, (event_id, story_id, duplicate_of) in placed.items():
        yield Assignment(
            article_id,
            _root(merged_stories, story_id),
            _root(merged_events, event_id),
            duplicate_of,
        )


def order_for_clustering(items: Sequence[ClusterInput]) -> list[ClusterInput]:
    """Publication order (undated last), ties by id: the order :func:`cluster_articles` needs."""
    return sorted(
        items, key=lambda item: (item.published is None, _day_number(item.published, 0.0), item.id)
    )
