"""The cited summary and the story's headline (issue 16), on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar.eval.summary import check_summary
from akhbar.pipeline import analyze_inputs
from akhbar.render import render
from akhbar.story.build import story_title

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
LETTER_000, CALL_001, LETTER_002, CALL_003, CALL_004 = (
    "000_a07f516d440c7618",
    "001_a72c5b70b15c2776",
    "002_408b543a26764ddd",
    "003_7e57f8d70e9d2bf3",
    "004_c80ef43e0c326550",
)


@pytest.fixture(scope="module")
def seeds():
    return analyze_inputs([str(SEEDS)])


def test_the_summary_tells_the_call_the_letter_and_the_support_in_120_words(seeds):
    (story,) = seeds.stories
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


def test_every_sentence_is_in_each_article_it_cites(seeds):
    (story,) = seeds.stories
    texts = {a.article.id: a.article.text for a in seeds.analyses}
    for item in story.summary:
        taken = item.taken_from
        assert texts[taken.article][taken.start : taken.end] == item.text
        assert [e.span.article for e in item.evidence] == list(item.sources)
        for evidence in item.evidence:
            assert texts[evidence.span.article][evidence.span.start : evidence.span.end] == (
                evidence.text
            )
    assert check_summary(story, seeds) == []


def test_no_headline_promotion_caption_or_unnamed_speaker_is_summarised(seeds):
    (story,) = seeds.stories
    titles = {a.article.title for a in seeds.analyses}
    for item in story.summary:
        assert item.text not in titles
        assert "خبر مباشر" not in item.text  # 001's line about itself
        assert not item.text.startswith(("أضاف", "وأضاف", "كما أعرب عن"))
        assert not item.text.rstrip().endswith(")")  # "(سانا/إكس)": a caption


def test_the_headline_is_the_main_threads_central_title_cut_short(seeds):
    (story,) = seeds.stories
    assert story.title == "بوتين يهاتف الشرع"
    # One article: its own title, whole when it has no break.
    assert story_title(seeds.analyses[1:2], ()) == "الرئيس الروسي بوتين يجري اتصالا مع أحمد الشرع"


def test_reports_put_the_summary_first_with_numbered_citations(seeds):
    html = render(seeds, "html")
    glance = html.index('<div class="glance">')
    assert glance < html.index("story-events-")
    assert '<a class="cite" href="#cite-1-story-001">[1]</a>' in html
    assert '<li value="1" id="cite-1-story-001"><mark dir="auto">' in html
    assert "⚠ " in html  # the Bogdanov names and the Assad accounts are flagged
    markdown = render(seeds, "md")
    assert "\\[1\\]" in markdown and "**الجمل المستشهد بها (cited sentences)**" in markdown
