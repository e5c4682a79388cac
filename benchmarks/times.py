"""Time expressions on ANT: speed of find_times vs. dateparser.search_dates, and accuracy.

    python benchmarks/times.py [--data PATH] [--limit N] [--compare-limit N] [--gold FILE]

Speed: µs per article of ``find_times(make_doc(text), anchor=pub)`` on the first ``--limit`` ANT
articles (default 2,000), and of dateparser's ``search_dates(text, languages=["ar"],
settings={"RELATIVE_BASE": pub})`` on the first ``--compare-limit`` (default 300: dateparser
is far slower). Accuracy on the annotated set (tests/data/times/ant_times.jsonl): for
dateparser, a gold expression counts as found when a found date's surface overlaps it,
and as exact when that date, cut to the gold value's precision (day, month or year),
equals the gold value; gold values dateparser cannot express (weeks, durations, ranges,
refs) count as misses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
from pathlib import Path

from akhbar.analyze.times.find import find_times
from akhbar.arabic.doc import make_doc
from akhbar.eval.times import Gold, load_gold, score

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
DEFAULT_GOLD = ROOT / "tests" / "data" / "times" / "ant_times.jsonl"


def _articles(data: Path, limit: int) -> list[tuple[str, dt.date]]:
    out = []
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            out.append((row["text"], dt.date.fromisoformat(row["date"][:10])))
            if len(out) >= limit:
                break
    return out


def _time_akhbar(articles: list[tuple[str, dt.date]]) -> tuple[float, int]:
    find_times(make_doc("اليوم"), anchor=dt.date(2018, 1, 1))  # load lexicons and compile once
    found = 0
    start = time.perf_counter()
    for text, pub in articles:
        found += len(find_times(make_doc(text), anchor=pub))
    return (time.perf_counter() - start) / len(articles) * 1e6, found


def _search(text: str, pub: dt.date) -> list[tuple[str, dt.datetime]]:
    from dateparser.search import search_dates

    base = dt.datetime(pub.year, pub.month, pub.day)
    return search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": base}) or []


def _time_dateparser(articles: list[tuple[str, dt.date]]) -> tuple[float, int]:
    _search("أمس", dt.date(2018, 1, 1))
    found = 0
    start = time.perf_counter()
    for text, pub in articles:
        found += len(_search(text, pub))
    return (time.perf_counter() - start) / len(articles) * 1e6, found


def _cut(moment: dt.datetime, gold_value: str) -> str | None:
    if len(gold_value) == 10 and gold_value[4] == "-" and gold_value[7] == "-":
        return moment.date().isoformat()
    if len(gold_value) == 7 and gold_value[4] == "-" and gold_value[5:].isdigit():
        return f"{moment.year:04d}-{moment.month:02d}"
    if len(gold_value) == 4 and gold_value.isdigit():
        return f"{moment.year:04d}"
    return None  # precision dateparser has no value for


def _dateparser_accuracy(golds: tuple[Gold, ...]) -> tuple[float, float]:
    found = exact = 0
    for gold in golds:
        start = gold.sentence.index(gold.surface)
        end = start + len(gold.surface)
        hits = []
        for surface, moment in _search(gold.sentence, gold.pub):
            at = gold.sentence.find(surface)
            if at >= 0 and at < end and start < at + len(surface):
                hits.append(moment)
        found += bool(hits)
        exact += any(_cut(moment, gold.value) == gold.value for moment in hits)
    return found / len(golds), exact / len(golds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--compare-limit", type=int, default=300)
    args = parser.parse_args()
    articles = _articles(args.data, args.limit)
    golds = load_gold(args.gold)
    mine = score(golds)
    micros, found = _time_akhbar(articles)
    print(f"akhbar find_times: {micros:,.0f} µs/article on {len(articles)} articles, {found} found")
    print(f"  gold set ({mine.total}): recall {mine.recall:.3f}, accuracy {mine.accuracy:.3f}")
    try:
        micros, found = _time_dateparser(articles[: args.compare_limit])
    except ImportError:
        print("dateparser not installed (pip install -e '.[bench]')")
        return
    print(
        f"dateparser search_dates: {micros:,.0f} µs/article on the first "
        f"{min(args.compare_limit, len(articles))} articles, {found} found"
    )
    recall, accuracy = _dateparser_accuracy(golds)
    print(f"  gold set ({len(golds)}): recall {recall:.3f}, accuracy {accuracy:.3f}")


if __name__ == "__main__":
    main()
