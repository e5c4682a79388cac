"""Readable Arabic dates from TimeML values: one exact string for every form the reports show."""

from __future__ import annotations

import pytest

from akhbar.render.dates import format_date


@pytest.mark.parametrize(
    ("value", "precision", "mod", "expected"),
    [
        ("2025-02-12", "day", None, "12 شباط/فبراير 2025"),
        ("2024-12-08", "day", None, "8 كانون الأول/ديسمبر 2024"),
        ("2025-01", "month", None, "كانون الثاني/يناير 2025"),
        ("2015", "year", None, "2015"),
        ("2015", "year", "ON_OR_AFTER", "منذ 2015"),
        ("2025-03", "month", "START", "مطلع آذار/مارس 2025"),
        ("2016", "year", "END", "أواخر 2016"),
        ("2025", "year", "MID", "منتصف 2025"),
        ("2025-W11", "week", None, "أسبوع 10–16 آذار/مارس 2025"),
        ("2025-W01", "week", None, "أسبوع 30 كانون الأول/ديسمبر 2024 – 5 كانون الثاني/يناير 2025"),
        ("2025-W11-WE", "week", None, "عطلة نهاية الأسبوع 15–16 آذار/مارس 2025"),
        ("2011/2015", "year", None, "2011–2015"),
        ("2018-05-16/2018-06-14", "month", None, "16 أيار/مايو – 14 حزيران/يونيو 2018"),
        ("2025-01/2025-03", "month", None, "كانون الثاني/يناير – آذار/مارس 2025"),
        ("2018-03-11TEV", "daypart", None, "مساء 11 آذار/مارس 2018"),
        ("2018-03-11TMO", "daypart", None, "صباح 11 آذار/مارس 2018"),
        ("2025-02-12T18:30", "time", None, "12 شباط/فبراير 2025، 18:30"),
        ("2018-SU", "season", None, "صيف 2018"),
        ("2018-Q1", "quarter", None, "الربع الأول من 2018"),
        ("2018-H1", "quarter", None, "النصف الأول من 2018"),
        ("199", "decade", None, "1990–1999"),
        ("PRESENT_REF", "ref", None, "الآن"),
        # A coarser precision wins: the value never claims more than is known.
        ("2025-02-12", "month", None, "شباط/فبراير 2025"),
        ("2025-02-12", "year", None, "2025"),
        # Unknown shapes, impossible days and unknown mods stay as written.
        ("XXXX-WXX-5", "day", None, "XXXX-WXX-5"),
        ("2025-02-31", "day", None, "2025-02-31"),
        ("2025-13", "month", None, "2025-13"),
        ("2015", "year", "SOMETIME", "2015"),
        (None, None, None, "بلا تاريخ"),
        ("", "day", "ON_OR_AFTER", "بلا تاريخ"),
    ],
)
def test_format_date(
    value: str | None, precision: str | None, mod: str | None, expected: str
) -> None:
    assert format_date(value, precision, mod) == expected
