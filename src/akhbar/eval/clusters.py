"""Score story/event clustering against hand-labelled ANT events with B-cubed.

    python -m akhbar.eval.clusters [--gold FILE] [--pred FILE.jsonl] [--level event|story]
                                   [--baseline title] [--corpus ANT.jsonl.gz]
                                   [--half calibration|check]

Gold (``tests/data/clusters/ant_events.jsonl``): one line per article,
``{"id", "event", "story", "label_event"?, ...}``. Predictions use the assignments contract of
``akhbar cluster --out``: ``{"id", "story", "event", "duplicate_of"}``; at event level a line
with no event falls back to its story. Only gold articles are scored: predictions for other
articles are ignored, gold articles without a prediction count as singletons (and are reported).

B-cubed (Bagga & Baldwin 1998): for each gold item, precision is the share of its predicted
cluster (restricted to gold items) that shares its gold cluster, recall the share of its gold
cluster that shares its predicted cluster; both are averaged over the gold items and F1 is their
harmonic mean.

Without ``--pred`` the script runs akhbar's own clustering (``akhbar.pipeline.cluster_inputs``,
the path of ``akhbar cluster``) over the gold articles alone, read from the ANT corpus.
``--half`` scores one half of the gold: ``calibration`` holds the stories whose id has an even
CRC-32 (the clustering defaults were chosen on it), ``check`` the others (used only to check
the chosen defaults). Clustering still runs over all gold articles; only scoring is restricted.

``--baseline title`` scores a reference baseline instead: titles sharing at least half of their
key words, published within two days of each other, are chained into one cluster.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import tempfile
import zlib
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from akhbar.errors import InputError
from akhbar.pipeline import cluster_inputs

__all__ = [
    "BCubed",
    "Gold",
    "bcubed",
    "load_gold",
    "load_predictions",
    "main",
    "pair_report",
    "split_gold",
    "title_baseline",
]

_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_GOLD = _ROOT / "tests" / "data" / "clusters" / "ant_events.jsonl"
DEFAULT_HARD_NEGATIVES = DEFAULT_GOLD.with_name("hard_negatives.jsonl")
DEFAULT_EDITED_COPIES = DEFAULT_GOLD.with_name("edited_copies.jsonl")
DEFAULT_CORPUS = _ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
LEVELS = ("event", "story")
HALVES = ("calibration", "check")


@dataclass(frozen=True)
class Gold:
    """Gold labels: article id -> event and story, and a label per event."""

    event: dict[str, str]
    story: dict[str, str]
    labels: dict[str, str]

    def at(self, level: str) -> dict[str, str]:
        return self.event if level == "event" else self.story


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    per_item: dict[Hashable, tuple[float, float]]

    def cluster_scores(self, gold: Mapping[Hashable, Hashable]) -> dict[Hashable, tuple]:
        """``gold cluster -> (precision, recall, f1, size)`` averaged over its items."""
        acc: dict[Hashable, list[tuple[float, float]]] = defaultdict(list)
        for item, pr in self.per_item.items():
            acc[gold[item]].append(pr)
        out = {}
        for cluster, prs in acc.items():
            p = sum(x for x, _ in prs) / len(prs)
            r = sum(y for _, y in prs) / len(prs)
            out[cluster] = (p, r, _f1(p, r), len(prs))
        return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> BCubed:
    """B-cubed precision, recall and F1 of ``pred`` against ``gold`` over the items of ``gold``.

    Items absent from ``pred`` are singletons; items of ``pred`` not in ``gold`` are ignored.
    """
    if not gold:
        return BCubed(0.0, 0.0, 0.0, {})
    missing = object()
    pred_of = {item: (pred[item],) if item in pred else (missing, item) for item in gold}
    gold_members: dict[Hashable, set] = defaultdict(set)
    pred_members: dict[Hashable, set] = defaultdict(set)
    for item in gold:
        gold_members[gold[item]].add(item)
        pred_members[pred_of[item]].add(item)
    per_item = {}
    for item in gold:
        g = gold_members[gold[item]]
        p = pred_members[pred_of[item]]
        both = len(g & p)
        per_item[item] = (both / len(p), both / len(g))
    precision = sum(p for p, _ in per_item.values()) / len(per_item)
    recall = sum(r for _, r in per_item.values()) / len(per_item)
    return BCubed(precision, recall, _f1(precision, recall), per_item)


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict]]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}", f"not JSON: {exc}") from exc
                if not isinstance(row, dict):
                    raise InputError(f"{path}:{number}", "expected a JSON object")
                yield number, row
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc}") from exc


def load_gold(path: Path) -> Gold:
    event: dict[str, str] = {}
    story: dict[str, str] = {}
    labels: dict[str, str] = {}
    for number, row in _read_jsonl(path):
        if "id" not in row or "event" not in row:
            raise InputError(f"{path}:{number}", "gold lines need 'id' and 'event'")
        art = str(row["id"])
        if art in event:
            raise InputError(f"{path}:{number}", f"article {art} listed twice")
        event[art] = str(row["event"])
        story[art] = str(row.get("story") or row["event"])
        if row.get("label_event"):
            labels.setdefault(event[art], str(row["label_event"]))
    return Gold(event, story, labels)


def split_gold(gold: Gold, half: str) -> Gold:
    """The ``calibration`` half (stories whose id has an even CRC-32) or the ``check`` half."""
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    want = 0 if half == "calibration" else 1
    keep = {a for a, story in gold.story.items() if zlib.crc32(story.encode("utf-8")) % 2 == want}
    events = {a: e for a, e in gold.event.items() if a in keep}
    return Gold(
        event=events,
        story={a: s for a, s in gold.story.items() if a in keep},
        labels={e: label for e, label in gold.labels.items() if e in set(events.values())},
    )


@dataclass(frozen=True)
class Pair:
    """Two gold articles: a hard negative (different happenings) or an edited copy."""

    a: str
    b: str
    kinds: tuple[str, ...]


def load_pairs(path: Path, kinds_key: str) -> list[Pair]:
    """Pairs from ``hard_negatives.jsonl`` (``kind``) or ``edited_copies.jsonl``
    (``edits``); a missing file is no pairs."""
    if not path.is_file():
        return []
    out = []
    for number, row in _read_jsonl(path):
        if not row.get("a") or not row.get("b"):
            raise InputError(f"{path}:{number}", "pair lines need 'a' and 'b'")
        kinds = row.get(kinds_key) or ()
        out.append(
            Pair(str(row["a"]), str(row["b"]), (kinds,) if isinstance(kinds, str) else tuple(kinds))
        )
    return out


def pairs_scored(pairs: Sequence[Pair], gold: Gold) -> list[Pair]:
    """The pairs whose two articles are both in ``gold`` (one half of it, say)."""
    return [pair for pair in pairs if pair.a in gold.event and pair.b in gold.event]


def kept_apart(
    pairs: Sequence[Pair], pred: Mapping[str, tuple[str | None, str | None]]
) -> dict[str, tuple[int, int]]:
    """Per kind (and ``all``): ``(pairs in different predicted events, pairs)``."""
    events = _level_clusters(pred, "event")
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pair in pairs:
        apart = events.get(pair.a, ("missing", pair.a)) != events.get(pair.b, ("missing", pair.b))
        for kind in ("all", *pair.kinds):
            counts[kind][0] += apart
            counts[kind][1] += 1
    return {kind: (n, total) for kind, (n, total) in sorted(counts.items())}


def _duplicate_root(article: str, duplicate_of: Mapping[str, str | None]) -> str:
    seen = {article}
    while (earlier := duplicate_of.get(article)) is not None and earlier not in seen:
        seen.add(earlier)
        article = earlier
    return article


def linked(pairs: Sequence[Pair], duplicate_of: Mapping[str, str | None]) -> tuple[int, int]:
    """``(pairs linked as duplicates, pairs)``: one is a (near) duplicate of the other, or
    both of one earlier article."""
    found = sum(
        _duplicate_root(pair.a, duplicate_of) == _duplicate_root(pair.b, duplicate_of)
        for pair in pairs
    )
    return found, len(pairs)


def exact_copies_linked(
    records: Sequence[Mapping], duplicate_of: Mapping[str, str | None], ids: set[str]
) -> tuple[int, int]:
    """``(linked, pairs)`` over the records of ``ids`` whose raw texts are identical to an
    earlier record's: dedup must link every such copy."""
    first: dict[str, str] = {}
    pairs = []
    for record in records:
        if record["id"] not in ids or not str(record.get("text") or "").strip():
            continue
        text = str(record["text"])
        if text in first:
            pairs.append(Pair(first[text], str(record["id"]), ("exact",)))
        else:
            first[text] = str(record["id"])
    return linked(pairs, duplicate_of)


def _assignments(rows: Iterable[Mapping]) -> dict[str, tuple[str | None, str | None]]:
    out: dict[str, tuple[str | None, str | None]] = {}
    for row in rows:
        if row.get("id") is None:
            continue
        ev, st = row.get("event"), row.get("story")
        out[str(row["id"])] = (
            None if ev is None else str(ev),
            None if st is None else str(st),
        )
    return out


def load_predictions(path: Path) -> dict[str, tuple[str | None, str | None]]:
    """``id -> (event, story)`` from an assignments file; lines without an id are skipped."""
    return _assignments(row for _, row in _read_jsonl(path))


def _level_clusters(
    pred: Mapping[str, tuple[str | None, str | None]], level: str
) -> dict[str, str]:
    out = {}
    for art, (ev, st) in pred.items():
        value = (ev if ev is not None else st) if level == "event" else st
        if value is None:
            value = ev
        if value is not None:
            out[art] = value
    return out


def _date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _key_words(title: str) -> frozenset[str]:
    from akhbar.arabic.lexicon import load_entries
    from akhbar.arabic.tokens import base_words

    stop = _stopwords(load_entries)
    return frozenset(w for w in base_words(title) if len(w) > 2 and w not in stop)


_STOP: frozenset[str] | None = None


def _stopwords(load_entries) -> frozenset[str]:
    global _STOP
    if _STOP is None:
        from akhbar.arabic.tokens import base_words

        words: set[str] = set()
        for entry in load_entries("stopwords"):
            words.update(base_words(entry))
            words.add(entry)
        _STOP = frozenset(words)
    return _STOP


def title_baseline(records: Sequence[Mapping], overlap: float = 0.5, days: int = 2) -> list[dict]:
    """Reference clustering: link two articles when their titles share at least ``overlap`` of
    the smaller title's key words and their dates are at most ``days`` apart; clusters are the
    connected components (single link). Returns assignments with story == event."""
    keys = [_key_words(str(r.get("title") or "")) for r in records]
    dates = [_date(r.get("date") or r.get("published")) for r in records]
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(keys):
        for w in words:
            index[w].append(i)
    for i, words in enumerate(keys):
        if not words:
            continue
        shared: dict[int, int] = defaultdict(int)
        for w in words:
            for j in index[w]:
                if j < i:
                    shared[j] += 1
        for j, n in shared.items():
            if n / min(len(words), len(keys[j])) < overlap:
                continue
            if dates[i] and dates[j] and abs((dates[i] - dates[j]).days) > days:
                continue
            parent[find(i)] = find(j)
    out = []
    for i, r in enumerate(records):
        cluster = f"t{find(i)}"
        out.append({"id": r["id"], "story": cluster, "event": cluster, "duplicate_of": None})
    return out


def _gold_records(ids: set[str], corpus: Path) -> list[dict]:
    if not corpus.is_file():
        raise InputError(str(corpus), "corpus not found; pass --corpus or --pred")
    found = [row for _, row in _read_jsonl(corpus) if row.get("id") in ids]
    found.sort(key=lambda r: (str(r.get("date") or ""), str(r["id"])))
    return found


def _own_clustering(records: list[dict]) -> list[dict]:
    """akhbar's clustering (the same path as ``akhbar cluster``) over the gold articles."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gold_articles.jsonl"
        with path.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        assignments, _ = cluster_inputs([str(path)])
    return [
        {"id": a.id, "story": a.story, "event": a.event, "duplicate_of": a.duplicate_of}
        for a in assignments
    ]


def _own_threads(records: list[dict]) -> list[dict]:
    """akhbar analyze over the gold articles; each story thread is an event."""
    from akhbar.pipeline import analyze_inputs

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gold_articles.jsonl"
        with path.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        found = analyze_inputs([str(path)])
    duplicate_of = {a.id: a.duplicate_of for a in found.assignments}
    return [
        {
            "id": article,
            "story": story.id,
            "event": f"{story.id}/{thread.id}",
            "duplicate_of": duplicate_of.get(article),
        }
        for story in found.stories
        for thread in story.threads
        for article in thread.articles
    ]


def report(
    gold: Gold,
    pred: Mapping[str, tuple[str | None, str | None]],
    level: str,
    worst: int = 10,
    out=None,
) -> BCubed:
    out = out if out is not None else sys.stdout  # looked up per call: capture and redirects work
    gold_map = gold.at(level)
    clusters = _level_clusters(pred, level)
    score = bcubed(gold_map, clusters)
    missing = sorted(a for a in gold_map if a not in clusters)
    n_events = len(set(gold.event.values()))
    n_stories = len(set(gold.story.values()))
    print(f"gold: {len(gold_map)} articles, {n_events} events, {n_stories} stories", file=out)
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        print(f"missing from predictions (scored as singletons): {len(missing)}: {shown}", file=out)
    print(
        f"B-cubed ({level}): precision {score.precision:.4f}  recall {score.recall:.4f}  "
        f"F1 {score.f1:.4f}",
        file=out,
    )
    per_cluster = score.cluster_scores(gold_map)
    ranked = sorted(per_cluster.items(), key=lambda kv: (kv[1][2], -kv[1][3], kv[0]))
    noun = "events" if level == "event" else "stories"
    print(f"worst {min(worst, len(ranked))} gold {noun} (P / R / F1, size):", file=out)
    for name, (p, r, f, size) in ranked[:worst]:
        label = gold.labels.get(name, "") if level == "event" else ""
        print(f"  {f:.3f}  P {p:.3f}  R {r:.3f}  n={size:<3d} {name}  {label}", file=out)
    return score


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m akhbar.eval.clusters",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--pred", type=Path, help="assignments JSONL to score")
    parser.add_argument("--level", choices=(*LEVELS, "both"), default="both")
    parser.add_argument("--baseline", choices=("title",), help="score a reference baseline")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="ANT JSONL(.gz) holding the gold articles (for clustering runs)",
    )
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument(
        "--title-only-every",
        type=int,
        metavar="N",
        help="drop the body of every Nth gold article (by id) and score those title-only "
        "articles apart",
    )
    parser.add_argument(
        "--threads",
        action="store_true",
        help="score the threads of akhbar analyze's stories as events (a minute or two)",
    )
    parser.add_argument("--hard-negatives", type=Path, default=DEFAULT_HARD_NEGATIVES)
    parser.add_argument("--edited-copies", type=Path, default=DEFAULT_EDITED_COPIES)
    parser.add_argument(
        "--half", choices=HALVES, help="score only the calibration or the check half of the gold"
    )
    args = parser.parse_args(argv)
    records: list[dict] = []
    title_only: set[str] = set()
    try:
        gold = load_gold(args.gold)
        hard = load_pairs(args.hard_negatives, "kind")
        edited = load_pairs(args.edited_copies, "edits")
        if args.pred is not None:
            rows = [row for _, row in _read_jsonl(args.pred)]
            source = str(args.pred)
        else:
            records = _gold_records(set(gold.event), args.corpus)
            title_only = _without_bodies(records, args.title_only_every)
            if args.baseline == "title":
                rows = title_baseline(records)
                source = "baseline: titles sharing >= 50% key words within +-2 days"
            elif args.threads:
                rows = _own_threads(records)
                source = (
                    "the story threads of akhbar analyze (akhbar.pipeline) on the gold articles"
                )
            else:
                rows = _own_clustering(records)
                source = "akhbar's clustering (akhbar.pipeline.cluster_inputs) on the gold articles"
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    pred = _assignments(rows)
    duplicate_of = {str(row["id"]): row.get("duplicate_of") for row in rows if row.get("id")}
    print(f"predictions: {source}")
    if args.half:
        gold = split_gold(gold, args.half)
        print(f"scoring the {args.half} half of the gold only")
    levels = LEVELS if args.level == "both" else (args.level,)
    for i, level in enumerate(levels):
        if i:
            print()
        report(gold, pred, level, worst=args.worst)
    print()
    pair_report(gold, pred, duplicate_of, hard, edited, records)
    if args.pred is None and title_only:
        scored = {a: e for a, e in gold.event.items() if a in title_only}
        score = bcubed(gold.event, _level_clusters(pred, "event"))
        items = [score.per_item[a] for a in scored]
        if items:
            p = sum(x for x, _ in items) / len(items)
            r = sum(y for _, y in items) / len(items)
            print(
                f"title-only articles ({len(items)}, bodies dropped): event B-cubed precision "
                f"{p:.4f}  recall {r:.4f}  F1 {_f1(p, r):.4f}"
            )
    return 0


def _without_bodies(records: list[dict], every: int | None) -> set[str]:
    """Drop the text of every ``every``-th record by id (in place); their ids."""
    if not every:
        return set()
    chosen = {record["id"] for record in sorted(records, key=lambda r: r["id"])[::every]}
    for record in records:
        if record["id"] in chosen:
            record["text"] = ""
    return chosen


def pair_report(
    gold: Gold,
    pred: Mapping[str, tuple[str | None, str | None]],
    duplicate_of: Mapping[str, str | None],
    hard: Sequence[Pair],
    edited: Sequence[Pair],
    records: Sequence[Mapping] = (),
    out=None,
) -> None:
    """Hard negatives kept apart (per kind), edited copies linked, exact copies linked."""
    out = out if out is not None else sys.stdout
    apart = kept_apart(pairs_scored(hard, gold), pred)
    if apart:
        shown = "  ".join(f"{kind} {n}/{total}" for kind, (n, total) in apart.items())
        print(f"hard negatives kept apart: {shown}", file=out)
    found, total = linked(pairs_scored(edited, gold), duplicate_of)
    if total:
        print(f"edited copies linked as duplicates: {found}/{total}", file=out)
    if records:
        found, total = exact_copies_linked(records, duplicate_of, set(gold.event))
        print(f"identical texts linked as duplicates: {found}/{total}", file=out)


if __name__ == "__main__":
    raise SystemExit(main())
