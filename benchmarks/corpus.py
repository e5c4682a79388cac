"""Ingest + dedup + cluster on growing slices of ANT, and datasketch's MinHashLSH beside it.

    python benchmarks/corpus.py [--data PATH] [--sizes 4000 8000 16000 0] [--baseline REV]

For each size (0 = all 31.5k articles) a child process runs the two stages of
``akhbar.pipeline.cluster_inputs`` on the first N ANT articles: reading, cleaning,
fingerprints and vectors (``prepared_inputs``), then deduplication and streaming
event/story clustering (``akhbar.corpus.assign.assign``). It prints wall time, CPU time,
the assign stage's wall time and peak memory (ru_maxrss), so growth can be read across
sizes; ``--baseline REV`` (default: the commit before issue 14's edited copies, title-only
articles and threads) runs the same children on that commit's code, checked out with ``git
worktree``, so the two rows of each size come from one run on one machine. The same run then
calls ``benchmarks/dedup.py`` for the named alternative:
datasketch's MinHashLSH on the same shingles and threshold as akhbar's own MinHash, with
the pairs each finds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "87f78a7"
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"


def _child(data: Path, size: int) -> None:
    from akhbar.corpus.assign import assign
    from akhbar.ingest import IngestConfig
    from akhbar.pipeline import PipelineConfig, prepared_inputs

    source = data
    if size:
        folder = Path(tempfile.mkdtemp())
        source = folder / "slice.jsonl"
        with gzip.open(data, "rt", encoding="utf-8") as src, source.open("w") as dst:
            for number, line in enumerate(src):
                if number == size:
                    break
                dst.write(line)
    config = PipelineConfig(ingest=IngestConfig(max_bytes=1 << 30))
    wall, cpu = time.perf_counter(), time.process_time()
    prepared, skipped = prepared_inputs([str(source)], config=config)  # = cluster_inputs
    assign_wall = time.perf_counter()
    by_id = {a.id: a for a in assign(prepared, config=config.corpus)}
    assignments = [by_id[item.id] for item in prepared]
    assign_wall = time.perf_counter() - assign_wall
    figures = {
        "articles": len(assignments),
        "skipped": len(skipped),
        "duplicates": sum(a.duplicate_of is not None for a in assignments),
        "events": len({a.event for a in assignments}),
        "stories": len({a.story for a in assignments}),
        "wall_s": time.perf_counter() - wall,
        "cpu_s": time.process_time() - cpu,
        "assign_s": assign_wall,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(figures))


def _row(label: str, code: Path, data: Path, size: int) -> None:
    """One child on ``code``'s akhbar (its ``src`` first on the path); prints its row."""
    command = [sys.executable, __file__, "--data", str(data), "--child", str(size)]
    environment = {**os.environ, "PYTHONPATH": str(code / "src")}
    done = subprocess.run(command, check=True, capture_output=True, env=environment)
    row = json.loads(done.stdout)
    values = (
        label, row["articles"], row["duplicates"], row["events"], row["stories"],
        f"{row['wall_s']:.1f}", f"{row['cpu_s']:.1f}", f"{row['assign_s']:.1f}",
        f"{row['peak_mb']:.0f}",
    )  # fmt: skip
    print("".join(f"{value:>10}" for value in values), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 8000, 16000, 0])
    parser.add_argument("--baseline", default=BASELINE, help="git revision to compare with")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _child(args.data, args.child)
        return
    if not args.data.is_file():
        sys.exit(f"benchmarks/corpus.py: {args.data} not found; pass --data PATH")
    head = ("code", "articles", "dups", "events", "stories", "wall s", "cpu s", "assign s")
    print("akhbar ingest + dedup + cluster (one process each):")
    print("".join(f"{name:>10}" for name in (*head, "peak MB")))
    with tempfile.TemporaryDirectory() as folder:
        baseline = Path(folder) / "baseline"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(baseline), args.baseline],
            check=True,
            capture_output=True,
        )
        try:
            for size in args.sizes:
                for label, code in (("this", ROOT), (args.baseline, baseline)):
                    _row(label, code, args.data, size)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(baseline)],
                check=False,
                capture_output=True,
            )
    print("\nDeduplication alone, akhbar's MinHash vs datasketch MinHashLSH (benchmarks/dedup.py):")
    sizes = [str(size or 31525) for size in args.sizes]
    dedup = [sys.executable, str(ROOT / "benchmarks" / "dedup.py"), "--data", str(args.data)]
    subprocess.run([*dedup, "--sizes", *sizes], check=True)


if __name__ == "__main__":
    main()
