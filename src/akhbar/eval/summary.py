"""Check every summary akhbar writes for real multi-outlet ANT stories: is each sentence in
the articles it cites, and is none of it boilerplate?

    python -m akhbar.eval.summary [--gold FILE] [--corpus ANT.jsonl.gz] [--show N]

The stories are the hand-labelled events of ``tests/data/clusters/ant_events.jsonl`` covered
by two outlets or more; each event's articles run through ``akhbar.pipeline.analyze_inputs``
(the path of ``akhbar analyze``) on their own, and every story of two outlets or more with a
summary is checked. A summary sentence passes when:

- its text is verbatim in the article it was taken from, at its span (a leading و/ف
  dropped, nothing else);
- each article it cites holds its evidence sentence verbatim at the evidence's span;
- it is not boilerplate: not a line the ingest layer removes
  (:func:`akhbar.ingest.boilerplate.find_boilerplate` on the sentence alone), not one of the
  story's removed lines, not an article's headline repeated;
- the summary keeps to its word budget.

Printed: stories, sentences, the pass rate, every failure, and ``--show N`` summaries.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from akhbar.arabic.normalize import to_key
from akhbar.ingest.boilerplate import find_boilerplate
from akhbar.model import Report, Story
from akhbar.pipeline import analyze_inputs
from akhbar.story.summary import SummaryConfig

__all__ = ["check_summary", "main"]

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "data" / "clusters" / "ant_events.jsonl"
CORPUS = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"


def check_summary(story: Story, report: Report, words: int = SummaryConfig().words) -> list[str]:
    """What is wrong with ``story``'s summary (nothing: an empty list)."""
    by_id = {a.article.id: a.article for a in report.analyses}
    removed = {
        to_key(line.text).strip()
        for article in story.articles
        for line in by_id[article].boilerplate
    }
    titles = {to_key(by_id[a].title or "").strip() for a in story.articles} - {""}
    problems = []
    total = sum(len(item.text.split()) for item in story.summary)
    if total > words:
        problems.append(f"{story.id}: {total} words, over the budget of {words}")
    for item in story.summary:
        span = item.taken_from
        if span is None or by_id[span.article].text[span.start : span.end] != item.text:
            problems.append(f"{story.id}: not verbatim at its span: {item.text}")
        for article, evidence in zip(item.sources, item.evidence, strict=True):
            text = by_id[article].text
            if evidence.span.article != article or (
                text[evidence.span.start : evidence.span.end] != evidence.text
            ):
                problems.append(f"{story.id}: {article} does not hold «{evidence.text}»")
        key = to_key(item.text).strip()
        if key in removed or key in titles or find_boilerplate(item.text).removed:
            problems.append(f"{story.id}: boilerplate or a headline: {item.text}")
    return problems


def _multi_outlet(report: Report, story: Story) -> bool:
    outlets = {a.article.outlet for a in report.analyses if a.article.id in story.articles}
    return len(outlets - {None}) >= 2


def _events(gold: Path) -> dict[str, list[dict]]:
    events: dict[str, list[dict]] = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        events.setdefault(row["event"], []).append(row)
    return {
        event: rows
        for event, rows in sorted(events.items())
        if len({row["outlet"] for row in rows}) >= 2
    }


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m akhbar.eval.summary", description=__doc__)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show", type=int, default=0, help="print this many summaries")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not args.corpus.exists():
        parser.error(f"{args.corpus}: the ANT corpus is not there (see --corpus)")
    events = _events(args.gold)
    wanted = {row["id"] for rows in events.values() for row in rows}
    lines = {}
    with gzip.open(args.corpus, "rt", encoding="utf-8") as source:
        for line in source:
            if json.loads(line)["id"] in wanted:
                lines[json.loads(line)["id"]] = line
    checked = sentences = failed = shown = 0
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for event, rows in events.items():
            path = Path(folder) / f"{event}.jsonl"
            path.write_text("".join(lines[row["id"]] for row in rows if row["id"] in lines))
            report = analyze_inputs([str(path)])
            for story in report.stories:
                if not story.summary or not _multi_outlet(report, story):
                    continue
                found = check_summary(story, report)
                checked += 1
                sentences += len(story.summary)
                failed += bool(found)
                problems += found
                if shown < args.show:
                    shown += 1
                    _print_summary(event, story)
    print(f"stories summarised (two outlets or more): {checked}; sentences: {sentences}")
    passed = checked - failed
    print(f"stories whose every sentence passes: {passed} of {checked}")
    for problem in problems:
        print(f"  {problem}")
    return 0 if not problems else 1


def _print_summary(event: str, story: Story, out=sys.stdout) -> None:
    print(f"== {event}: {story.title}", file=out)
    for item in story.summary:
        print(f"  [{item.date or '?'}] {item.text}  ({', '.join(item.sources)})", file=out)


if __name__ == "__main__":
    raise SystemExit(main())
