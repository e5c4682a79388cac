"""Entity tagging speed on ANT articles: model size, load time, tokens/s and articles/s.

    python benchmarks/entities.py [--articles 2000] [--ant ../shared/data/ant-multisource.jsonl.gz]

Runs find_entities (tagger + rules + titles) on the first N articles of the ANT corpus in
one process and reports the figures; the first call's model load is timed apart.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from akhbar.analyze import entity_model
from akhbar.analyze.entities import find_entities
from akhbar.arabic.tokens import tokenize

DEFAULT_ANT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant-multisource.jsonl.gz"


def read_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--ant", type=Path, default=DEFAULT_ANT)
    args = parser.parse_args()
    texts = read_texts(args.ant, args.articles)
    tokens = sum(len(tokenize(text)) for text in texts)
    size = entity_model.model_path().stat().st_size
    started = time.perf_counter()
    entity_model.tag_words(["قال", "بوتين"])
    load = time.perf_counter() - started
    started = time.perf_counter()
    mentions = sum(len(find_entities(text)) for text in texts)
    elapsed = time.perf_counter() - started
    print(f"model: {size / 1e6:.1f} MB, load {load * 1000:.0f} ms")
    print(
        f"{len(texts)} articles, {tokens} tokens, {mentions} mentions in {elapsed:.1f} s: "
        f"{tokens / elapsed:,.0f} tokens/s, {len(texts) / elapsed:.1f} articles/s"
    )


if __name__ == "__main__":
    main()
