"""The SQLite article store on the seeds: round trip, idempotency, refusals, assignments, CLI."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.errors import StoreError
from akhbar.ingest import build_article, iter_documents
from akhbar.model import Article, Assignment, RawDocument
from akhbar.store import AddResult, ingest_into, open_store
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


def test_every_article_field_survives_the_round_trip(tmp_path: Path) -> None:
    articles = _seed_articles() + [
        build_article(doc) for doc in iter_documents([str(SAMPLE)]) if isinstance(doc, RawDocument)
    ]
    with open_store(tmp_path / "a.db") as store:
        assert store.add_articles(articles) == AddResult(added=len(articles))
        for article in articles:
            assert store.get(article.id) == article
        assert [a.id for a in store.iter_articles()] == [a.id for a in articles]
    stored = {a.id: a for a in articles}
    # a datetime with its UTC offset stays a datetime with that offset
    assert stored["ant:BB-culture-126-20180423"].published == dt.datetime(
        2018, 4, 23, 1, 6, 11, tzinfo=dt.UTC
    )


def test_same_folder_twice_is_stored_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        first = ingest_into(store, [str(SEEDS)])
        second = ingest_into(store, [str(SEEDS)])
        assert (first.added, first.already_present) == (5, 0)
        assert (second.added, second.already_present, second.skipped) == (0, 5, ())
        assert store.count() == 5
        assert all(store.has(key) for key in SEED_IDS)


def test_same_text_under_another_id_is_kept_under_both_ids(tmp_path: Path) -> None:
    # Ids are kept as given; linking copies is deduplication's job, not the store's.
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(SEEDS / f"{SEED_IDS[0]}.txt", copy / "renamed.txt")
    with open_store(tmp_path / "a.db") as store:
        ingest_into(store, [str(SEEDS)])
        again = ingest_into(store, [str(copy)])
        assert (again.added, again.already_present, again.skipped) == (1, 0, ())
        assert store.get("renamed").text == store.get(SEED_IDS[0]).text


def test_new_content_under_a_stored_id_is_reported_and_the_stored_one_kept(
    tmp_path: Path,
) -> None:
    edited = tmp_path / "edited.jsonl"
    line = {"id": SEED_IDS[0], "text": "نص آخر تماما عن موضوع آخر.", "outlet": "test"}
    edited.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with open_store(tmp_path / "a.db") as store:
        ingest_into(store, [str(SEEDS)])
        summary = ingest_into(store, [str(edited)])
        assert summary.added == 0
        assert [item.source for item in summary.skipped] == [f"{edited}:1"]
        assert "already stored with different content" in summary.skipped[0].reason
        assert "الشرع" in store.get(SEED_IDS[0]).text


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
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3


def test_postgresql_urls_are_refused_for_now() -> None:
    with pytest.raises(StoreError, match="use a SQLite path") as error:
        open_store("postgresql://user:secret@db.example/news")
    assert "secret" not in str(error.value)


def test_reading_a_missing_store_does_not_create_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run akhbar ingest"):
        open_store(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_get_of_an_unknown_id_names_it(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store, pytest.raises(StoreError, match="'nope'"):
        store.get("nope")


def test_iter_articles_filters_by_outlet_and_date(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        ingest_into(store, [str(SAMPLE)])
        bbc = [a.id for a in store.iter_articles(outlet="bbc")]
        assert bbc == [
            "ant:BB-culture-126-20180423",
            "ant:BB-culture-137-20180430",
            "ant:BB-internationalNews-49-20180222",
        ]
        april = store.iter_articles(since=dt.date(2018, 4, 1), until=dt.date(2018, 4, 30))
        assert [a.id for a in april] == bbc[:2]


def test_assignments_make_stories(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        ingest_into(store, [str(SEEDS), str(SAMPLE)])
        assert store.stories() == []
        assignments = [Assignment(key, "putin-sharaa") for key in SEED_IDS]
        assignments.append(Assignment("ant:BB-culture-126-20180423", "bbc-culture"))
        assert store.set_assignments(assignments) == 6
        stories = store.stories()
        assert [(s.id, len(s.articles)) for s in stories] == [
            ("putin-sharaa", 5),
            ("bbc-culture", 1),
        ]
        assert stories[1].first_published == dt.date(2018, 4, 23)
        assert stories[1].outlets == ("BBC",)
        with pytest.raises(StoreError, match="'ghost'"):
            store.set_assignments([Assignment("ghost", "s1")])
        assert len(store.stories()) == 2  # the failed replacement left the old one


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
