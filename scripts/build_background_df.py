"""Build the background document frequencies that make clustering's IDF stable.

    python scripts/build_background_df.py [--data PATH] [--out PATH]

Clustering five articles alone would otherwise get its IDF from those five only, which
scores the same pair of articles lower than when it sits in a day's news. This counts,
over the ANT corpus (``../shared/data/ant-multisource.jsonl.gz``, 31.5k articles, identical
texts counted once), in how many articles each stem key occurs, keeps the keys seen in
at least ``MIN_DF`` articles, and writes them into the package. Deterministic: same data,
same file (sorted, gzip without a timestamp).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from collections import Counter
from pathlib import Path

from akhbar.arabic.stems import stem_keys
from akhbar.corpus.background import BACKGROUND_PATH

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
MIN_DF = 3  # rarer keys add size, not information: unseen keys get the highest IDF anyway


def count(data: Path) -> tuple[int, Counter[str]]:
    seen: set[bytes] = set()
    frequencies: Counter[str] = Counter()
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            digest = hashlib.sha1(text.encode("utf-8")).digest()
            if digest in seen:
                continue
            seen.add(digest)
            frequencies.update(set(stem_keys(text)))
    return len(seen), frequencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=BACKGROUND_PATH)
    args = parser.parse_args()
    documents, frequencies = count(args.data)
    kept = sorted((key, df) for key, df in frequencies.items() if df >= MIN_DF)
    body = [
        "# Background document frequencies of stem keys for akhbar's clustering.",
        f"# Source: ANT Corpus v2.1 ({args.data.name}), identical texts once; min df {MIN_DF}.",
        "# Built by scripts/build_background_df.py. Format: key<TAB>df; first row: documents.",
        f"#documents\t{documents}",
        *(f"{key}\t{df}" for key, df in kept),
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(body) + "\n").encode("utf-8"))
    print(
        f"{documents} documents, {len(kept)} keys -> {args.out} ({args.out.stat().st_size} bytes)"
    )


if __name__ == "__main__":
    main()
