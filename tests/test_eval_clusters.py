"""B-cubed scoring and the hand-labelled ANT event gold (tests/data/clusters/)."""

from __future__ import annotations

import gzip
import io
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from akhbar.eval.clusters import (
    bcubed,
    load_gold,
    load_predictions,
    main,
    report,
    split_gold,
    title_baseline,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "clusters" / "ant_events.jsonl"
README = ROOT / "tests" / "data" / "clusters" / "README.md"
ANT = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"

G = {1: "A", 2: "A", 3: "A", 4: "B", 5: "B"}


def test_perfect():
    s = bcubed(G, {k: v.lower() for k, v in G.items()})
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_all_merged():
    s = bcubed(G, dict.fromkeys(G, "x"))
    assert s.precision == pytest.approx(0.52)
    assert s.recall == 1.0
    assert s.f1 == pytest.approx(2 * 0.52 / 1.52)


def test_all_split():
    s = bcubed(G, {k: k for k in G})
    assert s.precision == 1.0
    assert s.recall == pytest.approx(0.4)
    assert s.f1 == pytest.approx(0.8 / 1.4)


def test_textbook_example():
    # gold A={1,2,3} B={4,5}; predicted X={1,2} Y={3,4,5}
    s = bcubed(G, {1: "X", 2: "X", 3: "Y", 4: "Y", 5: "Y"})
    assert s.precision == pytest.approx(11 / 15)
    assert s.recall == pytest.approx(11 / 15)
    assert s.f1 == pytest.approx(11 / 15)
    assert s.per_item[3] == pytest.approx((1 / 3, 1 / 3))
    per_cluster = s.cluster_scores(G)
    assert per_cluster["B"][:2] == pytest.approx((2 / 3, 1.0))


def test_missing_items_are_singletons_and_extra_ignored():
    pred = {1: "x", 2: "x", 3: "x", 4: "y", 99: "y", 100: "x"}  # 5 missing, 99/100 extra
    s = bcubed(G, pred)
    assert s.precision == 1.0
    assert s.recall == pytest.approx((1 + 1 + 1 + 0.5 + 0.5) / 5)


def test_reader_tolerates_missing_articles(tmp_path):
    gold_file = tmp_path / "gold.jsonl"
    rows = [
        {"id": "a", "event": "e1", "story": "s1", "label_event": "one"},
        {"id": "b", "event": "e1", "story": "s1"},
        {"id": "c", "event": "e2", "story": "s1"},
    ]
    gold_file.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    pred_file = tmp_path / "pred.jsonl"
    preds = [
        {"id": "a", "story": "S", "event": "E", "duplicate_of": None},
        {"id": "c", "story": "S", "event": None, "duplicate_of": None},  # falls back to story
        {"id": "zzz", "story": "S", "event": "E", "duplicate_of": None},  # not in gold
        {"story": "S"},  # no id: skipped
    ]
    pred_file.write_text("\n".join(json.dumps(p) for p in preds) + "\n\n", encoding="utf-8")
    gold = load_gold(gold_file)
    pred = load_predictions(pred_file)
    out = io.StringIO()
    s = report(gold, pred, "event", out=out)
    text = out.getvalue()
    assert "missing from predictions (scored as singletons): 1: b" in text
    # a:{a} vs e1{a,b}; c: own cluster "S" vs e2{c}; b singleton
    assert s.precision == 1.0
    assert s.recall == pytest.approx((0.5 + 0.5 + 1) / 3)
    story = report(gold, pred, "story", out=io.StringIO())
    assert story.precision == 1.0
    assert story.recall == pytest.approx((2 / 3 + 1 / 3 + 2 / 3) / 3)
    assert main(["--gold", str(gold_file), "--pred", str(pred_file)]) == 0


def test_title_baseline_links_close_titles_only():
    recs = [
        {"id": "1", "date": "2018-05-08", "title": "ترامب يعلن الانسحاب من الاتفاق النووي"},
        {"id": "2", "date": "2018-05-09", "title": "ترامب ينسحب من الاتفاق النووي مع إيران"},
        {"id": "3", "date": "2018-05-20", "title": "ترامب يعلن الانسحاب من الاتفاق النووي"},
        {"id": "4", "date": "2018-05-08", "title": "فرنسا تفوز بكأس العالم"},
    ]
    out = {a["id"]: a["event"] for a in title_baseline(recs)}
    assert out["1"] == out["2"]
    assert out["3"] != out["1"]
    assert out["4"] not in {out["1"], out["3"]}


# --- the gold file -------------------------------------------------------------------------


def _gold_rows():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def test_gold_is_well_formed():
    rows = _gold_rows()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "an article is listed twice"
    event_story = {}
    for r in rows:
        assert set(r) >= {"id", "event", "story"}
        assert event_story.setdefault(r["event"], r["story"]) == r["story"]
    load_gold(GOLD)  # the reader accepts it


def test_gold_has_enough_multi_outlet_events():
    outlets = defaultdict(set)
    for r in _gold_rows():
        if r.get("kind") == "event":
            outlets[r["event"]].add(r["outlet"])
    multi = [e for e, o in outlets.items() if len(o) >= 2]
    assert len(multi) >= 35
    stories = defaultdict(set)
    for r in _gold_rows():
        if r.get("kind") == "event":
            stories[r["story"]].add(r["event"])
    assert sum(len(v) > 1 for v in stories.values()) >= 5


def test_readme_lists_hard_negatives_between_gold_events():
    events = {r["event"] for r in _gold_rows()}
    pairs = re.findall(r"^\| HN-\d+ \| `([^`]+)` \| `([^`]+)` \|", README.read_text("utf-8"), re.M)
    assert len(pairs) >= 15
    for a, b in pairs:
        assert a in events and b in events and a != b


@pytest.mark.skipif(not ANT.is_file(), reason="ANT corpus not present")
def test_gold_ids_exist_in_ant():
    wanted = {r["id"] for r in _gold_rows()}
    with gzip.open(ANT, "rt", encoding="utf-8") as handle:
        for line in handle:
            wanted.discard(json.loads(line)["id"])
            if not wanted:
                break
    assert not wanted


def test_a_broken_prediction_file_is_named_not_a_traceback(tmp_path, capsys) -> None:
    from akhbar.eval.clusters import main

    broken = tmp_path / "pred.jsonl"
    broken.write_text("not json\n", encoding="utf-8")
    assert main(["--pred", str(broken)]) == 1
    assert f"{broken}:1: not JSON" in capsys.readouterr().err


def test_without_pred_it_scores_akhbars_own_clustering(capsys) -> None:
    import pytest

    from akhbar.eval.clusters import DEFAULT_CORPUS, main

    if not DEFAULT_CORPUS.exists():
        pytest.skip(f"{DEFAULT_CORPUS} not found (shared ANT data)")
    assert main(["--level", "event"]) == 0
    out = capsys.readouterr().out
    assert "akhbar.pipeline.cluster_inputs" in out
    assert "B-cubed (event)" in out


def test_calibration_and_check_halves_split_the_gold_by_story() -> None:
    gold = load_gold(GOLD)
    calibration, check = split_gold(gold, "calibration"), split_gold(gold, "check")
    assert calibration.event.keys().isdisjoint(check.event.keys())
    assert calibration.event.keys() | check.event.keys() == gold.event.keys()
    assert set(calibration.story.values()).isdisjoint(check.story.values())
    assert min(len(calibration.event), len(check.event)) > len(gold.event) / 3
    with pytest.raises(ValueError, match="half"):
        split_gold(gold, "train")


def test_pair_files_hold_gold_articles_of_the_right_events() -> None:
    from akhbar.eval.clusters import DEFAULT_EDITED_COPIES, DEFAULT_HARD_NEGATIVES, load_pairs

    gold = load_gold(GOLD)
    hard = load_pairs(DEFAULT_HARD_NEGATIVES, "kind")
    edited = load_pairs(DEFAULT_EDITED_COPIES, "edits")
    assert len(hard) >= 40 and len(edited) >= 30
    assert {kind for pair in hard for kind in pair.kinds} == {
        "reactions",
        "thread-steps",
        "recurring",
        "movements",
    }
    assert all(gold.event[p.a] != gold.event[p.b] for p in hard)
    assert all(gold.event[p.a] == gold.event[p.b] for p in edited)


def test_pairs_apart_and_linked_are_counted_per_kind() -> None:
    from akhbar.eval.clusters import Pair, kept_apart, linked

    hard = [
        Pair("a", "b", ("reactions",)),
        Pair("a", "c", ("recurring",)),
        Pair("d", "e", ("recurring",)),
    ]
    pred = {"a": ("e1", "s1"), "b": ("e2", "s1"), "c": ("e1", "s1"), "d": ("e3", "s2")}
    # "e" has no prediction: a singleton, so apart from "d".
    assert kept_apart(hard, pred) == {
        "all": (2, 3),
        "reactions": (1, 1),
        "recurring": (1, 2),
    }
    duplicate_of = {"b": "a", "c": "b", "e": None}
    edited = [Pair("a", "c", ()), Pair("b", "c", ()), Pair("a", "e", ())]
    assert linked(edited, duplicate_of) == (2, 3)  # c -> b -> a: one root; e stands alone
