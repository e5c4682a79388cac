"""The HTML report: one offline RTL page, every section, every piece of article text escaped."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

from akhbar.model import Report, Story
from akhbar.render.html import render_html
from akhbar.render.html_parts import anchor, url_html

FIXTURE = runpy.run_path(str(Path(__file__).parent / "data" / "render" / "sample_report.py"))

SECTION_HEADINGS = [
    "تقرير الأخبار",
    "القصص",
    "الملخص",
    "الخط الزمني",
    "الأطراف",
    "الاقتباسات",
    "المصادر والإسناد",
    "الادعاءات",
    "التناقضات",
    "المقالات",
    "النصوص المحذوفة",
    "مدخلات لم تُقرأ",
]
# The sample has no unique facts: that section is left out.


def _headings(page: str) -> list[str]:
    """The Arabic part of every h1, h2 and h4 (section headings), in order."""
    return [m.strip() for m in re.findall(r"<h[124]>([^<]*)<span", page)]


def test_page_frame() -> None:
    page = render_html(FIXTURE["sample_report"]())
    assert page.startswith(
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">'
    )
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert (
        'font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Segoe UI", Tahoma,'
        ' "Geeza Pro", sans-serif;' in page
    )
    assert page.endswith("</html>\n")


def test_self_contained_without_scripts() -> None:
    page = render_html(FIXTURE["sample_report"]())
    assert "<script" not in page
    assert re.search(r"<(link|img|iframe|object|embed)\b", page) is None
    assert re.search(r"\bsrc=", page) is None
    assert "@import" not in page and "url(" not in page
    # The only links leaving the page are the article URLs themselves.
    external = re.findall(r'href="(?!#)([^"]*)"', page)
    assert external == [FIXTURE["sample_analyses"]()[3].article.url]


def test_every_section_heading_in_order() -> None:
    assert _headings(render_html(FIXTURE["sample_report"]())) == SECTION_HEADINGS


def test_story_content_and_links() -> None:
    page = render_html(FIXTURE["sample_report"]())
    a004 = FIXTURE["A004"]
    assert f'<tr id="article-{a004}">' in page
    # A story cites an article by its outlet and title, its id in the tooltip.
    assert f'<a href="#article-{a004}" title="{a004}"><bdi dir="auto">' in page
    assert '<span class="status status-corroborated">مؤكَّد من أكثر من مصدر' in page
    assert (
        '<bdi dir="auto">الكرملين</bdi> ← <bdi dir="auto">ريا نوفوستي</bdi>'
        ' ← <bdi dir="auto">خبر مباشر</bdi>'
    ) in page
    assert '<q dir="auto">+ الخط -</q>' in page
    assert '<q dir="auto">استمع إلى الملخص</q>' in page
    assert "<details><summary>الشواهد" in page
    assert '<bdi dir="ltr">2025-03-20</bdi><br><small>من نص المقال <span class="en"' in page
    assert '<li id="event-event-call" class="event tl-main"><strong>12 شباط/فبراير 2025' in page


def test_a_section_with_nothing_to_show_is_left_out() -> None:
    story = Story(id="s1", title="بوتين يهاتف الشرع", articles=())
    page = render_html(Report((), (story,), ()))
    for heading in ("الملخص", "الخط الزمني", "الادعاءات", "التناقضات", "مدخلات لم تُقرأ"):
        assert f"<h4>{heading}" not in page and f"<h2>{heading}" not in page
    # Only the empty articles table still says so: the story's list of its articles.
    assert page.count('<p class="none">لا شيء بعد') == 1


def test_hostile_text_only_escaped() -> None:
    page = render_html(FIXTURE["hostile_report"]())
    for raw in (
        "<script",
        "<img",
        "<iframe",
        "<svg",
        "<b>",
        'href="javascript',
        "onerror=alert(1)>",
    ):
        assert raw not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # Jinja's escape writes a double quote as &#34; (html.escape as &quot;): the same text.
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert '<bdi dir="ltr">javascript:alert(1)</bdi>' in page
    assert '<tr id="article-evil_3c_1_3e_">' in page
    assert "&lt;svg onload=alert(1)&gt; | &#34;quoted&#34;" in page
    assert "&lt;b&gt;خبر&lt;/b&gt;" in page


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://aboutmsr.com/x?a=1&b=2",
            '<a href="https://aboutmsr.com/x?a=1&amp;b=2" dir="ltr" rel="noopener noreferrer">'
            "https://aboutmsr.com/x?a=1&amp;b=2</a>",
        ),
        ("javascript:alert(1)", '<bdi dir="ltr">javascript:alert(1)</bdi>'),
        ("java\tscript:alert(1)", '<bdi dir="ltr">java\tscript:alert(1)</bdi>'),
        (
            'https://x.y/" onmouseover="a',
            '<bdi dir="ltr">https://x.y/&quot; onmouseover=&quot;a</bdi>',
        ),
        ("data:text/html,<b>", '<bdi dir="ltr">data:text/html,&lt;b&gt;</bdi>'),
        (None, "—"),
    ],
)
def test_url_html(url: str | None, expected: str) -> None:
    assert url_html(url) == expected


def test_anchor_is_stable_and_attribute_safe() -> None:
    assert anchor("article-", "004_c80ef43e0c326550") == "article-004_c80ef43e0c326550"
    assert anchor("article-", 'a "b"') == "article-a_20__22_b_22_"
    assert anchor("story-", "قصة") == "story-_642__635__629_"


def test_story_lists_its_articles_by_outlet_and_title() -> None:
    page = render_html(FIXTURE["sample_report"]())
    a000, a001 = FIXTURE["A000"], FIXTURE["A001"]
    title = FIXTURE["TITLES"][a001]
    assert '<details class="story-articles" open><summary>مقالات القصة' in page
    assert (
        f'<li><a href="#article-{a001}" title="{a001}"><bdi dir="auto">خبر مباشر</bdi> — '
        f'<bdi dir="auto">{title}</bdi></a>'
    ) in page
    summary = re.search(r'<details class="story-articles" open><summary>(.*?)</summary>', page)
    assert summary is not None
    assert '<bdi dir="auto">سيريا ستار تايمز</bdi> 1' in summary.group(1)
    # Listed once among the story's articles (other sections cite it by the same name).
    assert page.count(f'<li><a href="#article-{a000}" title=') == 1


def test_a_report_of_several_stories_opens_on_an_index_most_covered_first() -> None:
    from akhbar.pipeline import analyze_inputs

    root = Path(__file__).resolve().parents[1]
    report = analyze_inputs(
        [
            str(root / "examples" / "seeds"),
            str(root / "tests" / "data" / "corpus" / "ant_unrelated.jsonl"),
        ]
    )
    page = render_html(report)
    index = page[page.index('<nav class="story-index">') : page.index("</nav>")]
    assert index.count("<li>") == len(report.stories) > 1
    first = re.search(r'<li><a href="#([^"]+)">', index).group(1)
    assert first == "story-story-001"  # the seeds: four outlets, more than any other
    # Each story keeps its summary in view and folds the rest.
    assert page.count('<details class="story-detail">') == len(report.stories)
    assert page.index('<nav class="story-index">') < page.index('<article class="story"')
