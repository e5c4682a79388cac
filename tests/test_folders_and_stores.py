"""Folders, stores and outputs (issue 13, part 7): a full disk is a message, file names cannot
write control characters to a terminal, a store created twice at once is one store, and a
damaged or read-only store gives a message in every command."""

from __future__ import annotations

import json
import os
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


def test_an_unreadable_subfolder_is_listed_as_skipped(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_bytes(SEED.read_bytes())
    listing = os.scandir

    # chmod 000 stops every user but root, and the tests run as root: the OS's answer for
    # any other user is given here instead.
    def scandir(path=".", *args, **kwargs):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return listing(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["analyze", str(tmp_path), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert f"{locked}: folder cannot be listed (Permission denied); check it" in result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in report["articles"]] == ["a"]
    assert report["skipped"] == [
        {"source": str(locked), "reason": "folder cannot be listed (Permission denied); check it"}
    ]


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


def _freeze(folder: Path) -> None:
    """Make ``folder`` one nobody may write to: a read-only bind mount for root (whom
    permissions do not stop), permissions for anyone else."""
    if os.geteuid() != 0:
        (folder / "news.db").chmod(0o444)
        folder.chmod(0o555)
        return
    for command in (
        ["mount", "--bind", str(folder), str(folder)],
        ["mount", "-o", "remount,ro,bind", str(folder)],
    ):
        if subprocess.run(command, capture_output=True, check=False).returncode != 0:
            pytest.skip("root without mount rights: cannot make a read-only folder")


def _thaw(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)
    else:
        folder.chmod(0o755)


def test_a_read_only_store_can_be_searched_and_listed(tmp_path: Path) -> None:
    read_only_folder = tmp_path / "archive"
    read_only_folder.mkdir()
    db = read_only_folder / "news.db"
    assert runner.invoke(app, ["ingest", str(SEED), "--db", str(db)]).exit_code == 0
    before = db.read_bytes()
    _freeze(read_only_folder)
    try:
        (read_only_folder / "probe").touch()
    except OSError:
        pass
    else:
        _thaw(read_only_folder)
        pytest.skip("the folder stayed writable")
    try:
        found = runner.invoke(app, ["search", "بيسكوف", "--db", str(db), "--json"])
        listed = runner.invoke(app, ["stories", "--db", str(db)])
        ingest = runner.invoke(app, ["ingest", str(SEED), "--db", str(db)])
    finally:
        _thaw(read_only_folder)
    assert found.exit_code == 0, found.output
    assert [hit["article_id"] for hit in json.loads(found.stdout)] == ["004_c80ef43e0c326550"]
    assert listed.exit_code == 0 and "no stories stored yet" in listed.output
    assert ingest.exit_code == 2
    assert "cannot open the store for writing" in ingest.output
    assert "akhbar search and akhbar stories can still read it" in ingest.output
    assert db.read_bytes() == before
