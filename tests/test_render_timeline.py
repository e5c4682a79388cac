"""The story timeline in the HTML (inline SVG + list) and Markdown reports.

Built from the hand-made fixture (every date form) and from the real seeds pipeline.
"""

from __future__ import annotations

import itertools
import re
import runpy
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from akhbar.pipeline import analyze_inputs
from akhbar.render.document import report_to_dict
from akhbar.render.html import render_html
from akhbar.render.markdown import render_markdown
from akhbar.render.timeline import count_text, gap_days, main_event_articles, years_text

FIXTURE = runpy.run_path(str(Path(__file__).parent / "data" / "render" / "sample_report.py"))
A000, A001, A002, A003, A004 = (FIXTURE[f"A00{n}"] for n in range(5))
SVG = "{http://www.w3.org/2000/svg}"
SEEDS = Path(__file__).parent.parent / "examples" / "seeds"

FIXTURE_DATES = [
    "منذ 2015",
    "8 كانون الأول/ديسمبر 2024",
    "كانون الثاني/يناير 2025",
    "12 شباط/فبراير 2025",
    "20 آذار/مارس 2025",
]


def _svgs(page: str) -> list[ET.Element]:
    """Every inline timeline SVG of the page, parsed as XML (so each must be well-formed)."""
    blocks = re.findall(r"<svg\b.*?</svg>", page, re.S)
    return [ET.fromstring(block) for block in blocks if 'class="timeline-svg"' in block]


def _classed(svg: ET.Element, tag: str, name: str) -> list[ET.Element]:
    return [e for e in svg.iter(f"{SVG}{tag}") if name in (e.get("class") or "").split()]


def _list_dates(page: str) -> list[str]:
    events = re.search(r'<ol class="events">(.*?)</ol>', page, re.S)
    assert events is not None
    return re.findall(r'<li id="event-[^"]*" class="[^"]*"><strong>([^<]*)</strong>', events[1])


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(FIXTURE["timeline_report"]())


def test_svg_is_well_formed_and_accessible(page: str) -> None:
    (svg,) = _svgs(page)
    assert svg.tag == f"{SVG}svg"
    assert (svg.get("role"), svg.get("width"), svg.get("viewBox")) == ("img", "360", "0 0 360 614")
    assert svg.get("aria-label") == "الخط الزمني: 5 أحداث، من 2015 إلى 20 آذار/مارس 2025"
    assert [t.text for t in _classed(svg, "text", "tl-date")] == FIXTURE_DATES
    assert len(list(svg.iter(f"{SVG}circle"))) == 5  # one mark per dated event, none undated


def test_marks_run_down_in_date_order_with_longer_gaps_for_longer_times(page: str) -> None:
    (svg,) = _svgs(page)
    ys = [float(c.get("cy") or 0) for c in svg.iter(f"{SVG}circle")]
    assert ys == sorted(ys)
    steps = [round(b - a, 1) for a, b in itertools.pairwise(ys)]
    # A step is the block above (84 units with one chip row, 1 date line) + 14 + a room that
    # grows with log2 of the weeks between the dates, capped at 46: a decade, then 2024-12-08
    # → 2025-01 (24 days, to the month's start), 2025-01 → 02-12 (42 days), 02-12 → 03-20 (36).
    assert steps == [144.0, 119.5, 126.0, 124.2]
    assert steps[0] == 84 + 14 + 46
    (long_gap,) = _classed(svg, "line", "tl-long")
    assert (long_gap.get("y1"), long_gap.get("y2")) == ("19.5", "163.5")
    assert [t.text for t in _classed(svg, "text", "tl-gap")] == ["نحو 10 سنوات"]


def test_marks_and_chips_show_main_events(page: str) -> None:
    (svg,) = _svgs(page)
    marks = [c.get("class") for c in svg.iter(f"{SVG}circle")]
    assert marks == [
        "tl-mark tl-approx",
        "tl-mark",
        "tl-mark tl-approx",
        "tl-mark tl-main",
        "tl-mark tl-main",
    ]
    main_chips = [a.get("href") for a in _classed(svg, "a", "tl-main")]
    assert main_chips == [f"#article-{i}" for i in (A001, A003, A004, A000, A002)]
    chip_texts = [t.text for a in _classed(svg, "a", "tl-chip") for t in a.iter(f"{SVG}text")]
    assert chip_texts == ["003", "003", "000", "002", "001", "003", "004", "000", "002"]
    assert [t.text for t in _classed(svg, "text", "tl-meta")][3] == "3 مقالات · الحدث الرئيسي لـ 3"


def test_text_list_matches_the_drawing_and_undated_come_after(page: str) -> None:
    assert _list_dates(page) == FIXTURE_DATES
    svg_end, undated = page.index("</svg>"), page.index('<p class="undated">أحداث بلا تاريخ')
    assert svg_end < page.index('<ol class="events">') < undated
    assert page.index('<li id="event-event-apology" class="event"><strong>بلا تاريخ</strong>') > (
        undated
    )
    call = re.search(r'<li id="event-event-call".*?</li></ul></details></li>', page, re.S)
    assert call is not None
    assert '<small>· يوم <span class="en" lang="en" dir="ltr">(day)</span></small>' in call[0]
    assert (
        'الحدث الرئيسي لـ <span class="en" lang="en" dir="ltr">(main event of)</span>: '
        f'<a href="#article-{A001}" title="{A001}">'
    ) in call[0]
    assert "<details><summary>الشواهد" in call[0]
    assert '<q dir="auto">بوتين أجرى اتصالًا هاتفيًا مع الشرع</q>' in call[0]


def test_article_links_of_the_timeline_point_at_table_rows(page: str) -> None:
    (svg,) = _svgs(page)
    targets = {a.get("href") for a in svg.iter(f"{SVG}a")}
    rows = {f"#{row}" for row in re.findall(r'<tr id="([^"]+)">', page)}
    events = {f"#{li}" for li in re.findall(r'<li id="(event-[^"]+)"', page)}
    assert targets <= rows | events
    assert {f"#article-{A000}", "#event-event-call"} <= targets


def test_published_cell_says_how_the_date_was_settled(page: str) -> None:
    row = re.search(rf'<tr id="article-{A004}">.*?</tr>', page, re.S)
    assert row is not None
    assert '<bdi dir="ltr">2025-02-12</bdi><br><small>مستنتج <span class="en"' in row[0]
    assert '<details class="settled"><summary>كيف حُدِّد تاريخ النشر' in row[0]
    assert '<li dir="ltr" lang="en">&#39;اليوم&#39; refers to the اتصال هاتفي' in row[0]
    row_002 = re.search(rf'<tr id="article-{A002}">.*?</tr>', page, re.S)
    assert row_002 is not None and "settled" not in row_002[0]
    assert "<small>من نص المقال <span" in row_002[0]


def test_markdown_timeline_exact() -> None:
    text = render_markdown(FIXTURE["timeline_report"]())
    section = text[text.index("#### الخط الزمني") : text.index("#### الأطراف")]
    lines = section.splitlines()
    heads = [line for line in lines if line.startswith("- **")]
    assert heads == [
        "- **منذ 2015** · سنة (year) — تدخل عسكري (military intervention) (event-intervention)",
        "- **8 كانون الأول/ديسمبر 2024** · يوم (day) — سقوط (fall) (event-fall)",
        "- **كانون الثاني/يناير 2025** · شهر (month) — زيارة / لقاء (visit / meeting)"
        " (event-visit)",
        "- **12 شباط/فبراير 2025** · يوم (day) — اتصال هاتفي بين بوتين والشرع (event-call)",
        "- **20 آذار/مارس 2025** · يوم (day) — رسالة من بوتين إلى الشرع (event-letter)",
        "- **بلا تاريخ** — اعتذار (apology) (event-apology)",
    ]
    assert lines.index("**أحداث بلا تاريخ (undated events)**") == len(lines) - 5
    call = lines.index(heads[3])
    assert lines[call + 1 : call + 5] == [
        f"  - المقالات (articles): {A001}، {A003}، {A004} (3 مقالات)".replace("_", "\\_"),
        f"  - الحدث الرئيسي لـ (main event of): {A001}، {A003}، {A004}".replace("_", "\\_"),
        "  - الشواهد (evidence) (1):",
        "    - «بوتين أجرى اتصالًا هاتفيًا مع الشرع» — 004\\_c80ef43e0c326550 (sentence 0, 32–67)",
    ]


def test_markdown_articles_table_and_date_notes() -> None:
    lines = render_markdown(FIXTURE["timeline_report"]()).splitlines()
    row = next(line for line in lines if line.startswith("| 004"))
    assert "| 2025-02-12 · مستنتج (inferred) |" in row
    notes = lines.index("**ملاحظات تاريخ النشر (publication date notes)**")
    assert lines[notes + 2 : notes + 5] == [
        "- 004\\_c80ef43e0c326550 — مستنتج (inferred)",
        "  - ملاحظة (note): 'اليوم' refers to the اتصال هاتفي (phone call) that "
        "002\\_408b543a26764ddd dates '12 فبراير'",
        "  - «بوتين أجرى اتصالًا هاتفيًا مع الشرع» — 004\\_c80ef43e0c326550 (sentence 0, 32–67)",
    ]


def test_hostile_timeline_is_escaped_everywhere() -> None:
    report = FIXTURE["hostile_timeline_report"]()
    page = render_html(report)
    assert "<script" not in page and "alert(1)</script>" not in page
    assert len(re.findall(r"<svg\b", page)) == 1 and "<svg onload" not in page
    (svg,) = _svgs(page)  # the label could not close the SVG early: it still parses whole
    label = '</text></svg><script>alert(1)</script><svg onload=alert(2)> & "x"'
    assert [t.text for t in _classed(svg, "text", "tl-label")] == [label[:41] + "…"]
    assert "&lt;/text&gt;&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="#event-e_22_1"' in page and '<li id="event-e_3c_2_3e_"' in page
    assert "<b>" not in page and "&lt;b&gt;" in page
    text = render_markdown(report)
    assert "<script" not in text and "<svg" not in text and "</text>" not in text
    assert "- **بلا تاريخ** · &lt;b&gt; (&lt;b&gt;) — undated &lt;/text&gt;" in text


def test_seed_timeline_in_date_order() -> None:
    report = analyze_inputs([str(SEEDS)])
    page, text = render_html(report), render_markdown(report)
    (svg,) = _svgs(page)
    dates = [t.text for t in _classed(svg, "text", "tl-date")]
    # The four dates the seeds spell out (ARCHITECTURE.md), after Russia's 2015 intervention.
    assert dates[0].endswith("2015")
    assert dates[1:] == [
        "8 كانون الأول/ديسمبر 2024",
        "29 كانون الثاني/يناير 2025",
        "12 شباط/فبراير 2025",
        "20 آذار/مارس 2025",
    ]
    assert _list_dates(page) == dates
    doc = report_to_dict(report)
    main = main_event_articles(doc["articles"], doc["stories"][0]["id"])
    call = next(e for e in doc["stories"][0]["events"] if e["date"] == "2025-02-12")
    assert [i[:3] for i in main[call["id"]]] == ["001", "003", "004"]
    md_dates = re.findall(r"^- \*\*([^*]+)\*\*", text, re.M)
    assert md_dates[: len(dates)] == dates
    sources = re.findall(r"^\| 00\d.* · (.+?) \| [^|]+ \|$", text, re.M)
    assert len(sources) == 5
    assert set(sources) <= {"من نص المقال (text)", "مستنتج (inferred)", "غير معروف (unknown)"}


def test_shared_helpers() -> None:
    articles = [
        {"id": "a", "story": "s", "main_event": "e1"},
        {"id": "b", "story": "s", "main_event": "e1"},
        {"id": "c", "story": "t", "main_event": "e1"},
        {"id": "d", "story": "s", "main_event": None},
    ]
    assert main_event_articles(articles, "s") == {"e1": ["a", "b"]}
    assert gap_days("2025-02-12", "2025-03-20") == 36
    assert gap_days("2015", "2024-12-08") == 3629
    assert (gap_days("2018-SU", "2019"), gap_days("2025-03-20", "2025-02-12")) == (None, None)
    assert [years_text(d) for d in (200, 700, 3629, 5000)] == [
        "نحو سنة",
        "نحو سنتين",
        "نحو 10 سنوات",
        "نحو 14 سنة",
    ]
    forms = ("مقال واحد", "مقالان", "مقالات", "مقالًا")
    assert [count_text(n, forms) for n in (1, 2, 3, 10, 11)] == [
        "مقال واحد",
        "مقالان",
        "3 مقالات",
        "10 مقالات",
        "11 مقالًا",
    ]
