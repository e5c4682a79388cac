"""Count the key-form words of the ANT corpus: the evidence the clitic peeler reads.

    python scripts/build_word_counts.py [--ant ../shared/data/ant-multisource.jsonl.gz]

Writes ``src/akhbar/arabic/lexicon/word_counts.txt``: ``word <TAB> count`` for every Arabic
word (key form, as written, clitics and all) seen at least ``MIN_COUNT`` times. The peeler
(:mod:`akhbar.arabic.tokens`) cuts a proclitic only where these counts say the remainder is a
word of its own, so the file decides "كينيا" (whole) against "وسوريا" (و + سوريا).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from akhbar.arabic.normalize import to_key

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ANT = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
OUT = ROOT / "src" / "akhbar" / "arabic" / "lexicon" / "word_counts.txt"
MIN_COUNT = 3
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
HEADER = (
    "# How often each key-form word (as written, proclitics included) occurs in the ANT corpus",
    "# v2.1 (31,525 articles): word <TAB> count, words seen 3+ times. Read by",
    "# akhbar.arabic.tokens to decide where a word-initial و ف ب ك ل ال is a proclitic.",
    "# Source: `python scripts/build_word_counts.py` (ANT: antcorpus/antcorpus.multisource.data).",
)


def count_words(ant: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    with gzip.open(ant, "rt", encoding="utf-8") as lines:
        for line in lines:
            counts.update(_ARABIC_WORD.findall(to_key(json.loads(line)["text"])))
    return counts


def write_counts(counts: Counter[str], out: Path = OUT) -> int:
    rows = [
        f"{word}\t{count}"
        for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if count >= MIN_COUNT
    ]
    out.write_text("\n".join([*HEADER, *rows]) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ant", type=Path, default=DEFAULT_ANT)
    args = parser.parse_args(argv)
    if not args.ant.is_file():
        print(f"error: ANT corpus not found: {args.ant}", file=sys.stderr)
        return 2
    print(f"word_counts: {write_counts(count_words(args.ant))} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
