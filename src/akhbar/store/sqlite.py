"""The SQLite backend: one file, WAL mode, an FTS5 index over search words.

The file says what it is: ``PRAGMA application_id`` marks an akhbar store and
``PRAGMA user_version`` its schema version, so a stray ``.db`` file or one written by a
newer akhbar is refused with a clear :class:`~akhbar.errors.StoreError` and left untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import logging
import os
import sqlite3
import time
import urllib.parse
from collections.abc import Iterable, Iterator
from typing import Any

from akhbar.errors import InputError, StoreError
from akhbar.model import Article, ArticleAnalysis, Assignment
from akhbar.store.base import (
    AddResult,
    ArticleStore,
    SearchHit,
    StoredAnalysis,
    StoredStory,
    StoryDigest,
)
from akhbar.store.codec import (
    ARTICLE_COLUMNS,
    analysis_from_text,
    analysis_to_text,
    article_to_record,
    digest_from_text,
    digest_to_text,
    parse_published,
    record_to_article,
    stored_analysis_from_text,
    stored_analysis_to_text,
)
from akhbar.store.search_text import make_snippet, parse_query, search_words
from akhbar.store.story_rows import STORY_ROWS, stored_stories

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "SqliteStore"]

logger = logging.getLogger(__name__)

APPLICATION_ID = 0x616B6862  # "akhb"
# 2: search words peeled by the token contract of akhbar.arabic.tokens ("الكرملين" stays
# whole); a store of schema 1 has its search index rebuilt from its articles when opened.
# 3: stored analyses and story results (akhbar update); added to an older store when opened.
SCHEMA_VERSION = 4
# SQLite's limit on the parameters of one statement is 999 on old builds.
_IDS_PER_QUERY = 500
# How long a command waits for another process's lock on the store.
_BUSY_SECONDS = 10
_SQLITE_HEADER = b"SQLite format 3\x00"
# bm25 column weights: a word in the headline counts three times one in the body.
TITLE_WEIGHT, BODY_WEIGHT = 3.0, 1.0
_BM25 = f"bm25(article_search, {TITLE_WEIGHT}, {BODY_WEIGHT})"

# Schema 3: what akhbar update keeps (JSON text through the one codec, with the version of
# akhbar that made it).
_ANALYSIS_SCHEMA = """
CREATE TABLE IF NOT EXISTS analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    version TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_results (
    story_id TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    data TEXT NOT NULL,
    digest TEXT
);
"""
# Schema 4: a story's digest (what a listing shows) beside its analysis (a story stored by
# schema 3 has none until it is analysed again: its digest is then made from its analysis),
# and the stories' generation, one more at every write to the stories.
_DIGEST_COLUMN = "ALTER TABLE story_results ADD COLUMN digest TEXT"
_META_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"
)
_NEXT_GENERATION = (
    "INSERT INTO store_meta VALUES ('stories', 1) ON CONFLICT(key) DO UPDATE SET value = value + 1"
)

# seq is the row key the FTS index points at: an INTEGER PRIMARY KEY survives VACUUM, an
# implicit rowid may not. The article id is the user-facing key (UNIQUE NOT NULL).
_SCHEMA = (
    f"""
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    {ARTICLE_COLUMNS[0]} TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    {", ".join(f"{name} TEXT" for name in ARTICLE_COLUMNS[2:])}
);
CREATE INDEX articles_outlet_day ON articles(outlet, published_day);
CREATE INDEX articles_content ON articles(content_hash);
CREATE INDEX articles_day ON articles(published_day);
CREATE VIRTUAL TABLE article_search USING fts5(
    title, body, content='', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE assignments (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story TEXT,
    event TEXT,
    duplicate_of TEXT
);
CREATE INDEX assignments_story ON assignments(story);
"""
    + _ANALYSIS_SCHEMA
    + _META_SCHEMA
)
_INSERT = (
    f"INSERT OR IGNORE INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in ARTICLE_COLUMNS)})"
)
_SELECT = f"SELECT {', '.join('a.' + name for name in ARTICLE_COLUMNS)} FROM articles a"


def _reads(method):
    """A read of the store whose SQLite error (a damaged file) becomes a StoreError naming
    the store: every command then says so in one line."""

    @functools.wraps(method)
    def read(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as error:
            raise _unreadable(self.location, error) from None

    return read


def _reads_rows(method):
    """:func:`_reads` for a method that yields rows as it reads them."""

    @functools.wraps(method)
    def read(self, *args, **kwargs):
        try:
            yield from method(self, *args, **kwargs)
        except sqlite3.DatabaseError as error:
            raise _unreadable(self.location, error) from None

    return read


def _unreadable(path: str, error: sqlite3.DatabaseError) -> StoreError:
    return _refuse(
        path,
        f"cannot read the store ({error}); if the file is damaged, restore it from a copy "
        "or ingest the articles again into a new --db",
    )


def _connect_read_only(path: str) -> sqlite3.Connection:
    """A connection that never writes. In WAL mode SQLite still wants the ``-shm`` file
    beside the store; where it cannot make one (a read-only disk), the store is read as
    immutable: nothing can change it there anyway."""
    uri = f"file:{urllib.parse.quote(os.path.abspath(path))}"
    # check_same_thread=False: a web request may open the store in one worker thread and
    # read it in another (one after the other, never at once), which SQLite allows.
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        db.close()
    return sqlite3.connect(
        f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False
    )


def _refuse(path: str, problem: str) -> StoreError:
    return StoreError(f"{path}: {problem}")


def _check_header(path: str) -> None:
    """Refuse a non-empty file that is not SQLite before SQLite touches it."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise _refuse(path, f"cannot read the store: {error.strerror}") from None
    if header and header != _SQLITE_HEADER:
        raise _refuse(
            path,
            "is not an akhbar store (not a SQLite database); "
            "give --db a new file name or a store made by akhbar ingest",
        )


class SqliteStore(ArticleStore):
    """Articles in one SQLite file. ``create=False`` refuses a path with no store yet;
    ``read_only=True`` opens it for reading alone (search and listing work on a store on a
    read-only disk or owned by another user), so it must exist and be current."""

    def __init__(
        self, path: str | os.PathLike[str], *, create: bool = True, read_only: bool = False
    ) -> None:
        self.location = os.fspath(path)
        exists = os.path.exists(self.location) and os.path.getsize(self.location) > 0
        if exists:
            _check_header(self.location)
        elif not create or read_only:
            raise _refuse(self.location, "no store here yet; run akhbar ingest INPUT --db first")
        self._read_only = read_only
        try:
            self._db = (
                _connect_read_only(self.location)
                if read_only
                else sqlite3.connect(self.location, isolation_level=None)
            )
        except sqlite3.Error as error:
            raise _refuse(self.location, f"cannot open the store: {error}") from None
        try:
            self._prepare()
        except BaseException:
            self._db.close()
            raise

    def _prepare(self) -> None:
        # First: every later statement waits for another process's lock instead of failing
        # (two ingests creating one new store at once).
        self._db.execute(f"PRAGMA busy_timeout={_BUSY_SECONDS * 1000}")
        try:
            # Tables first: a store another process creates meanwhile shows its tables only
            # with its id (one commit), so no half-made store is read as someone else's file.
            tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            app_id = self._db.execute("PRAGMA application_id").fetchone()[0]
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.OperationalError as error:
            if "unable to open" not in str(error):
                raise _refuse(self.location, f"cannot open the store: {error}") from None
            # The header was SQLite's: SQLite cannot make its journal beside it.
            raise _refuse(
                self.location,
                f"cannot open the store for writing ({error}): is its disk or folder "
                "read-only? akhbar search and akhbar stories can still read it",
            ) from None
        except sqlite3.DatabaseError as error:
            raise _refuse(self.location, f"is not an akhbar store ({error})") from None
        if app_id != APPLICATION_ID and (tables or app_id):
            raise _refuse(
                self.location,
                "is a SQLite database but not an akhbar store; give --db another file name",
            )
        if version > SCHEMA_VERSION:
            raise _refuse(
                self.location,
                f"was written by a newer akhbar (store schema {version}; this akhbar reads "
                f"up to {SCHEMA_VERSION}); upgrade akhbar to read it",
            )
        if self._read_only:
            if app_id != APPLICATION_ID or version < SCHEMA_VERSION:
                raise _refuse(
                    self.location,
                    "was written by an older akhbar and is read-only here; run akhbar ingest "
                    "with --db on it once with write access to upgrade it"
                    if app_id == APPLICATION_ID
                    else "is an empty SQLite file, not an akhbar store yet",
                )
            return
        self._wal()
        self._db.execute("PRAGMA synchronous=NORMAL")
        if app_id == APPLICATION_ID and version < SCHEMA_VERSION:
            self._upgrade(version)
        if app_id != APPLICATION_ID:
            with self._transaction():
                # Another process may have created it while this one waited for the lock.
                if self._db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
                    return
                # One statement at a time: executescript() would COMMIT the open transaction.
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            logger.info("created akhbar store %s", self.location)

    def _wal(self) -> None:
        """WAL mode; switching to it needs the file alone, and SQLite answers "locked" at
        once, without the busy timeout, while another process opens it too."""
        deadline = time.monotonic() + _BUSY_SECONDS
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise _refuse(self.location, f"cannot open the store: {error}") from None
                time.sleep(0.05)

    def _upgrade(self, version: int) -> None:
        """Bring an older store to this schema in one transaction: stopped half-way, the
        store stays as it was, at its old version. Schema 1's search index is rebuilt (other
        search words); schema 3's tables are added; schema 4's digest column and stories'
        generation."""
        logger.info("store %s: schema %d -> %d", self.location, version, SCHEMA_VERSION)
        with self._transaction():
            current = self._db.execute("PRAGMA user_version").fetchone()[0]
            if current >= SCHEMA_VERSION:
                return  # another process upgraded it while this one waited
            if current < 2:
                self._db.execute("INSERT INTO article_search(article_search) VALUES('delete-all')")
                rows = self._db.execute(f"SELECT a.seq, {_SELECT[len('SELECT ') :]}")
                while page := rows.fetchmany(256):
                    for seq, *record in page:
                        self._index(seq, record_to_article(record))
            if current < 3:
                for statement in filter(str.strip, _ANALYSIS_SCHEMA.split(";")):
                    self._db.execute(statement)
            elif current < 4:
                self._db.execute(_DIGEST_COLUMN)
            if current < 4:
                self._db.execute(_META_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db, self.location)

    def close(self) -> None:
        self._db.close()

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        added = present = 0
        conflicts: list[str] = []
        with self._transaction():
            for article in articles:
                record = article_to_record(article)
                cursor = self._db.execute(_INSERT, record)
                if cursor.rowcount == 1:
                    self._index(cursor.lastrowid, article)
                    added += 1
                    continue
                present += 1
                stored = self._db.execute(
                    "SELECT content_hash FROM articles WHERE id = ?", (article.id,)
                ).fetchone()
                if stored is not None and stored[0] != record[1]:
                    conflicts.append(article.id)
        return AddResult(added, present, tuple(conflicts))

    def _index(self, seq: int | None, article: Article) -> None:
        title = " ".join(search_words(article.title or ""))
        body = " ".join(search_words(article.text))
        self._db.execute(
            "INSERT INTO article_search(rowid, title, body) VALUES (?, ?, ?)", (seq, title, body)
        )

    @_reads
    def has(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    @_reads
    def get(self, article_id: str) -> Article:
        row = self._db.execute(f"{_SELECT} WHERE a.id = ?", (article_id,)).fetchone()
        if row is None:
            raise _refuse(
                self.location, f"no article {article_id!r}; akhbar search shows stored ids"
            )
        return record_to_article(row)

    @_reads_rows
    def iter_articles(
        self,
        *,
        outlet: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[Article]:
        where, params = _filters(outlet, since, until)
        sql = f"{_SELECT} WHERE {' AND '.join(where) or '1'} ORDER BY a.seq"
        # Its own cursor, read in pages: memory stays flat over a large store.
        cursor = self._db.execute(sql, params)
        while rows := cursor.fetchmany(256):
            yield from map(record_to_article, rows)

    @_reads
    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    @_reads
    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        parsed = parse_query(query)
        where, params = _filters(outlet, since, until)
        sql = (
            f"SELECT a.seq, a.id, a.content_hash, {_BM25} AS rank "
            "FROM article_search JOIN articles a ON a.seq = article_search.rowid "
            f"WHERE article_search MATCH ? {''.join(' AND ' + w for w in where)} "
            "ORDER BY rank, a.seq LIMIT ?"
        )
        # Identical texts under two ids (an outlet filing one article in two sections) are
        # one hit listing its copies; ask for more rows until ``limit`` distinct texts.
        fetch = limit * 2
        while True:
            try:
                rows = self._db.execute(sql, [parsed.fts_match(), *params, fetch]).fetchall()
            except sqlite3.OperationalError as error:
                raise InputError(
                    f"query {query!r}", f"cannot be searched ({error}); search for plain words"
                ) from None
            best: dict[str, tuple[int, str, float, list[str]]] = {}
            for seq, article_id, text_hash, rank in rows:
                if text_hash in best:
                    best[text_hash][3].append(article_id)
                elif len(best) < limit:
                    best[text_hash] = (seq, article_id, rank, [])
            if len(best) >= limit or len(rows) < fetch:
                break
            fetch *= 4
        words = parsed.words()
        hits = []
        for seq, article_id, rank, copies in best.values():
            title, outlet_name, published, text = self._db.execute(
                "SELECT title, outlet, published, text FROM articles WHERE seq = ?", (seq,)
            ).fetchone()
            hits.append(
                SearchHit(
                    article_id=article_id,
                    title=title,
                    outlet=outlet_name,
                    published=parse_published(published),
                    score=-rank,
                    snippet=make_snippet(text, title, words),
                    copies=tuple(copies),
                )
            )
        return hits

    def set_assignments(self, assignments: Iterable[Assignment]) -> int:
        rows = [(a.id, a.story, a.event, a.duplicate_of) for a in assignments]
        with self._transaction():
            self._db.execute("DELETE FROM assignments")
            self._db.executemany("INSERT INTO assignments VALUES (?, ?, ?, ?)", rows)
            self._db.execute(_NEXT_GENERATION)
            missing = self._db.execute(
                "SELECT s.article_id FROM assignments s LEFT JOIN articles a "
                "ON a.id = s.article_id WHERE a.id IS NULL LIMIT 3"
            ).fetchall()
            if missing:
                raise _refuse(
                    self.location,
                    f"assignments name articles that are not stored (e.g. {missing[0][0]!r}); "
                    "ingest those articles first",
                )
        return len(rows)

    @_reads
    def assignments(self) -> list[Assignment]:
        rows = self._db.execute(
            "SELECT s.article_id, s.story, s.event, s.duplicate_of FROM assignments s "
            "JOIN articles a ON a.id = s.article_id ORDER BY a.seq"
        ).fetchall()
        return [Assignment(*row) for row in rows]

    @_reads
    def unanalysed(self, version: str) -> list[str]:
        rows = self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
            "WHERE n.article_id IS NULL OR n.version != ? ORDER BY a.seq",
            (version,),
        ).fetchall()
        return [row[0] for row in rows]

    def put_analyses(self, analyses: Iterable[ArticleAnalysis], version: str) -> int:
        rows = [(a.article.id, version, analysis_to_text(a)) for a in analyses]
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", rows)
        return len(rows)

    @_reads
    def get_analyses(self, article_ids: Iterable[str]) -> dict[str, ArticleAnalysis]:
        out: dict[str, ArticleAnalysis] = {}
        wanted = list(dict.fromkeys(article_ids))
        for start in range(0, len(wanted), _IDS_PER_QUERY):
            chunk = wanted[start : start + _IDS_PER_QUERY]
            marks = ", ".join("?" for _ in chunk)
            rows = self._db.execute(
                f"SELECT article_id, data FROM analyses WHERE article_id IN ({marks})", chunk
            )
            out.update((article, analysis_from_text(data)) for article, data in rows)
        return out

    @_reads
    def story_fingerprints(self, story_ids: Iterable[str] | None = None) -> dict[str, str]:
        if story_ids is None:
            rows = self._db.execute("SELECT story_id, fingerprint FROM story_results")
            return dict(rows.fetchall())
        query = "SELECT story_id, fingerprint FROM story_results WHERE story_id = ?"
        return dict(row for s in story_ids for row in self._db.execute(query, (s,)).fetchall())

    def put_story(self, result: StoredAnalysis, version: str) -> None:
        members = [m.article.id for m in result.members]
        marks = ", ".join("?" for _ in members)
        with self._transaction():
            seqs = self._db.execute(
                f"SELECT min(seq) FROM articles WHERE id IN ({marks})", members
            ).fetchone()
            self._db.execute(
                "INSERT OR REPLACE INTO story_results "
                "(story_id, version, fingerprint, first_seq, data, digest) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    result.story.id,
                    version,
                    result.fingerprint,
                    seqs[0] if seqs and seqs[0] is not None else 0,
                    stored_analysis_to_text(result),
                    digest_to_text(result),
                ),
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO assignments VALUES (?, ?, ?, ?)",
                [(a.id, a.story, a.event, a.duplicate_of) for a in result.assignments()],
            )
            self._db.execute(_NEXT_GENERATION)

    @_reads
    def stories_generation(self) -> int:
        row = self._db.execute("SELECT value FROM store_meta WHERE key = 'stories'").fetchone()
        return row[0] if row else 0

    def delete_stories(self, story_ids: Iterable[str]) -> int:
        deleted = 0
        with self._transaction():
            for story_id in story_ids:
                cursor = self._db.execute(
                    "DELETE FROM story_results WHERE story_id = ?", (story_id,)
                )
                deleted += cursor.rowcount
                self._db.execute(
                    "UPDATE assignments SET story = NULL, event = NULL WHERE story = ?",
                    (story_id,),
                )
            if deleted:
                self._db.execute(_NEXT_GENERATION)
        return deleted

    @_reads_rows
    def story_results(self, story_ids: Iterable[str] | None = None) -> Iterator[StoredAnalysis]:
        if story_ids is None:
            rows = self._db.execute(
                "SELECT data, fingerprint FROM story_results ORDER BY first_seq, story_id"
            )
            for data, fingerprint in rows.fetchall():
                yield stored_analysis_from_text(data, fingerprint)
            return
        for story_id in story_ids:
            row = self._db.execute(
                "SELECT data, fingerprint FROM story_results WHERE story_id = ?", (story_id,)
            ).fetchone()
            if row is not None:
                yield stored_analysis_from_text(*row)

    @_reads
    def story_digests(self, story_ids: Iterable[str]) -> dict[str, StoryDigest]:
        out = {}
        for story_id in story_ids:
            row = self._db.execute(
                "SELECT digest, fingerprint FROM story_results WHERE story_id = ?", (story_id,)
            ).fetchone()
            if row is None:
                continue
            digest, fingerprint = row
            data = "" if digest is not None else self._story_data(story_id)
            out[story_id] = digest_from_text(digest, data, fingerprint)
        return out

    def _story_data(self, story_id: str) -> str:
        return self._db.execute(
            "SELECT data FROM story_results WHERE story_id = ?", (story_id,)
        ).fetchone()[0]

    @contextlib.contextmanager
    def update_lock(self) -> Iterator[None]:
        """An exclusive lock on a file beside the store (``flock``: the system frees it
        when its holder ends, even by kill -9)."""
        path = self.location + ".update-lock"
        try:
            handle = open(path, "a+b")  # noqa: SIM115 - held for the whole update
        except OSError as error:
            raise _refuse(self.location, f"cannot lock the store for an update: {error}") from None
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise _refuse(
                    self.location, "another akhbar update is running on it; wait for it to end"
                ) from None
            yield
        finally:
            handle.close()

    @_reads
    def stories(self, *, threads: bool = True) -> list[StoredStory]:
        return stored_stories(self._db.execute(STORY_ROWS).fetchall(), threads=threads)


def _filters(
    outlet: str | None, since: dt.date | None, until: dt.date | None
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if outlet is not None:
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if since is not None:
        where.append("a.published_day >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("a.published_day <= ?")
        params.append(until.isoformat())
    return where, params


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the body raises; SQLite errors named."""

    def __init__(self, db: sqlite3.Connection, location: str) -> None:
        self._db = db
        self._location = location

    def __enter__(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise _refuse(self._location, f"cannot write to the store: {error}") from None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: object,
    ) -> None:
        if exc_type is not None:
            self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _refuse(self._location, f"cannot write to the store: {exc}") from None
            return
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            self._db.execute("ROLLBACK")
            raise _refuse(self._location, f"cannot write to the store: {error}") from None
