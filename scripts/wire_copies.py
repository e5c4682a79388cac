"""Near-verbatim articles across outlets in ANT: wire copies published within a day.

    .venv/bin/python scripts/wire_copies.py [../shared/data/ant-multisource.jsonl.gz] [--show 5]

Articles are grouped by publication day; each day is compared with itself and the next day,
so every pair published on the same day or one day apart is seen exactly once. Prints how
many article pairs of different outlets share sentences, how many share at least 30% of the
smaller article's sentences (one voice), how many are near-verbatim (80%), and shows some.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from akhbar.arabic.sentences import split_sentences
from akhbar.corpus.wire import (
    SentencePrints,
    WirePair,
    find_wire_copies,
    sentence_prints,
    wire_pairs,
)
from akhbar.model import Article, ArticleAnalysis

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/ant-multisource.jsonl.gz"
NEAR_VERBATIM = 0.8
ONE_VOICE = 0.3


def read_days(path: Path) -> dict[dt.date, list[ArticleAnalysis]]:
    """ANT's articles as minimal analyses (sentences only), by publication day; repeats of
    one id (filed under two categories) are read once."""
    days: dict[dt.date, list[ArticleAnalysis]] = defaultdict(list)
    seen: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in seen or not row.get("date"):
                continue
            seen.add(row["id"])
            published = dt.datetime.fromisoformat(row["date"])
            article = Article(
                id=row["id"],
                source=str(path),
                text=row["text"],
                title=row.get("title"),
                outlet=row["outlet"],
                published=published,
                published_source="input",
            )
            days[published.date()].append(ArticleAnalysis(article, split_sentences(row["text"])))
    return days


def find_pairs(days: dict[dt.date, list[ArticleAnalysis]]) -> list[WirePair]:
    """Wire pairs of every day with itself and with the next day."""
    prints: dict[str, SentencePrints] = {
        a.article.id: sentence_prints(a) for day in days.values() for a in day
    }
    out: list[WirePair] = []
    for day in sorted(days):
        window = days[day] + days.get(day + dt.timedelta(days=1), [])
        first_day = {a.article.id for a in days[day]}
        window_prints = [prints[a.article.id] for a in window]
        copies = find_wire_copies(window, prints=window_prints)
        for pair in wire_pairs(window, copies, prints=window_prints):
            if pair.first in first_day or pair.second in first_day:
                out.append(pair)
    return out


def show(pair: WirePair, by_id: dict[str, Article]) -> None:
    for article_id, share in ((pair.first, pair.first_share), (pair.second, pair.second_share)):
        article = by_id[article_id]
        print(f"  {article.outlet:9} {article.published:%Y-%m-%d %H:%M} {article_id}")
        print(f"            {article.title}  (share {share:.0%})")
    for copy in pair.copies[:3]:
        print(f"    [{copy.similarity:.2f}] {copy.first.text[:150]}")
    if pair.shared > 3:
        print(f"    ... {pair.shared - 3} more shared sentences")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    days = read_days(args.path)
    read = time.perf_counter()
    pairs = find_pairs(days)
    found = time.perf_counter()
    by_id = {a.article.id: a.article for day in days.values() for a in day}
    voice = [p for p in pairs if max(p.first_share, p.second_share) >= ONE_VOICE]
    near = [p for p in pairs if min(p.first_share, p.second_share) >= NEAR_VERBATIM]
    print(f"articles: {len(by_id)} over {len(days)} days (read in {read - started:.1f}s)")
    print(f"pairs across outlets sharing >= 1 sentence: {len(pairs)}")
    print(f"pairs sharing >= {ONE_VOICE:.0%} of the smaller article (one voice): {len(voice)}")
    print(f"near-verbatim pairs (>= {NEAR_VERBATIM:.0%} of both articles): {len(near)}")
    print(f"comparison took {found - read:.1f}s")
    step = max(1, len(near) // max(1, args.show))
    for number, pair in enumerate(near[::step][: args.show], 1):
        print(f"\n#{number}: {pair.shared} shared sentences")
        show(pair, by_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
