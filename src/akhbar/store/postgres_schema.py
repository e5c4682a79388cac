"""The PostgreSQL store's tables, their versions and upgrades, and connecting to the server.

The database says what it holds: the ``akhbar_meta`` table marks it as an akhbar store and
keeps its schema version, so a database of another application, or one written by a newer
akhbar, is refused with a clear :class:`~akhbar.errors.StoreError` and left untouched, and
one written by an older akhbar is upgraded step by step in one transaction.

Needs psycopg 3 (``pip install 'akhbar[postgres]'``); :func:`akhbar.store.open_store`
imports this module only for a ``postgresql://`` URL.
"""

from __future__ import annotations

import logging
import re

import psycopg

from akhbar.errors import StoreError
from akhbar.store.codec import ARTICLE_COLUMNS

__all__ = ["SCHEMA_VERSION", "connect", "prepare", "refuse"]

logger = logging.getLogger(__name__)

APPLICATION = "akhbar"
META_TABLE = "akhbar_meta"
# Advisory lock keys (two int4s): the namespace is "akhb", as SQLite's application id.
LOCK_NAMESPACE = 0x616B6862
SCHEMA_LOCK, UPDATE_LOCK = 1, 2
# How long connecting may take before the server counts as unreachable.
CONNECT_TIMEOUT_SECONDS = 10
# Tables named when a database holding another application's tables is refused.
_NAMED_TABLES = 5

# Search words (key form, akhbar.store.search_text) are kept as text and indexed with the
# 'simple' configuration: it lowercases and splits on spaces and punctuation, and knows no
# stems or stop words, so the key form the Python side made is what is matched. The title
# weighs A, the body B (see TITLE_WEIGHT in postgres.py).
_ARTICLES = f"""
CREATE TABLE articles (
    seq BIGSERIAL PRIMARY KEY,
    {ARTICLE_COLUMNS[0]} TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    {", ".join(f"{name} TEXT" for name in ARTICLE_COLUMNS[2:])},
    search_title TEXT NOT NULL,
    search_body TEXT NOT NULL,
    search_length INTEGER NOT NULL,
    search_vector TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', search_title), 'A')
        || setweight(to_tsvector('simple', search_body), 'B')
    ) STORED
)"""

# Each step takes a store from the version before it to its own (step 1 makes version 1).
# A new version appends a step; a store of any older version is brought up by the steps it
# lacks, in one transaction.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: articles with their search words, story assignments.
    (
        _ARTICLES,
        "CREATE INDEX articles_outlet_day ON articles (lower(outlet), published_day)",
        "CREATE INDEX articles_content ON articles (content_hash)",
        "CREATE INDEX articles_day ON articles (published_day)",
        "CREATE INDEX articles_search ON articles USING GIN (search_vector)",
        """CREATE TABLE assignments (
            article_id TEXT PRIMARY KEY REFERENCES articles (id),
            story TEXT,
            event TEXT,
            duplicate_of TEXT
        )""",
        "CREATE INDEX assignments_story ON assignments (story)",
    ),
    # 2 (issue 17): analyses and story results kept between runs of akhbar update, as the
    # JSON text of akhbar.codec, with the version of akhbar that made them.
    (
        """CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles (id),
            version TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX analyses_version ON analyses (version)",
        """CREATE TABLE story_results (
            story_id TEXT PRIMARY KEY,
            version TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            data TEXT NOT NULL,
            first_seq BIGINT
        )""",
        "CREATE INDEX story_results_order ON story_results (first_seq, story_id)",
    ),
    # 3 (issue 18): a story's digest (what a listing shows) beside its analysis, so a front
    # page of stories reads no member analyses (empty for a story stored before it); and
    # the stories' generation, one more at every write to the stories.
    (
        "ALTER TABLE story_results ADD COLUMN digest TEXT",
        f"INSERT INTO {META_TABLE} VALUES ('stories_generation', '0')",
    ),
)
SCHEMA_VERSION = len(_MIGRATIONS)


def refuse(location: str, problem: str) -> StoreError:
    return StoreError(f"{location}: {problem}")


def one_line(error: BaseException) -> str:
    """A server's message on one line (libpq writes hints on lines of their own)."""
    return " ".join(str(error).split())


def connect(url: str, location: str, *, read_only: bool) -> psycopg.Connection:
    """An autocommit connection (transactions are opened explicitly), read-only if asked.

    Raises :class:`StoreError` naming the server and database and what went wrong.
    """
    timeout = {} if "connect_timeout" in url else {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
    try:
        db = psycopg.connect(url, autocommit=True, **timeout)
    except psycopg.Error as error:
        raise refuse(location, _connect_problem(error)) from None
    if read_only:
        db.execute("SET default_transaction_read_only = on")
    return db


def _connect_problem(error: psycopg.Error) -> str:
    text = one_line(error)
    if "password authentication failed" in text or "no password supplied" in text:
        return (
            "the server refused the user name or password (password authentication failed); "
            "check the user and password in the URL, PGPASSWORD or ~/.pgpass"
        )
    missing = re.search(r'database "([^"]*)" does not exist', text)
    if missing:
        return (
            f"database {missing.group(1)!r} does not exist on the server; create it "
            f"(createdb {missing.group(1)}) or name an existing database in the URL"
        )
    unreachable = ("Connection refused", "could not translate host name", "timeout expired")
    for reason in unreachable:
        if reason in text:
            return (
                f"cannot reach the server ({reason.lower()}); is PostgreSQL running there, "
                "and are the host and port in the URL right?"
            )
    return f"cannot connect to the server ({text})"


def prepare(db: psycopg.Connection, location: str, *, create: bool, read_only: bool) -> None:
    """Check what the database holds; create or upgrade the store's tables where allowed."""
    version = _version(db, location)
    if version == SCHEMA_VERSION:
        return
    if version is None:
        _refuse_other_tables(db, location)
        if read_only or not create:
            raise refuse(
                location,
                "no akhbar store in this database yet; run akhbar ingest INPUT --db URL first",
            )
    elif version > SCHEMA_VERSION:
        raise refuse(
            location,
            f"was written by a newer akhbar (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); upgrade akhbar",
        )
    elif read_only:
        raise refuse(
            location,
            f"was written by an older akhbar (schema {version}) and is read-only here; run "
            "akhbar ingest with --db on it once with write access to upgrade it",
        )
    try:
        with db.transaction():
            _upgrade(db, location)
    except psycopg.Error as error:
        raise refuse(location, f"cannot create or upgrade the store ({one_line(error)})") from None


def _version(db: psycopg.Connection, location: str) -> int | None:
    """The schema version of the store here; None where there is no akhbar table."""
    row = db.execute("SELECT to_regclass(%s) IS NOT NULL", (META_TABLE,)).fetchone()
    if row is None or not row[0]:
        return None
    meta = dict(db.execute(f"SELECT key, value FROM {META_TABLE}").fetchall())
    if meta.get("application") != APPLICATION or not meta.get("schema_version", "").isdigit():
        raise refuse(
            location,
            f"is not an akhbar database: its {META_TABLE} table was written by another "
            "program; use another database",
        )
    return int(meta["schema_version"])


def _refuse_other_tables(db: psycopg.Connection, location: str) -> None:
    rows = db.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        " ORDER BY table_name LIMIT %s",
        (_NAMED_TABLES + 1,),
    ).fetchall()
    if rows:
        names = ", ".join(row[0] for row in rows[:_NAMED_TABLES])
        more = ", ..." if len(rows) > _NAMED_TABLES else ""
        raise refuse(
            location,
            f"is not an akhbar database: it holds other tables ({names}{more}); "
            "give --db an empty database (createdb akhbar) or one made by akhbar",
        )


def _upgrade(db: psycopg.Connection, location: str) -> None:
    """Inside a transaction: create the store or bring it to :data:`SCHEMA_VERSION`."""
    # Two processes opening one new database at once: the second waits here, then finds
    # the work done.
    db.execute("SELECT pg_advisory_xact_lock(%s, %s)", (LOCK_NAMESPACE, SCHEMA_LOCK))
    version = _version(db, location)
    if version is None:
        _refuse_other_tables(db, location)
        db.execute(f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute(
            f"INSERT INTO {META_TABLE} VALUES ('application', %s), ('schema_version', '0')",
            (APPLICATION,),
        )
        version = 0
    if version >= SCHEMA_VERSION:
        return
    for step in _MIGRATIONS[version:]:
        for statement in step:
            db.execute(statement)
    db.execute(
        f"UPDATE {META_TABLE} SET value = %s WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
    )
    if version:
        logger.info("store %s: schema %d -> %d", location, version, SCHEMA_VERSION)
    else:
        logger.info("created akhbar store %s", location)
