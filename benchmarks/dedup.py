"""Speed, memory and findings of ``akhbar.corpus.dedup`` on ANT, beside datasketch's MinHashLSH.

    python benchmarks/dedup.py [--data PATH] [--sizes 4000 8000 16000 0] [--skip-datasketch]

Each variant runs over the first N ANT articles (file order; 0 means all 31,525) in a child
process of its own, so ``ru_maxrss`` is that variant's peak alone; the child reports the
resident size after reading the data too, so the dedup's own share shows. datasketch gets
the same shingles (``shingle_size`` base words, one shingle for shorter texts), threshold,
``num_perm`` and bands x rows, and the same rule (verify each LSH candidate's estimated
Jaccard, the earliest passing wins); it has no exact-hash stage. On all of ANT the
benchmark also counts, independently by raw text, the articles whose text is identical
to an earlier one's, and checks that dedup links every such one that has words.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from akhbar.arabic.tokens import base_words
from akhbar.corpus.dedup import DedupConfig, DuplicateIndex

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
DEFAULT_SIZES = (4000, 8000, 16000, 0)


def _records(data: Path, size: int) -> list[dict]:
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        chosen = itertools.islice(lines, size or None)
        return [json.loads(line) for line in chosen]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _run_akhbar(items: list[tuple[str, str]], config: DedupConfig) -> tuple[dict, dict]:
    index = DuplicateIndex(config)
    found = {}
    for article_id, text in items:
        original = index.add(article_id, text)
        if original is not None:
            found[article_id] = original
    return found, {"index_mb": round(index.nbytes() / 2**20, 1)}


def _run_datasketch(items: list[tuple[str, str]], config: DedupConfig) -> tuple[dict, dict]:
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    bands, rows = config.band_rows
    lsh = MinHashLSH(num_perm=config.num_perm, params=(bands, rows))
    kept: dict[str, LeanMinHash] = {}
    order: dict[str, int] = {}
    found = {}
    for article_id, text in items:
        words = base_words(text)
        if not words:
            continue
        size = min(config.shingle_size, len(words))
        shingles = [
            " ".join(words[start : start + size]).encode("utf-8")
            for start in range(len(words) - size + 1)
        ]
        minhash = MinHash(num_perm=config.num_perm, seed=config.seed)
        minhash.update_batch(shingles)
        lean = LeanMinHash(minhash)
        passing = [
            candidate
            for candidate in lsh.query(lean)
            if lean.jaccard(kept[candidate]) >= config.threshold
        ]
        if passing:
            found[article_id] = min(passing, key=order.__getitem__)
        lsh.insert(article_id, lean)
        kept[article_id] = lean
        order[article_id] = len(order)
    return found, {}


def worker(variant: str, data: Path, size: int, out: Path) -> None:
    """One measurement, in this (child) process; prints a JSON line of figures."""
    items = [(record["id"], record["text"]) for record in _records(data, size)]
    loaded_mb = _rss_mb()
    run = _run_akhbar if variant == "akhbar" else _run_datasketch
    wall, cpu = time.perf_counter(), time.process_time()
    found, extra = run(items, DedupConfig())
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    out.write_text(json.dumps(found), encoding="utf-8")
    figures = {"articles": len(items), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2)}
    figures |= {"loaded_mb": round(loaded_mb), "peak_mb": round(_rss_mb()), "found": len(found)}
    print(json.dumps(figures | extra))


def _measure(variant: str, data: Path, size: int, folder: Path) -> tuple[dict, dict]:
    out = folder / f"{variant}-{size}.json"
    command = [sys.executable, __file__, "--worker", variant, "--data", str(data)]
    command += ["--sizes", str(size), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.splitlines()[-1]), json.loads(out.read_text("utf-8"))


def _identical_text_check(data: Path, found: dict[str, str]) -> str:
    first: dict[str, str] = {}
    copies = missed = empty = 0
    for record in _records(data, 0):
        text = record["text"]
        if text not in first:
            first[text] = record["id"]
            continue
        copies += 1
        if not base_words(text):
            empty += 1  # nothing to compare: dedup links no empty text, by design
        elif found.get(record["id"]) != first[text]:
            missed += 1
    return (
        f"identical raw text: {copies} later copies ({empty} of them empty); "
        f"dedup links {copies - empty - missed} of the {copies - empty} with words to the "
        f"first copy, missed {missed}"
    )


def _overlap(ours: dict[str, str], theirs: dict[str, str]) -> str:
    pairs, other = set(ours.items()), set(theirs.items())
    flagged = ours.keys() & theirs.keys()
    return (
        f"pairs both {len(pairs & other)}, only akhbar {len(pairs - other)}, only datasketch "
        f"{len(other - pairs)}; articles flagged by both {len(flagged)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--skip-datasketch", action="store_true")
    parser.add_argument("--worker", choices=("akhbar", "datasketch"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.data, args.sizes[0], args.out)
        return
    config = DedupConfig()
    print(f"config: {config}, bands x rows {config.band_rows}")
    variants = ("akhbar",) if args.skip_datasketch else ("akhbar", "datasketch")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            results = {name: _measure(name, args.data, size, Path(folder)) for name in variants}
            for name, (figures, _) in results.items():
                per_k = 1000 * figures["cpu_s"] / figures["articles"]
                print(f"{name:10s} {json.dumps(figures)}  cpu per 1k articles {per_k:.2f} s")
            if "datasketch" in results:
                print("  overlap:", _overlap(results["akhbar"][1], results["datasketch"][1]))
            if size == 0:
                print("  " + _identical_text_check(args.data, results["akhbar"][1]))


if __name__ == "__main__":
    main()
