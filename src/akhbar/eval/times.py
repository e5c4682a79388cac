"""Score :func:`akhbar.analyze.times.read_times` against hand-annotated time expressions.

    python -m akhbar.eval.times tests/data/times/ant_times.jsonl [--verbose]

Each input line is ``{"pub", "sentence", "surface", "value"}`` (one gold expression;
``pub`` is the publication date the value was resolved against). Recall counts gold
expressions that some found expression overlaps; accuracy counts those whose overlapping
found expression also has exactly the gold value.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from akhbar.analyze.times.find import TimeExpression, read_times
from akhbar.arabic.normalize import KeyOffsets
from akhbar.errors import InputError

__all__ = ["Gold", "Score", "load_gold", "main", "score"]


@dataclass(frozen=True)
class Gold:
    pub: dt.date
    sentence: str
    surface: str
    value: str


@dataclass(frozen=True)
class Score:
    total: int
    found: int
    exact: int
    misses: tuple[tuple[Gold, str | None], ...]  # gold, and the value found (None: not found)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def accuracy(self) -> float:
        return self.exact / self.total if self.total else 0.0


def load_gold(path: Path) -> tuple[Gold, ...]:
    """Read the annotated file; a malformed line raises InputError naming it."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            gold = Gold(
                dt.date.fromisoformat(row["pub"]), row["sentence"], row["surface"], row["value"]
            )
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(
                f"{path}:{number}",
                f"not a gold time line ({error}); "
                'expected {"pub", "sentence", "surface", "value"}',
            ) from error
        if gold.surface not in gold.sentence:
            raise InputError(f"{path}:{number}", f"surface {gold.surface!r} is not in the sentence")
        out.append(gold)
    return tuple(out)


def _overlapping(gold: Gold, found: Iterable[TimeExpression]) -> list[TimeExpression]:
    start = gold.sentence.index(gold.surface)
    end = start + len(gold.surface)
    return [t for t in found if t.span.start < end and start < t.span.end]


def score(golds: Sequence[Gold]) -> Score:
    found = exact = 0
    misses: list[tuple[Gold, str | None]] = []
    for gold in golds:
        hits = _overlapping(gold, read_times(KeyOffsets(gold.sentence), anchor=gold.pub))
        if hits:
            found += 1
        if any(t.value == gold.value for t in hits):
            exact += 1
        else:
            misses.append((gold, hits[0].value if hits else None))
    return Score(len(golds), found, exact, tuple(misses))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m akhbar.eval.times", description=__doc__)
    parser.add_argument("file", type=Path, help="gold JSONL file")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    try:
        result = score(load_gold(args.file))
    except (InputError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"expressions {result.total}  recall {result.recall:.3f}  accuracy {result.accuracy:.3f}")
    if args.verbose:
        for gold, value in result.misses:
            got = "not found" if value is None else f"found {value}"
            print(f"  {gold.pub} {gold.surface!r}: gold {gold.value}, {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
