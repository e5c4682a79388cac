"""The five seed articles: titles, boilerplate, outlets, dates, ids exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from akhbar.ingest import ingest
from akhbar.model import Article, BoilerplateLine

SEEDS = Path(__file__).parent.parent / "examples" / "seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    result = ingest([str(SEEDS)])
    assert result.skipped == ()
    return {article.id[:3]: article for article in result.articles}


@pytest.mark.parametrize(
    ("seed", "title"),
    [
        ("000", "في رسالة إلى الرئيس الشرع.. بوتين يدعو إلى تعزيز التعاون مع سوريا"),
        ("001", "الرئيس الروسي بوتين يجري اتصالا مع أحمد الشرع"),
        ("002", "رسالة من بوتين إلى الشرع: مستعدون للتعاون ونؤيد استقرار سورية"),
        ("003", "بوتين يهاتف الشرع..ماذا تريد روسيا من الإدارة الجديدة في سوريا"),
        ("004", "بوتين يبحث مع الشرع العلاقات الثنائية والتطورات في سوريا بعد سقوط نظام الأسد"),
    ],
)
def test_titles_stay_in_text(seeds: dict[str, Article], seed: str, title: str) -> None:
    assert seeds[seed].title == title
    assert seeds[seed].text.split("\n")[0] == title


@pytest.mark.parametrize(
    ("seed", "outlet", "source"),
    [
        ("000", "سيريا ستار تايمز", "signature"),
        ("001", "خبر مباشر", "platform"),
        ("002", None, "unknown"),
        ("003", "aboutmsr.com", "domain"),
        ("004", None, "unknown"),
    ],
)
def test_outlets(seeds: dict[str, Article], seed: str, outlet: str | None, source: str) -> None:
    assert (seeds[seed].outlet, seeds[seed].outlet_source) == (outlet, source)


def test_dates(seeds: dict[str, Article]) -> None:
    assert (seeds["002"].published, seeds["002"].published_source) == (dt.date(2025, 3, 20), "text")
    assert "20 مارس 2025" in seeds["002"].text.split("\n")
    for seed in ("000", "001", "003", "004"):
        assert (seeds[seed].published, seeds[seed].published_source) == (None, "unknown")


def test_ids_and_sources(seeds: dict[str, Article]) -> None:
    assert seeds["000"].id == "000_a07f516d440c7618"
    assert seeds["000"].source == str(SEEDS / "000_a07f516d440c7618.txt")


def test_boilerplate_000_signature(seeds: dict[str, Article]) -> None:
    assert seeds["000"].boilerplate == (
        BoilerplateLine("سيريا ستار تايمز", "signature", 1),
        BoilerplateLine("سيريا ستار تايمز - syriastartimes,", "signature", 14),
    )
    assert "سيريا ستار تايمز" not in seeds["000"].text
    assert seeds["000"].text.endswith("عقب انهيار نظامه.")


def test_boilerplate_002_widgets(seeds: dict[str, Article]) -> None:
    article = seeds["002"]
    assert article.boilerplate == (
        BoilerplateLine("+ الخط -", "widget", 5),
        BoilerplateLine("استمع إلى الملخص", "widget", 7),
        BoilerplateLine("اظهر الملخص", "widget", 9),
        BoilerplateLine("المساهمون", "contributors", 26),
    )
    lines = article.text.split("\n")
    # the dateline, the photo caption and the bullet summary stay
    assert lines[:5] == [
        "رسالة من بوتين إلى الشرع: مستعدون للتعاون ونؤيد استقرار سورية",
        "",
        "20 مارس 2025",
        "الشرع خلال استقباله في دمشق وفداً روسياً برئاسة بوغدانوف، 29 يناير 2025 (سانا/إكس)",
        "",
    ]
    assert lines[5].startswith("- أكد الرئيس الروسي فلاديمير بوتين")
    assert "\n\n\n" not in article.text and not article.text.endswith("\n")


def test_boilerplate_003_image_and_read_also(seeds: dict[str, Article]) -> None:
    article = seeds["003"]
    assert [(line.reason, line.line) for line in article.boilerplate] == [
        ("image", 2),
        ("read-also", 24),
        ("related-headline", 25),
    ]
    assert article.boilerplate[1].text == "اقرا أيضا"
    assert (
        article.boilerplate[2].text == "إرث العثمانيين.. داود أوغلو يدعو لسيطرة تركيا على قطاع غزة"
    )
    assert "aboutmsr.com" not in article.text and "داود أوغلو" not in article.text
    assert article.text.endswith("لا يمكن لسوريا تجاوزه بسهولة.")


def test_seeds_001_004_untouched(seeds: dict[str, Article]) -> None:
    assert seeds["001"].boilerplate == () and seeds["004"].boilerplate == ()
    raw = (SEEDS / "001_a72c5b70b15c2776.txt").read_text(encoding="utf-8")
    assert seeds["001"].text == raw
    # the cited outlet (موقع “ستاندرد” البريطاني) is still in the text, not taken as outlet
    assert "موقع “ستاندرد” البريطاني" in seeds["001"].text
