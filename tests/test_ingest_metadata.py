"""Dates, datelines, headlines, platform self-references and domains."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar.ingest import build_article
from akhbar.ingest.dates import parse_date_string, parse_dateline
from akhbar.ingest.metadata import find_platform, headline_of
from akhbar.model import RawDocument

UTC4 = dt.timezone(dt.timedelta(hours=4))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("20 مارس 2025", dt.date(2025, 3, 20)),
        ("٢٠ آذار ٢٠٢٥", dt.date(2025, 3, 20)),
        ("الخميس، 20 مارس 2025", dt.date(2025, 3, 20)),
        ("29 يناير/ كانون الثاني 2025", dt.date(2025, 1, 29)),
        ("8 كانون الأول 2024 - 10:30", dt.date(2024, 12, 8)),
        ("12 جوان 2025", dt.date(2025, 6, 12)),
        ("2025-03-20", dt.date(2025, 3, 20)),
        ("20/03/2025", dt.date(2025, 3, 20)),
        ("31 فبراير 2025", None),
        ("29 يناير/ شباط 2025", None),
        ("الشرع خلال استقباله في دمشق وفداً روسياً برئاسة بوغدانوف، 29 يناير 2025 (سانا/إكس)", None),
        ("وأجرى بوتين أول مكالمة هاتفية مع الشرع، في 12 فبراير/ شباط الفائت", None),
    ],
)
def test_dateline(line: str, expected: dt.date | None) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-20", dt.date(2025, 3, 20)),
        ("2018-02-18T21:35:43+04:00", dt.datetime(2018, 2, 18, 21, 35, 43, tzinfo=UTC4)),
        ("Sun, 18 Feb 2018 21:35:43 +0400", dt.datetime(2018, 2, 18, 21, 35, 43, tzinfo=UTC4)),
        ("2025-02-12T00:00:00", dt.date(2025, 2, 12)),
        ("أمس", None),
        ("2025-13-40", None),
    ],
)
def test_date_string(value: str, expected: dt.date | None) -> None:
    assert parse_date_string(value) == expected


@given(st.text(max_size=40))
def test_date_parsers_never_raise(value: str) -> None:
    parse_date_string(value)
    parse_dateline(value)


def test_bad_input_date_warns_and_keeps_article(caplog: pytest.LogCaptureFixture) -> None:
    doc = RawDocument(source="f.jsonl:3", kind="jsonl", text="بوتين يهاتف الشرع\nنص.", date="أمس")
    with caplog.at_level(logging.WARNING, logger="akhbar.ingest"):
        article = build_article(doc)
    assert (article.published, article.published_source) == (None, "unknown")
    assert caplog.messages == [
        "f.jsonl:3: date 'أمس' is not ISO 8601 or RFC 2822; kept without date"
    ]


def test_headline_rules() -> None:
    assert (
        headline_of(["", "بوتين يهاتف الشرع..ماذا تريد روسيا"])
        == "بوتين يهاتف الشرع..ماذا تريد روسيا"
    )
    assert headline_of(["أكد الكرملين أن بوتين أجرى محادثة هاتفية مع الشرع."]) is None
    assert headline_of(["20 مارس 2025"]) is None
    assert headline_of(["- تناولت المحادثات بين بوتين والشرع قضايا التعاون"]) is None


def test_platform_self_reference_only() -> None:
    assert find_platform(["منصة “خبر مباشر” تتابع عن كثب هذه التطورات"]) == "خبر مباشر"
    assert find_platform(["عنوان", "نقلت منصة «خبر مباشر»، عن وكالة"]) == "خبر مباشر"
    cited = "في غضون ذلك، كشف موقع “ستاندرد” البريطاني، نقلاً عن تحديثات استخباراتية بريطانية"
    assert find_platform([cited, "كشف موقع “ستاندرد” البريطاني"]) is None
    assert find_platform(["ونقلت وكالة “ريا نوفوستي” عن الكرملين"]) is None


def test_outlet_from_url_domain_mapped() -> None:
    doc = RawDocument(
        source="a.txt",
        kind="txt",
        text="عنوان الخبر\nنص الخبر.",
        url="https://www.skynewsarabia.com/world/1",
    )
    article = build_article(doc)
    assert (article.outlet, article.outlet_source) == ("سكاي نيوز عربية", "domain")
