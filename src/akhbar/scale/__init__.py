"""Runners for the per-article stages: a process pool on this machine, or a Dask cluster.

Orchestration stays in :mod:`akhbar.pipeline`; a runner only applies the pipeline's batch
tasks (:func:`~akhbar.pipeline.build_batch`, :func:`~akhbar.pipeline.analyze_batch`,
:func:`~akhbar.pipeline.prepare_batch`) to batches and hands the results back in input order
(a :data:`~akhbar.pipeline.BatchMap`). The ordered, stateful stages (deduplication and
streaming clustering, the store's single writer, the story stage) run in the calling process,
exactly as without a runner. So ``--jobs 1``, ``--jobs N``, a LocalCluster and a real cluster
give the same output.

At most ``IN_FLIGHT_PER_WORKER`` batches per worker are under way, so memory stays bounded
while inputs stream in.

    >>> with batch_runner(jobs=2) as map_batches:                     # doctest: +SKIP
    ...     report = analyze_inputs(paths, map_batches=map_batches)
"""

from __future__ import annotations

import os
import socket
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from multiprocessing import get_context
from urllib.parse import urlsplit

from akhbar.errors import ConfigError
from akhbar.pipeline import BatchMap, in_process

__all__ = ["IN_FLIGHT_PER_WORKER", "batch_runner", "default_jobs"]

IN_FLIGHT_PER_WORKER = 2


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# How long a tcp:// scheduler may take to answer before the command gives up (exit 2).
CONNECT_TIMEOUT = "30s"


@contextmanager
def batch_runner(
    *, jobs: int = 1, scheduler: str | None = None, connect_timeout: str = CONNECT_TIMEOUT
) -> Iterator[BatchMap]:
    """A :data:`BatchMap` for ``--jobs`` / ``--scheduler``: Dask when a scheduler is given
    ('local' starts a two-worker LocalCluster, tcp://HOST:PORT joins one, giving up after
    ``connect_timeout``), else ``jobs`` processes (1: this process)."""
    if jobs < 1:
        raise ConfigError(f"--jobs {jobs}: give 1 or more processes")
    if scheduler is not None:
        with _dask_client(scheduler, connect_timeout) as client:
            yield lambda task, batches: _ordered(
                partial(client.submit, pure=False), task, batches, _dask_workers(client)
            )
    elif jobs == 1:
        yield in_process
    else:
        with _LazyPool(jobs) as pool:
            yield pool.map_batches


class _LazyPool:
    """A process pool started on the first input of two batches or more: a handful of
    articles is analysed faster here than the workers take to load the models."""

    def __init__(self, jobs: int) -> None:
        self._jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _LazyPool:
        return self

    def __exit__(self, *_: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def map_batches(self, task: Callable[[list], list], batches: Iterable[list]) -> Iterator[list]:
        batches = iter(batches)
        first = next(batches, None)
        second = next(batches, None)
        if first is None:
            return
        if second is None:
            yield task(first)
            return
        if self._pool is None:
            # "spawn": a worker starts clean (no copy of this process's threads or locks).
            self._pool = ProcessPoolExecutor(self._jobs, mp_context=get_context("spawn"))
        yield from _ordered(self._pool.submit, task, _chain(first, second, batches), self._jobs)


def _chain(first: list, second: list, rest: Iterator[list]) -> Iterator[list]:
    yield first
    yield second
    yield from rest


def _ordered(
    submit: Callable, task: Callable[[list], list], batches: Iterable[list], workers: int
) -> Iterator[list]:
    """``task(batch)`` on the workers, results in input order, with at most
    ``IN_FLIGHT_PER_WORKER`` batches per worker submitted and not yet collected."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(task, batch))
        if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _dask_workers(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _says_something(scheduler: str, connect_timeout: str) -> None:
    """Raise unless ``scheduler`` accepts a connection and sends a first byte in time.

    A Dask scheduler sends its handshake as soon as it accepts. Dask's own client waits for
    that handshake without a time limit (distributed 2026.8, ``comm.core.connect``), so a
    port that accepts and stays silent would hang the command for good.
    """
    from dask.utils import parse_timedelta

    address = urlsplit(scheduler)
    with socket.create_connection(
        (address.hostname, address.port), timeout=parse_timedelta(connect_timeout)
    ) as probe:
        if not probe.recv(1):
            raise ConnectionError("the connection was closed before any answer")


@contextmanager
def _dask_client(scheduler: str, connect_timeout: str):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError(
            "--scheduler needs dask.distributed: pip install 'akhbar[scale]'"
        ) from None
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
    elif scheduler.startswith("tcp://"):
        if urlsplit(scheduler).port is None:
            raise ConfigError(
                f"--scheduler {scheduler!r} has no port: use tcp://HOST:PORT (Dask's is 8786)"
            )
        try:
            _says_something(scheduler, connect_timeout)
            client = Client(scheduler, timeout=connect_timeout)
        except Exception as error:
            raise ConfigError(
                f"cannot reach the Dask scheduler {scheduler} within {connect_timeout} "
                f"({type(error).__name__}: {error}); is a Dask scheduler listening there?"
            ) from None
    else:
        raise ConfigError(f"--scheduler {scheduler!r}: use 'local' or tcp://HOST:PORT")
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
