"""The HTML report in a real headless browser (Debian's Chromium through Playwright).

Checks what a reader sees: right-to-left layout, right-aligned Arabic headings, no sideways
scrolling on a 390 px phone, and Arabic glyphs drawn by an Arabic font (not boxes).
Skipped only when /usr/bin/chromium is absent (scripts/install_browser.sh installs it).
"""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from akhbar.render.html import render_html

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARABIC_FONTS = {"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri"}
VIEWPORTS = [(390, 844), (1280, 800)]
FIXTURE = runpy.run_path(str(Path(__file__).parent / "data" / "render" / "sample_report.py"))

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is absent; run scripts/install_browser.sh (apt-get chromium fonts-noto-core)",
        allow_module_level=True,
    )

sync_api = pytest.importorskip("playwright.sync_api")

# Text box of an element's contents against its content box, in CSS pixels.
_TEXT_BOX = """(selector) => {
  const element = document.querySelector(selector);
  const range = document.createRange();
  range.selectNodeContents(element);
  const text = range.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  return {textLeft: text.left, textRight: text.right,
          boxLeft: box.left + parseFloat(style.paddingLeft),
          boxRight: box.right - parseFloat(style.paddingRight)};
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    # The sample with a full timeline: every date form, an undated event, an inferred date.
    path.write_text(render_html(FIXTURE["timeline_report"]()), encoding="utf-8")
    return path


def _platform_fonts(page: Any, selector: str) -> dict[str, int]:
    """Fonts Chromium actually used to draw the element's text, with glyph counts."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"]: font["glyphCount"] for font in fonts}


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_report_reads_right_to_left(
    browser: Any, report_file: Path, tmp_path: Path, width: int, height: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report_file.as_uri())

    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("innerWidth")

    # "المقالات (Articles)" is short: right-aligned means it hugs the right edge of its box.
    heading = page.evaluate(_TEXT_BOX, "#articles h2")
    assert abs(heading["boxRight"] - heading["textRight"]) <= 1
    assert heading["textLeft"] - heading["boxLeft"] > 100
    main_right = page.evaluate("document.querySelector('main').getBoundingClientRect().right")
    assert heading["boxRight"] == pytest.approx(main_right, abs=1)
    if width < 600:
        assert width - heading["textRight"] <= 16  # only the body padding to the right

    # The story title is pure Arabic: every glyph must come from an Arabic font.
    fonts = _platform_fonts(page, ".story h3 bdi")
    assert set(fonts) <= ARABIC_FONTS, fonts
    assert fonts.get("Noto Naskh Arabic", 0) >= len("بوتين والشرع") - 1

    _timeline_fits(page, width)

    assert [url for url in requests if not url.startswith("file://")] == []
    shot = tmp_path / f"report-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.close()


def _timeline_fits(page: Any, width: int) -> None:
    """The timeline SVG is drawn, inside the viewport, with readable text and no overflow."""
    svg = page.locator("svg.timeline-svg")
    assert svg.count() == 1 and svg.is_visible()
    box = svg.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["width"] == pytest.approx(min(360, width - 58), abs=2)
    # Every text of the drawing lies inside the drawing (none cut off at its left edge).
    outside = page.evaluate(
        """() => { const svg = document.querySelector('svg.timeline-svg').getBoundingClientRect();
          return [...document.querySelectorAll('svg.timeline-svg text')].filter(t => {
            const r = t.getBoundingClientRect();
            return r.left < svg.left - 0.5 || r.right > svg.right + 0.5; }).length; }"""
    )
    assert outside == 0
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.tl-date')).fontSize)"
        " * document.querySelector('svg.timeline-svg').getBoundingClientRect().width / 360"
    )
    assert size >= 13  # the date text, as drawn, in CSS pixels
    # Text runs right to left from the axis: the first date hugs the drawing's right side.
    date = page.locator(".tl-date").first.bounding_box()
    assert box["x"] + box["width"] - (date["x"] + date["width"]) < 40


def test_phone_table_stacks_instead_of_scrolling(browser: Any, report_file: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(report_file.as_uri())
    wrap = page.evaluate(
        "(() => { const w = document.querySelector('.table-wrap');"
        " return [w.scrollWidth, w.clientWidth]; })()"
    )
    assert wrap[0] <= wrap[1]
    display = page.evaluate("getComputedStyle(document.querySelector('td')).display")
    assert display == "block"
    page.close()


def test_hostile_text_stays_text_in_the_browser(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(render_html(FIXTURE["hostile_report"]()), encoding="utf-8")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    counts = page.evaluate(
        "['script', 'img', 'iframe', 'svg', 'b'].map(t => document.getElementsByTagName(t).length)"
    )
    assert (counts, dialogs) == ([0, 0, 0, 0, 0], [])
    assert page.inner_text("#articles td[data-label^='العنوان']").startswith(
        "<script>alert(1)</script>"
    )
    page.close()


def test_hostile_timeline_stays_text_in_the_browser(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile-timeline.html"
    path.write_text(render_html(FIXTURE["hostile_timeline_report"]()), encoding="utf-8")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    counts = page.evaluate("['script', 'svg'].map(t => document.getElementsByTagName(t).length)")
    assert (counts, dialogs) == ([0, 1], [])
    assert page.text_content(".tl-label").startswith("</text></svg><script>")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()
