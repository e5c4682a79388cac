"""Comparing a story's articles: ms per story for 5, 20, 50 and 100 real ANT articles.

    python benchmarks/compare.py [--data PATH] [--sizes 5 20 50 100] [--repeat 3]

The articles are the first N (in publication order) of the largest story akhbar's own
clustering finds in a week of ANT (``--window``, default 7–13 May 2018: the US leaving the
Iran nuclear deal), analysed once beforehand (not timed). Timed, per size, the median of
``--repeat`` runs of:

- ``claims``: :func:`akhbar.story.claims.story_claims` (statements paired by prefix
  filtering: only statements sharing a stem of either one's prefix, its stems rarest in
  the story first, are ever scored);
- ``compare``: claims, then :func:`akhbar.story.contradictions.story_contradictions` and
  :func:`akhbar.story.unique.story_unique_facts` (the comparison this issue adds);
- ``all pairs``: the alternative, every pair of statements of different articles scored
  with the same similarity (what pairing without the index costs).

It prints the statements, the pairs that reach the claims' similarity, the pairs prefix
filtering scores against all pairs, and the ratio of all pairs' time to the claims' time,
so the growth can be read: the scored pairs follow the pairs that truly match (a fact that
many articles restate is a square of them), not the square of all statements.
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


def _story_articles(data: Path, count: int, window: tuple[str, str]) -> list[dict]:
    """The articles of the largest story akhbar's own clustering finds among the ANT
    articles published in ``window`` (ISO days, inclusive), in publication order."""
    import tempfile

    from akhbar.pipeline import cluster_inputs

    rows = []
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if window[0] <= (row.get("date") or "")[:10] <= window[1]:
                rows.append(row)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "window.jsonl"
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
        assignments, _ = cluster_inputs([str(path)])
    stories: dict[str, list[str]] = {}
    for assignment in assignments:
        if assignment.story and not assignment.duplicate_of:
            stories.setdefault(assignment.story, []).append(assignment.id)
    largest = max(stories.values(), key=len)
    by_id = {row["id"]: row for row in rows}
    ordered = sorted((by_id[a] for a in largest), key=lambda row: (row["date"], row["id"]))
    print(
        f"{len(rows)} ANT articles of {window[0]}..{window[1]}; the largest story has "
        f"{len(ordered)} articles, first: {ordered[0]['title']}",
        file=sys.stderr,
    )
    return ordered[:count]


def _analyses(rows: list[dict]):
    import tempfile

    from akhbar.pipeline import analyze_inputs

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.jsonl"
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
        return analyze_inputs([str(path)]).analyses


def _candidates(statements, threshold: float) -> int:
    """The pairs prefix filtering scores (statements of different articles sharing a stem
    of either one's prefix)."""
    from akhbar.story.claims import _prefix, stem_weight

    index: dict[str, list[int]] = {}
    for number, statement in enumerate(statements):
        for stem in statement.stems:
            index.setdefault(stem, []).append(number)
    pairs = set()
    rarity = {stem: len(members) for stem, members in index.items()}.__getitem__
    for i, statement in enumerate(statements):
        for stem in _prefix(statement.stems, threshold, stem_weight(), rarity):
            pairs.update(
                (min(i, j), max(i, j))
                for j in index[stem]
                if statements[j].article != statement.article
            )
    return len(pairs)


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
    parser.add_argument(
        "--window", nargs=2, default=["2018-05-07", "2018-05-13"], metavar=("FIRST", "LAST")
    )
    args = parser.parse_args()

    from akhbar.corpus.wire import find_wire_copies, sentence_prints, voices
    from akhbar.story import claims as claims_module
    from akhbar.story.contradictions import story_contradictions
    from akhbar.story.entities import story_entities
    from akhbar.story.unique import story_unique_facts

    analyses = _analyses(_story_articles(args.data, max(args.sizes), tuple(args.window)))
    config = claims_module.ClaimConfig()
    print(
        f"{'articles':>8} {'statements':>10} {'similar':>8} {'scored':>9} {'all pairs':>10} "
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
            # The same arithmetic as the claims' pairing (weights and wholes computed once),
            # on every pair of statements of different articles.
            stems = sorted({stem for statement in statements for stem in statement.stems})
            weight = dict(zip(stems, map(claims_module.stem_weight(), stems), strict=True))
            totals = [sum(weight[stem] for stem in sorted(s.stems)) for s in statements]
            found = 0
            for i, one in enumerate(statements):
                for j in range(i + 1, len(statements)):
                    two = statements[j]
                    if one.article != two.article:
                        shared = sum(weight[stem] for stem in sorted(one.stems & two.stems))
                        found += shared / min(totals[i], totals[j]) >= config.similarity
            return found

        scored = _candidates(statements, config.similarity)
        similar = len(claims_module._similar_pairs(statements, config))
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
            f"{len(members):>8} {len(statements):>10} {similar:>8} {scored:>9} {every:>10} "
            f"{claims_ms:>9.1f} {compare_ms:>10.1f} {pairs_ms:>12.1f} "
            f"{pairs_ms / claims_ms:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
