"""Score the contradictions akhbar reports against hand-checked ANT stories.

    python -m akhbar.eval.compare [--gold DIR] [--corpus ANT.jsonl.gz] [--show]

Gold (``tests/data/compare/``): ``stories.jsonl`` (the articles of each story),
``contradictions.jsonl`` (the real contradictions and toll updates found by reading every
article), ``near_misses.jsonl`` (pairs that look like contradictions and are not) and
``judged.jsonl`` (every contradiction akhbar reported on these stories that neither file
holds, labelled right or wrong by reading both sentences). Each story's articles run through
``akhbar.pipeline.analyze_inputs`` (clustering, threads, analysis: the path of ``akhbar
analyze``) on their own.

A reported contradiction *matches* a gold line of its story when two of its sides carry
articles of two different sides of the gold line. It is right when it matches a real
contradiction (an ``update`` and a ``number`` count as one kind here: both say the values
differ) or is judged right; wrong when it matches a near miss or is judged wrong; a
reported contradiction with no label is listed as unjudged (and counted wrong), so the
figure never flatters. Recall: the share of the gold's real contradictions (updates apart)
that some reported contradiction matches. Name contradictions are reported too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from akhbar.model import Contradiction
from akhbar.pipeline import analyze_inputs

__all__ = ["Reported", "main", "reported_contradictions", "score"]

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "data" / "compare"
CORPUS = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
# Kinds that say two values of one slot differ.
_VALUE_KINDS = {"number": "number", "update": "number", "date": "date", "name": "name"}


@dataclass(frozen=True)
class Reported:
    story: str
    contradiction: Contradiction

    @property
    def key(self) -> str:
        """What ``judged.jsonl`` names a reported contradiction by."""
        values = " | ".join(
            f"{value.value} ({','.join(sorted(value.articles))})"
            for value in self.contradiction.values
        )
        return f"{self.story} · {self.contradiction.kind} · {values}"


def _lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _articles(corpus: Path, wanted: set[str]) -> dict[str, str]:
    found = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)["id"]
            if article in wanted:
                found[article] = line
    return found


def reported_contradictions(stories: Sequence[dict], corpus: Path) -> list[Reported]:
    """Every contradiction akhbar reports on each gold story's articles."""
    lines = _articles(corpus, {a for story in stories for a in story["articles"]})
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for story in stories:
            path = Path(folder) / f"{story['story']}.jsonl"
            path.write_text("".join(lines[a] for a in story["articles"] if a in lines))
            report = analyze_inputs([str(path)])
            for found in report.stories:
                out += [Reported(story["story"], c) for c in found.contradictions]
    return out


def _matches(reported: Reported, gold: Mapping) -> bool:
    if gold["story"] != reported.story:
        return False
    sides = [set(side["articles"]) for side in gold["sides"]]
    hit = [
        {n for n, side in enumerate(sides) if side & set(value.articles)}
        for value in reported.contradiction.values
    ]
    return any(
        a != b for i, one in enumerate(hit) for two in hit[i + 1 :] for a in one for b in two
    )


def _same_kind(reported: Reported, gold: Mapping) -> bool:
    kind = reported.contradiction.kind
    return _VALUE_KINDS.get(kind, kind) == _VALUE_KINDS.get(gold["kind"], gold["kind"])


def score(
    reported: Sequence[Reported],
    real: Sequence[dict],
    near: Sequence[dict],
    judged: Mapping[str, str],
) -> dict:
    """Precision over what akhbar reported, recall over the gold's real contradictions."""
    verdicts: list[tuple[Reported, str]] = []
    for item in reported:
        if any(_matches(item, g) and _same_kind(item, g) for g in real):
            verdicts.append((item, "right"))
        elif item.key in judged:
            verdicts.append((item, judged[item.key]))
        elif any(_matches(item, g) for g in near):
            verdicts.append((item, "wrong"))
        else:
            verdicts.append((item, "unjudged"))
    contradictions = [g for g in real if g["kind"] != "update"]
    found = [g for g in contradictions if any(_matches(r, g) for r in reported)]
    right = sum(verdict == "right" for _, verdict in verdicts)
    return {
        "reported": len(reported),
        "right": right,
        "precision": right / len(reported) if reported else 1.0,
        "recall": len(found) / len(contradictions) if contradictions else 1.0,
        "found": [g["id"] for g in found],
        "verdicts": verdicts,
        "by_kind": Counter((item.contradiction.kind, verdict) for item, verdict in verdicts),
    }


def _print(result: dict, show: bool, out=sys.stdout) -> None:
    print(f"reported contradictions: {result['reported']}", file=out)
    print(f"right: {result['right']}  precision: {result['precision']:.3f}", file=out)
    print(
        f"recall over the gold's real contradictions (updates apart): {result['recall']:.3f}"
        f"  found: {', '.join(result['found']) or '-'}",
        file=out,
    )
    for (kind, verdict), count in sorted(result["by_kind"].items()):
        print(f"  {kind:8} {verdict:9} {count}", file=out)
    for item, verdict in result["verdicts"]:
        if show or verdict == "unjudged":
            print(f"[{verdict}] {item.key}", file=out)
            for value in item.contradiction.values:
                for evidence in value.evidence:
                    print(f"      {evidence.span.article}: {evidence.text}", file=out)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m akhbar.eval.compare", description=__doc__)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show", action="store_true", help="print every verdict")
    args = parser.parse_args(list(argv) if argv is not None else None)
    stories = _lines(args.gold / "stories.jsonl")
    if not stories:
        parser.error(f"{args.gold / 'stories.jsonl'}: no stories to score")
    if not args.corpus.exists():
        parser.error(f"{args.corpus}: the ANT corpus is not there (see --corpus)")
    judged = {line["key"]: line["verdict"] for line in _lines(args.gold / "judged.jsonl")}
    reported = reported_contradictions(stories, args.corpus)
    result = score(
        reported,
        _lines(args.gold / "contradictions.jsonl"),
        _lines(args.gold / "near_misses.jsonl"),
        judged,
    )
    _print(result, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
