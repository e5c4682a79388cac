"""Per-article analysis speed: this checkout against the code before the core was rebuilt.

    python benchmarks/analyze.py [--articles 2000] [--since 2018-05-01] [--baseline 55473c0]

The same ANT articles (consecutive days from ``--since`` until ``--articles`` are reached) are
analysed, in the same run, by the ``--baseline`` commit (checked out with ``git worktree`` into
a temporary folder, run with this venv's packages) and by this checkout, each in a fresh
process after a warm-up of three articles (model loading is not timed):

- ``analysis``: :func:`akhbar.pipeline.analyze_articles` (NER included), one process;
- ``analysis, 2 processes``: the baseline's ``analyze_article`` over a spawn pool of two (it
  had no parallel path of its own), this checkout's ``--jobs 2`` runner;
- ``report``: ``analyze_inputs`` on the JSONL, what ``akhbar analyze`` does before rendering
  (reading, analysis, clustering, the story stage), one process.

Then, for this checkout alone: the time of each stage on the same articles, after one pass
over them (which one dominates in a long run), and time and peak memory per MB of text that
used to be slow (a line without punctuation, clitic-prefixed words repeated, a line of
marks), each in a fresh process; the baseline runs the smallest of these too.
"""

from __future__ import annotations

import argparse
import copyreg
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import MappingProxyType

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ANT = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
# The commit before the first commit of issue 12 (the per-article core rebuild).
BASELINE = "55473c0"
_FIELDS = ("id", "outlet", "date", "title", "url", "text")
# Words of a seed headline: the line without punctuation is made of them.
PHRASE = "الرئيس الروسي فلاديمير بوتين يبحث مع الشرع العلاقات الثنائية في سوريا"


def select_articles(ant: Path, since: str, count: int, out: Path) -> tuple[int, str, str]:
    """Articles of whole consecutive days from ``since`` until ``count`` are reached."""
    by_day: dict[str, list[dict]] = {}
    with gzip.open(ant, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["date"][:10] >= since:
                by_day.setdefault(row["date"][:10], []).append({key: row[key] for key in _FIELDS})
    chosen: list[dict] = []
    days = sorted(by_day)
    last = since
    for day in days:
        if len(chosen) >= count:
            break
        chosen += by_day[day]
        last = day
    with out.open("w", encoding="utf-8") as handle:
        for row in chosen:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(chosen), since, last


# --- Run inside a fresh process against one implementation (--worker) ---------------------


def _read_only(values: dict) -> MappingProxyType:
    return MappingProxyType(values)


# The baseline's articles hold metadata in a mappingproxy, which the standard pickler refuses;
# a pool needs them pickled, in the pool's processes too (this checkout registers the same in
# akhbar.model).
copyreg.pickle(MappingProxyType, lambda proxy: (_read_only, (dict(proxy),)))


def worker(mode: str, path: str) -> dict:
    import akhbar
    from akhbar.pipeline import analyze_articles, read_articles

    articles = read_articles([path]).articles
    analyze_articles(articles[:3])  # load the models and lexicons
    started = time.perf_counter()
    if mode == "analysis":
        done = len(analyze_articles(articles))
    elif mode == "pool":
        done = _pooled(articles)
    else:
        from akhbar.pipeline import analyze_inputs

        done = len(analyze_inputs([path]).analyses)
    seconds = time.perf_counter() - started
    return {"code": str(Path(akhbar.__file__).parents[1]), "articles": done, "seconds": seconds}


def _pooled(articles) -> int:
    try:
        from akhbar.scale import batch_runner
    except ImportError:
        batch_runner = None
    if batch_runner is None:  # the baseline: its per-article function over a pool
        from multiprocessing import get_context

        from akhbar.analyze import analyze_article

        with get_context("spawn").Pool(2) as pool:
            return len(pool.map(analyze_article, articles, chunksize=16))
    from akhbar.pipeline import analyze_articles

    with batch_runner(jobs=2) as map_batches:
        return len(analyze_articles(articles, map_batches=map_batches))


def stage_times(path: str) -> dict[str, float]:
    """Seconds per stage of this checkout's per-article analysis on the articles of ``path``."""
    from akhbar.analyze.entities.mentions import find_entities
    from akhbar.analyze.entities.rules.text import tag_tokens
    from akhbar.analyze.entities.tagger.combined import tag_sentences
    from akhbar.analyze.events import find_event_mentions
    from akhbar.analyze.times.find import find_times
    from akhbar.analyze.voices.attribution import find_sources
    from akhbar.analyze.voices.quotes import find_quotes
    from akhbar.arabic.doc import make_doc
    from akhbar.pipeline import analyze_articles, read_articles

    articles = read_articles([path]).articles
    analyze_articles(articles)  # every word's memo warm: the steady state of a long run
    spent: dict[str, float] = {}

    def timed(name, function, *args, **kwargs):
        started = time.perf_counter()
        result = function(*args, **kwargs)
        spent[name] = spent.get(name, 0.0) + time.perf_counter() - started
        return result

    for article in articles:
        doc = timed("document (sentences, tokens)", make_doc, article.text, article=article.id)
        times = timed("times", find_times, doc, anchor=article.published)
        quotes = timed("quotes", find_quotes, doc)
        forms = [
            [(t.key, t.base) for t in tag_tokens(doc.sentence_tokens(s.index))]
            for s in doc.sentences
        ]
        timed("NER tagger (CRF + network)", tag_sentences, [f for f in forms if f])
        timed("NER whole (tagger + rules)", find_entities, doc)
        timed("events", find_event_mentions, doc, times)
        timed("sources", find_sources, doc, quotes=quotes)
    return spent


def heavy_input(kind: str, size: int) -> dict:
    """Time and peak memory (beyond a warmed-up process) of one article of ``size`` bytes."""
    import random
    import resource

    from akhbar.analyze import analyze_article
    from akhbar.model import Article

    analyze_article(Article(id="warm", source="warm", text="قال الرئيس بوتين إن روسيا مستعدة."))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    words = PHRASE.split()
    rng = random.Random(1)
    parts: list[str] = []
    length = 0
    while length < size:
        word = {"line": rng.choice(words), "clitics": "وبالشرع", "marks": "\u064e\u200b\u0651"}[
            kind
        ]
        parts.append(word)
        length += len(word.encode()) + (kind != "marks")
    text = ("" if kind == "marks" else " ").join(parts)
    started = time.perf_counter()
    analyze_article(Article(id=kind, source=kind, text=text))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"mb": len(text.encode()) / 1e6, "seconds": seconds, "peak_mb": (peak - before) / 1024}


# --- The parent: run both implementations and print the table ------------------------------


def _run(code: Path, *args: str) -> dict:
    environment = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run(
        [sys.executable, __file__, "--worker", *args],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"worker {args} on {code} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if "code" in result and Path(result["code"]) != code:
        raise SystemExit(f"the worker ran {result['code']}, not {code}")
    return result


def _per_mb(found: dict) -> str:
    return f"{found['seconds'] / found['mb']:6.1f} s/MB {found['peak_mb'] / found['mb']:7.0f} MB/MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--since", default="2018-05-01")
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--ant", type=Path, default=DEFAULT_ANT)
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        kind, *rest = args.worker
        if kind == "stages":
            print(json.dumps(stage_times(rest[0])))
        elif kind == "heavy":
            print(json.dumps(heavy_input(rest[0], int(rest[1]))))
        else:
            print(json.dumps(worker(kind, rest[0])))
        return

    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder) / "articles.jsonl"
        count, first, last = select_articles(args.ant, args.since, args.articles, jsonl)
        baseline = Path(folder) / "baseline"
        subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "worktree",
                "add",
                "--detach",
                "-q",
                str(baseline),
                args.baseline,
            ],
            check=True,
        )
        try:
            print(f"{count} ANT articles, {first} to {last}; baseline {args.baseline}, new: here")
            print(f"{'':28} {'baseline a/s':>13} {'new a/s':>9} {'ratio':>7}")
            for mode, label in (
                ("analysis", "analysis, 1 process"),
                ("pool", "analysis, 2 processes"),
                ("report", "report (akhbar analyze), 1 p."),
            ):
                old = _run(baseline / "src", mode, str(jsonl))
                new = _run(ROOT / "src", mode, str(jsonl))
                old_rate = old["articles"] / old["seconds"]
                new_rate = new["articles"] / new["seconds"]
                print(f"{label:28} {old_rate:13.1f} {new_rate:9.1f} {new_rate / old_rate:6.1f}x")
            stages = _run(ROOT / "src", "stages", str(jsonl))
            total = sum(v for k, v in stages.items() if k != "NER tagger (CRF + network)")
            print(f"\nthis checkout, seconds per stage on the {count} articles (1 process):")
            for name, seconds in sorted(stages.items(), key=lambda item: -item[1]):
                print(f"  {name:30} {seconds:7.1f} s  {1000 * seconds / count:6.1f} ms/article")
            print(f"  (stages summed, tagger counted within NER whole: {total:.1f} s)")
            print("\nheavy inputs, one article each, fresh process: seconds and peak MB per MB")
            for kind, sizes in (
                ("line", (100_000, 1_000_000)),
                ("clitics", (1_000_000,)),
                ("marks", (1_000_000,)),
            ):
                for size in sizes:
                    new = _run(ROOT / "src", "heavy", kind, str(size))
                    row = f"  {kind:8} {new['mb']:5.2f} MB  new {_per_mb(new)}"
                    if size == 100_000:
                        old = _run(baseline / "src", "heavy", kind, str(size))
                        row += f"   baseline {_per_mb(old)}"
                    print(row)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(baseline)],
                check=False,
            )


if __name__ == "__main__":
    main()
