"""Calibration of the first grouping's threshold (``akhbar.corpus.grouping``).

    python benchmarks/grouping.py [--data PATH] [--days N]

Prints, for candidate thresholds, (a) whether the five seeds (one story, five outlets)
end up as one story, alone and mixed into a real day of ANT news, (b) how many ANT
articles of those days end up linked across outlets, and (c) examples of the weakest
links above the chosen threshold, to read. Also times ``group_stories`` on the days.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import time
from collections import defaultdict
from pathlib import Path

from akhbar.corpus.grouping import GroupingConfig, group_stories, similarity_matrix
from akhbar.ingest import build_article
from akhbar.model import RawDocument
from akhbar.pipeline import analyze_articles, read_articles

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
THRESHOLDS = (0.10, 0.14, 0.18, 0.22, 0.26, 0.30, 0.35)


def _ant_days(data: Path, days: int) -> list[list[dict]]:
    by_day: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            by_day[record["date"][:10]].append(record)
    busiest = sorted(
        by_day, key=lambda day: (-len({r["outlet"] for r in by_day[day]}), -len(by_day[day]), day)
    )
    return [by_day[day] for day in sorted(busiest[:days])]


def _analyses(records: list[dict]):
    articles = []
    for record in records:
        document = RawDocument(
            source=record["id"],
            kind="jsonl",
            text=record["text"],
            id=record["id"],
            outlet=record["outlet"],
            date=record["date"],
            title=record["title"],
            url=record["url"],
        )
        articles.append(build_article(document))
    return analyze_articles(articles)


def _seed_pairs(analyses, seed_ids: set[str]) -> list[float]:
    matrix = similarity_matrix(analyses)
    index = [i for i, a in enumerate(analyses) if a.article.id in seed_ids]
    return sorted(matrix[i][j] for i, j in itertools.combinations(index, 2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--days", type=int, default=3)
    args = parser.parse_args()

    seeds = analyze_articles(read_articles([str(ROOT / "examples" / "seeds")]).articles)
    seed_ids = {a.article.id for a in seeds}
    print(
        "seed pair cosines, seeds alone:",
        " ".join(f"{x:.2f}" for x in _seed_pairs(seeds, seed_ids)),
    )
    for day in _ant_days(args.data, args.days):
        mixed = seeds + _analyses(day)
        print(
            f"\nANT day {day[0]['date'][:10]}: {len(day)} articles, outlets "
            f"{sorted({r['outlet'] for r in day})}"
        )
        print(
            "  seed pair cosines in the mix:",
            " ".join(f"{x:.2f}" for x in _seed_pairs(mixed, seed_ids)),
        )
        print(
            f"  {'threshold':>9} {'seeds one story':>16} {'ANT stories':>12}"
            f" {'ANT in multi':>13} {'largest':>8}"
        )
        for threshold in THRESHOLDS:
            started = time.perf_counter()
            groups = group_stories(mixed, config=GroupingConfig(threshold=threshold))
            seconds = time.perf_counter() - started
            seed_groups = {g for g in groups for i in g if i in seed_ids}
            ant_groups = [g for g in groups if not set(g) & seed_ids]
            in_multi = sum(len(g) for g in ant_groups if len(g) > 1)
            seeds_alone = len(seed_groups) == 1 and len(next(iter(seed_groups))) == 5
            largest = max(len(g) for g in groups)
            print(
                f"  {threshold:>9.2f} {seeds_alone!s:>16} {len(ant_groups):>12}"
                f" {in_multi:>13} {largest:>8}  ({seconds:.2f}s)"
            )
        _print_weakest_links(mixed, seed_ids, GroupingConfig().threshold)


def _print_weakest_links(analyses, seed_ids: set[str], threshold: float, count: int = 8) -> None:
    matrix = similarity_matrix(analyses)
    links = [
        (matrix[i][j], i, j)
        for i, j in itertools.combinations(range(len(analyses)), 2)
        if matrix[i][j] >= threshold
        and not {analyses[i].article.id, analyses[j].article.id} & seed_ids
    ]
    print(f"  weakest links at or above {threshold} (read them):")
    for score, i, j in sorted(links)[:count]:
        print(
            f"    {score:.2f} | {analyses[i].article.outlet}: {analyses[i].article.title}"
            f" || {analyses[j].article.outlet}: {analyses[j].article.title}"
        )


if __name__ == "__main__":
    main()
