"""The cited summary and the story's headline (issue 16), on the seeds."""

from __future__ import annotations

from akhbar.eval.summary import check_summary
from akhbar.render import render
from akhbar.story.build import story_title
from seed_ids import CALL_001, CALL_003, CALL_004, LETTER_000, LETTER_002


def test_the_summary_tells_the_call_the_letter_and_the_support_in_120_words(seeds_report):
    (story,) = seeds_report.stories
    assert sum(len(item.text.split()) for item in story.summary) <= 120
    dated = {item.date: item for item in story.summary if item.date}
    call, letter = dated["2025-02-12"], dated["2025-03-20"]
    assert call.text.startswith("بحث الرئيس الروسي فلاديمير بوتين، اليوم الأربعاء، مع الرئيس")
    assert call.sources == (CALL_001, CALL_003, CALL_004)
    assert letter.text.startswith("بعث الرئيس الروسي فلاديمير بوتين، اليوم الخميس، رسالة")
    assert letter.sources == (LETTER_000, LETTER_002)
    (unity,) = [item for item in story.summary if "لوحدة وسيادة" in item.text]
    assert unity.sources == (CALL_001, CALL_003, CALL_004)
    # In the order things happened: the January meeting, the call, the letter.
    assert [item.date for item in story.summary if item.date] == sorted(dated)


def test_every_sentence_is_in_each_article_it_cites(seeds_report):
    (story,) = seeds_report.stories
    texts = {a.article.id: a.article.text for a in seeds_report.analyses}
    for item in story.summary:
        taken = item.taken_from
        assert texts[taken.article][taken.start : taken.end] == item.text
        assert [e.span.article for e in item.evidence] == list(item.sources)
        for evidence in item.evidence:
            assert texts[evidence.span.article][evidence.span.start : evidence.span.end] == (
                evidence.text
            )
    assert check_summary(story, seeds_report) == []


def test_no_headline_promotion_caption_or_unnamed_speaker_is_summarised(seeds_report):
    (story,) = seeds_report.stories
    titles = {a.article.title for a in seeds_report.analyses}
    for item in story.summary:
        assert item.text not in titles
        assert "خبر مباشر" not in item.text  # 001's line about itself
        assert not item.text.startswith(("أضاف", "وأضاف", "كما أعرب عن"))
        assert not item.text.rstrip().endswith(")")  # "(سانا/إكس)": a caption


def test_the_headline_is_the_main_threads_central_title_cut_short(seeds_report):
    (story,) = seeds_report.stories
    assert story.title == "بوتين يهاتف الشرع"
    # One article: its own title, whole when it has no break.
    assert (
        story_title(seeds_report.analyses[1:2], ())
        == "الرئيس الروسي بوتين يجري اتصالا مع أحمد الشرع"
    )


def test_reports_put_the_summary_first_with_numbered_citations(seeds_report):
    html = render(seeds_report, "html")
    glance = html.index('<div class="glance">')
    assert glance < html.index("story-events-")
    assert '<a class="cite" href="#cite-1-story-001">[1]</a>' in html
    assert '<li value="1" id="cite-1-story-001"><mark dir="auto">' in html
    assert "⚠ " in html  # the Bogdanov names and the Assad accounts are flagged
    markdown = render(seeds_report, "md")
    assert "\\[1\\]" in markdown and "**الجمل المستشهد بها (cited sentences)**" in markdown
