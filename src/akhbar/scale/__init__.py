"""Running the corpus stages on Dask, for archives one machine reads too slowly.

Orchestration only: the per-article stage (:func:`akhbar.pipeline.prepare_document`:
clean, fingerprint, vector) runs on the workers in batches; the ordered, stateful stage
(:func:`akhbar.corpus.assign.assign`: deduplication and streaming clustering over the
small prepared items) runs here, exactly as in a single process. So a LocalCluster, a
real cluster and ``akhbar cluster`` without ``--scheduler`` give the same assignments.

Inputs are read where this process runs and shipped to the workers in batches, with at
most ``IN_FLIGHT_PER_WORKER`` batches per worker under way, so memory stays bounded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from itertools import islice

from akhbar.corpus.assign import assign
from akhbar.errors import ConfigError
from akhbar.ingest import iter_documents
from akhbar.model import Assignment, RawDocument, SkippedInput
from akhbar.pipeline import PipelineConfig, collect_prepared, prepare_document

__all__ = ["BATCH_SIZE", "cluster_on_dask", "prepare_batch"]

# Large enough that task overhead (~1 ms) is small next to the batch (~0.5 s of work).
BATCH_SIZE = 200
IN_FLIGHT_PER_WORKER = 2


def prepare_batch(documents: list[RawDocument | SkippedInput], config: PipelineConfig) -> list:
    """The worker's task: the same stage function as the single-process path."""
    return [prepare_document(document, config) for document in documents]


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


def _batches(paths: Sequence[str], config: PipelineConfig) -> Iterator[list]:
    documents = iter_documents(paths, config=config.ingest)
    while batch := list(islice(documents, BATCH_SIZE)):
        yield batch


def cluster_on_dask(
    paths: Sequence[str], *, scheduler: str, config: PipelineConfig | None = None
) -> tuple[tuple[Assignment, ...], tuple[SkippedInput, ...]]:
    """:func:`akhbar.pipeline.cluster_inputs` with the per-article work on a Dask cluster."""
    config = config if config is not None else PipelineConfig()
    client, cluster = _client(scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        results: list = []
        for batch in _batches(paths, config):
            pending.append(client.submit(prepare_batch, batch, config, pure=False))
            if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                results.extend(pending.popleft().result())
        while pending:
            results.extend(pending.popleft().result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    prepared, skipped = collect_prepared(results)
    by_id = {a.id: a for a in assign(prepared, config=config.corpus)}
    return tuple(by_id[item.id] for item in prepared), skipped
