"""``akhbar ingest --scheduler``: the same stored articles as without Dask, and resumable.

Input: the first 600 lines of ANT (``../shared/data/ant-multisource.jsonl.gz``) plus one
unreadable file; skipped when the shared data or dask.distributed is not there.
"""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.model import Article
from akhbar.store import ingest_into, open_store

pytest.importorskip("dask.distributed")

ANT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant-multisource.jsonl.gz"
LINES = 600
BATCH = 50


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    if not ANT.exists():
        pytest.skip(f"{ANT} not found (shared ANT data)")
    folder = tmp_path_factory.mktemp("inputs")
    head = folder / "ant_head.jsonl"
    with gzip.open(ANT, "rt", encoding="utf-8") as src, head.open("w", encoding="utf-8") as dst:
        for number, line in enumerate(src):
            if number == LINES:
                break
            dst.write(line)
    broken = folder / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02 not text \xff\xfe\x00")
    return [str(head), str(broken)]


def _stored(db: Path) -> list[Article]:
    with open_store(db, create=False) as store:
        return sorted(store.iter_articles(), key=lambda article: article.id)


def test_dask_ingest_stores_what_the_single_process_ingest_stores(
    inputs: list[str], tmp_path: Path
) -> None:
    single = tmp_path / "single.db"
    with open_store(single) as store:
        expected = ingest_into(store, inputs)
    assert expected.added > LINES * 0.9
    skipped = len(expected.skipped)  # the broken file, and ANT lines holding only a disclaimer
    assert expected.skipped[-1].source == inputs[1]

    distributed = tmp_path / "dask.db"
    command = ["ingest", *inputs, "--db", str(distributed), "--scheduler", "local"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 1, result.output  # inputs were skipped, each named
    assert f"added {expected.added}, already present 0, skipped {skipped};" in result.output
    for item in expected.skipped:
        assert f"akhbar: skipped {item.source}: {item.reason}" in result.output
    assert _stored(distributed) == _stored(single)

    again = CliRunner().invoke(app, command)
    assert f"added 0, already present {expected.added}, skipped {skipped};" in again.output
    assert _stored(distributed) == _stored(single)


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_a_killed_dask_ingest_resumes_without_loss_or_doubles(
    inputs: list[str], tmp_path: Path
) -> None:
    reference = tmp_path / "reference.db"
    with open_store(reference) as store:
        total = ingest_into(store, inputs[:1]).added

    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "akhbar", "ingest", inputs[0], "--db", str(db)]
    command += ["--batch-size", str(BATCH), "--scheduler", "local"]
    # Its own session, so the kill takes the LocalCluster's worker processes with it.
    run = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 180
    while _count(db) < BATCH and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert run.poll() is None, "the run ended before it could be killed; raise LINES"
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    at_kill = _count(db)
    assert BATCH <= at_kill < total
    assert at_kill % BATCH == 0  # whole batches only

    result = CliRunner().invoke(app, ["ingest", inputs[0], "--db", str(db), "--scheduler", "local"])
    assert result.exit_code == 1, result.output  # the disclaimer-only lines are named again
    assert f"added {total - at_kill}, already present {at_kill}," in result.output
    assert _stored(db) == _stored(reference)  # nothing lost, nothing doubled
