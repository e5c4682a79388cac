"""The article store: articles kept between runs, searchable in Arabic key form.

>>> from akhbar.store import open_store, ingest_into
>>> with open_store("akhbar.db") as store:                       # doctest: +SKIP
...     summary = ingest_into(store, ["examples/seeds"])
...     hits = store.search("سورية")                              # finds سوريا too
"""

from __future__ import annotations

import logging
import os

from akhbar.errors import StoreError
from akhbar.store.base import AddResult, ArticleStore, InsertionSession, SearchHit, StoredStory
from akhbar.store.ingest_run import IngestSummary, ingest_into, store_built
from akhbar.store.location import redact
from akhbar.store.search_text import parse_query, search_words
from akhbar.store.sqlite import SqliteStore

__all__ = [
    "AddResult",
    "ArticleStore",
    "IngestSummary",
    "InsertionSession",
    "SearchHit",
    "SqliteStore",
    "StoredStory",
    "ingest_into",
    "open_store",
    "parse_query",
    "search_words",
    "store_built",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(
    url_or_path: str | os.PathLike[str], *, create: bool = True, read_only: bool = False
) -> ArticleStore:
    """The store at a path (SQLite) or URL. ``create=False`` refuses to start a new store;
    ``read_only=True`` opens an existing one for reading alone (search, listing).

    Raises :class:`StoreError` when the location cannot be used, naming it and the fix.
    """
    location = os.fspath(url_or_path)
    if location.startswith(_POSTGRES_SCHEMES):
        return _postgres_store(location, create=create, read_only=read_only)
    if "://" in location:
        scheme = location.split("://", 1)[0]
        raise StoreError(
            f"{scheme}://...: unknown store scheme {scheme!r}; use a SQLite path (./akhbar.db) "
            "or a postgresql:// URL"
        )
    return SqliteStore(location, create=create, read_only=read_only)


def _postgres_store(url: str, *, create: bool, read_only: bool) -> ArticleStore:
    # psycopg is an extra: the SQLite path never imports it.
    try:
        from akhbar.store.postgres import PostgresStore
    except ImportError as error:
        if error.name is None or not error.name.startswith("psycopg"):
            raise
        raise StoreError(
            f"{redact(url)}: a PostgreSQL store needs psycopg, which is not installed; "
            "pip install 'akhbar[postgres]'"
        ) from None
    return PostgresStore(url, create=create, read_only=read_only)
