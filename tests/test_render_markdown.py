"""The Markdown report: Arabic headings, every section, article text kept as text."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

from akhbar.model import Report, Story
from akhbar.render.markdown import render_markdown
from akhbar.render.markdown_text import escape_inline, link

FIXTURE = runpy.run_path(str(Path(__file__).parent / "data" / "render" / "sample_report.py"))
A002, A003 = FIXTURE["A002"], FIXTURE["A003"]

HEADINGS = [
    "# تقرير الأخبار (akhbar report)",
    "## القصص (Stories)",
    "### بوتين والشرع (story-putin-sharaa)",
    "#### الملخص (Summary)",
    "#### الخط الزمني (Timeline / events)",
    "#### الأطراف (Entities)",
    "#### الاقتباسات (Quotes)",
    "#### المصادر والإسناد (Sources / attributions)",
    "#### الادعاءات (Claims)",
    "#### التناقضات (Contradictions)",
    "## المقالات (Articles)",
    "## النصوص المحذوفة (Removed boilerplate)",
    "## مدخلات لم تُقرأ (Skipped inputs)",
]


def test_every_heading_in_order() -> None:
    lines = render_markdown(FIXTURE["sample_report"]()).splitlines()
    assert [line for line in lines if line in HEADINGS] == HEADINGS
    assert (
        "### 002\\_408b543a26764ddd — رسالة من بوتين إلى الشرع: مستعدون للتعاون ونؤيد استقرار سورية"
        in lines
    )


def test_story_items_render() -> None:
    text = render_markdown(FIXTURE["sample_report"]())
    assert "سلسلة النقل (chain): الكرملين ← ريا نوفوستي ← خبر مباشر" in text
    assert "**مؤكَّد من أكثر من مصدر (corroborated)**" in text
    assert (
        "- **12 شباط/فبراير 2025** · يوم (day) — اتصال هاتفي بين بوتين والشرع (event-call)\n"
        "  - المقالات (articles): 001\\_a72c5b70b15c2776، 003\\_7e57f8d70e9d2bf3، "
        "004\\_c80ef43e0c326550 (3 مقالات)\n"
        "  - الحدث الرئيسي لـ (main event of): 001\\_a72c5b70b15c2776، 003\\_7e57f8d70e9d2bf3، "
        "004\\_c80ef43e0c326550\n"
        "  - الشواهد (evidence) (1):\n"
        "    - «بوتين أجرى اتصالًا هاتفيًا مع الشرع» — 004\\_c80ef43e0c326550 (sentence 0, 32–67)\n"
    ) in text
    assert "- **دميتري بيسكوف** (person, entity-peskov)" in text


def test_articles_table_row_and_link() -> None:
    lines = render_markdown(FIXTURE["sample_report"]()).splitlines()
    row_002 = next(line for line in lines if line.startswith("| 002"))
    assert row_002 == (
        "| 002\\_408b543a26764ddd | — | رسالة من بوتين إلى الشرع: مستعدون للتعاون ونؤيد استقرار"
        " سورية | 2025-03-20 · من نص المقال (text) | examples/seeds/002\\_408b543a26764ddd.txt |"
    )
    row_003 = next(line for line in lines if line.startswith("| 003"))
    assert "| [بوتين يهاتف الشرع..ماذا تريد روسيا من الإدارة الجديدة في سوريا](<https://" in row_003


def test_boilerplate_and_skipped_listed() -> None:
    text = render_markdown(FIXTURE["sample_report"]())
    assert "- السطر (line) 5: «\\+ الخط -» — widget" in text
    assert "- السطر (line) 7: «استمع إلى الملخص» — widget" in text
    assert "- examples/broken.html: could not decode the bytes as UTF-8" in text


def test_empty_sections_say_none_yet() -> None:
    story = Story(id="s1", title="بوتين يهاتف الشرع", articles=())
    text = render_markdown(Report((), (story,), ()))
    # 8 story sections + articles + boilerplate + skipped: 11 sections, plus the provenance
    # chains and copies under the attributions
    assert text.count("_لا شيء بعد (none yet)_") == 13


def test_hostile_text_stays_text() -> None:
    text = render_markdown(FIXTURE["hostile_report"]())
    for raw in ("<script", "<img", "<iframe", "<svg", "<b>", "(<javascript"):
        assert raw not in text
    assert re.search(r"(?<!\\)\]\(javascript", text) is None
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "### \\[قصة\\](javascript:alert(1)) (s&lt;1&gt;)" in text
    assert "«\\# عاجل \\| &lt;b&gt;خبر&lt;/b&gt;»" in text
    # The table row keeps exactly five cells: no unescaped pipe split it.
    row = next(line for line in text.splitlines() if line.startswith("| evil"))
    assert row.replace("\\|", "").count("|") == 6


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("# عاجل", "\\# عاجل"),
        ("+ الخط -", "\\+ الخط -"),
        ("1. بوتين", "1\\. بوتين"),
        ("0.1.0", "0.1.0"),
        ("بوتين | الشرع", "بوتين \\| الشرع"),
        ("*مهم* _جدا_ `code` ~x~ $5", "\\*مهم\\* \\_جدا\\_ \\`code\\` \\~x\\~ \\$5"),
        ("[رابط](http://x)", "\\[رابط\\](http://x)"),
        ("a\\b", "a\\\\b"),
        ("<b>خبر</b> & ريا", "&lt;b&gt;خبر&lt;/b&gt; &amp; ريا"),
        ("سطر\nثان\r\n  ثالث", "سطر ثان ثالث"),
    ],
)
def test_escape_inline(raw: str, escaped: str) -> None:
    assert escape_inline(raw) == escaped


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://aboutmsr.com/x", "[بوتين](<https://aboutmsr.com/x>)"),
        ("HTTP://aboutmsr.com/x", "[بوتين](<HTTP://aboutmsr.com/x>)"),
        ("javascript:alert(1)", "بوتين"),
        (" https://a.b/x", "بوتين"),
        ("https://a.b/x y", "بوتين"),
        ("https://a.b/<x>", "بوتين"),
        (None, "بوتين"),
    ],
)
def test_only_plain_http_urls_become_links(url: str | None, expected: str) -> None:
    assert link("بوتين", url) == expected
