"""Most cited sources per outlet on ANT, and a seeded sample of attributions to judge by hand.

    python scripts/attribution_table.py [--data PATH] [--limit N] [--top 10]
        [--sample 50] [--seed 6] [--sample-out tests/data/attribution/sample50.jsonl]

Runs :func:`akhbar.analyze.voices.attribution.find_sources` on every article (or the first
``--limit``), prints per outlet the ``--top`` sources (the chain's first link, the source the
article cites directly) with their type, citation count and number of citing articles, then
writes ``--sample`` citations drawn with ``random.Random(--seed)`` for reading, each with its
sentence; the ``judgement`` field is left for the reader ("ok" / "wrong: why").
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

from akhbar.analyze.voices.attribution import find_sources
from akhbar.arabic.doc import make_doc

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"


def _rows(data: Path, limit: int | None):
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--sample-out", type=Path, default=None)
    args = parser.parse_args()

    cited: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    articles: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    pool = []
    for row in _rows(args.data, args.limit):
        text = row.get("text") or ""
        doc = make_doc(text, article=row["id"])
        sentences = doc.sentences
        found = find_sources(doc)
        for citation in found:
            cited[row["outlet"]][(citation.source, citation.type)] += 1
            sentence = sentences[citation.span.sentence].text
            pool.append((row["id"], row["outlet"], citation, sentence))
        for key in {(c.source, c.type) for c in found}:
            articles[row["outlet"]][key] += 1
    _print_table(cited, articles, args.top)
    if args.sample_out is not None:
        _write_sample(pool, args.sample, args.seed, args.sample_out)


def _print_table(cited, articles, top: int) -> None:
    for outlet in sorted(cited):
        print(f"\n## {outlet} ({sum(cited[outlet].values())} citations)\n")
        print("| rank | source | type | citations | articles |")
        print("|---:|---|---|---:|---:|")
        for rank, ((name, kind), count) in enumerate(cited[outlet].most_common(top), 1):
            print(f"| {rank} | {name} | {kind} | {count} | {articles[outlet][(name, kind)]} |")


def _write_sample(pool, size: int, seed: int, out: Path) -> None:
    picked = random.Random(seed).sample(pool, min(size, len(pool)))
    with out.open("w", encoding="utf-8") as sink:
        for article, outlet, citation, sentence in picked:
            record = {
                "article": article,
                "outlet": outlet,
                "cue": citation.cue,
                "source": citation.source,
                "type": citation.type,
                "chain": list(citation.chain),
                "stance": citation.stance,
                "sentence": sentence,
                "judgement": "",
            }
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
