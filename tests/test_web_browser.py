"""akhbar serve in a real browser (Debian's Chromium through Playwright) against a real server
on a local port, over a store of the seeds and a day of ANT articles: front page, story page,
a citation click, search, claim check, and uploads with and without the token.

``AKHBAR_SCREENSHOTS=DIR`` also saves the front and story pages at 390 and 1280 px there.
Skipped only when /usr/bin/chromium is absent (scripts/install_browser.sh installs it).
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
ANT = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
TOKEN = "browser-token"

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is absent; run scripts/install_browser.sh (apt-get chromium fonts-noto-core)",
        allow_module_level=True,
    )
pytest.importorskip("fastapi")
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real akhbar serve on a free port, over a store of the seeds and a day of ANT."""
    folder = tmp_path_factory.mktemp("serve")
    db = str(folder / "web.db")
    inputs = [str(SEEDS)]
    if ANT.exists():
        day = folder / "day.jsonl"
        with gzip.open(ANT, "rt", encoding="utf-8") as lines:
            kept = [line for line in lines if '"date": "2018-03-15' in line]
        day.write_text("".join(kept), encoding="utf-8")
        inputs.append(str(day))
    akhbar = [sys.executable, "-m", "akhbar"]
    subprocess.run([*akhbar, "ingest", *inputs, "--db", db], check=True, capture_output=True)
    subprocess.run([*akhbar, "update", "--db", db], check=True, capture_output=True)
    port = _free_port()
    process = subprocess.Popen(
        [*akhbar, "serve", "--db", db, "--port", str(port), "--token", TOKEN],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/api/stories", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(process.stderr.read().decode() if process.stderr else "no server")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def _story_link(page: Any, server: str) -> Any:
    page.goto(f"{server}/?outlet=")
    return page.locator("a", has_text="بوتين يهاتف الشرع").first


def test_front_page_story_and_a_citation_click(page: Any, server: str) -> None:
    page.goto(server + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    cards = page.locator(".story-card")
    assert cards.count() >= 2
    # No sideways scrolling on a 390 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _story_link(page, server).click()
    page.wait_for_selector(".glance")
    assert page.locator(".glance .summary").inner_text().startswith("بحث الرئيس الروسي")
    story = page.url
    # A citation opens its article's page with the cited sentence marked and in view.
    page.locator(".glance a.cite").first.click()
    page.wait_for_selector("mark#cited")
    assert page.evaluate("location.pathname") == "/articles/001_a72c5b70b15c2776"
    cited = page.locator("mark#cited")
    assert cited.is_visible() and cited.inner_text().startswith("نقلت منصة")
    assert cited.evaluate("m => m.getBoundingClientRect().top < window.innerHeight")
    assert page.locator("a", has_text="القصة").count() == 1  # back to the story
    _screenshots(page, {"front": server + "/", "story": story, "article": page.url})


def test_search_and_claim_check_forms(page: Any, server: str) -> None:
    page.goto(server + "/search")
    page.fill("input[name=q]", "سورية")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("ol.hits li")
    assert page.locator("ol.hits li").count() >= 5
    page.goto(server + "/check")
    page.fill("input[name=claim]", "بوتين يؤكد دعم وحدة سوريا وسيادتها")
    page.click("button[type=submit]")
    page.wait_for_selector("ul.verdicts li")
    assert page.locator("li.verdict-agree").count() >= 3


def test_uploads_with_and_without_the_token(page: Any, server: str) -> None:
    line = json.dumps(
        {"id": "upload-1", "title": "خبر مرفوع", "text": "استقبل بوتين الشرع في موسكو أمس."},
        ensure_ascii=False,
    ).encode("utf-8")
    upload = {"file": {"name": "new.jsonl", "mimeType": "application/jsonl", "buffer": line}}
    refused = page.request.post(f"{server}/api/articles", multipart=upload)
    assert refused.status == 401
    done = page.request.post(
        f"{server}/api/articles",
        multipart=upload,
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert done.status == 200 and done.json()["added"] == 1
    page.goto(f"{server}/articles/upload-1")
    assert "استقبل" in page.locator(".text").inner_text()


def _screenshots(page: Any, pages: dict[str, str]) -> None:
    """With AKHBAR_SCREENSHOTS=DIR: each page at 390 and 1280 px, as NAME-WIDTH.png."""
    folder = os.environ.get("AKHBAR_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for width, height in ((390, 844), (1280, 800)):
        page.set_viewport_size({"width": width, "height": height})
        for name, url in pages.items():
            page.goto(url)
            page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=False)
