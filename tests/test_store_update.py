"""akhbar update (issue 17): stored analyses kept current as articles arrive, on a real SQLite
store, with the seeds."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.errors import StoreError
from akhbar.pipeline import analyze_inputs
from akhbar.render import render
from akhbar.store import ingest_into, open_store
from akhbar.store.update_run import report_from_store, update_store

SEEDS = sorted((Path(__file__).resolve().parents[1] / "examples" / "seeds").iterdir())


def _report_json(report) -> dict:
    data = json.loads(render(report, "json"))
    data.pop("generated_by")
    return data


def _same_story_ids(data: dict, stored_id: str, wanted: str) -> dict:
    return json.loads(json.dumps(data, ensure_ascii=False).replace(stored_id, wanted))


def test_four_seeds_then_the_fifth_give_the_report_of_all_five_at_once(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with open_store(db) as store:
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
    assert _same_story_ids(_report_json(report), story.id, "story-001") == _report_json(whole)


def test_running_it_again_changes_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "news.db") as store:
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


def test_an_update_killed_mid_way_resumes_without_losing_or_doubling(tmp_path: Path) -> None:
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    for db in (killed, clean):
        with open_store(db) as store:
            ingest_into(store, [str(path) for path in SEEDS])
    done = subprocess.run([sys.executable, "-c", _KILLED_UPDATE, str(killed)], check=False)
    assert done.returncode == -9
    with open_store(killed) as store:
        assert len(store.unanalysed("0.1.0")) == 3  # the first batch of two was kept
        resumed = update_store(store)
        assert resumed.analysed == 3
        killed_report = _report_json(report_from_store(store))
        counts = (store.count(), len(store.assignments()), len(list(store.story_results())))
    with open_store(clean) as store:
        update_store(store)
        clean_report = _report_json(report_from_store(store))
        assert counts == (store.count(), len(store.assignments()), 1)
    assert killed_report == clean_report


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
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 3
