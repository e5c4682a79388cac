"""Relative dates in quotations resolve at the time of the quoted speech."""

from __future__ import annotations

import datetime as dt

from akhbar.analyze import analyze_article
from akhbar.model import Article
from akhbar.timex import overlaps, period


def times(text: str, published: dt.date) -> list[tuple[str, str | None, str | None]]:
    article = Article(id="q", source="q", text=text, published=published, published_source="input")
    return [(t.surface, t.value, t.anchor) for t in analyze_article(article).times]


def test_tomorrow_in_a_dated_statement_is_the_day_after_the_statement() -> None:
    text = 'وقال الكرملين في بيان يوم 12 فبراير/ شباط الماضي: "نأمل أن تتم الزيارة غدا".'
    assert times(text, dt.date(2025, 3, 20)) == [
        ("12 فبراير/ شباط الماضي", "2025-02-12", "2025-03-20"),
        ("غدا", "2025-02-13", "2025-02-12"),
    ]


def test_without_a_speech_date_the_publication_date_anchors_the_quote() -> None:
    text = 'وقال المتحدث باسم الكرملين: "سيجري الرئيسان اتصالا غدا".'
    assert times(text, dt.date(2025, 3, 20)) == [("غدا", "2025-03-21", "2025-03-20")]


def test_two_dates_outside_the_quote_leave_it_on_the_publication_date() -> None:
    text = 'وقال بيان في 12 فبراير عن لقاء 29 يناير: "نلتقي غدا".'
    assert times(text, dt.date(2025, 3, 20))[-1] == ("غدا", "2025-03-21", "2025-03-20")


def test_periods_of_timeml_values() -> None:
    assert period("2025-02") == (dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    assert period("2025-W11") == (dt.date(2025, 3, 10), dt.date(2025, 3, 16))
    assert period("2011/2015") == (dt.date(2011, 1, 1), dt.date(2015, 12, 31))
    assert period("2018-03-11TEV") == (dt.date(2018, 3, 11), dt.date(2018, 3, 11))
    assert period("P2D") is None and period("PAST_REF") is None and period("2025-02-30") is None
    assert overlaps(period("2025-02"), period("2025-02-12"))
    assert not overlaps(period("2025-01"), period("2025-02-12"))
