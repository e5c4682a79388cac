"""The SQLite article store on the seeds: its file, refusals, batches, CLI. What every backend
does alike (round trip, idempotency, filters, assignments) is in test_store_backends.py."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.errors import StoreError
from akhbar.ingest import build_article, iter_documents
from akhbar.model import Article, RawDocument
from akhbar.store import ingest_into, open_store
from akhbar.store.sqlite import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SAMPLE = ROOT / "tests" / "data" / "store" / "ant_sample.jsonl"
SEED_IDS = sorted(path.stem for path in SEEDS.glob("*.txt"))
runner = CliRunner()


def _seed_articles() -> list[Article]:
    return [
        build_article(doc) for doc in iter_documents([str(SEEDS)]) if isinstance(doc, RawDocument)
    ]


def test_unreadable_inputs_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    with open_store(tmp_path / "a.db") as store:
        summary = ingest_into(store, [str(folder), str(tmp_path / "missing")])
        assert summary.added == 5
        assert len(summary.skipped) == 2
        assert store.count() == 5


def test_batches_are_committed_as_they_fill(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    articles = _seed_articles()
    with open_store(db) as store, store.insertion_session(batch_size=2) as session:
        for article in articles[:3]:
            session.add(article)
        # another connection sees the first full batch while the session is open
        with sqlite3.connect(db) as other:
            assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    with open_store(db) as store:
        assert store.count() == 3


def test_store_file_is_wal_and_versioned(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    open_store(db).close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_text_file_named_db_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("ملاحظات، ليست قاعدة بيانات\n", encoding="utf-8")
    before = db.read_bytes()
    with pytest.raises(StoreError, match="is not an akhbar store"):
        open_store(db)
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db)])
    assert result.exit_code == 2
    assert "is not an akhbar store" in result.stderr
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE things (x)")
    with pytest.raises(StoreError, match="not an akhbar store"):
        open_store(db)


def test_a_store_from_a_newer_akhbar_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    open_store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer akhbar"):
        open_store(db)


def test_a_store_of_schema_1_gets_its_search_index_rebuilt(tmp_path: Path) -> None:
    """Schema 1 indexed the greedy stripper's words ("الكرملين" as كرملين); opening it with
    this akhbar rebuilds the index from the stored articles, which stay as they were."""
    db = tmp_path / "a.db"
    articles = _seed_articles()
    with open_store(db) as store:
        store.add_articles(articles)
        expected = sorted(hit.article_id for hit in store.search("الكرملين"))
    assert expected == SEED_IDS
    with sqlite3.connect(db) as conn:  # what schema 1 wrote for this word
        conn.execute("INSERT INTO article_search(article_search) VALUES('delete-all')")
        for seq in range(1, len(articles) + 1):
            conn.execute(
                "INSERT INTO article_search(rowid, title, body) VALUES (?, '', 'كرملين')", (seq,)
            )
        conn.execute("PRAGMA user_version=1")
    with open_store(db) as store:
        assert sorted(hit.article_id for hit in store.search("الكرملين")) == expected
        assert [store.get(a.id) for a in articles] == articles
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4


def test_cli_ingest_twice_and_stories(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    first = runner.invoke(app, ["ingest", str(SEEDS), "--db", db])
    assert first.exit_code == 0, first.output
    assert "added 5, already present 0, skipped 0" in first.stdout
    second = runner.invoke(app, ["ingest", str(SEEDS)], env={"AKHBAR_DB": db})
    assert second.exit_code == 0
    assert "added 0, already present 5, skipped 0" in second.stdout
    stories = runner.invoke(app, ["stories", "--db", db])
    assert stories.exit_code == 0
    assert "no stories stored yet; run akhbar cluster" in stories.stdout


def test_cli_ingest_exits_1_when_inputs_were_skipped(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "a")])
    assert result.exit_code == 1
    assert "skipped 1" in result.stdout
    assert "no such file or directory" in result.stderr
