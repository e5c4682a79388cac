"""link_entities across the seeds: one entity per referent, with aliases, titles, conflicts."""

from __future__ import annotations

import pytest

from akhbar.analyze.entities.mentions import find_entities
from akhbar.arabic.doc import make_doc
from akhbar.corpus.linking import ConflictValue, link_entities
from akhbar.pipeline import read_articles


@pytest.fixture(scope="module")
def seed_mentions():
    articles = read_articles(["examples/seeds"]).articles
    # Short ids ("000".."004") keep the expected values readable.
    return {a.id[:3]: find_entities(make_doc(a.text, article=a.id[:3])) for a in articles}


@pytest.fixture(scope="module")
def linked(seed_mentions):
    return link_entities(seed_mentions)


def _entity(linked, name, kind="PER"):
    found = [e for e in linked[0] if e.name == name and e.type == kind]
    assert len(found) == 1, [(e.type, e.name) for e in linked[0]]
    return found[0]


def _people_named(linked, word):
    return [e for e in linked[0] if e.type == "PER" and word in e.name]


def test_spelling_variants_and_short_form_are_one_person(linked):
    peskov = _entity(linked, "دميتري بيسكوف")
    assert peskov.aliases == ("بيسكوف", "ديمتري بيسكوف")
    assert peskov.articles == ("000", "002", "004")
    assert [(t.title, t.articles) for t in peskov.titles] == [
        ("المتحدث باسم الكرملين", ("000", "002", "004"))
    ]
    assert len(_people_named(linked, "بيسكوف")) == 1


def test_short_forms_and_clitic_forms_join_the_full_name(linked, seed_mentions):
    putin = _entity(linked, "فلاديمير بوتين")
    sharaa = _entity(linked, "أحمد الشرع")
    assert putin.articles == sharaa.articles == ("000", "001", "002", "003", "004")
    assert (putin.aliases, sharaa.aliases) == (("بوتين",), ("الشرع",))
    spans = set(sharaa.mentions)
    # "بالشرع" in 001 ("اتصال بوتين بالشرع") and "والشرع" in 001 are Sharaa's mentions
    clitic = [m for m in seed_mentions["001"] if m.name == "الشرع" and m.span in spans]
    assert len(clitic) >= 2
    assert len(_people_named(linked, "بوتين")) == 1


def test_shared_given_name_is_not_identity(linked):
    assert _entity(linked, "أحمد الشيباني").articles == ("004",)
    assert _entity(linked, "أحمد الشرع").name != "أحمد الشيباني"


def test_syria_spellings_are_one_place(linked):
    syria = _entity(linked, "سوريا", "LOC")
    assert syria.aliases == ("سورية",)
    assert syria.articles == ("000", "001", "002", "003", "004")
    for place in ("طرطوس", "حميميم", "اللاذقية", "ميناء بانياس", "دمشق"):
        assert _entity(linked, place, "LOC")


def test_organisations_and_media_are_linked(linked):
    assert _entity(linked, "الكرملين", "ORG").articles == ("000", "001", "002", "003", "004")
    assert _entity(linked, "ريا نوفوستي", "MEDIA").articles == ("001",)
    assert _entity(linked, "رويترز", "MEDIA").articles == ("004",)


def test_bogdanov_is_one_person_with_a_name_conflict(linked):
    bogdanov = _entity(linked, "ميخائيل بوغدانوف")
    assert _people_named(linked, "بوغدانوف") == [bogdanov]
    assert bogdanov.articles == ("000", "001", "002", "004")
    assert [(t.title, t.articles) for t in bogdanov.titles] == [
        ("نائب وزير الخارجية الروسي", ("000", "001", "002")),
        ("المبعوث الخاص للرئيس الروسي إلى الشرق الأوسط وأفريقيا", ("004",)),
    ]
    conflicts = [c for c in linked[1] if c.entity == bogdanov.id]
    assert [c.values for c in conflicts] == [
        (
            ConflictValue("ميخائيل بوغدانوف", ("001", "002", "004")),
            ConflictValue("سيرغي بوغدانوف", ("000",)),
        )
    ]
    assert len(linked[1]) == 1


def test_titles_keep_their_spans(linked, seed_mentions):
    abu_qasra = _entity(linked, "مرهف أبوقصرة")
    (title,) = abu_qasra.titles
    (ref,) = title.mentions
    assert (title.title, ref.article) == ("وزير الدفاع السوري المؤقت", "001")


def test_compound_name_written_solid_or_spaced():
    one = find_entities(
        make_doc("وأكد وزير الدفاع السوري المؤقت مرهف أبوقصرة أن المفاوضات جارية.", article="a")
    )
    two = find_entities(
        make_doc("وقال وزير الدفاع السوري المؤقت مرهف أبو قصرة إن المفاوضات جارية.", article="b")
    )
    entities, conflicts = link_entities({"a": one, "b": two})
    people = [e for e in entities if e.type == "PER"]
    assert [(p.name, p.articles) for p in people] == [("مرهف أبوقصرة", ("a", "b"))]
    assert people[0].aliases == ("مرهف أبو قصرة",)
    assert conflicts == ()


def test_family_name_alone_is_not_identity():
    one = find_entities(make_doc("وقال الرئيس السوري بشار الأسد إن الحرب انتهت.", article="a"))
    two = find_entities(make_doc("وقال رفعت الأسد إنه سيعود إلى دمشق.", article="b"))
    people = [e for e in link_entities({"a": one, "b": two})[0] if e.type == "PER"]
    assert sorted((p.name, p.articles) for p in people) == [
        ("بشار الأسد", ("a",)),
        ("رفعت الأسد", ("b",)),
    ]


def test_ids_are_deterministic_and_order_free(seed_mentions, linked):
    reordered = dict(reversed(list(seed_mentions.items())))
    again = link_entities(reordered)
    assert again == linked
    ids = [e.id for e in linked[0]]
    assert len(ids) == len(set(ids))
    assert _entity(linked, "فلاديمير بوتين").id.startswith("per-")


@pytest.mark.parametrize(
    ("one", "other", "family", "expected"),
    [
        # A foreign g written غ or ج: BBC (ant:BB-internationalNews-150-20180314) and CNN
        # (ant:CN-internationalNews-122-20180314).
        (
            "من جانبه، انتقد وزير الخارجية الروسي، سيرغي لافروف، الطريقة التي تتعامل بها "
            "بريطانيا في القضية.",
            "سيتم قطع التواصل الثنائي على المستوى الدبلوماسي الرفيع من ضمنها إلغاء دعوة وزير "
            "الخارجية الروسي، سيرجي لافروف، لزيارة بريطانيا.",
            "لافروف",
            ("سيرغي لافروف", ("سيرجي لافروف",)),
        ),
        # A short given name: BBC (ant:BB-middleEast-346-20180414) and france24
        # (ant:FR-internationalNews-729-20180414).
        (
            "وقال وزير الدفاع الأمريكي جيمس ماتيس للصحفيين ليس ثمة أي تقارير عن وقوع خسائر "
            "أمريكية في العملية العسكرية.",
            "وقال الجنرال دانفورد الذي كان موجودا في مقر وزارة الدفاع الأمريكية (البنتاغون) إلى "
            "جانب وزير الدفاع الأمريكي جيم ماتيس، إن لا خطط في الوقت الحالي لشن عملية عسكرية أخرى.",
            "ماتيس",
            ("جيمس ماتيس", ("جيم ماتيس",)),
        ),
    ],
)
def test_spelling_variants_of_a_given_name_are_one_person_not_a_name_conflict(
    one: str, other: str, family: str, expected: tuple
) -> None:
    mentions = {
        "a": find_entities(make_doc(one, article="a")),
        "b": find_entities(make_doc(other, article="b")),
    }
    entities, conflicts = link_entities(mentions)
    people = [e for e in entities if e.type == "PER" and family in e.name]
    assert [(p.name, p.aliases, p.articles) for p in people] == [(*expected, ("a", "b"))]
    assert conflicts == ()
