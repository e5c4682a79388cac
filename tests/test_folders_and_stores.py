"""Folders, stores and outputs (issue 13, part 7): a full disk is a message, file names cannot
write control characters to a terminal, a store created twice at once is one store, and a
damaged or read-only store gives a message in every command."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.store import open_store

runner = CliRunner()
SEED = Path(__file__).resolve().parents[1] / "examples" / "seeds" / "004_c80ef43e0c326550.txt"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_message_and_a_nonzero_exit() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "akhbar", "analyze", str(SEED), "-f", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    assert "akhbar: cannot write the output: No space left on device" in result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_control_characters_in_a_file_name_are_escaped(tmp_path: Path) -> None:
    name = "تقرير\x1b[31m.txt"  # an escape sequence that would turn the terminal red
    (tmp_path / name).write_bytes(SEED.read_bytes())
    (tmp_path / "empty\x07.txt").write_text("", encoding="utf-8")
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["analyze", str(tmp_path), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "empty\\x07.txt: file is empty" in result.output
    report = out.read_text(encoding="utf-8")
    assert "\\\\x1b[31m.txt" in report and "\\u001b" not in report


def test_two_ingests_creating_one_new_store_at_once_both_succeed(tmp_path: Path) -> None:
    errors: list[BaseException] = []

    def create(path: Path, barrier: threading.Barrier) -> None:
        barrier.wait()
        try:
            with open_store(path) as store:
                store.count()
        except BaseException as error:
            errors.append(error)

    for attempt in range(20):
        path = tmp_path / f"new{attempt}.db"
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=create, args=(path, barrier)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []


def _damaged_store(tmp_path: Path) -> Path:
    db = tmp_path / "news.db"
    assert runner.invoke(app, ["ingest", str(SEED), "--db", str(db)]).exit_code == 0
    data = bytearray(db.read_bytes())
    data[4096 : 4096 * 6] = b"Z" * (4096 * 5)  # pages after the header: tables and index
    db.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


@pytest.mark.parametrize(
    "command",
    [
        ["search", "سوريا", "--db", "{db}"],
        ["cluster", "--db", "{db}", "--out", "{out}"],
        ["ingest", str(SEED), "--db", "{db}"],
    ],
)
def test_a_damaged_store_is_a_message_in_every_command(tmp_path: Path, command) -> None:
    db = _damaged_store(tmp_path)
    args = [part.format(db=db, out=tmp_path / "a.jsonl") for part in command]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"akhbar: {db}: cannot " in result.output
