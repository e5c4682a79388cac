"""No hangs (issue 13, part 6): a FIFO inside a folder is skipped, not waited on, and a
--scheduler that is no Dask scheduler fails at once with a message and exit 2, and one that
never answers fails when the connect timeout runs out."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.errors import ConfigError
from akhbar.scale import batch_runner

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
        while True:
            try:
                connection, _ = server.accept()
            except OSError:  # closed at the end of the test
                return
            connection.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello")

    threading.Thread(target=answer, daemon=True).start()
    try:
        result = _cluster_on(tmp_path, f"tcp://127.0.0.1:{port}")
    finally:
        server.close()
    assert result.exit_code == 2
    assert f"cannot reach the Dask scheduler tcp://127.0.0.1:{port}" in result.output
    assert not (tmp_path / "a.jsonl").exists()


def test_a_silent_listener_fails_within_the_connect_timeout() -> None:
    # A port that accepts and never says a word (a stuck proxy, a firewall's tarpit).
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    start = time.monotonic()
    try:
        with (
            pytest.raises(ConfigError) as raised,
            batch_runner(scheduler=f"tcp://127.0.0.1:{port}", connect_timeout="2s"),
        ):
            pass
    finally:
        server.close()
    assert time.monotonic() - start < 20
    assert str(raised.value).startswith(
        f"cannot reach the Dask scheduler tcp://127.0.0.1:{port} within 2s"
    )


def test_a_real_scheduler_answers_the_probe_and_runs_the_batches() -> None:
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=1, processes=False, protocol="tcp://", dashboard_address=None
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        with batch_runner(scheduler=cluster.scheduler_address, connect_timeout="10s") as run:
            assert list(run(len, [["قال", "بيسكوف"], ["سوريا"], []])) == [2, 1, 0]
