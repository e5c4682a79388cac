"""Where outlets agree and where they do not (issue 15): contradictions by slot, toll
updates, differing accounts and unique facts, on the seeds and on real ANT sentences."""

from __future__ import annotations

import datetime as dt

from akhbar.analyze.article import analyze_article
from akhbar.corpus.link_names import within_one_edit
from akhbar.model import Article
from akhbar.pipeline import analyze_story
from akhbar.render import render
from seed_ids import CALL_001, CALL_003, CALL_004, LETTER_000, LETTER_002


def test_the_seeds_hold_the_bogdanov_names_and_the_assad_accounts_and_nothing_else(seeds_report):
    (story,) = seeds_report.stories
    assert [c.kind for c in story.contradictions] == ["name", "account"]
    name, account = story.contradictions
    assert [(v.value, v.articles) for v in name.values] == [
        ("ميخائيل بوغدانوف", (CALL_001, LETTER_002, CALL_004)),
        ("سيرغي بوغدانوف", (LETTER_000,)),
    ]
    # 000: Moscow refused a formal request to hand over Assad; 004: the Kremlin's spokesman
    # declined to comment on whether the request was raised. Differing accounts.
    assert [(v.value, v.articles) for v in account.values] == [
        ("refuse", (LETTER_000,)),
        ("decline", (CALL_004,)),
    ]
    refused, declined = (v.evidence[0].text for v in account.values)
    assert refused.startswith("غير أن موسكو رفضت طلباً رسمياً") and "بشار الأسد" in refused
    assert declined.startswith("إلا أن المتحدث باسم الكرملين ديمتري بيسكوف رفض التعليق")


def test_support_for_unity_and_sovereignty_is_carried_by_three_outlets(seeds_report):
    (story,) = seeds_report.stories
    outlets = {a.article.id: a.article.outlet or a.article.id for a in seeds_report.analyses}
    (unity,) = [c for c in story.claims if "بوحدة سوريا وسيادتها" in c.text]
    assert unity.status == "corroborated"
    assert unity.articles == (CALL_001, CALL_003, CALL_004)
    assert len({outlets[a] for a in unity.articles}) == 3
    assert "الداعم لوحدة وسيادة وسلامة الأراضي السورية" in unity.evidence[0].text


def test_unique_facts_are_the_wall_street_journal_and_the_shaibani_invitation(seeds_report):
    (story,) = seeds_report.stories
    by_about = {(f.outlet, f.about): f for f in story.unique_facts}
    wsj = by_about[("سيريا ستار تايمز", "وول ستريت جورنال")]
    assert "تجري دمشق وموسكو مفاوضات سرية" in wsj.text
    assert wsj.evidence.span.article == LETTER_000
    invitation = by_about[(CALL_004, "الرئاسة السورية")]
    assert "دعوة لوزير الخارجية السوري أحمد الشيباني لزيارة موسكو" in invitation.text
    # A fact several outlets carry is never unique, and an outlet naming itself is no fact.
    assert not [f for f in story.unique_facts if "بوحدة سوريا" in f.text]
    assert not [f for f in story.unique_facts if f.about == f.outlet]


def test_statements_carry_the_response_polarity(seeds_report):
    by_id = {a.article.id: a for a in seeds_report.analyses}
    refused = [s for s in by_id[LETTER_000].statements if s.polarity == "refuse"]
    declined = [s for s in by_id[CALL_004].statements if s.polarity == "decline"]
    assert [s.text.startswith("غير أن موسكو رفضت طلباً رسمياً") for s in refused] == [True]
    assert [s.text.startswith("إلا أن المتحدث باسم الكرملين") for s in declined] == [True]
    text = by_id[LETTER_000].article.text
    assert all(text[s.span.start : s.span.end] == s.text for s in by_id[LETTER_000].statements)


def _story(*items: tuple[str, str, str, str]):
    """A story of one-paragraph articles: (id, outlet, published day, text)."""
    analyses = [
        analyze_article(
            Article(
                id=article,
                source=f"{article}.txt",
                text=text,
                outlet=outlet,
                published=dt.date.fromisoformat(day),
            )
        )
        for article, outlet, day, text in items
    ]
    story, _, _ = analyze_story("story-001", analyses)
    return story


# ANT, Genoa bridge (france24, 15 and 16 August 2018).
GENOA_25 = "وقال رئيس الوزراء الإيطالي جوزيبي كونتي لاحقا إن الحصيلة الرسمية قد بلغت 25 قتيلا."
GENOA_39 = "وكانت الحصيلة قد بلغت 39 قتيلا و16 جريحا بينهم تسعة لا يزالون بحالة خطيرة."


def test_a_toll_that_rises_is_an_update_in_time_order() -> None:
    story = _story(("a", "فرانس 24", "2018-08-15", GENOA_25), ("b", "سكاي", "2018-08-16", GENOA_39))
    (update,) = story.contradictions
    assert update.kind == "update" and update.about == "dead"
    assert [(v.value, v.articles, v.published) for v in update.values] == [
        ("25 قتيلا", ("a",), "2018-08-15"),
        ("39 قتيلا", ("b",), "2018-08-16"),
    ]


def test_a_toll_that_falls_later_is_not_reported_as_either() -> None:
    story = _story(("a", "فرانس 24", "2018-08-15", GENOA_39), ("b", "سكاي", "2018-08-16", GENOA_25))
    assert story.contradictions == ()


def test_another_quake_of_last_week_is_background_not_an_update() -> None:
    # ANT, Lombok (BBC, 7 August 2018; france24, 8 August 2018).
    story = _story(
        (
            "a",
            "BBC",
            "2018-08-07",
            "وتجاوز تأثير زلزال الأحد حتى الآن زلزالا آخرا ضرب لومبوك في 29 يوليو وبلغت "
            "حصيلته 16 قتيلا.",
        ),
        (
            "b",
            "فرانس 24",
            "2018-08-08",
            "تضاعفت حصيلة قتلى الزلزال الذي ضرب جزيرة لومبوك الإندونيسية يوم الأحد لتصل إلى "
            "131 قتيلا.",
        ),
    )
    assert story.contradictions == ()


# ANT, Erdogan re-elected (BBC and france24, 24-25 June 2018): one candidate's share.
INCE_BBC = "وفي حين حصل أقرب منافسيه محرم إينجة على 28 بالمئة من أصوات الناخبين في الانتخابات."
INCE_F24 = "بينما حصل منافسه محرم إينجه على 31,7 بالمئة من أصوات الناخبين في الانتخابات."


def test_one_candidates_share_told_differently_is_a_number_contradiction() -> None:
    story = _story(("a", "BBC", "2018-06-25", INCE_BBC), ("b", "فرانس 24", "2018-06-25", INCE_F24))
    (found,) = story.contradictions
    assert found.kind == "number"
    assert [(v.value, v.articles) for v in found.values] == [
        ("28 بالمئة", ("a",)),
        ("31,7 بالمئة", ("b",)),
    ]
    (claim,) = [c for c in story.claims if c.id == found.claim]
    assert claim.status == "contested"


def test_a_rounded_share_agrees_and_two_candidates_never_compare() -> None:
    rounded = INCE_F24.replace("31,7", "31")
    story = _story(("a", "فرانس 24", "2018-06-25", INCE_F24), ("b", "سكاي", "2018-06-25", rounded))
    assert story.contradictions == ()
    erdogan = "بينما حصل الرئيس رجب طيب أردوغان على 52,5 بالمئة من أصوات الناخبين في الانتخابات."
    story = _story(("a", "BBC", "2018-06-25", INCE_BBC), ("b", "فرانس 24", "2018-06-25", erdogan))
    assert story.contradictions == ()


def test_a_misspelt_given_name_is_no_name_conflict() -> None:
    # ANT had "باراك أوباما" in one outlet and "بارك أوباما" in another.
    template = "وقال الرئيس الأمريكي السابق {} إن الاتفاق النووي مع إيران يجعل العالم أكثر أمانا."
    typo = _story(
        ("a", "BBC", "2018-05-08", template.format("باراك أوباما")),
        ("b", "سكاي", "2018-05-08", template.format("بارك أوباما")),
    )
    assert [c for c in typo.contradictions if c.kind == "name"] == []
    assert within_one_edit("باراكاوباما", "باركاوباما")
    assert not within_one_edit("سيرغيبوغدانوف", "ميخاييلبوغدانوف")


def test_reports_show_the_matrix_the_sides_and_the_unique_facts(seeds_report):
    html = render(seeds_report, "html")
    assert '<table class="matrix">' in html
    assert html.count('<div class="side">') == 4  # two sides of each contradiction
    assert "روايات مختلفة" in html and "امتنع عن التعليق" in html
    assert "ما انفردت به وسيلة واحدة" in html
    markdown = render(seeds_report, "md")
    assert "| الادعاء (claim) |" in markdown
    assert "- **روايات مختلفة (differing accounts)**: response" in markdown
    assert "> غير أن موسكو رفضت طلباً رسمياً" in markdown
