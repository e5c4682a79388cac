"""The archive on SQLite and on PostgreSQL in one run: ingest, update, one more day, search.

    python benchmarks/store.py [--data PATH] [--archive FIRST LAST] [--day DAY]
                               [--backends sqlite postgres] [--postgres URL] [--repeat N]

For each backend, on the ANT articles published between ``--archive`` FIRST and LAST
(inclusive) and then those of ``--day``:

1. ``ingest``: ``ingest_into`` the archive (500 articles a transaction), articles/s;
2. ``update``: the first ``akhbar update`` (every article analysed, everything clustered,
   every story analysed);
3. ``day``: ingest the new day, then ``akhbar update`` again: only the day's articles are
   analysed, only the stories still open are clustered again and only those that changed
   are analysed (the time this takes is what a desk pays each day);
4. ``search``: each query of ``QUERIES`` ``--repeat`` times (limit 20, snippets), median ms.

PostgreSQL runs on ``--postgres URL`` (a database akhbar may create its tables in), else on
a throwaway server (``scripts/throwaway_postgres.py``: initdb + pg_ctl, fsync off).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
# Common and rare words, a phrase.
QUERIES = ("سورية", "الرئيس الروسي", '"الأمم المتحدة"', "بوتين", "كرة القدم", "أسعار النفط")


def _write_days(data: Path, first: str, last: str, path: Path) -> int:
    count = 0
    with gzip.open(data, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
        for line in src:
            if first <= (json.loads(line).get("date") or "")[:10] <= last:
                dst.write(line)
                count += 1
    return count


def _timed(task):
    start = time.perf_counter()
    result = task()
    return time.perf_counter() - start, result


def _run(url: str, archive: Path, day: Path, repeat: int) -> dict:
    from akhbar.ingest import IngestConfig
    from akhbar.store import ingest_into, open_store
    from akhbar.store.update_run import update_store

    config = IngestConfig(max_bytes=1 << 30)
    out: dict = {}
    with open_store(url) as store:
        seconds, ingested = _timed(lambda: ingest_into(store, [str(archive)], config=config))
        out["ingest"] = {
            "articles": ingested.added,
            "s": round(seconds, 1),
            "articles_per_s": round(ingested.added / seconds),
        }
        seconds, first = _timed(lambda: update_store(store))
        out["update"] = {"s": round(seconds, 1), "stories": first.stories_analysed}
        add_s, added = _timed(lambda: ingest_into(store, [str(day)], config=config))
        seconds, daily = _timed(lambda: update_store(store))
        out["day"] = {
            "articles": added.added,
            "ingest_s": round(add_s, 1),
            "update_s": round(seconds, 1),
            "stories_analysed": daily.stories_analysed,
            "stories_unchanged": daily.stories_unchanged,
        }
        out["search_median_ms"] = {}
        for query in QUERIES:
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                store.search(query, limit=20)
                times.append((time.perf_counter() - start) * 1000)
            out["search_median_ms"][query] = round(statistics.median(times), 1)
    return out


@contextlib.contextmanager
def _postgres(url: str | None):
    if url is not None:
        yield url
        return
    sys.path.insert(0, str(ROOT / "scripts"))
    import psycopg

    from throwaway_postgres import throwaway_postgres

    with throwaway_postgres() as server:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute("CREATE DATABASE akhbar_bench")
        yield f"{server}/akhbar_bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--archive", nargs=2, default=["2018-05-01", "2018-05-14"])
    parser.add_argument("--day", default="2018-05-15")
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--postgres", default=None, help="a PostgreSQL URL to use")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        archive, day = Path(tmp) / "archive.jsonl", Path(tmp) / "day.jsonl"
        sizes = (
            _write_days(args.data, *args.archive, archive),
            _write_days(args.data, args.day, args.day, day),
        )
        result: dict = {"archive": list(args.archive), "day": args.day, "articles": sizes}
        for backend in args.backends:
            if backend == "sqlite":
                result["sqlite"] = _run(str(Path(tmp) / "bench.db"), archive, day, args.repeat)
            else:
                with _postgres(args.postgres) as url:
                    result["postgres"] = _run(url, archive, day, args.repeat)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
