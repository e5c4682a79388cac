"""Ingest throughput on ANT: read, clean, normalise and split sentences, vs. pyarabic + pysbd.

    python benchmarks/ingest.py [--data PATH] [--limit N] [--compare-limit N]

Each variant runs in its own child process (one core) so its peak memory (ru_maxrss) is
its own. akhbar's variant is the real ingest path: ``iter_documents`` reads the gzipped
JSONL, ``build_article`` cleans boilerplate and picks metadata, then the key form and
the sentence split. The alternative does the same reading with ``json`` and the
normalising and splitting with pyarabic (strip harakat/tatweel, normalise hamza and
ligatures) and pysbd's Arabic segmenter; it does no boilerplate work, so it does less.
Both variants run on the same first ``--compare-limit`` articles; akhbar also runs on all.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ant-multisource.jsonl.gz"
)


def _run_akhbar(data: Path, limit: int | None) -> dict[str, float]:
    from akhbar.arabic.normalize import to_key
    from akhbar.arabic.sentences import split_sentences
    from akhbar.errors import InputError
    from akhbar.ingest import IngestConfig, build_article, iter_documents
    from akhbar.model import SkippedInput

    config = IngestConfig(max_bytes=1 << 30)
    articles = sentences = text_bytes = 0
    start = time.perf_counter()
    for document in iter_documents([str(data)], config=config):
        if isinstance(document, SkippedInput):
            continue
        try:
            article = build_article(document)
        except InputError:  # e.g. ANT's few texts that hold only a disclaimer
            continue
        to_key(article.text)
        sentences += len(split_sentences(article.text))
        text_bytes += len((document.text or "").encode("utf-8"))
        articles += 1
        if limit is not None and articles >= limit:
            break
    return _figures(articles, sentences, text_bytes, time.perf_counter() - start)


def _run_alternative(data: Path, limit: int | None) -> dict[str, float]:
    import pysbd
    from pyarabic import araby

    segmenter = pysbd.Segmenter(language="ar", clean=False)
    articles = sentences = text_bytes = 0
    start = time.perf_counter()
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            key = araby.normalize_ligature(araby.normalize_hamza(araby.strip_tashkeel(text)))
            araby.strip_tatweel(key)
            sentences += len(segmenter.segment(text))
            text_bytes += len(text.encode("utf-8"))
            articles += 1
            if limit is not None and articles >= limit:
                break
    return _figures(articles, sentences, text_bytes, time.perf_counter() - start)


def _figures(articles: int, sentences: int, text_bytes: int, seconds: float) -> dict[str, float]:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": articles,
        "sentences": sentences,
        "seconds": seconds,
        "articles_per_s": articles / seconds,
        "mb_per_s": text_bytes / seconds / 1e6,
        "peak_mb": peak_kib / 1024,
    }


def _child(variant: str, data: Path, limit: int | None) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", variant, "--data", str(data)]
    if limit is not None:
        command += ["--limit", str(limit)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--limit", type=int, default=None, help="akhbar's full run: first N articles"
    )
    parser.add_argument("--compare-limit", type=int, default=3000)
    parser.add_argument("--child", choices=["akhbar", "alternative"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        runner = _run_akhbar if args.child == "akhbar" else _run_alternative
        print(json.dumps(runner(args.data, args.limit)))
        return
    if not args.data.is_file():
        sys.exit(f"benchmarks/ingest.py: {args.data} not found; pass --data PATH to ANT's jsonl.gz")
    rows = [
        (
            f"akhbar (all{'' if args.limit is None else f' {args.limit}'})",
            _child("akhbar", args.data, args.limit),
        ),
        (f"akhbar (first {args.compare_limit})", _child("akhbar", args.data, args.compare_limit)),
        (
            f"pyarabic + pysbd (first {args.compare_limit})",
            _child("alternative", args.data, args.compare_limit),
        ),
    ]
    columns = (
        ("articles", 9),
        ("sentences", 10),
        ("s", 8),
        ("art/s", 9),
        ("MB/s", 7),
        ("peak MB", 9),
    )
    print(f"{'variant':<34}" + "".join(f"{name:>{width}}" for name, width in columns))
    for name, row in rows:
        print(
            f"{name:<34}{row['articles']:>9.0f}{row['sentences']:>10.0f}{row['seconds']:>8.2f}"
            f"{row['articles_per_s']:>9.0f}{row['mb_per_s']:>7.2f}{row['peak_mb']:>9.0f}"
        )
    ratio = rows[1][1]["articles_per_s"] / rows[2][1]["articles_per_s"]
    print(f"akhbar / pyarabic+pysbd speed on the same {args.compare_limit} articles: {ratio:.1f}x")


if __name__ == "__main__":
    main()
