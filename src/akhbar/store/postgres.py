"""The PostgreSQL backend: one database shared by a team, searched with full-text search.

    >>> with open_store("postgresql://akhbar@db.example/news") as store:    # doctest: +SKIP
    ...     store.search("سورية")[0].article_id                              # finds سوريا
    'sana-2025-02-12-putin-call'

Search words are the key form of :mod:`akhbar.store.search_text`, as in SQLite, kept in a
tsvector of the ``simple`` configuration (title weight A, body B, a GIN index), so a query
finds the same articles on both backends, and they are ranked by the same BM25 as SQLite's
FTS5 (:mod:`akhbar.store.postgres_rank`), so they come in the same order with the same
scores, ties broken by insertion order on both. The exceptions are documented there (very
long articles; a number such as ``3.5``). A quoted phrase may also match across the end of a
title and the start of its body, where SQLite keeps them apart (it then scores 0 here).

The schema, its versions and connecting live in :mod:`akhbar.store.postgres_schema`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import psycopg

from akhbar.errors import InputError
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
from akhbar.store.location import redact
from akhbar.store.postgres_rank import bm25, idf, occurrences
from akhbar.store.postgres_schema import (
    LOCK_NAMESPACE,
    META_TABLE,
    SCHEMA_VERSION,
    UPDATE_LOCK,
    connect,
    one_line,
    prepare,
    refuse,
)
from akhbar.store.search_text import make_snippet, parse_query, search_words
from akhbar.store.story_rows import STORY_ROWS, stored_stories

__all__ = ["SCHEMA_VERSION", "PostgresStore"]

# Every write to the stories makes their generation one more (see stories_generation).
_NEXT_GENERATION = (
    f"UPDATE {META_TABLE} SET value = (value::bigint + 1)::text WHERE key = 'stories_generation'"
)
# Rows read at a time by the methods that stream (iter_articles): memory stays flat.
_PAGE_ROWS = 256

_COLUMNS = ", ".join(f"a.{name}" for name in ARTICLE_COLUMNS)
_INSERT = (
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, "
    "search_title, search_body, search_length) "
    f"VALUES ({', '.join('%s' for _ in ARTICLE_COLUMNS)}, %s, %s, %s) "
    "ON CONFLICT (id) DO NOTHING RETURNING seq"
)


def _reads(method):
    """A read whose database error (a lost connection, a dropped table) becomes a
    StoreError naming the store: every command then says so in one line."""

    @functools.wraps(method)
    def read(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except psycopg.Error as error:
            raise refuse(self.location, f"cannot read the store ({one_line(error)})") from None

    return read


class PostgresStore(ArticleStore):
    """Articles in a PostgreSQL database, from a ``postgresql://`` URL (libpq's form; the
    password may come from the URL, ``PGPASSWORD`` or ``~/.pgpass``). ``create=False``
    refuses a database with no store yet; ``read_only=True`` reads it in read-only
    transactions, so nothing this object does can change it."""

    def __init__(self, url: str, *, create: bool = True, read_only: bool = False) -> None:
        self.location = redact(url)
        self._url = url
        self._db = connect(url, self.location, read_only=read_only)
        try:
            prepare(self._db, self.location, create=create, read_only=read_only)
        except BaseException:
            self._db.close()
            raise

    def close(self) -> None:
        self._db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction; a database error becomes a StoreError naming the store."""
        try:
            with self._db.transaction():
                yield
        except psycopg.errors.ReadOnlySqlTransaction:
            raise refuse(
                self.location, "is open read-only here; open it without read_only to write"
            ) from None
        except psycopg.Error as error:
            raise refuse(self.location, f"cannot write to the store: {one_line(error)}") from None

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        added = present = 0
        conflicts: list[str] = []
        with self._transaction():
            for article in articles:
                record = article_to_record(article)
                _refuse_nul(self.location, article.id, record)
                title = search_words(article.title or "")
                body = search_words(article.text)
                words = (" ".join(title), " ".join(body), len(title) + len(body))
                if self._db.execute(_INSERT, (*record, *words)).fetchone() is not None:
                    added += 1
                    continue
                present += 1
                stored = self._db.execute(
                    "SELECT content_hash FROM articles WHERE id = %s", (article.id,)
                ).fetchone()
                if stored is not None and stored[0] != record[1]:
                    conflicts.append(article.id)
        return AddResult(added, present, tuple(conflicts))

    @_reads
    def has(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE id = %s", (article_id,)).fetchone()
        return row is not None

    @_reads
    def get(self, article_id: str) -> Article:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM articles a WHERE a.id = %s", (article_id,)
        ).fetchone()
        if row is None:
            raise refuse(
                self.location, f"no article {article_id!r}; akhbar search shows stored ids"
            )
        return record_to_article(row)

    def iter_articles(
        self,
        *,
        outlet: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[Article]:
        where, params = _filters(outlet, since, until)
        sql = (
            f"SELECT a.seq, {_COLUMNS} FROM articles a WHERE a.seq > %s "
            f"{''.join(' AND ' + w for w in where)} ORDER BY a.seq LIMIT {_PAGE_ROWS}"
        )
        # Pages by seq, each its own statement: no transaction stays open between pages,
        # so the caller may write to the store while reading.
        last = 0
        while rows := self._page(sql, [last, *params]):
            for row in rows:
                yield record_to_article(row[1:])
            last = rows[-1][0]

    @_reads
    def _page(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, params).fetchall()

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
        phrases = [" ".join(part) for part in parsed.parts]
        try:
            ranked = self._ranked(phrases, *_filters(outlet, since, until))
        except psycopg.errors.DataError as error:
            raise InputError(
                f"query {query!r}",
                f"cannot be searched ({one_line(error)}); search for plain words",
            ) from None
        # Identical texts under two ids (an outlet filing one article in two sections) are
        # one hit listing its copies.
        best: dict[str, tuple[int, str, float, list[str]]] = {}
        for seq, article_id, text_hash, score in ranked:
            if text_hash in best:
                best[text_hash][3].append(article_id)
            elif len(best) < limit:
                best[text_hash] = (seq, article_id, score, [])
        shown = {
            row[0]: row[1:]
            for row in self._db.execute(
                "SELECT seq, title, outlet, published, text FROM articles WHERE seq = ANY(%s)",
                ([seq for seq, *_ in best.values()],),
            )
        }
        words = parsed.words()
        hits = []
        for seq, article_id, score, copies in best.values():
            title, outlet_name, published, text = shown[seq]
            hits.append(
                SearchHit(
                    article_id=article_id,
                    title=title,
                    outlet=outlet_name,
                    published=parse_published(published),
                    score=score,
                    snippet=make_snippet(text, title, words),
                    copies=tuple(copies),
                )
            )
        return hits

    def _ranked(
        self, phrases: Sequence[str], where: Sequence[str], params: Sequence[Any]
    ) -> list[tuple[int, str, str, float]]:
        """Every row matching all ``phrases``, best first (BM25 as SQLite's), then by seq."""
        rows, total = self._db.execute(
            "SELECT count(*), coalesce(sum(search_length), 0) FROM articles"
        ).fetchone()
        lexemes, idfs = [], []
        for phrase in phrases:
            words, hits = self._db.execute(
                "SELECT (SELECT coalesce(array_agg(u.lexeme ORDER BY p), '{}') "
                "FROM unnest(to_tsvector('simple', %s)) u, unnest(u.positions) p), "
                "(SELECT count(*) FROM articles "
                "WHERE search_vector @@ phraseto_tsquery('simple', %s))",
                (phrase, phrase),
            ).fetchone()
            lexemes.append(tuple(words))
            idfs.append(idf(rows, hits))
        # Every word or phrase required, as SQLite's MATCH; one word is a phrase of one.
        tsquery = " && ".join("phraseto_tsquery('simple', %s)" for _ in phrases)
        matches = self._db.execute(
            "SELECT a.seq, a.id, a.content_hash, a.search_length, "
            "(SELECT json_agg(json_build_array(u.lexeme, u.positions, u.weights)) "
            " FROM unnest(a.search_vector) u WHERE u.lexeme = ANY(%s)) "
            f"FROM articles a WHERE a.search_vector @@ ({tsquery}) "
            f"{''.join(' AND ' + w for w in where)}",
            [[word for words in lexemes for word in words], *phrases, *params],
        )
        average = total / rows if rows else 0.0
        scored = [
            (seq, key, text_hash, bm25(lexemes, idfs, occurrences(found or ()), length, average))
            for seq, key, text_hash, length, found in matches
        ]
        return sorted(scored, key=lambda row: (-row[3], row[0]))

    def set_assignments(self, assignments: Iterable[Assignment]) -> int:
        rows = [(a.id, a.story, a.event, a.duplicate_of) for a in assignments]
        with self._transaction():
            self._refuse_unstored([row[0] for row in rows], "assignments name")
            self._db.execute("DELETE FROM assignments")
            with self._db.cursor() as cursor:
                cursor.executemany("INSERT INTO assignments VALUES (%s, %s, %s, %s)", rows)
            self._db.execute(_NEXT_GENERATION)
        return len(rows)

    def _refuse_unstored(self, article_ids: Sequence[str], what: str) -> None:
        missing = self._db.execute(
            "SELECT wanted FROM unnest(%s::text[]) AS wanted "
            "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = wanted) LIMIT 1",
            (list(article_ids),),
        ).fetchone()
        if missing is not None:
            raise refuse(
                self.location,
                f"{what} articles that are not stored (e.g. {missing[0]!r}); "
                "ingest those articles first",
            )

    @_reads
    def stories(self, *, threads: bool = True) -> list[StoredStory]:
        return stored_stories(self._db.execute(STORY_ROWS).fetchall(), threads=threads)

    @_reads
    def assignments(self) -> list[Assignment]:
        rows = self._db.execute(
            "SELECT s.article_id, s.story, s.event, s.duplicate_of FROM assignments s "
            "JOIN articles a ON a.id = s.article_id ORDER BY a.seq"
        ).fetchall()
        return [Assignment(*row) for row in rows]

    # --- Stored analyses (issue 17) ---------------------------------------------------------

    @_reads
    def unanalysed(self, version: str) -> list[str]:
        rows = self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses n "
            "ON n.article_id = a.id AND n.version = %s WHERE n.article_id IS NULL ORDER BY a.seq",
            (version,),
        ).fetchall()
        return [row[0] for row in rows]

    def put_analyses(self, analyses: Iterable[ArticleAnalysis], version: str) -> int:
        rows = [(analysis.article.id, version, analysis_to_text(analysis)) for analysis in analyses]
        with self._transaction():
            self._refuse_unstored([row[0] for row in rows], "analyses of")
            with self._db.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO analyses VALUES (%s, %s, %s) ON CONFLICT (article_id) "
                    "DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data",
                    rows,
                )
        return len(rows)

    @_reads
    def get_analyses(self, article_ids: Iterable[str]) -> dict[str, ArticleAnalysis]:
        rows = self._db.execute(
            "SELECT n.article_id, n.data FROM analyses n JOIN articles a ON a.id = n.article_id "
            "WHERE n.article_id = ANY(%s) ORDER BY a.seq",
            (list(article_ids),),
        )
        return {key: analysis_from_text(data) for key, data in rows}

    @_reads
    def story_fingerprints(self, story_ids: Iterable[str] | None = None) -> dict[str, str]:
        wanted = None if story_ids is None else list(story_ids)
        rows = self._db.execute(
            "SELECT story_id, fingerprint FROM story_results "
            "WHERE %s::text[] IS NULL OR story_id = ANY(%s)",
            (wanted, wanted),
        )
        return dict(rows.fetchall())

    def put_story(self, result: StoredAnalysis, version: str) -> None:
        members = [member.article.id for member in result.members]
        text = stored_analysis_to_text(result)
        with self._transaction():
            self._refuse_unstored(members, f"story {result.story.id!r} has")
            self._db.execute(
                "INSERT INTO story_results (story_id, version, fingerprint, data, digest, "
                "first_seq) VALUES (%s, %s, %s, %s, %s, "
                "(SELECT min(seq) FROM articles WHERE id = ANY(%s))) "
                "ON CONFLICT (story_id) DO UPDATE SET version = EXCLUDED.version, "
                "fingerprint = EXCLUDED.fingerprint, data = EXCLUDED.data, "
                "digest = EXCLUDED.digest, first_seq = EXCLUDED.first_seq",
                (
                    result.story.id,
                    version,
                    result.fingerprint,
                    text,
                    digest_to_text(result),
                    members,
                ),
            )
            self._db.execute("DELETE FROM assignments WHERE article_id = ANY(%s)", (members,))
            with self._db.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO assignments VALUES (%s, %s, %s, %s)",
                    [(a.id, a.story, a.event, a.duplicate_of) for a in result.assignments()],
                )
            self._db.execute(_NEXT_GENERATION)

    def delete_stories(self, story_ids: Iterable[str]) -> int:
        with self._transaction():
            gone = list(story_ids)
            cursor = self._db.execute("DELETE FROM story_results WHERE story_id = ANY(%s)", (gone,))
            # As in SQLite: an article whose story is gone belongs to no story.
            self._db.execute(
                "UPDATE assignments SET story = NULL, event = NULL WHERE story = ANY(%s)", (gone,)
            )
            if cursor.rowcount:
                self._db.execute(_NEXT_GENERATION)
        return cursor.rowcount

    @_reads
    def stories_generation(self) -> int:
        row = self._db.execute(
            f"SELECT value FROM {META_TABLE} WHERE key = 'stories_generation'"
        ).fetchone()
        return int(row[0]) if row else 0

    @_reads
    def story_digests(self, story_ids: Iterable[str]) -> dict[str, StoryDigest]:
        rows = self._db.execute(
            "SELECT story_id, digest, fingerprint, CASE WHEN digest IS NULL THEN data END "
            "FROM story_results WHERE story_id = ANY(%s)",
            (list(story_ids),),
        ).fetchall()
        return {
            story_id: digest_from_text(digest, data or "", fingerprint)
            for story_id, digest, fingerprint, data in rows
        }

    def story_results(self, story_ids: Iterable[str] | None = None) -> Iterator[StoredAnalysis]:
        wanted = None if story_ids is None else list(story_ids)
        # The ids first (small), then each story's data as it is wanted: a store's stories
        # together may not fit in memory.
        order = self._page(
            "SELECT story_id FROM story_results WHERE %s::text[] IS NULL OR story_id = ANY(%s) "
            "ORDER BY first_seq NULLS LAST, story_id",
            [wanted, wanted],
        )
        for (story_id,) in order:
            rows = self._page(
                "SELECT fingerprint, data FROM story_results WHERE story_id = %s", [story_id]
            )
            if rows:  # deleted meanwhile by another process
                fingerprint, data = rows[0]
                yield stored_analysis_from_text(data, fingerprint)

    @contextlib.contextmanager
    def update_lock(self) -> Iterator[None]:
        # A session advisory lock on a connection of its own: the server releases it when
        # that connection ends, however the holder ends (kill -9 included).
        holder = connect(self._url, self.location, read_only=False)
        try:
            try:
                row = holder.execute(
                    "SELECT pg_try_advisory_lock(%s, %s)", (LOCK_NAMESPACE, UPDATE_LOCK)
                ).fetchone()
            except psycopg.Error as error:
                raise refuse(self.location, f"cannot lock the store ({one_line(error)})") from None
            if row is None or not row[0]:
                raise refuse(
                    self.location,
                    f"another akhbar update is running on {self.location}; wait for it to end",
                )
            yield
        finally:
            holder.close()


def _refuse_nul(location: str, article_id: str, record: Sequence[Any]) -> None:
    """PostgreSQL text cannot hold U+0000 (a JSONL line may escape one as \\u0000)."""
    if any(isinstance(value, str) and "\x00" in value for value in record):
        raise refuse(
            location,
            f"article {article_id!r} holds a NUL character, which PostgreSQL cannot store; "
            "remove it from the input",
        )


def _filters(
    outlet: str | None, since: dt.date | None, until: dt.date | None
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if outlet is not None:
        # lower() as SQLite's NOCASE; the index is on lower(outlet).
        where.append("lower(a.outlet) = lower(%s)")
        params.append(outlet)
    if since is not None:
        where.append("a.published_day >= %s")
        params.append(since.isoformat())
    if until is not None:
        where.append("a.published_day <= %s")
        params.append(until.isoformat())
    return where, params
