"""Readable Arabic dates from TimeML values (read by :mod:`akhbar.timex`), for the timeline of
the Markdown and HTML reports.

    >>> format_date("2025-02-12", "day", None)
    '12 شباط/فبراير 2025'
    >>> format_date("2015", "year", "ON_OR_AFTER")
    'منذ 2015'

("12 February 2025"; "since 2015".) Months carry both the Levantine/Iraqi name and the
Egyptian/Gulf one, as many Arabic outlets print them, so every reader knows the month.
Digits stay Western, like the dates in the seeds. Everything here is pure.
"""

from __future__ import annotations

import datetime as dt

from akhbar.timex import Timex, parse_timex, split_range

__all__ = ["NO_DATE", "format_date"]

NO_DATE = "بلا تاريخ"

# Display spellings (with hamza and spaces), not the key forms of the matching lexicons
# (time_months.txt), which are normalised for search and unfit to show.
MONTHS = (
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيو",
    "تموز/يوليو",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
)
# TimeML part-of-day codes (time_day_parts.txt) as a word before the day: "مساء 11 ...".
DAY_PARTS = {"MO": "صباح", "MI": "ظهر", "AF": "عصر", "EV": "مساء", "NI": "ليلة"}
SEASONS = {"SP": "ربيع", "SU": "صيف", "FA": "خريف", "WI": "شتاء"}
QUARTERS = {
    "Q1": "الربع الأول",
    "Q2": "الربع الثاني",
    "Q3": "الربع الثالث",
    "Q4": "الربع الرابع",
    "H1": "النصف الأول",
    "H2": "النصف الثاني",
}
REFS = {"PRESENT_REF": "الآن", "PAST_REF": "في الماضي", "FUTURE_REF": "في المستقبل"}
# TimeML mod values as a word before the date (time_mods.txt reads them from the text).
MODS = {
    "ON_OR_AFTER": "منذ",
    "ON_OR_BEFORE": "حتى",
    "AFTER": "بعد",
    "BEFORE": "قبل",
    "START": "مطلع",
    "MID": "منتصف",
    "END": "أواخر",
    "APPROX": "نحو",
}
RANGE_DASH = "–"

# A precision coarser than the value's shape wins: the value never claims more than is known.
_TRUNCATE = {"month": 7, "year": 4}


def format_date(value: str | None, precision: str | None, mod: str | None) -> str:
    """A TimeML date value as Arabic a reader can take in, with its mod as a leading word.

    Forms: day "12 شباط/فبراير 2025", part of day "مساء 11 آذار/مارس 2018", month
    "كانون الثاني/يناير 2025", year "2015", week "أسبوع 10–16 آذار/مارس 2025", range
    "2011–2015", season "صيف 2018", quarter "الربع الأول من 2018". ``precision`` only
    coarsens ("2025-02-12" at precision "month" reads as the month). A shape not known here
    is returned as written, and no value at all reads "بلا تاريخ" (no date).
    """
    if not value:
        return NO_DATE
    cut = _TRUNCATE.get(precision or "")
    shape = parse_timex(value)
    if cut and shape is not None and shape.kind in ("day", "month"):
        value = value[:cut]
    ends = split_range(value)
    text = _format_range(*ends) if ends else _format_single(value)
    prefix = MODS.get(mod or "")
    return f"{prefix} {text}" if prefix else text


def _format_single(value: str) -> str:
    timex = parse_timex(value)
    if timex is None:
        return REFS.get(value, value)
    if timex.kind == "day":
        return _day_text(timex) or value
    if timex.kind == "month":
        return _month_text(timex.year, timex.month) or value
    if timex.kind == "year":
        return value
    if timex.kind == "week":
        return _week_text(timex.year, timex.week, timex.weekend) or value
    if timex.kind == "season":
        return f"{SEASONS[timex.code]} {timex.year}"
    if timex.kind == "quarter":
        return f"{QUARTERS[timex.code]} من {timex.year}"
    return f"{timex.year:03d}0{RANGE_DASH}{timex.year:03d}9"  # a decade


def _day_text(timex: Timex) -> str | None:
    day = _safe_date(timex.year, timex.month, timex.day)
    if day is None:
        return None
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if timex.part in DAY_PARTS:
        return f"{DAY_PARTS[timex.part]} {text}"
    return f"{text}، {timex.part}" if timex.part else text


def _month_text(year: int, month: int) -> str | None:
    return f"{MONTHS[month - 1]} {year}" if 1 <= month <= 12 else None


def _week_text(year: int, week: int, weekend: bool) -> str | None:
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    sunday = monday + dt.timedelta(days=6)
    if weekend:
        return f"عطلة نهاية الأسبوع {_days_span(monday + dt.timedelta(days=5), sunday)}"
    return f"أسبوع {_days_span(monday, sunday)}"


def _format_range(first: str, last: str) -> str:
    """ "2011/2015" → "2011–2015"; two days share their month and year when they can."""
    start, end = parse_timex(first), parse_timex(last)
    if start and end and start.kind == end.kind == "day" and not (start.part or end.part):
        days = (
            _safe_date(start.year, start.month, start.day),
            _safe_date(end.year, end.month, end.day),
        )
        if days[0] and days[1]:
            return _days_span(days[0], days[1])
    if start and end and start.kind == end.kind == "year":
        return f"{first}{RANGE_DASH}{last}"
    same_year = start and end and start.kind == end.kind == "month" and start.year == end.year
    if same_year and 1 <= start.month < end.month <= 12:
        names = MONTHS[start.month - 1], MONTHS[end.month - 1]
        return f"{names[0]} {RANGE_DASH} {names[1]} {end.year}"
    return f"{_format_single(first)} {RANGE_DASH} {_format_single(last)}"


def _days_span(first: dt.date, last: dt.date) -> str:
    """ "10–16 آذار/مارس 2025", "16 أيار/مايو – 14 حزيران/يونيو 2018", or both dates in full."""
    end = f"{last.day} {MONTHS[last.month - 1]} {last.year}"
    if first.year == last.year and first.month == last.month:
        return f"{first.day}{RANGE_DASH}{end}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} {RANGE_DASH} {end}"
    return f"{first.day} {MONTHS[first.month - 1]} {first.year} {RANGE_DASH} {end}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
