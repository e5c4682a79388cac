"""Events across the seed story, main events, and publication dates settled by the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from akhbar.analyze import analyze_article
from akhbar.analyze.events import find_event_mentions
from akhbar.analyze.times.find import find_times
from akhbar.arabic.doc import make_doc
from akhbar.model import Article
from akhbar.pipeline import analyze_articles, analyze_story, read_articles

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
A000, A001, A002, A003, A004 = (
    "000_a07f516d440c7618",
    "001_a72c5b70b15c2776",
    "002_408b543a26764ddd",
    "003_7e57f8d70e9d2bf3",
    "004_c80ef43e0c326550",
)


@pytest.fixture(scope="module")
def seed_story():
    analyses = analyze_articles(read_articles([str(SEEDS)]).articles)
    return analyze_story("story-001", analyses)


def mentions(text: str, pub: dt.date | None) -> list[tuple[str, str | None, bool]]:
    doc = make_doc(text)
    times = find_times(doc, anchor=pub)
    return [
        (m.type, m.time.value if m.time else None, m.background)
        for m in find_event_mentions(doc, times)
    ]


def test_a_date_goes_to_the_nearest_trigger_not_to_the_background_event() -> None:
    text = (
        "والتقى الرئيس السوري في 29 يناير/ كانون الثاني الماضي وفداً روسياً برئاسة نائب وزير "
        "الخارجية، ميخائيل بوغدانوف، في أول زيارة لدمشق منذ إسقاط نظام الأسد."
    )
    assert mentions(text, dt.date(2025, 3, 20)) == [
        ("visit", "2025-01-29", False),
        ("visit", None, False),
        ("fall", None, True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # france24, ant:FR-internationalNews-1139-20180508
        "أعلن الرئيس الأمريكي دونالد ترامب انسحاب بلاده من الاتفاق النووي الإيراني الموقع في"
        " 2015 وإعادة العمل بالعقوبات المفروضة على طهران.",
        # alarabia, ant:AL-internationalNews-1089-20180509
        "نقل التلفزيون الإيراني عن رئيس البرلمان، علي لاريجاني، قوله إن قرار الرئيس الأميركي"
        " دونالد ترمب الانسحاب من الاتفاق النووي المبرم عام 2015 انتهاك للاتفاق.",
    ],
)
def test_the_date_of_the_deal_is_not_the_date_of_the_withdrawal(text: str) -> None:
    assert mentions(text, dt.date(2018, 5, 9)) == [("withdrawal", None, False)]


def test_a_modifier_right_after_the_trigger_dates_the_trigger() -> None:
    text = "وقال إن القمة المقررة في 12 يونيو ستعقد في سنغافورة."
    assert mentions(text, dt.date(2018, 5, 9)) == [("summit", "2018-06-12", False)]


def test_a_withdrawal_in_a_year_is_dated_by_it() -> None:
    # skynews, ant:SK-middleEast-1526-20180509 (a background mention: after "بعد")
    text = (
        "وأصبحت إيران القوة الخارجية الأعلى صوتا في العراق بعد انسحاب القوات الأميركية في 2011،"
        " حيث يسيطر حلفاء طهران على أجهزة الأمن."
    )
    assert mentions(text, dt.date(2018, 5, 8)) == [("withdrawal", "2011", True)]


def test_in_contact_is_not_a_call_and_vague_references_do_not_date() -> None:
    text = (
        "مشيراً إلى أنه على اتصال بدول أخرى بشأن الأمر. هذا ولم يصدر حتى الساعة تعليق بشأن الرسالة."
    )
    assert mentions(text, dt.date(2025, 3, 20)) == [("letter", None, False)]


def test_a_withdrawal_on_a_weekday_is_dated_by_the_feed_date() -> None:
    # Al Arabiya, ANT ant:AL-internationalNews-1073-20180508, published Tuesday 2018-05-08.
    text = (
        "وكان الرئيس الأميركي، دونالد #ترمب، قد قرر الثلاثاء، الانسحاب من الاتفاق النووي الإيراني."
    )
    assert mentions(text, dt.date(2018, 5, 8)) == [("withdrawal", "2018-05-08", False)]


def test_clitics_do_not_hide_a_trigger() -> None:
    text = "وخلال الاتصال، ناقش بوتين والشرع أوجه التعاون، وبالمكالمة الهاتفية أكد دعمه."
    assert [kind for kind, _, _ in mentions(text, None)] == ["call", "call"]


def test_seed_events_are_merged_and_dated(seed_story) -> None:
    story, _, _ = seed_story
    assert [(e.date, e.type, e.articles) for e in story.events] == [
        ("2015", "intervention", (A003, A004)),
        ("2024-12-08", "fall", (A000, A002, A003, A004)),
        ("2025-01-29", "visit", (A000, A001, A002, A004)),
        ("2025-02-12", "call", (A000, A001, A002, A003, A004)),
        ("2025-03-20", "letter", (A000, A002)),
        (None, "attack", (A000,)),
        # Putin's invitation to al-Shaibani to visit Moscow: other actors, another visit.
        (None, "visit", (A004,)),
    ]
    intervention = story.events[0]
    assert (intervention.mod, intervention.precision) == ("ON_OR_AFTER", "year")
    call = story.events[3]
    assert call.label == "اتصال هاتفي (phone call)"
    quoted = {(e.span.article, e.text) for e in call.evidence}
    assert (
        A002,
        "وأجرى بوتين أول مكالمة هاتفية مع الشرع، في 12 فبراير/ شباط الفائت، وقال الكرملين في "
        "بيانه حينها إن بوتين تمنّى للشرع النجاح في خوض المهمات التي تواجه القيادة الجديدة "
        'للبلاد، لصالح الشعب السوري "الذي تربطه بروسيا علاقات صداقة وتعاون مفيد متبادل على '
        'مر التاريخ".',
    ) in quoted


def test_main_events_follow_titles_and_leads(seed_story) -> None:
    story, _, main_event = seed_story
    types = {event.id: event.type for event in story.events}
    assert {article: types[event] for article, event in main_event.items()} == {
        A000: "letter",
        A001: "call",
        A002: "letter",
        A003: "call",
        A004: "call",
    }


def test_004_publication_date_is_inferred_from_the_call_and_the_visit(seed_story) -> None:
    _, members, _ = seed_story
    article = next(m.article for m in members if m.article.id == A004)
    assert (article.published, article.published_source) == (dt.date(2025, 2, 12), "inferred")
    assert [(e.span.article, e.text) for e in article.published_evidence] == [
        (A004, "اليوم الأربعاء"),
        (A002, "12 فبراير/ شباط الفائت"),
        (A004, "الشهر الماضي"),
        (A002, "29 يناير/ كانون الثاني الماضي"),
    ]
    assert article.published_notes[0] == (
        "'اليوم الأربعاء' refers to the اتصال هاتفي (phone call) that "
        f"{A002} dates '12 فبراير/ شباط الفائت'"
    )
    # Re-analysed with its new date, its relative expressions now resolve.
    analysis = next(m for m in members if m.article.id == A004)
    assert [(t.surface, t.value) for t in analysis.times if t.relative][:1] == [
        ("اليوم الأربعاء", "2025-02-12")
    ]


def test_a_month_alone_does_not_settle_a_day(seed_story) -> None:
    _, members, _ = seed_story
    undated = {m.article.id for m in members if m.article.published is None}
    assert undated == {A000, A001, A003}


def test_text_weekday_wins_over_a_feed_date_a_day_late() -> None:
    text = "بعث الرئيس الروسي فلاديمير بوتين، اليوم الخميس، رسالة إلى نظيره السوري أحمد الشرع."
    article = Article(
        id="feed",
        source="feed.jsonl:1",
        text=text,
        published=dt.date(2025, 3, 21),
        published_source="input",
    )
    analysis = analyze_article(article)
    assert (analysis.article.published, analysis.article.published_source) == (
        dt.date(2025, 3, 20),
        "text",
    )
    assert analysis.article.published_notes == (
        "input date 2025-03-21 is a Friday, but the text says 'اليوم الخميس'; "
        "the text's date 2025-03-20 is used",
    )
    assert [e.text for e in analysis.article.published_evidence] == ["اليوم الخميس"]
    assert analysis.events[0].time.value == "2025-03-20"


def test_a_matching_feed_date_is_left_alone() -> None:
    text = "بعث الرئيس الروسي فلاديمير بوتين، اليوم الخميس، رسالة إلى نظيره السوري أحمد الشرع."
    article = Article(
        id="feed",
        source="feed.jsonl:1",
        text=text,
        published=dt.date(2025, 3, 20),
        published_source="input",
    )
    assert analyze_article(article).article == article
