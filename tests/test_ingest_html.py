"""HTML pages: main text via trafilatura, metadata from the page, scripts and styles never leak."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from akhbar.errors import InputError
from akhbar.ingest import build_article, ingest
from akhbar.model import RawDocument

PAGE = Path(__file__).parent / "data" / "ingest" / "page_scripts.html"


def test_page_text_and_metadata() -> None:
    result = ingest([str(PAGE)])
    (article,) = result.articles
    assert "LEAK" not in article.text and "window" not in article.text
    assert "color" not in article.text and "function" not in article.text
    assert article.text.split("\n")[1].startswith(
        "بحث الرئيس الروسي فلاديمير بوتين، اليوم الأربعاء"
    )
    assert "الرئيسية" not in article.text and "جميع الحقوق محفوظة" not in article.text
    assert (article.id, article.title) == ("page_scripts", "بوتين يبحث مع الشرع العلاقات الثنائية")
    assert (article.outlet, article.outlet_source) == ("العربي الجديد", "html-meta")
    assert article.url == "https://www.alaraby.co.uk/politics/putin-sharaa"
    assert article.published == dt.datetime(
        2025, 2, 12, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=3))
    )
    assert article.published_source == "html-meta"


def test_page_with_no_text_is_an_input_error() -> None:
    doc = RawDocument(
        source="blank.html",
        kind="html",
        html="<html><head><script>var a = 1;</script></head><body></body></html>",
    )
    with pytest.raises(InputError) as caught:
        build_article(doc)
    assert str(caught.value) == (
        "blank.html: no article text found in the HTML page; pass the article page itself "
        "or its plain text"
    )


def test_jsonl_html_field_input_metadata_wins() -> None:
    doc = RawDocument(
        source="f.jsonl:1",
        kind="jsonl",
        html=PAGE.read_text(encoding="utf-8"),
        id="x1",
        outlet="alaraby",
        title="عنوان من المدخل",
        date="2025-02-13",
    )
    article = build_article(doc)
    assert (article.id, article.title, article.outlet, article.outlet_source) == (
        "x1",
        "عنوان من المدخل",
        "alaraby",
        "input",
    )
    assert (article.published, article.published_source) == (dt.date(2025, 2, 13), "input")
