"""Shared fixtures: the seeds analysed once, and a throwaway PostgreSQL server for the store
tests.

The server is a cluster of its own (initdb in a temporary folder, pg_ctl on a free local
port), started once per test session when a test first asks for it and stopped, its folder
removed, at the end. Each test gets a database of its own on it. Tests that need it are
skipped only where no PostgreSQL binaries exist at all (``scripts/install_postgres.sh``,
run by ``make test``, installs them).
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from throwaway_postgres import NO_BINARIES, postgres_bin_dir, throwaway_postgres

_databases = itertools.count(1)
SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


@pytest.fixture(scope="session")
def seeds_report():
    """The five seed articles analysed together (one story), shared by the story tests."""
    from akhbar.pipeline import analyze_inputs

    return analyze_inputs([str(SEEDS)])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL (user, password, host, port; no database) of the session's server."""
    if postgres_bin_dir() is None:
        pytest.skip(NO_BINARIES)
    with throwaway_postgres() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new empty database on the session's server, dropped after the test."""
    import psycopg

    name = f"akhbar_test_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield f"{postgres_server}/{name}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store goes, once for each backend: a SQLite path and a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "a.db")
    return request.getfixturevalue("postgres_url")
