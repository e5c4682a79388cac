"""Counted things (issue 15, part 1): tolls, sums, shares and ages with their hedges, on real
ANT sentences (BBC and France 24 on the Havana crash of 18 May 2018) and the seeds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.analyze.quantities import find_quantities
from akhbar.arabic.doc import make_doc

BBC = (
    "قتل أكثر من مئة شخص في تحطم طائرة بوينغ 737 تابعة للخطوط الجوية الكوبية قرب مطار "
    "هافانا الدولي، حسب وسائل إعلام حكومة محلية."
)
FRANCE24 = (
    "أعلنت كوبا الحداد الوطني ليومين اعتبارا من السبت، غداة حادث تحطم طائرة ركاب أسفر عن "
    "سقوط 107 قتلى وثلاثة جرحى في حالة حرجة، في ظروف لم تعرف بعد."
)
CASTRO = (
    "من جهته، أصدر راوول كاسترو (86 عاما) الذي خضع لعملية جراحية لمعالجة فتق، توجيهات وعبر "
    'عن "تعازيه لأسر ضحايا الكارثة".'
)


def _found(text: str) -> list[tuple]:
    doc = make_doc(text, article="a")
    out = []
    for q in find_quantities(doc):
        assert text[q.span.start : q.span.end] == q.text
        out.append((q.text, q.value, q.low, q.high, q.kind, q.hedge))
    return out


def test_a_hedged_toll_covers_what_it_says_and_a_boeing_737_counts_nothing() -> None:
    assert _found(BBC) == [("أكثر من مئة شخص", 100.0, 100.0, None, "dead", "more")]


def test_a_toll_of_dead_and_injured_joined_by_wa() -> None:
    assert _found(FRANCE24) == [
        ("107 قتلى", 107.0, 107.0, 107.0, "dead", None),
        ("وثلاثة جرحى", 3.0, 3.0, 3.0, "injured", None),
    ]


def test_years_in_brackets_after_a_name_are_an_age() -> None:
    assert _found(CASTRO) == [("86 عاما", 86.0, 86.0, 86.0, "age", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic-Indic digits, thousands separators, multipliers, per cent in two spellings.
        ("ارتفعت الحصيلة إلى ٢٠ قتيلا", ("٢٠ قتيلا", 20.0, 20.0, 20.0, "dead", None)),
        ("وأصيب 1,300 شخص بجروح", ("1,300 شخص", 1300.0, 1300.0, 1300.0, "injured", None)),
        (
            "بلغت الخسائر 1.5 مليون دولار",
            ("1.5 مليون دولار", 1500000.0, 1500000.0, 1500000.0, "money", None),
        ),
        ("ونما الاقتصاد 3 في المئة", ("3 في المئة", 3.0, 3.0, 3.0, "percent", None)),
        ("بنسبة 12% عن العام الماضي", ("12%", 12.0, 12.0, 12.0, "percent", None)),
        # Number words: a multiplier after a cardinal, a ten joined by و, a vague plural.
        ("قتل ثلاثة آلاف شخص", ("ثلاثة آلاف شخص", 3000.0, 3000.0, 3000.0, "dead", None)),
        ("استمر خمسة وعشرين يوما", ("خمسة وعشرين يوما", 25.0, 25.0, 25.0, "days", None)),
        (
            "وقتل عشرات الآلاف من المدنيين",
            ("عشرات الآلاف من المدنيين", 20000.0, 20000.0, 99000.0, "dead", "vague"),
        ),
        # A rounded figure covers a fifth either way; an unround one much less.
        ("مقتل نحو 20 شخصا", ("نحو 20 شخصا", 20.0, 16.0, 24.0, "dead", "about")),
        ("توفي عن عمر يناهز 76 عاما", ("يناهز 76 عاما", 76.0, 72.2, 79.8, "age", "about")),
        (
            "أسفر عن مقتل ما لا يقل عن 18 شخصا",
            ("ما لا يقل عن 18 شخصا", 18.0, 18.0, None, "dead", "least"),
        ),
    ],
)
def test_forms_of_numbers_hedges_and_counted_things(text: str, expected: tuple) -> None:
    (found,) = _found(text)
    assert found[:2] == expected[:2] and found[4:] == expected[4:]
    assert found[2] == pytest.approx(expected[2])
    assert found[3] == (None if expected[3] is None else pytest.approx(expected[3]))


def test_dates_and_years_count_nothing() -> None:
    # The seeds' "12 فبراير/ شباط الفائت" and a year are dates, not counts.
    assert _found("وجرى الاتصال في 12 فبراير/ شباط الفائت، وفي عام 2015 تدخلت روسيا.") == []


_WORDS = ["قتل", "نحو", "أكثر", "من", "20", "٣", "1,300", "ثلاثة", "آلاف", "عشرات", "شخصا"]
_WORDS += ["قتيلا", "جرحى", "دولار", "مليون", "%", "في", "المئة", "عاما", "(", ")", "وعشرين"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14))
def test_every_quantity_points_at_its_words_and_covers_its_value(words: list[str]) -> None:
    text = " ".join(words)
    for q in find_quantities(make_doc(text, article="a")):
        assert text[q.span.start : q.span.end] == q.text
        assert q.low is None or q.low <= q.value or q.hedge in ("about", "less", "most")
        assert q.high is None or q.value <= q.high
