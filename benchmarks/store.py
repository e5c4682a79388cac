"""Store throughput on ANT: ingest articles/s into SQLite, re-ingest, and search latency.

    python benchmarks/store.py [--data PATH] [--limit N] [--db PATH]

Runs the real path (``ingest_into`` on the gzipped JSONL into a fresh SQLite file, 500
articles a transaction), then the same input again (everything already present), then
each query in ``QUERIES`` ``--repeat`` times with ``limit=20`` (snippets included), and
prints one JSON object: counts, seconds, articles/s, file size and per-query median and
worst latency in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ant-multisource.jsonl.gz"
)
# Common and rare words, a phrase, and a filtered search.
QUERIES = ("سورية", "الرئيس الروسي", '"الأمم المتحدة"', "بوتين", "كرة القدم", "أسعار النفط")


def _ingest(db: Path, data: Path, limit: int | None) -> dict[str, float]:
    from akhbar.ingest import IngestConfig
    from akhbar.store import ingest_into, open_store

    paths = [str(data)]
    if limit is not None:
        paths = [str(_head(data, limit, db.parent))]
    config = IngestConfig(max_bytes=1 << 30)
    with open_store(db) as store:
        start = time.perf_counter()
        first = ingest_into(store, paths, config=config)
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        again = ingest_into(store, paths, config=config)
        again_s = time.perf_counter() - start
        stored = store.count()
    return {
        "articles_stored": stored,
        "added": first.added,
        "skipped": len(first.skipped),
        "ingest_s": round(first_s, 2),
        "ingest_articles_per_s": round(first.added / first_s),
        "reingest_s": round(again_s, 2),
        "reingest_already_present": again.already_present,
        "db_mib": round(db.stat().st_size / 2**20, 1),
    }


def _head(data: Path, limit: int, folder: Path) -> Path:
    import gzip

    out = folder / "head.jsonl"
    with gzip.open(data, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for number, line in enumerate(src):
            if number >= limit:
                break
            dst.write(line)
    return out


def _search(db: Path, repeat: int) -> dict[str, dict[str, float]]:
    from akhbar.store import open_store

    out: dict[str, dict[str, float]] = {}
    with open_store(db, create=False) as store:
        for query in QUERIES:
            times, hits = [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                hits = len(store.search(query, limit=20))
                times.append((time.perf_counter() - start) * 1000)
            out[query] = {
                "hits": hits,
                "median_ms": round(statistics.median(times), 1),
                "max_ms": round(max(times), 1),
            }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N JSONL lines only")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--db", type=Path, default=None, help="keep the store here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        result = {"ingest": _ingest(db, args.data, args.limit), "search": _search(db, args.repeat)}
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
