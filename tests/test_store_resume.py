"""A run of ``akhbar ingest`` killed with SIGKILL mid-way, then run again: nothing lost or doubled.

Input: the first 2,000 lines of ANT (``../shared/data/ant-multisource.jsonl.gz``) copied to a
plain JSONL file; skipped when the shared data is not there.
"""

from __future__ import annotations

import gzip
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from akhbar.store import ingest_into, open_store

ANT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant-multisource.jsonl.gz"
LINES = 2000
BATCH = 100
KILL_AFTER = 3 * BATCH  # rows committed before the kill


@pytest.fixture(scope="module")
def ant_head(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not ANT.exists():
        pytest.skip(f"{ANT} not found (shared ANT data)")
    out = tmp_path_factory.mktemp("ant") / "ant_head.jsonl"
    with gzip.open(ANT, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for number, line in enumerate(src):
            if number == LINES:
                break
            dst.write(line)
    return out


def _ingest(data: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "akhbar", "ingest", str(data), "--db", str(db)]
    command += ["--batch-size", str(BATCH)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def _ids_and_index(db: Path) -> tuple[list[str], int]:
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
        indexed = conn.execute("SELECT count(*) FROM article_search").fetchone()[0]
    return ids, indexed


def test_killed_ingest_resumes_without_loss_or_doubles(ant_head: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference.db"
    with open_store(reference) as store:
        expected = ingest_into(store, [str(ant_head)])
    expected_ids = sorted(_ids_and_index(reference)[0])
    assert len(expected_ids) == expected.added > LINES * 0.9

    db = tmp_path / "killed.db"
    run = _ingest(ant_head, db)
    deadline = time.monotonic() + 120
    while _stored(db) < KILL_AFTER and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert run.poll() is None, "the run ended before it could be killed; raise LINES"
    run.send_signal(signal.SIGKILL)
    run.wait()
    at_kill = _stored(db)
    assert KILL_AFTER <= at_kill < len(expected_ids)
    assert at_kill % BATCH == 0  # whole batches only

    second = _ingest(ant_head, db)
    out, err = second.communicate(timeout=300)
    assert second.returncode in (0, 1), err.decode()
    summary = out.decode()
    assert f"added {len(expected_ids) - at_kill}, already present {at_kill}," in summary
    ids, indexed = _ids_and_index(db)
    assert sorted(ids) == expected_ids  # nothing lost, nothing doubled
    assert indexed == len(ids)  # every stored article is searchable, once
