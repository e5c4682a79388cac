"""Readable Arabic dates from TimeML values, for the timeline of the Markdown and HTML reports.

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
import re

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
QUARTERS = {"1": "الربع الأول", "2": "الربع الثاني", "3": "الربع الثالث", "4": "الربع الرابع"}
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

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(MO|MI|AF|EV|NI|\d{2}:\d{2}))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DECADE = re.compile(r"^(\d{3})$")
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
    if cut and (_DAY.match(value) or _MONTH.match(value)):
        value = value[:cut]
    text = _format_range(value) if "/" in value else _format_single(value)
    prefix = MODS.get(mod or "")
    return f"{prefix} {text}" if prefix else text


def _format_single(value: str) -> str:
    if match := _DAY.match(value):
        return _day_text(match)
    if match := _MONTH.match(value):
        return _month_text(int(match[1]), int(match[2])) or value
    if _YEAR.match(value):
        return value
    if match := _WEEK.match(value):
        return _week_text(int(match[1]), int(match[2]), bool(match[3])) or value
    if match := _SEASON.match(value):
        return f"{SEASONS[match[2]]} {match[1]}"
    if match := _QUARTER.match(value):
        return f"{QUARTERS[match[2]]} من {match[1]}"
    if match := _DECADE.match(value):
        return f"{match[1]}0{RANGE_DASH}{match[1]}9"
    return REFS.get(value, value)


def _day_text(match: re.Match[str]) -> str:
    day = _safe_date(int(match[1]), int(match[2]), int(match[3]))
    if day is None:
        return match[0]
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    part = match[4]
    if part in DAY_PARTS:
        return f"{DAY_PARTS[part]} {text}"
    return f"{text}، {part}" if part else text


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


def _format_range(value: str) -> str:
    """ "2011/2015" → "2011–2015"; two days share their month and year when they can."""
    first, _, last = value.partition("/")
    start, end = _DAY.match(first), _DAY.match(last)
    if start and end and not (start[4] or end[4]):
        days = _safe_date(*map(int, start.groups()[:3])), _safe_date(*map(int, end.groups()[:3]))
        if days[0] and days[1]:
            return _days_span(days[0], days[1])
    if _YEAR.match(first) and _YEAR.match(last):
        return f"{first}{RANGE_DASH}{last}"
    start_month, end_month = _MONTH.match(first), _MONTH.match(last)
    if start_month and end_month and start_month[1] == end_month[1]:
        numbers = int(start_month[2]), int(end_month[2])
        if 1 <= numbers[0] < numbers[1] <= 12:
            names = MONTHS[numbers[0] - 1], MONTHS[numbers[1] - 1]
            return f"{names[0]} {RANGE_DASH} {names[1]} {end_month[1]}"
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
