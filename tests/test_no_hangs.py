"""No hangs (issue 13, part 6): a FIFO inside a folder is skipped, not waited on, and a
--scheduler that is no Dask scheduler fails at once with a message and exit 2."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_folder_is_skipped_not_waited_on(tmp_path: Path) -> None:
    (tmp_path / "004.txt").write_bytes((SEEDS / "004_c80ef43e0c326550.txt").read_bytes())
    os.mkfifo(tmp_path / "feed.txt")  # nobody will ever write to it
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["analyze", str(tmp_path), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert "feed.txt: is not a regular file (a FIFO, socket or device)" in result.output
    assert out.exists()


def _cluster_on(tmp_path: Path, scheduler: str):
    out = tmp_path / "a.jsonl"
    return runner.invoke(app, ["cluster", str(SEEDS), "--out", str(out), "--scheduler", scheduler])


def test_a_scheduler_without_a_port_is_a_usage_error(tmp_path: Path) -> None:
    result = _cluster_on(tmp_path, "tcp://127.0.0.1")
    assert result.exit_code == 2
    assert "has no port: use tcp://HOST:PORT" in result.output


def test_a_service_that_is_no_dask_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]

    def answer() -> None:  # an HTTP server, say: its reply is no Dask frame
        connection, _ = server.accept()
        connection.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello")

    threading.Thread(target=answer, daemon=True).start()
    try:
        result = _cluster_on(tmp_path, f"tcp://127.0.0.1:{port}")
    finally:
        server.close()
    assert result.exit_code == 2
    assert f"cannot reach the Dask scheduler tcp://127.0.0.1:{port}" in result.output
    assert not (tmp_path / "a.jsonl").exists()
