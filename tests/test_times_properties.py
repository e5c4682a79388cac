"""Properties of find_times on any text, the lexicons it reads, and its evaluation floor."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from akhbar.analyze.times.anchored import reanchor
from akhbar.analyze.times.find import find_times
from akhbar.arabic.doc import make_doc
from akhbar.arabic.lexicon import lexicon_names, load_entries
from akhbar.arabic.normalize import KeyOffsets, key_with_offsets, to_key
from akhbar.eval.times import load_gold, score

GOLD = Path(__file__).parent / "data" / "times" / "ant_times.jsonl"

# Pieces of real time expressions, so random text often holds (broken) times.
PIECES = [
    "في", "31", "29", "٣١", "فبراير", "شباط", "/", "ديسمبر", "كانون الأول", "2018", "١٤٣٩",
    "هـ", "رمضان", "الماضي", "المقبل", "اليوم", "أمس", "الخميس", "يوم", "الساعة", "11:55",
    "مساء", "منذ", "عام", "بين", "و", "لمدة", "يومين", "ثلاث", "سنوات", "الأسبوع", "مطلع",
    "الثامن", "من", "(", ")", "،", ".", "\n", " ", "ـ", "َ", "\u200f", "ماي", "0", "13",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join) | st.text(max_size=80)
anchors = st.none() | st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))

_DAY = r"\d{4}-\d{2}-\d{2}"
_SHAPES = {
    "day": rf"{_DAY}(/{_DAY})?",
    "daypart": rf"{_DAY}T(MO|MI|AF|EV|NI)",
    "time": r"(\d{4}-\d{2}-\d{2}|XXXX-XX-XX)T\d{2}:\d{2}",
    "month": r"\d{4}-\d{2}",
    "year": r"\d{4}(/\d{4})?",
    "week": r"\d{4}-W\d{2}(-WE)?",
    "quarter": r"\d{4}-(Q[1-4]|H[12])",
    "season": r"\d{4}-(SP|SU|FA|WI)",
    "decade": r"\d{3}",
    "ref": r"(PAST|PRESENT|FUTURE)_REF",
}


def _check_value(value: str, precision: str, kind: str) -> None:
    if kind in ("DURATION", "SET"):
        duration = r"P(?=[\dXT])([\dX.]+(DE|CE|Y|M|W|D))*(T([\dX.]+[HMS])+)?"
        every = r"XXXX-WXX-[1-7]|XXXX-(0[1-9]|1[0-2])|XXXX-(SP|SU|FA|WI)"
        assert re.fullmatch(f"{duration}|{every}", value), value
        return
    assert re.fullmatch(_SHAPES[precision], value), (value, precision)
    for day in re.findall(_DAY, value):
        dt.date.fromisoformat(day)  # raises on 31 February
    if precision == "month":
        assert 1 <= int(value[5:7]) <= 12
    if precision == "week":
        assert 1 <= int(value[6:8]) <= 53


@settings(max_examples=400, deadline=None)
@given(texts, anchors)
def test_any_text_gives_well_formed_expressions(text: str, anchor: dt.date | None) -> None:
    found = find_times(make_doc(text, article="a1"), anchor=anchor)
    for item in found:
        assert text[item.span.start : item.span.end] == item.surface
        assert item.span.article == "a1"
        assert item.type in ("DATE", "TIME", "DURATION", "SET")
        if item.value is not None:
            _check_value(item.value, item.precision or "", item.type)
        else:  # no anchor, or one outside the Umm al-Qura table for a Hijri month
            assert item.relative and item.rule is not None
            assert anchor is None or item.rule.name == "hijri"
    assert all(a.span.end <= b.span.start for a, b in pairwise(found))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابةأإآـَُِّ ﻻ٣ﷺ\u200f\u200eکی2")), max_size=30))
def test_key_offsets_agree_with_normalize(text: str) -> None:
    mine, theirs = KeyOffsets(text), key_with_offsets(text)
    assert mine.key == theirs.key
    for start in range(len(mine.key)):
        for end in range(start + 1, len(mine.key) + 1):
            assert mine.display_span(start, end) == theirs.display_span(start, end)


def test_time_lexicon_entries_are_in_key_form() -> None:
    names = [name for name in lexicon_names() if name.startswith("time_")]
    assert len(names) >= 15
    for name in names:
        for line in load_entries(name):
            entry = line.split("\t")[0].lstrip("+-")
            assert to_key(entry) == entry, (name, entry)


def test_annotated_ant_set_floor() -> None:
    # Measured 1.000 recall and 1.000 accuracy on 144 expressions (the set the rules were
    # tuned on); the floor sits just under.
    result = score(load_gold(GOLD))
    assert result.total >= 120
    assert result.recall >= 0.99
    assert result.accuracy >= 0.99


def test_held_out_set_floor() -> None:
    # Measured 1.000 / 1.000 on 42 expressions, after its three misses were fixed as rules
    # (0.952 / 0.929 before); one new miss would still pass.
    result = score(load_gold(GOLD.with_name("ant_times_heldout.jsonl")))
    assert result.total >= 40
    assert result.recall >= 0.97
    assert result.accuracy >= 0.97


def test_blind_set_floor() -> None:
    # Annotated blind: 0.902 recall / 0.843 accuracy before any rule was changed (the honest
    # estimate). This floor pins the figure measured AFTER the fixes it prompted (0.983 /
    # 0.974 on 235 expressions), so it guards against regressions, not generalisation.
    result = score(load_gold(GOLD.with_name("ant_times_blind.jsonl")))
    assert result.total >= 230
    assert result.recall >= 0.97
    assert result.accuracy >= 0.96


_SEEDS = sorted((Path(__file__).resolve().parents[1] / "examples" / "seeds").glob("*.txt"))
_GOLD_SENTENCES = sorted({row.sentence for row in load_gold(GOLD)})
real_texts = st.sampled_from([path.read_text(encoding="utf-8") for path in _SEEDS])
real_texts |= st.sampled_from(_GOLD_SENTENCES)
days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@settings(max_examples=300, deadline=None)
@given(real_texts | texts, anchors, days)
# Found by hypothesis: a day and month with no year, then a clock; with no anchor the two
# had stayed apart, and re-anchoring cannot join spans.
@example("1فبرآىر آلسآعة 0000", None, dt.date(2000, 1, 1))
def test_reanchoring_by_rule_equals_reading_at_the_new_anchor(text, old, new):
    """What the story stage does when it infers a date: each relative expression's rule,
    resolved at the new anchor, gives exactly what reading the text there would."""
    doc = make_doc(text)
    assert reanchor(find_times(doc, anchor=old), new) == find_times(doc, anchor=new)
