"""The article store interface: what every backend (SQLite, PostgreSQL) provides.

Nothing here knows about a database engine. A backend subclasses :class:`ArticleStore`,
keeps every :class:`~akhbar.model.Article` field, stores an article once however often it
is added, and answers searches in the key form (see :mod:`akhbar.store.search_text`), so
``سورية`` finds ``سوريا``:

    >>> with open_store("akhbar.db") as store:              # doctest: +SKIP
    ...     store.search("بوتين", outlet="sana", since=dt.date(2025, 2, 1))[0].snippet
    '… أرسل الرئيس الروسي فلاديمير «بوتين» رسالة إلى نظيره السوري …'
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from types import TracebackType

from akhbar.errors import ConfigError
from akhbar.model import Article, ArticleAnalysis, Assignment, Story, Thread

__all__ = [
    "AddResult",
    "ArticleStore",
    "InsertionSession",
    "SearchHit",
    "StoredAnalysis",
    "StoredStory",
]

# Articles per transaction in an insertion session: big enough that commits cost little
# (ANT: ~2 ms per 500-article commit in WAL mode), small enough that a killed run loses
# under a second of work.
DEFAULT_BATCH_SIZE = 500


@dataclass(frozen=True)
class AddResult:
    """What one :meth:`ArticleStore.add_articles` call did.

    ``conflicts`` are ids already stored with *different* content: the stored article is
    kept, and the caller should report the input (they are counted in ``already_present``).
    """

    added: int = 0
    already_present: int = 0
    conflicts: tuple[str, ...] = ()

    def __add__(self, other: AddResult) -> AddResult:
        return AddResult(
            self.added + other.added,
            self.already_present + other.already_present,
            self.conflicts + other.conflicts,
        )


@dataclass(frozen=True)
class SearchHit:
    """One search result. ``snippet`` is display text with the matched words in «».

    ``copies``: ids of other stored articles with the very same text, listed here rather
    than as hits of their own.
    """

    article_id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    score: float  # higher is better (negated bm25)
    snippet: str
    copies: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoredStory:
    """A story as the stored assignments describe it: its articles, outlets and date range."""

    id: str
    title: str | None
    articles: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    threads: tuple[Thread, ...] = ()  # its articles grouped by event, in time order


@dataclass(frozen=True)
class StoredAnalysis:
    """One story as ``akhbar update`` stored it: the story, its members' analyses (dates
    settled within the story), each member's main event and duplicate, and the fingerprint
    (members and akhbar version) it was made under: a story whose fingerprint is unchanged
    is not analysed again."""

    story: Story
    members: tuple[ArticleAnalysis, ...]
    main_event: Mapping[str, str | None]
    duplicate_of: Mapping[str, str | None]
    fingerprint: str

    def assignments(self) -> tuple[Assignment, ...]:
        return tuple(
            Assignment(
                m.article.id,
                self.story.id,
                self.main_event.get(m.article.id),
                self.duplicate_of.get(m.article.id),
            )
            for m in self.members
        )


@dataclass(frozen=True)
class StoryDigest:
    """What a listing shows of a stored story, kept beside its analysis so a front page of
    stories reads no member analyses: its headline, the first sentence of its summary, its
    articles per outlet (most first), and how many contradictions (updates of a figure
    aside) and single-source claims it holds."""

    title: str
    lead: str
    outlets: tuple[tuple[str, int], ...]
    contradictions: int
    single_source: int


def story_digest(result: StoredAnalysis) -> StoryDigest:
    """The digest of one stored story analysis."""
    counts: dict[str, int] = {}
    for member in result.members:
        name = member.article.outlet or "—"
        counts[name] = counts.get(name, 0) + 1
    story = result.story
    return StoryDigest(
        title=story.title,
        lead=story.summary[0].text if story.summary else "",
        outlets=tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
        contradictions=sum(c.kind != "update" for c in story.contradictions),
        single_source=sum(c.status == "single_source" for c in story.claims),
    )


class ArticleStore(ABC):
    """Articles kept between runs. Use as a context manager; writes are transactional.

    Every ``add_articles`` call is one transaction: it lands whole or not at all.
    """

    location: str  # what the user gave: a path or a URL (never with a password)

    def __enter__(self) -> ArticleStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None:
        """Release the connection; safe to call twice."""

    @abstractmethod
    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store ``articles`` in one transaction; an id or content already stored is skipped."""

    @abstractmethod
    def has(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""

    @abstractmethod
    def get(self, article_id: str) -> Article:
        """The stored article; raises :class:`~akhbar.errors.StoreError` when there is none."""

    @abstractmethod
    def iter_articles(
        self,
        *,
        outlet: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[Article]:
        """Stored articles in the order they were added, optionally filtered (dates inclusive)."""

    @abstractmethod
    def count(self) -> int:
        """How many articles are stored."""

    @abstractmethod
    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Best matches first. Words are matched in key form; ``"..."`` asks for a phrase.

        Raises :class:`~akhbar.errors.InputError` naming the query when it cannot be read.
        """

    @abstractmethod
    def set_assignments(self, assignments: Iterable[Assignment]) -> int:
        """Replace the stored story assignments in one transaction; returns how many."""

    @abstractmethod
    def stories(self, *, threads: bool = True) -> list[StoredStory]:
        """Stories from the stored assignments, largest first; empty before clustering.
        ``threads=False`` leaves each story's threads out (its title is then its first
        article's): what a listing of thousands of stories needs, at a twentieth of the
        cost."""

    @abstractmethod
    def assignments(self) -> list[Assignment]:
        """The stored assignments, in the order their articles were added."""

    # --- Stored analyses (issue 17): what ``akhbar update`` keeps between runs. ---------------

    @abstractmethod
    def unanalysed(self, version: str) -> list[str]:
        """Ids of stored articles with no analysis made by akhbar ``version``, in the order
        they were added."""

    @abstractmethod
    def put_analyses(self, analyses: Iterable[ArticleAnalysis], version: str) -> int:
        """Store per-article analyses (replacing older ones) in one transaction."""

    @abstractmethod
    def get_analyses(self, article_ids: Iterable[str]) -> dict[str, ArticleAnalysis]:
        """The stored analyses of ``article_ids`` (those that have one)."""

    @abstractmethod
    def story_fingerprints(self, story_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Stored story id -> the fingerprint it was analysed under (members and version);
        of every stored story, or of those among ``story_ids``."""

    @abstractmethod
    def put_story(self, result: StoredAnalysis, version: str) -> None:
        """Store one story's analysis and its members' assignments in one transaction."""

    @abstractmethod
    def delete_stories(self, story_ids: Iterable[str]) -> int:
        """Drop stored story analyses that no longer exist (their articles then belong to
        no story); returns how many were stored."""

    @abstractmethod
    def story_results(self, story_ids: Iterable[str] | None = None) -> Iterator[StoredAnalysis]:
        """Stored story analyses (all, or those of ``story_ids``), oldest first story first."""

    @abstractmethod
    def stories_generation(self) -> int:
        """A number that grows with every write to the stored stories (a story analysed
        or dropped, assignments replaced): a reader keeping something made from the
        stories knows by it, in one cheap read, whether that is still current."""

    @abstractmethod
    def story_digests(self, story_ids: Iterable[str]) -> dict[str, StoryDigest]:
        """The digests of the stored stories among ``story_ids`` (a story stored before
        digests were kept has its digest made from its analysis)."""

    @abstractmethod
    def update_lock(self) -> AbstractContextManager[None]:
        """Held for the whole of an update; raises :class:`~akhbar.errors.StoreError` naming
        the store when another update holds it. Released however the holder ends."""

    def insertion_session(self, batch_size: int = DEFAULT_BATCH_SIZE) -> InsertionSession:
        """A context manager that adds articles in transactions of ``batch_size``."""
        return InsertionSession(self, batch_size)


@dataclass
class InsertionSession:
    """Buffers articles and commits every ``batch_size`` of them, and the rest on exit.

    When the ``with`` body raises, the unflushed buffer (less than one batch) is dropped,
    never half-written.

        >>> with store.insertion_session(batch_size=500) as session:   # doctest: +SKIP
        ...     for article in articles:
        ...         session.add(article)
        >>> session.result.added                                        # doctest: +SKIP
    """

    store: ArticleStore
    batch_size: int = DEFAULT_BATCH_SIZE
    result: AddResult = field(default_factory=AddResult)
    _buffer: list[Article] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size={self.batch_size}: must be at least 1, e.g. 500")

    def add(self, article: Article) -> AddResult | None:
        """Buffer ``article``; returns the batch's result when this call committed one."""
        self._buffer.append(article)
        if len(self._buffer) >= self.batch_size:
            return self.flush()
        return None

    def flush(self) -> AddResult:
        """Commit the buffered articles now."""
        batch, self._buffer = self._buffer, []
        outcome = self.store.add_articles(batch) if batch else AddResult()
        self.result = self.result + outcome
        return outcome

    def __enter__(self) -> InsertionSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.flush()
        else:
            self._buffer = []
