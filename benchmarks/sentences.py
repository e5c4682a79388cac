"""Compare sentence splitters on the gold set and on speed; print one table.

    .venv/bin/python benchmarks/sentences.py [--articles 5000]

Quality: boundary precision / recall / F1 against two gold sets in ``tests/data/sentences/``:
``gold.jsonl`` (35 documents, made by correcting akhbar's own output, so biased towards it) and
``gold_independent.jsonl`` (25 ANT articles split by reading only, no splitter run), both over
all boundaries and over in-line boundaries only (those not at a line break, which akhbar gets
for free). Speed: articles per second over the first N ANT articles, one core.
Candidates: akhbar's ``split_sentences``, sentencex ("ar") and pysbd ("ar"), when installed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from akhbar.arabic.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "sentences" / "gold.jsonl"
GOLD_INDEPENDENT = GOLD.with_name("gold_independent.jsonl")
ANT = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"

Splitter = Callable[[str], list[str]]


def _akhbar(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def _candidates() -> dict[str, Splitter]:
    out: dict[str, Splitter] = {"akhbar": _akhbar}
    try:
        from sentencex import segment

        out["sentencex"] = lambda text: list(segment("ar", text))
    except ImportError:
        pass
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="ar", clean=False)
        out["pysbd"] = segmenter.segment
    except ImportError:
        pass
    return out


def boundaries(text: str, sentences: Iterable[str]) -> tuple[set[int], set[int]]:
    """Sentence ends as counts of non-space characters; (all, in-line only).

    Counting non-space characters makes splitters that move or drop whitespace comparable.
    The end of the text is not a boundary.
    """
    dense_to_offset = [i for i, char in enumerate(text) if not char.isspace()]
    total = len(dense_to_offset)
    ends, cursor = set(), 0
    for sentence in sentences:
        cursor += sum(1 for char in sentence if not char.isspace())
        if 0 < cursor < total:
            ends.add(cursor)
    inline = {
        end for end in ends if "\n" not in text[dense_to_offset[end - 1] : dense_to_offset[end]]
    }
    return ends, inline


def _prf(gold: set, found: set) -> tuple[int, int, int]:
    return len(gold & found), len(found), len(gold)


def _score(counts: tuple[int, int, int]) -> tuple[float, float, float]:
    hits, found, gold = counts
    precision = hits / found if found else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(split: Splitter, records: list[dict]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(P, R, F1) over all boundaries and over in-line boundaries."""
    all_counts, inline_counts = [0, 0, 0], [0, 0, 0]
    for record in records:
        gold_all, gold_inline = boundaries(record["text"], record["sentences"])
        found_all, found_inline = boundaries(record["text"], split(record["text"]))
        for acc, counts in (
            (all_counts, _prf(gold_all, found_all)),
            (inline_counts, _prf(gold_inline, found_inline)),
        ):
            for i, value in enumerate(counts):
                acc[i] += value
    return _score(tuple(all_counts)), _score(tuple(inline_counts))


def load_gold(path: Path = GOLD) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _ant_texts(limit: int) -> list[str]:
    texts = []
    with gzip.open(ANT, "rt", encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def _speed(split: Splitter, texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        split(text)
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="ANT articles timed")
    args = parser.parse_args()
    texts = _ant_texts(args.articles) if ANT.exists() else []
    candidates = _candidates()
    rates = {
        name: _speed(split, texts) if texts else float("nan") for name, split in candidates.items()
    }
    for path in (GOLD, GOLD_INDEPENDENT):
        records = load_gold(path)
        print(
            f"\ngold {path.name}: {len(records)} documents; speed: first {len(texts)} ANT articles"
        )
        header = (
            f"{'splitter':<10} {'P':>6} {'R':>6} {'F1':>6} | {'P-in':>6} {'R-in':>6} {'F1-in':>6}"
        )
        print(header + f" | {'art/s':>8}")
        for name, split in candidates.items():
            (p, r, f), (pi, ri, fi) = evaluate(split, records)
            print(
                f"{name:<10} {p:6.3f} {r:6.3f} {f:6.3f} | {pi:6.3f} {ri:6.3f} {fi:6.3f}"
                f" | {rates[name]:8.0f}"
            )


if __name__ == "__main__":
    main()
