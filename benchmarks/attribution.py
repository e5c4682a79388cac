"""Speed of quotes + attribution on ANT: articles per second of find_sources (which runs
find_quotes) on the first ``--limit`` articles (default 3,000), sentences split beforehand.

    python benchmarks/attribution.py [--data PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from akhbar.analyze.voices.attribution import find_sources
from akhbar.analyze.voices.quotes import find_quotes
from akhbar.arabic.doc import make_doc

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"


def _articles(data: Path, limit: int) -> list[str]:
    out = []
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        for line in lines:
            out.append(json.loads(line).get("text") or "")
            if len(out) >= limit:
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=3000)
    args = parser.parse_args()
    texts = _articles(args.data, args.limit)
    docs = [make_doc(text) for text in texts]
    find_sources(make_doc("قال الوزير إن الوضع هادئ."))
    for name, stage in (("find_quotes", find_quotes), ("find_sources", find_sources)):
        start = time.perf_counter()
        found = sum(len(stage(doc)) for doc in docs)
        seconds = time.perf_counter() - start
        print(
            f"{name}: {len(texts)} articles in {seconds:.1f} s = {len(texts) / seconds:.0f} "
            f"articles/s, {found} found ({found / len(texts):.1f} per article)"
        )


if __name__ == "__main__":
    main()
