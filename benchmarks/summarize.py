"""Summarising a story: ms per story for 5, 20, 50 and 100 real ANT articles, with sumy's
LexRank on the same articles in the same run.

    python benchmarks/summarize.py [--data PATH] [--sizes 5 20 50 100] [--repeat 3]
                                   [--window FIRST LAST]

The articles are the first N (in publication order) of the largest story akhbar's own
clustering finds in a week of ANT (as ``benchmarks/compare.py``), analysed once beforehand.
Timed, per size, the median of ``--repeat`` runs of:

- ``akhbar``: :func:`akhbar.story.summary.summarize` given the story's claims and threads
  (``story ms``: the whole story: claims, comparison and summary, ``build_story``);
- ``lexrank``: sumy's ``LexRankSummarizer`` (Erkan & Radev 2004) on the same articles as a
  user would feed them (each article's title and its text as published, boilerplate
  included, split by sumy's own Arabic tokenizer), asked for as many sentences as akhbar
  chose.

It also counts, in each summary, the sentences that are boilerplate (a line akhbar's ingest
removes, or one ``find_boilerplate`` flags on its own) or an article's headline.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from compare import DEFAULT_DATA, _analyses, _story_articles  # noqa: E402


def _timed(task, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = task()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def _lexrank(rows: list[dict], count: int) -> list[str]:
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    text = "\n\n".join(f"{row.get('title') or ''}\n{row.get('text') or ''}" for row in rows)
    document = PlaintextParser.from_string(text, Tokenizer("arabic")).document
    return [str(sentence) for sentence in LexRankSummarizer()(document, count)]


def _raw_rows(data: Path, ids: set[str]) -> dict[str, dict]:
    found = {}
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in ids:
                found[row["id"]] = row
    return found


def _furniture(sentences: list[str], analyses) -> int:
    """Sentences that are boilerplate or a headline."""
    from akhbar.arabic.normalize import to_key
    from akhbar.ingest.boilerplate import find_boilerplate

    removed = {to_key(line.text).strip() for a in analyses for line in a.article.boilerplate}
    titles = {to_key(a.article.title or "").strip() for a in analyses} - {""}
    count = 0
    for sentence in sentences:
        key = to_key(sentence).strip()
        lines = {to_key(line).strip() for line in sentence.split("\n")}
        if (
            key in removed
            or key in titles
            or lines & (removed | titles)
            or find_boilerplate(sentence).removed
        ):
            count += 1
    return count


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
    from akhbar.pipeline import analyze_story
    from akhbar.story.build import build_story
    from akhbar.story.summary import summarize

    rows = _story_articles(args.data, max(args.sizes), tuple(args.window))
    analyses = _analyses(rows)
    raw = _raw_rows(args.data, {row["id"] for row in rows})
    print(
        f"{'articles':>8} {'akhbar ms':>9} {'story ms':>9} {'lexrank ms':>10} {'ratio':>6} "
        f"{'sentences':>9} {'akhbar furniture':>16} {'lexrank furniture':>17}"
    )
    for size in args.sizes:
        story, members, _ = analyze_story("story-001", analyses[:size])
        prints = [sentence_prints(a) for a in members]
        groups = voices(members, find_wire_copies(members, prints=prints), prints=prints)
        voice_of = {article: n for n, group in enumerate(groups) for article in group}
        claims = story.claims

        def ours(members=members, claims=claims, story=story, voice_of=voice_of):
            return summarize(members, claims, story.threads, voice_of)

        def whole(members=members, story=story):
            return build_story("story-001", members, events=story.events, threads=story.threads)

        akhbar_ms, summary = _timed(ours, args.repeat)
        story_ms, _ = _timed(whole, args.repeat)
        count = max(1, len(summary))
        member_rows = [raw[m.article.id] for m in members if m.article.id in raw]
        lexrank_ms, picked = _timed(lambda r=member_rows, n=count: _lexrank(r, n), args.repeat)
        print(
            f"{len(members):>8} {akhbar_ms:>9.1f} {story_ms:>9.1f} {lexrank_ms:>10.1f} "
            f"{lexrank_ms / akhbar_ms:>6.2f} {count:>9} "
            f"{_furniture([s.text for s in summary], members):>16} "
            f"{_furniture(picked, members):>17}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
