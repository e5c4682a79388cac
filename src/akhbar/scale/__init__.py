"""Running the corpus stages on Dask, for archives one machine reads too slowly.

Orchestration only. The per-article stages run on the workers in batches: for
``akhbar cluster``, :func:`akhbar.pipeline.prepare_document` (clean, fingerprint, vector);
for ``akhbar ingest``, :func:`akhbar.store.ingest_run.build_item` (decode, strip
boilerplate, title/outlet/date). The ordered, stateful stages run here, exactly as in a
single process: :func:`akhbar.corpus.assign.assign` (deduplication and streaming
clustering over the small prepared items) and the store's single writer. So a
LocalCluster, a real cluster and the commands without ``--scheduler`` give the same
assignments and the same stored articles.

Inputs are read where this process runs and shipped to the workers in batches, with at
most ``IN_FLIGHT_PER_WORKER`` batches per worker under way, so memory stays bounded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice

from akhbar.corpus.assign import assign
from akhbar.errors import ConfigError
from akhbar.ingest import IngestConfig, iter_documents
from akhbar.model import Article, Assignment, RawDocument, SkippedInput
from akhbar.pipeline import PipelineConfig, collect_prepared, prepare_document
from akhbar.store.ingest_run import build_item

__all__ = ["BATCH_SIZE", "build_batch", "build_on_dask", "cluster_on_dask", "prepare_batch"]

# Large enough that task overhead (~1 ms) is small next to the batch (~0.5 s of work).
BATCH_SIZE = 200
IN_FLIGHT_PER_WORKER = 2


def prepare_batch(documents: list[RawDocument | SkippedInput], config: PipelineConfig) -> list:
    """The worker's task: the same stage function as the single-process path."""
    return [prepare_document(document, config) for document in documents]


def build_batch(documents: list[RawDocument | SkippedInput]) -> list[Article | SkippedInput]:
    """The worker's ingest task: the same stage function as ``akhbar ingest`` alone."""
    return [build_item(document) for document in documents]


@contextmanager
def _connected(scheduler: str):
    client, cluster = _client(scheduler)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _ordered_results(client, task: Callable, batches: Iterable[list], *args) -> Iterator:
    """``task(batch, *args)`` on the workers, results yielded in input order, with at most
    ``IN_FLIGHT_PER_WORKER`` batches per worker submitted and not yet collected."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque = deque()
    for batch in batches:
        pending.append(client.submit(task, batch, *args, pure=False))
        if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _client(scheduler: str):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError(
            "--scheduler needs dask.distributed: pip install 'akhbar[scale]'"
        ) from None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
        return Client(cluster), cluster
    if scheduler.startswith("tcp://"):
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as error:
            raise ConfigError(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
    raise ConfigError(f"--scheduler {scheduler!r}: use 'local' or tcp://HOST:PORT")


def _batches(paths: Sequence[str], config: IngestConfig) -> Iterator[list]:
    documents = iter_documents(paths, config=config)
    while batch := list(islice(documents, BATCH_SIZE)):
        yield batch


def cluster_on_dask(
    paths: Sequence[str], *, scheduler: str, config: PipelineConfig | None = None
) -> tuple[tuple[Assignment, ...], tuple[SkippedInput, ...]]:
    """:func:`akhbar.pipeline.cluster_inputs` with the per-article work on a Dask cluster."""
    config = config if config is not None else PipelineConfig()
    with _connected(scheduler) as client:
        batches = _batches(paths, config.ingest)
        results = list(_ordered_results(client, prepare_batch, batches, config))
    prepared, skipped = collect_prepared(results)
    by_id = {a.id: a for a in assign(prepared, config=config.corpus)}
    return tuple(by_id[item.id] for item in prepared), skipped


def build_on_dask(
    paths: Sequence[str], *, scheduler: str, config: IngestConfig | None = None
) -> Iterator[Article | SkippedInput]:
    """:func:`akhbar.store.ingest_run.built_items` with the building done on a Dask cluster.

    A generator: the caller stores each article as it arrives (in input order), so a run
    stopped half-way keeps what was committed, as without Dask.
    """
    config = config if config is not None else IngestConfig()
    with _connected(scheduler) as client:
        yield from _ordered_results(client, build_batch, _batches(paths, config))
