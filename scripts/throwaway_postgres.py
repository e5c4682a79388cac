"""A throwaway PostgreSQL server: a cluster of its own (initdb in a temporary folder,
pg_ctl on a free local port), for the store tests (tests/conftest.py) and
benchmarks/store.py. Stopped and removed when the ``with`` block ends.

    with throwaway_postgres() as url:   # postgresql://akhbar:...@127.0.0.1:PORT (no database)
        ...
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

NO_BINARIES = (
    "no PostgreSQL binaries (initdb, pg_ctl in PATH or /usr/lib/postgresql/*/bin); "
    "scripts/install_postgres.sh installs them"
)
PG_USER, PG_PASSWORD = "akhbar", "test-secret"
# A root run hands the cluster to this account: initdb and postgres refuse to run as root.
_RUN_AS = ("postgres", "nobody")
_START_TRIES = 3


def postgres_bin_dir() -> Path | None:
    """Where initdb and pg_ctl are: PATH first, then Debian's /usr/lib/postgresql/N/bin."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).resolve().parent == Path(pg_ctl).resolve().parent:
        return Path(initdb).resolve().parent
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    return Path(found[-1]).parent if found else None


def _as_owner(command: list[str], owner: str | None) -> list[str]:
    if owner is None:
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", owner, "--", *command]
    return ["su", owner, "-s", "/bin/sh", "-c", shlex.join(command)]


def _owner() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in _RUN_AS:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError(
        "running as root with neither a 'postgres' nor a 'nobody' account for initdb"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr or done.stdout}")


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """The URL (user, password, host, port; no database) of a new server."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError(NO_BINARIES)
    owner = _owner()
    home = Path(tempfile.mkdtemp(prefix="akhbar-pg-"))
    if owner is not None:
        shutil.chown(home, user=owner)
    data, password_file = home / "data", home / "password"
    password_file.write_text(PG_PASSWORD + "\n", encoding="utf-8")
    if owner is not None:
        shutil.chown(password_file, user=owner)
    pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data)]
    try:
        _run(
            _as_owner(
                [
                    str(bin_dir / "initdb"),
                    *("-D", str(data), "-U", PG_USER, f"--pwfile={password_file}"),
                    *("--auth-local=trust", "--auth-host=scram-sha-256"),
                    *("--encoding=UTF8", "--locale=C", "--no-sync"),
                ],
                owner,
            ),
            "initdb",
        )
        for attempt in range(_START_TRIES):
            port = _free_port()
            # Small and unsafe on a crash, which a throwaway server may be: fast on 2 cores.
            options = (
                f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB "
                "-c max_connections=40"
            )
            command = [*pg_ctl, "-l", str(home / "log"), "-w", "-t", "60", "-o", options, "start"]
            try:
                _run(_as_owner(command, owner), "pg_ctl start")
                break
            except RuntimeError:
                if attempt == _START_TRIES - 1:
                    raise RuntimeError((home / "log").read_text(errors="replace")) from None
        yield f"postgresql://{PG_USER}:{PG_PASSWORD}@127.0.0.1:{port}"
    finally:
        if (data / "postmaster.pid").exists():
            _run(_as_owner([*pg_ctl, "-m", "immediate", "stop"], owner), "pg_ctl stop")
        shutil.rmtree(home, ignore_errors=True)
