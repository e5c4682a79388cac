"""Comparing a story's articles: ms per story for 5, 20, 50 and 100 real ANT articles.

    python benchmarks/compare.py [--data PATH] [--sizes 5 20 50 100] [--repeat 3]

The articles are the first N of the largest hand-labelled ANT story (the Iran nuclear deal,
``tests/data/clusters/ant_events.jsonl``), analysed once beforehand (not timed). Timed, per
size, the median of ``--repeat`` runs of:

- ``claims``: :func:`akhbar.story.claims.story_claims` (statements paired through an
  inverted index of their stems, so only statements sharing a stem are ever scored);
- ``compare``: claims, then :func:`akhbar.story.contradictions.story_contradictions` and
  :func:`akhbar.story.unique.story_unique_facts` (the comparison this issue adds);
- ``all pairs``: the alternative, every pair of statements of different articles scored
  with the same similarity (what pairing without the index costs).

It prints the statements, the pairs the index scores against all pairs, and the ratio of
all pairs' time to the claims' time, so the growth can be read: the index's pairs grow with
the statements that share words, not with the square of the statements.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
GOLD = ROOT / "tests" / "data" / "clusters" / "ant_events.jsonl"


def _story_articles(data: Path, count: int) -> list[dict]:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    sizes: dict[str, list[str]] = {}
    for row in gold:
        sizes.setdefault(row["story"], []).append(row["id"])
    story = max(sizes, key=lambda name: (len(sizes[name]), name))
    wanted = sizes[story]
    found = {}
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in wanted:
                found[row["id"]] = row
    ordered = sorted(found.values(), key=lambda row: (row.get("date") or "", row["id"]))
    print(f"story {story}: {len(ordered)} articles", file=sys.stderr)
    return ordered[:count]


def _analyses(rows: list[dict]):
    import tempfile

    from akhbar.pipeline import analyze_inputs

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.jsonl"
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
        return analyze_inputs([str(path)]).analyses


def _timed(task, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 20, 50, 100])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from akhbar.corpus.wire import find_wire_copies, sentence_prints, voices
    from akhbar.story import claims as claims_module
    from akhbar.story.contradictions import story_contradictions
    from akhbar.story.entities import story_entities
    from akhbar.story.unique import story_unique_facts

    analyses = _analyses(_story_articles(args.data, max(args.sizes)))
    config = claims_module.ClaimConfig()
    print(
        f"{'articles':>8} {'statements':>10} {'index pairs':>11} {'all pairs':>10} "
        f"{'claims ms':>9} {'compare ms':>10} {'all pairs ms':>12} {'ratio':>6}"
    )
    for size in args.sizes:
        members = analyses[:size]
        prints = [sentence_prints(a) for a in members]
        copies = find_wire_copies(members, prints=prints)
        groups = voices(members, copies, prints=prints)
        voice_of = {article: n for n, group in enumerate(groups) for article in group}
        entities, _ = story_entities(members)
        statements = claims_module._statements(members, config)

        def claims(members=members, groups=groups):
            return claims_module.story_claims(members, groups)

        def compare(members=members, groups=groups, voice_of=voice_of, entities=entities):
            found = claims_module.story_claims(members, groups)
            story_contradictions(members, found, voice_of)
            story_unique_facts(members, entities, found)

        def all_pairs(statements=statements):
            similarity = claims_module.statement_similarity
            for i, one in enumerate(statements):
                for two in statements[i + 1 :]:
                    if one.article != two.article:
                        similarity(one.stems, two.stems)

        indexed = len(claims_module._similar_pairs(statements, claims_module.ClaimConfig(0.0)))
        every = sum(
            1
            for i, one in enumerate(statements)
            for two in statements[i + 1 :]
            if one.article != two.article
        )
        claims_ms = _timed(claims, args.repeat)
        compare_ms = _timed(compare, args.repeat)
        pairs_ms = _timed(all_pairs, args.repeat)
        print(
            f"{len(members):>8} {len(statements):>10} {indexed:>11} {every:>10} "
            f"{claims_ms:>9.1f} {compare_ms:>10.1f} {pairs_ms:>12.1f} "
            f"{pairs_ms / claims_ms:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
