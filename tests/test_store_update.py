"""akhbar update (issue 17): stored analyses kept current as articles arrive, on a real SQLite
store, with the seeds."""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar import __version__
from akhbar.cli import app
from akhbar.errors import StoreError
from akhbar.pipeline import analyze_inputs
from akhbar.render import render
from akhbar.store import ingest_into, open_store
from akhbar.store.base import story_digest
from akhbar.store.sqlite import SCHEMA_VERSION
from akhbar.store.update_run import report_from_store, update_store

SEEDS = sorted((Path(__file__).resolve().parents[1] / "examples" / "seeds").iterdir())
ANT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant-multisource.jsonl.gz"


def _report_json(report) -> dict:
    data = json.loads(render(report, "json"))
    data.pop("generated_by")
    return data


def _numbered(data: dict) -> dict:
    """Story and event ids numbered in order of appearance: the store names them by their
    first article, a one-off report by count."""
    text = json.dumps(data, ensure_ascii=False)
    for kind in ("story", "event"):
        found = dict.fromkeys(re.findall(kind + r"-[0-9a-f]{3,12}\b", text))
        for number, name in enumerate(found, start=1):
            text = re.sub(re.escape(name) + r"\b", f"{kind}-#{number}", text)
    return json.loads(text)


@pytest.mark.parametrize("store_url", ["sqlite", "postgres"], indirect=True)
def test_four_seeds_then_the_fifth_give_the_report_of_all_five_at_once(store_url: str) -> None:
    with open_store(store_url) as store:
        ingest_into(store, [str(path) for path in SEEDS[:4]])
        first = update_store(store)
        assert (first.analysed, first.stories_analysed) == (4, 1)
        ingest_into(store, [str(SEEDS[4])])
        second = update_store(store)
        # Only the new article is analysed; its story is analysed again.
        assert (second.analysed, second.stories_analysed, second.stories_removed) == (1, 1, 0)
        report = report_from_store(store)
    (story,) = report.stories
    assert len(story.articles) == 5
    whole = analyze_inputs([str(path) for path in SEEDS])
    assert _numbered(_report_json(report)) == _numbered(_report_json(whole))


@pytest.mark.parametrize("store_url", ["sqlite", "postgres"], indirect=True)
def test_running_it_again_changes_nothing(store_url: str) -> None:
    with open_store(store_url) as store:
        ingest_into(store, [str(path) for path in SEEDS])
        update_store(store)
        before = [r.fingerprint for r in store.story_results()]
        again = update_store(store)
        assert not again.changed and again.stories_unchanged == 1
        assert [r.fingerprint for r in store.story_results()] == before


_KILLED_UPDATE = """
import os, signal, sys
import akhbar.store.update_run as run
from akhbar.store import open_store
run.UPDATE_BATCH = 2
def killed(done):
    if done >= 2:  # the first batch is committed: kill -9 in the middle of the update
        os.kill(os.getpid(), signal.SIGKILL)
with open_store(sys.argv[1]) as store:
    run.update_store(store, progress=killed)
"""


@pytest.mark.parametrize("store_url", ["sqlite", "postgres"], indirect=True)
def test_an_update_killed_mid_way_resumes_without_losing_or_doubling(
    store_url: str, tmp_path: Path
) -> None:
    clean = tmp_path / "clean.db"
    for db in (store_url, clean):
        with open_store(db) as store:
            ingest_into(store, [str(path) for path in SEEDS])
    done = subprocess.run([sys.executable, "-c", _KILLED_UPDATE, store_url], check=False)
    assert done.returncode == -9
    with open_store(store_url) as store:
        assert len(store.unanalysed(__version__)) == 3  # the first batch of two was kept
        resumed = update_store(store)
        assert resumed.analysed == 3
        killed_report = _report_json(report_from_store(store))
        counts = (store.count(), len(store.assignments()), len(list(store.story_results())))
    with open_store(clean) as store:  # a clean run, on SQLite
        update_store(store)
        clean_report = _report_json(report_from_store(store))
        assert counts == (store.count(), len(store.assignments()), 1)
    assert killed_report == clean_report


_KILLED_INGEST = """
import os, signal, sys
from akhbar.ingest import IngestConfig
from akhbar.store import ingest_into, open_store
from akhbar.store.base import story_digest
from akhbar.store.sqlite import SCHEMA_VERSION
def killed(done):
    if done >= 120:  # two batches of 50 are committed: kill -9 in the middle of the ingest
        os.kill(os.getpid(), signal.SIGKILL)
with open_store(sys.argv[1]) as store:
    ingest_into(store, [sys.argv[2]], progress=killed, batch_size=50)
"""


@pytest.mark.skipif(not ANT.exists(), reason="needs ../shared/data")
def test_a_postgresql_ingest_killed_mid_way_resumes_to_a_clean_runs_counts(
    postgres_url: str, tmp_path: Path
) -> None:
    rows = _ant_days("2018-03-15", "2018-03-15")
    day = tmp_path / "day.jsonl"
    day.write_text("".join(json.dumps(r) + "\n" for r in rows))
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_INGEST, postgres_url, str(day)], check=False
    )
    assert done.returncode == -9
    with open_store(postgres_url) as store:
        assert 100 <= store.count() < len(rows)  # committed batches kept, the rest not
        again = ingest_into(store, [str(day)])
        assert store.count() == len(rows) == again.added + again.already_present
        hits = [h.article_id for h in store.search("ترامب", limit=50)]
    with open_store(tmp_path / "clean.db") as store:
        ingest_into(store, [str(day)])
        assert [h.article_id for h in store.search("ترامب", limit=50)] == hits


def test_a_second_update_at_once_is_refused_and_the_first_goes_on(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with open_store(db) as store:
        ingest_into(store, [str(path) for path in SEEDS])
    with (
        open_store(db) as first,
        first.update_lock(),
        open_store(db) as second,
        pytest.raises(StoreError, match="another akhbar update is running"),
    ):
        update_store(second)
    with open_store(db) as store:
        assert update_store(store).stories_analysed == 1  # the lock was freed


def test_cli_update_then_report(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", *map(str, SEEDS), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["update", "--db", db])
    assert result.exit_code == 0, result.output
    assert "analysed 5 new articles; 1 stories analysed" in result.output
    again = runner.invoke(app, ["update", "--db", db])
    assert "is up to date (1 stories)" in again.output
    report = runner.invoke(app, ["report", "--db", db, "-f", "json"])
    assert report.exit_code == 0
    assert len(json.loads(report.stdout)["stories"][0]["articles"]) == 5
    later = runner.invoke(app, ["report", "--db", db, "--since", "2025-03-21", "-f", "json"])
    assert json.loads(later.stdout)["stories"] == []
    unknown = runner.invoke(app, ["report", "--db", db, "--story", "story-nope"])
    assert unknown.exit_code == 2 and "no stored story 'story-nope'" in unknown.output


def test_a_schema_2_store_gets_the_analysis_tables(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with open_store(db) as store:
        ingest_into(store, [str(SEEDS[0])])
    with sqlite3.connect(db) as raw:
        raw.execute("DROP TABLE analyses")
        raw.execute("DROP TABLE story_results")
        raw.execute("PRAGMA user_version=2")
    with open_store(db) as store:
        assert store.count() == 1
        assert update_store(store).analysed == 1
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_each_story_keeps_a_digest_of_what_a_listing_shows(store_url: str) -> None:
    with open_store(store_url) as store:
        ingest_into(store, [str(path) for path in SEEDS])
        update_store(store)
        (result,) = store.story_results()
        digest = store.story_digests([result.story.id, "story-nope"])
    assert list(digest) == [result.story.id]
    assert digest[result.story.id] == story_digest(result)
    seeds = digest[result.story.id]
    assert seeds.title == "بوتين يهاتف الشرع"
    assert seeds.lead.startswith("بحث الرئيس الروسي فلاديمير بوتين")
    assert seeds.contradictions == 2  # the Bogdanov names and the Assad accounts
    assert sum(count for _, count in seeds.outlets) == 5
    assert ("خبر مباشر", 1) in seeds.outlets


def test_the_stories_generation_grows_with_every_write_to_the_stories(store_url: str) -> None:
    with open_store(store_url) as store:
        ingest_into(store, [str(path) for path in SEEDS])
        before = store.stories_generation()
        update_store(store)
        analysed = store.stories_generation()
        assert analysed > before
        update_store(store)  # nothing changed: nothing written
        assert store.stories_generation() == analysed
        (result,) = store.story_results()
        assert store.delete_stories([result.story.id]) == 1
        assert store.stories_generation() > analysed
        # Its articles belong to no story now, in either backend.
        assert {a.story for a in store.assignments()} == {None}
        assert store.stories() == []


def test_a_schema_3_store_gets_digests_made_from_its_stored_stories(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with open_store(db) as store:
        ingest_into(store, [str(path) for path in SEEDS])
        update_store(store)
        (result,) = store.story_results()
    with sqlite3.connect(db) as raw:
        raw.execute("ALTER TABLE story_results DROP COLUMN digest")
        raw.execute("PRAGMA user_version=3")
    with open_store(db) as store:
        assert store.story_digests([result.story.id]) == {result.story.id: story_digest(result)}
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert raw.execute("SELECT digest FROM story_results").fetchone() == (None,)


def _ant_days(first: str, last: str) -> list[dict]:
    rows = []
    with gzip.open(ANT, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if first <= (row.get("date") or "")[:10] <= last:
                rows.append(row)
    return sorted(rows, key=lambda row: (row["date"], row["id"]))


def _stories(store) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for assignment in store.assignments():
        if assignment.story is not None:
            groups.setdefault(assignment.story, set()).add(assignment.id)
    return {article: frozenset(group) for group in groups.values() for article in group}


@pytest.mark.skipif(not ANT.exists(), reason="needs ../shared/data")
def test_a_new_day_gives_the_stories_of_a_full_re_cluster(tmp_path: Path) -> None:
    """The update clusters only the new day with the stories still open: on a day of ANT
    and the next added later, every article lands in the story (the same set of articles)
    a full clustering of both days gives it, and only the touched stories are analysed
    again."""
    rows = _ant_days("2018-03-15", "2018-03-16")
    old = tmp_path / "old.jsonl"
    new = tmp_path / "new.jsonl"
    old.write_text("".join(json.dumps(r) + "\n" for r in rows if r["date"] < "2018-03-16"))
    new.write_text("".join(json.dumps(r) + "\n" for r in rows if r["date"] >= "2018-03-16"))
    with open_store(tmp_path / "daily.db") as store:
        ingest_into(store, [str(old)])
        first = update_store(store)
        ingest_into(store, [str(new)])
        second = update_store(store)
        daily = _stories(store)
    with open_store(tmp_path / "whole.db") as store:
        ingest_into(store, [str(old), str(new)])
        update_store(store)
        whole = _stories(store)
    assert daily == whole
    assert second.analysed == len(rows) - first.analysed
    assert second.stories_unchanged > 0 and second.stories_analysed < first.stories_analysed


def test_stories_analysed_on_dask_give_the_report_of_one_process(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from akhbar.scale import batch_runner

    reports = []
    for name, scheduler in (("one.db", None), ("dask.db", "local")):
        with open_store(tmp_path / name) as store:
            ingest_into(store, [str(path) for path in SEEDS])
            with batch_runner(scheduler=scheduler) as map_batches:
                update_store(store, map_batches=map_batches)
            reports.append(_report_json(report_from_store(store)))
    assert reports[0] == reports[1]
