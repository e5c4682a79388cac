"""akhbar serve (issue 18): the pages and the JSON API over a real store of the seeds, through
FastAPI's test client; the browser tests are in test_web_browser.py."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

from akhbar.store import ingest_into, open_store
from akhbar.store.update_run import update_store
from akhbar.web import WebConfig, create_app
from akhbar.web.views import mark_spans, rank_stories

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
TOKEN = "s3cret-token"
HOSTILE = {
    "id": "hostile-1",
    "title": "<script>alert(1)</script> عاجل",
    "text": "قال الرئيس الروسي <img src=x onerror=alert(1)> إن موسكو تدعم سوريا.\n"
    'وأضاف <a href="javascript:alert(1)">رابط</a> في بيان.',
    "outlet": "<b>outlet</b>",
    "date": "2025-03-21",
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(folder / "web.db")
    with open_store(db) as store:
        ingest_into(store, [str(SEEDS), str(hostile)])
        update_store(store)
    return db


@pytest.fixture()
def client(store_path: str) -> TestClient:
    return TestClient(create_app(WebConfig(db=store_path, token=TOKEN, max_bytes=10_000)))


def _seeds_story(client: TestClient) -> str:
    page = client.get("/").text
    return re.findall(r'href="/stories/([^"]+)"', page)[0]


def test_the_front_page_opens_on_the_seeds_story_with_its_coverage_and_flags(client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page.text
    first = page.text.index('class="story-card"')
    assert "بوتين يهاتف الشرع" in page.text[first : first + 400]
    assert "⚠ تناقضات 2" in page.text  # the Bogdanov names and the Assad accounts
    assert "<bdi>خبر مباشر</bdi> 1" in page.text
    assert '<option value="خبر مباشر">' in page.text  # the outlet filter offers the outlets
    disputed = client.get("/?disputed=true").text
    assert disputed.count('class="story-card"') == 1
    assert client.get("/?since=yesterday").status_code == 400


def test_the_story_page_holds_the_summary_citations_and_comparison(client) -> None:
    story = client.get(f"/stories/{_seeds_story(client)}")
    assert story.status_code == 200
    text = story.text
    assert '<div class="glance">' in text and 'class="cite"' in text
    assert '<table class="matrix">' in text and "روايات مختلفة" in text
    # Drawn by the static report's template; every article it names opens its own page.
    assert '<li><a href="/articles/000_a07f516d440c7618" title="000_a07f516d440c7618">' in text
    assert 'href="#article-' not in text
    assert client.get("/stories/story-nope").status_code == 404


def test_a_citation_opens_the_cited_sentence_marked_in_its_article(client) -> None:
    story = client.get(f"/stories/{_seeds_story(client)}").text
    link = re.search(r'<a class="cite" href="([^"]+)">\[1\]</a>', story).group(1)
    assert link == "/articles/001_a72c5b70b15c2776?start=128&amp;end=354#cited"
    page = client.get(html.unescape(link)).text
    text = client.get("/api/articles/001_a72c5b70b15c2776").json()["article"]["text"]
    marked = _cited(page)
    assert '<mark class="source">نقلت</mark>' in marked  # the spans inside it stay marked
    assert html.unescape(re.sub(r"<[^>]+>", "", marked)) == text[128:354]
    assert page.count('id="cited"') == 1
    # Offsets outside the text mark nothing; offsets that are no numbers are refused.
    assert (
        'id="cited"' not in client.get("/articles/001_a72c5b70b15c2776?start=128&end=999999").text
    )
    assert client.get("/articles/001_a72c5b70b15c2776?start=x&end=2").status_code == 422


def _cited(page: str) -> str:
    """The markup inside the cited mark (which holds marks of its own)."""
    start = page.index('<mark class="cited" id="cited">') + len('<mark class="cited" id="cited">')
    depth = 1
    for tag in re.finditer(r"<(/?)mark\b[^>]*>", page[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return page[start : start + tag.start()]
    raise AssertionError("the cited mark is not closed")


def test_the_article_page_marks_what_was_found_and_shows_what_was_removed(client) -> None:
    page = client.get("/articles/002_408b543a26764ddd").text
    assert '<mark class="entity">' in page and '<mark class="time">' in page
    assert '<mark class="source">' in page
    assert "استمع إلى الملخص" in page  # a removed widget line, shown apart
    assert client.get("/articles/nope").status_code == 404


def test_search_and_claim_check(client) -> None:
    found = client.get("/search", params={"q": "سورية"}).text
    assert found.count('<a href="/articles/') >= 5  # سوريا matches too
    assert "quote mark is not closed" in client.get("/search", params={"q": '"سوريا'}).text
    checked = client.get("/check", params={"claim": "بوتين يؤكد دعم وحدة سوريا وسيادتها"}).text
    assert checked.count('class="verdict-agree"') >= 3


def test_the_api_gives_the_reports_shapes(client) -> None:
    stories = client.get("/api/stories").json()
    assert stories[0]["title"] == "بوتين يهاتف الشرع"
    story = client.get(f"/api/stories/{stories[0]['id']}").json()
    assert story["schema"] == "akhbar.report/1" and len(story["articles"]) == 5
    article = client.get("/api/articles/000_a07f516d440c7618").json()
    assert article["article"]["outlet"] == "سيريا ستار تايمز" and article["analysis"]
    assert len(client.get("/api/search", params={"q": "بوتين"}).json()) == 5
    assert client.get("/api/search", params={"q": '"'}).status_code == 400
    assert client.get("/openapi.json").json()["info"]["title"] == "akhbar"
    claim = {"claim": "بوتين يؤكد دعم وحدة سوريا وسيادتها"}
    verdicts = client.get("/api/check", params=claim).json()
    assert sum(v["stance"] == "agree" for v in verdicts) >= 3
    assert {"article", "outlet", "title", "stance", "evidence", "reason"} <= set(verdicts[0])
    nope = client.get("/api/check", params={**claim, "story": "nope"})
    assert nope.status_code == 404 and nope.json()["detail"] == "no story 'nope' in this store"
    assert client.get("/api/check").status_code == 422  # no claim


def test_hostile_text_is_text_on_every_page(client) -> None:
    story = re.search(r'href="/stories/([^"]+)"', client.get("/articles/hostile-1").text)
    hostile_query = "<script>alert(1)</script> موسكو تدعم سوريا"
    paths = (
        "/",
        "/articles/hostile-1",
        f"/stories/{story.group(1)}",  # the hostile article's story, by the report's template
        "/search?q=موسكو",
        "/search?" + urlencode({"q": hostile_query}),
        "/check?" + urlencode({"claim": hostile_query}),
        "/docs",
    )
    for path in paths:
        body = client.get(path).text
        for raw in ("<script>", "<img src", 'href="javascript', "<b>outlet"):
            assert raw not in body, (path, raw)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/articles/hostile-1").text
    # The API answers JSON, never HTML a browser would run.
    api = client.get("/api/articles/hostile-1")
    assert api.headers["content-type"] == "application/json"


def test_every_response_carries_the_security_headers(client) -> None:
    for path in ("/", "/api/stories", "/stories/story-nope"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"


def test_uploads_need_the_token_and_keep_to_the_limits(client, store_path: str) -> None:
    article = json.dumps(
        {"id": "new-1", "title": "بوتين يستقبل الشرع", "text": "استقبل بوتين الشرع في موسكو."},
        ensure_ascii=False,
    ).encode("utf-8")
    upload = {"file": ("new.jsonl", article, "application/jsonl")}
    with open_store(store_path) as store:
        before = store.count()
    assert client.post("/api/articles", files=upload).status_code == 401
    wrong = client.post("/api/articles", files=upload, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401
    big = {"file": ("big.txt", "خبر ".encode() * 5000, "text/plain")}
    assert client.post("/api/articles", files=big, headers=_auth()).status_code == 413
    image = {"file": ("photo", b"\x89PNG", "image/png")}
    assert client.post("/api/articles", files=image, headers=_auth()).status_code == 415
    with open_store(store_path) as store:
        assert store.count() == before  # nothing refused was stored
    done = client.post("/api/articles", files=upload, headers=_auth())
    assert done.status_code == 200 and done.json()["added"] == 1
    assert client.get("/api/articles/new-1").json()["analysis"] is not None
    off = TestClient(create_app(WebConfig(db=store_path)))
    assert off.post("/api/articles", files=upload, headers=_auth()).status_code == 403


def test_an_update_needs_the_token_and_analyses_what_another_hand_ingested(
    client, store_path: str, tmp_path: Path
) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        json.dumps(
            {"id": "wire-1", "title": "الشيباني في موسكو", "text": "وصل الشيباني إلى موسكو."},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    with open_store(store_path) as store:
        ingest_into(store, [str(path)])
    assert client.post("/api/update").status_code == 401
    assert client.get("/api/articles/wire-1").json()["analysis"] is None
    done = client.post("/api/update", headers=_auth())
    assert done.status_code == 200 and done.json()["articles_analysed"] == 1
    assert client.get("/api/articles/wire-1").json()["analysis"] is not None
    off = TestClient(create_app(WebConfig(db=store_path)))
    assert off.post("/api/update", headers=_auth()).status_code == 403


def test_the_api_documentation_page_works_offline(client) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    for operation in ("POST /api/articles", "POST /api/update", "GET /api/stories/{story_id}"):
        assert f"<code>{operation}</code>" in docs.text
    # FastAPI's Swagger UI would load its scripts from a CDN: this page loads nothing.
    assert "<script" not in docs.text and "cdn" not in docs.text
    assert client.get("/redoc").status_code == 404


def _auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def test_marks_never_overlap_and_the_text_stays_escaped() -> None:
    from akhbar.model import Span

    text = "قال <b>بوتين</b> أمس"
    tagged, name, day = text.index("<b>"), text.index("بوتين"), text.index("أمس")
    spans = [
        (Span("a", tagged, tagged + len("<b>بوتين</b>")), "entity"),
        (Span("a", name, name + len("بوتين")), "entity"),  # inside the first: left out
        (Span("a", day, day + len("أمس")), "time"),
    ]
    assert mark_spans(text, spans) == (
        'قال <mark class="entity">&lt;b&gt;بوتين&lt;/b&gt;</mark> <mark class="time">أمس</mark>'
    )


def test_the_cited_sentence_wraps_the_marks_inside_it_and_drops_one_across_its_edge() -> None:
    from akhbar.model import Span

    text = "قال بوتين أمس. وأكد الكرملين الاتصال."
    second = text.index("وأكد")
    kremlin, across = text.index("الكرملين"), text.index("أمس")
    spans = [
        (Span("a", kremlin, kremlin + len("الكرملين")), "entity"),
        (Span("a", across, second + len("وأكد")), "time"),  # crosses the cited start
    ]
    assert mark_spans(text, spans, (second, len(text))) == (
        'قال بوتين أمس. <mark class="cited" id="cited">وأكد <mark class="entity">الكرملين'
        "</mark> الاتصال.</mark>"
    )
    # A cited stretch that is not inside the text marks nothing.
    assert 'id="cited"' not in mark_spans(text, spans, (5, len(text) + 1))


def test_stories_rank_by_outlets_then_recency() -> None:
    import datetime as dt

    from akhbar.store.base import StoredStory

    day = dt.date.fromisoformat
    old_wide = StoredStory(
        "a", "a", ("1", "2", "3"), ("x", "y", "z"), day("2018-05-01"), day("2018-05-01")
    )
    new_narrow = StoredStory("b", "b", ("4",), ("x",), day("2018-05-08"), day("2018-05-08"))
    new_wide = StoredStory("c", "c", ("5", "6"), ("x", "y"), day("2018-05-08"), day("2018-05-08"))
    assert [s.id for s in rank_stories([old_wide, new_narrow, new_wide])] == ["c", "b", "a"]


def test_outlet_profiles_name_owner_country_and_a_public_source() -> None:
    from akhbar.web.outlets import one_side, profile_of

    assert profile_of("BBC").country == "بريطانيا"
    assert profile_of("سكاي نيوز عربية") == profile_of("skynews")  # any of its names
    assert profile_of("alarabia").owner.startswith("MBC Group")
    for name in ("skynews", "alarabia", "france24", "BBC", "CNN"):  # ANT's outlets
        assert profile_of(name).source.startswith("https://")
    assert profile_of("خبر مباشر").country == "unknown"
    # Two outlets of one country: one side; of two countries, or unknown: not flagged.
    assert one_side(["skynews", "سكاي نيوز"]) is None  # one outlet under two names
    assert one_side(["BBC", "bbc.com", "skynews"]) is None
    assert one_side(["france24", "skynews"]) is None
    assert one_side(["خبر مباشر", "aboutmsr.com"]) is None
    assert one_side(["BBC", "CNN"]) is None
    # No two profiled outlets share a country yet: two profiles that do are one side.
    from akhbar.web.outlets import OutletProfile

    gulf = {
        name: OutletProfile((name,), f"{name}.example", "قطر", "owner", "source")
        for name in ("الجزيرة", "العربي الجديد")
    }
    assert one_side(["الجزيرة", "العربي الجديد"], gulf.get) == "قطر"
    assert one_side(["الجزيرة"], gulf.get) is None  # one outlet is no side
