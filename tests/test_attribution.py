"""Cited sources and chains on seed sentences (examples/seeds) and properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.analyze.voices.attribution import find_sources
from akhbar.arabic.doc import make_doc

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def _sources(text: str):
    return find_sources(make_doc(text, article="t"))


def _seed(prefix: str):
    return _sources(next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8"))


def _rows(citations):
    return [(c.chain, c.type, c.cue) for c in citations]


def test_seed_000_kremlin_spokesman_and_wall_street_journal():
    rows = _rows(_seed("000"))
    assert (("المتحدث باسم الكرملين دميتري بيسكوف",), "official", "وأفاد") in rows
    assert (("وول ستريت جورنال",), "newspaper", "ووفقاً") in rows
    # "أشارت الصحيفة إلى أن" is the newspaper cited before it.
    assert (("وول ستريت جورنال",), "newspaper", "أشارت") in rows


def test_seed_001_ria_novosti_relaying_the_kremlin_and_the_standard():
    rows = _rows(_seed("001"))
    assert (("ريا نوفوستي", "الكرملين"), "agency", "نقلت") in rows
    assert (("إيفنينغ ستاندرد", "تحديثات استخباراتية بريطانية"), "newspaper", "كشف") in rows
    assert not [r for r in rows if "خبر مباشر" in r[0]]  # the platform's own voice


def test_seed_002_peskov_via_russian_agencies_and_kremlin_statement():
    citations = _seed("002")
    rows = _rows(citations)
    chain = ("وكالات أنباء روسية", "المتحدث باسم الكرملين دميتري بيسكوف")
    assert (chain, "agency", "وقال") in rows
    kremlin = [c for c in citations if c.source == "الكرملين"]
    assert [c.links[0].document for c in kremlin] == ["بيانه", "بيانه"]  # "وأضاف البيان"


def test_seed_004_kremlin_presidency_reuters_and_declining():
    citations = _seed("004")
    rows = _rows(citations)
    assert (("الكرملين",), "official", "وأفاد") in rows
    assert (("الرئاسة السورية",), "official", "أفادت") in rows
    assert (("رويترز", "مصدر سوري مطلع"), "agency", "ونقلت") in rows
    decline = next(c for c in citations if c.stance == "decline")
    assert decline.chain == ("المتحدث باسم الكرملين ديمتري بيسكوف",)
    reuters = next(c for c in citations if c.source == "رويترز")
    assert reuters.links[1].type == "anonymous"


@pytest.mark.parametrize(
    ("text", "chain", "kind"),
    [
        ("وأعلنت الشرطة ذلك، بحسب وكالة رويترز.", ("رويترز",), "agency"),
        ("ووقع الحادث حسب مصادر دبلوماسية.", ("مصادر دبلوماسية",), "anonymous"),
        ("وارتفعت الأسعار وفقا لصحيفة الغارديان.", ("الغارديان",), "newspaper"),
        ("وارتفعت الأسعار وفق تقرير للبنك.", ("تقرير للبنك",), "document"),
        ("وجرى ذلك نقلا عن وكالة الأنباء السعودية.", ("واس",), "agency"),
        ("وقتل ثلاثة بحسب ما أوردته وكالة الأناضول.", ("الأناضول",), "agency"),
        ("وقال الوزير لوكالة فرانس برس إن الوضع هادئ.", ("فرانس برس", "الوزير"), "agency"),
        ("وقالت الوزارة في بيان إن الوضع هادئ.", ("الوزارة",), "official"),
        ("ونقلت وكالة تاس عن مصدر مطلع أن الوفد وصل.", ("تاس", "مصدر مطلع"), "agency"),
        ("وأفادت وكالة سانا بأن الوفد وصل.", ("سانا",), "agency"),
    ],
)
def test_cue_forms(text, chain, kind):
    (citation,) = _sources(text)
    assert (citation.chain, citation.type) == (chain, kind)


def test_according_to_a_non_source_cites_nothing():
    assert _sources("وتوزع المناصب حسب المحاصصة الطائفية في البلاد.") == ()


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('بحسب وكالة رويترز نقلا عن مصدر قال أن، ".\n')), max_size=200
    )
)
def test_spans_slice_back_on_any_text(text):
    for citation in _sources(text):
        assert text[citation.span.start : citation.span.end] == citation.cue
        for link in citation.links:
            assert text[link.span.start : link.span.end] == link.surface


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_no_exception_on_any_text(text):
    _sources(text)
