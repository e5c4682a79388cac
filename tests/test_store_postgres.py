"""The PostgreSQL store alone: refusals, bad servers and credentials, versions, read-only
mode, the update lock, and the stored analyses of the seeds (a throwaway server,
``tests/conftest.py``)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from akhbar.errors import StoreError
from akhbar.model import Report
from akhbar.pipeline import analyze_inputs
from akhbar.store import ingest_into, open_store
from akhbar.store.base import StoredAnalysis
from akhbar.store.postgres_schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SAMPLE = ROOT / "tests" / "data" / "store" / "ant_sample.jsonl"
VERSION = "0.1.0"


def _admin(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True)


def _tables(url: str) -> set[str]:
    with _admin(url) as db:
        rows = db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    return {row[0] for row in rows}


def test_location_never_shows_the_password(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        assert "test-secret" not in store.location
        assert store.location.startswith("postgresql://akhbar@127.0.0.1:")


def test_another_apps_database_is_refused_and_left_untouched(postgres_url: str) -> None:
    with _admin(postgres_url) as db:
        db.execute("CREATE TABLE invoices (id int, total numeric)")
        db.execute("INSERT INTO invoices VALUES (1, 9.5)")
    with pytest.raises(StoreError, match=r"is not an akhbar database: it holds other tables \("):
        open_store(postgres_url)
    assert _tables(postgres_url) == {"invoices"}
    with _admin(postgres_url) as db:
        assert db.execute("SELECT total FROM invoices").fetchone()[0] == 9.5


def test_a_wrong_password_names_the_server_in_one_line(postgres_url: str) -> None:
    wrong = postgres_url.replace("test-secret", "not-the-password")
    with pytest.raises(StoreError) as error:
        open_store(wrong)
    message = str(error.value)
    assert "password authentication failed" in message
    assert "127.0.0.1" in message and "/akhbar_test_" in message
    assert "not-the-password" not in message and "\n" not in message


def test_an_unreachable_server_is_one_line(postgres_server: str) -> None:
    closed = "postgresql://akhbar:test-secret@127.0.0.1:1/news?connect_timeout=3"
    with pytest.raises(StoreError, match="cannot reach the server") as error:
        open_store(closed)
    assert str(error.value).startswith("postgresql://akhbar@127.0.0.1:1/news")
    assert "test-secret" not in str(error.value) and "\n" not in str(error.value)


def test_a_missing_database_says_how_to_make_it(postgres_server: str) -> None:
    with pytest.raises(StoreError, match=r"'no_such_db' does not exist.*createdb no_such_db"):
        open_store(f"{postgres_server}/no_such_db")


def test_a_store_from_a_newer_akhbar_is_refused(postgres_url: str) -> None:
    open_store(postgres_url).close()
    with _admin(postgres_url) as db:
        db.execute(
            "UPDATE akhbar_meta SET value = %s WHERE key = 'schema_version'",
            (str(SCHEMA_VERSION + 1),),
        )
    newer = f"newer akhbar .schema {SCHEMA_VERSION + 1}, this one reads up to {SCHEMA_VERSION}."
    with pytest.raises(StoreError, match=newer + "; upgrade akhbar"):
        open_store(postgres_url)


def test_a_store_of_an_older_schema_is_upgraded_and_keeps_its_articles(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        ingest_into(store, [str(SEEDS)])
    with _admin(postgres_url) as db:  # what schema 1 had: no stored analyses, no generation
        db.execute("DROP TABLE analyses, story_results")
        db.execute("DELETE FROM akhbar_meta WHERE key = 'stories_generation'")
        db.execute("UPDATE akhbar_meta SET value = '1' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="older akhbar"):
        open_store(postgres_url, read_only=True)
    with open_store(postgres_url) as store:
        assert store.count() == 5
        assert len(store.unanalysed(VERSION)) == 5
        assert store.stories_generation() == 0
    assert {"analyses", "story_results"} <= _tables(postgres_url)


def test_read_only_mode_cannot_write(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        ingest_into(store, [str(SEEDS)])
    with open_store(postgres_url, read_only=True) as store:
        assert store.count() == 5
        assert store.search("سورية")
        with pytest.raises(StoreError, match="read-only"):
            ingest_into(store, [str(SAMPLE)])
        with pytest.raises(StoreError, match="read-only"):
            store.set_assignments([])
    with open_store(postgres_url) as store:
        assert store.count() == 5


def test_a_second_update_lock_is_refused_and_the_first_goes_on(postgres_url: str) -> None:
    with open_store(postgres_url) as first, open_store(postgres_url) as second:
        with first.update_lock():
            refused = pytest.raises(StoreError, match="another akhbar update is running on")
            with refused as error, second.update_lock():
                pass
            assert "wait for it to end" in str(error.value)
            assert "test-secret" not in str(error.value)
            ingest_into(first, [str(SEEDS)])  # the holder is unaffected
        with second.update_lock():  # released on exit
            assert second.count() == 5


def test_the_lock_is_freed_when_its_connection_dies(postgres_url: str) -> None:
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with open_store(postgres_url) as store, store.update_lock():
            held.set()
            release.wait(30)

    with open_store(postgres_url) as store:
        holder = threading.Thread(target=hold)
        holder.start()
        try:
            assert held.wait(30)
            with pytest.raises(StoreError, match="another akhbar update"), store.update_lock():
                pass
            with _admin(postgres_url) as db:  # as if its process were killed with -9
                killed = db.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks "
                    "WHERE locktype = 'advisory' AND granted AND database = "
                    "(SELECT oid FROM pg_database WHERE datname = current_database())"
                ).fetchall()
            assert killed == [(True,)]
            with store.update_lock():
                pass
        finally:
            release.set()
            holder.join(30)


def test_without_psycopg_the_message_says_what_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    for name in ("akhbar.store.postgres", "akhbar.store.postgres_schema"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    with pytest.raises(StoreError, match=r"pip install 'akhbar\[postgres\]'") as error:
        open_store("postgresql://user:secret@db.example/news")
    assert "secret" not in str(error.value)


# --- Stored analyses (issue 17) ---------------------------------------------------------------


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze_inputs([str(SEEDS)])


@pytest.fixture
def store(postgres_url: str, report: Report) -> Iterator:
    with open_store(postgres_url) as opened:
        opened.add_articles(analysis.article for analysis in report.analyses)
        yield opened


def _stored(report: Report, fingerprint: str = "x") -> StoredAnalysis:
    [story] = report.stories
    return StoredAnalysis(
        story=story,
        members=report.analyses,
        main_event={a.id: a.event for a in report.assignments},
        duplicate_of={a.id: a.duplicate_of for a in report.assignments},
        fingerprint=fingerprint,
    )


def test_analyses_round_trip(store, report: Report) -> None:
    ids = [analysis.article.id for analysis in report.analyses]
    assert store.unanalysed(VERSION) == ids
    assert store.put_analyses(report.analyses[:3], VERSION) == 3
    assert store.unanalysed(VERSION) == ids[3:]
    assert store.unanalysed("0.2.0") == ids  # made by another version: analysed again
    assert store.get_analyses([*ids, "ghost"]) == {a.article.id: a for a in report.analyses[:3]}
    assert store.put_analyses(report.analyses, "0.2.0") == 5  # replaces the older ones
    assert store.unanalysed("0.2.0") == []
    assert store.get_analyses(ids) == {a.article.id: a for a in report.analyses}


def test_analyses_of_articles_not_stored_are_refused(postgres_url: str, report: Report) -> None:
    with open_store(postgres_url) as store, pytest.raises(StoreError, match="ingest those"):
        store.put_analyses(report.analyses[:1], VERSION)


def test_story_results_round_trip(store, report: Report) -> None:
    stored = _stored(report)
    assert store.story_fingerprints() == {}
    store.put_story(stored, VERSION)
    assert store.story_fingerprints() == {stored.story.id: "x"}
    assert list(store.story_results()) == [stored]
    assert list(store.story_results([stored.story.id, "ghost"])) == [stored]
    assert list(store.story_results(["ghost"])) == []
    assert store.assignments() == list(report.assignments)
    [story] = store.stories()
    assert sorted(story.articles) == sorted(stored.story.articles)
    store.put_story(_stored(report, "y"), VERSION)  # analysed again: replaced
    assert store.story_fingerprints() == {stored.story.id: "y"}
    assert store.delete_stories([stored.story.id, "ghost"]) == 1
    assert store.story_fingerprints() == {}
    assert list(store.story_results()) == []
