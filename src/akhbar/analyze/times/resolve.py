"""Calendar arithmetic for time expressions: pure functions of an anchor date.

Conventions (TimeML TIMEX3 values): days ``2018-05-02``, months ``2018-05``, years
``2018``, ISO weeks ``2018-W18``. ``direction`` is -1 (الماضي: the last one strictly
before the anchor), 1 (المقبل: the next one strictly after) or 0 (الجاري: the current one).
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

__all__ = [
    "FUTURE_WINDOW_DAYS",
    "WEEKDAY_AHEAD_DAYS",
    "day_iso",
    "hijri_month_range",
    "hijri_to_date",
    "hijri_year_of",
    "hijri_year_range",
    "iso_week",
    "month_iso",
    "resolve_day_month",
    "resolve_month",
    "resolve_weekday",
    "safe_date",
    "shift",
]

# A day and month with neither year nor direction ("في 25 مارس") is read as the next
# occurrence when that is at most this many days after the anchor, else as the last
# occurrence on or before it: news names past dates with الماضي and a year far more often,
# so a bare date is usually recent or just ahead. Calibrated on tests/data/times.
FUTURE_WINDOW_DAYS = 45
# A bare weekday one or two days after the anchor's weekday is the coming one: a report
# of an event six days back says "الخميس الماضي". Calibrated on tests/data/times.
WEEKDAY_AHEAD_DAYS = 2


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (31 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_iso(date: dt.date) -> str:
    return date.isoformat()


def month_iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week(date: dt.date) -> str:
    year, week, _ = date.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift(anchor: dt.date, unit: str, amount: int) -> tuple[str, str] | None:
    """``anchor`` moved by ``amount`` units (D, W, M, Y): (value, precision), or None."""
    if unit == "D":
        return day_iso(anchor + dt.timedelta(days=amount)), "day"
    if unit == "W":
        return iso_week(anchor + dt.timedelta(weeks=amount)), "week"
    if unit == "M":
        index = anchor.year * 12 + anchor.month - 1 + amount
        return month_iso(index // 12, index % 12 + 1), "month"
    if unit == "Y":
        return f"{anchor.year + amount:04d}", "year"
    return None


def resolve_month(anchor: dt.date, month: int, direction: int | None) -> tuple[int, int]:
    """(year, month) of a month named without a year, relative to ``anchor``.

    -1: strictly before the anchor's month; 1: strictly after; 0: the anchor's year;
    None: the anchor's year unless that puts it more than two months ahead, then the year before.
    """
    if direction is not None and direction < 0:
        year = anchor.year if month < anchor.month else anchor.year - 1
        return year + direction + 1, month
    if direction == 1:
        return (anchor.year if month > anchor.month else anchor.year + 1), month
    if direction is None and month > anchor.month + 2:
        return anchor.year - 1, month
    return anchor.year, month


def resolve_day_month(
    anchor: dt.date, month: int, day: int, direction: int | None
) -> dt.date | None:
    """The date of a day and month named without a year (None if it never exists)."""
    if direction == 0:
        return safe_date(anchor.year, month, day)
    before = next(
        (
            d
            for y in range(anchor.year, anchor.year - 9, -1)
            if (d := safe_date(y, month, day)) and d < anchor
        ),
        None,
    )
    after = next(
        (
            d
            for y in range(anchor.year, anchor.year + 9)
            if (d := safe_date(y, month, day)) and d > anchor
        ),
        None,
    )
    if direction is not None and direction < 0:
        return before and _years_back(before, -direction - 1)
    if direction == 1:
        return after
    if safe_date(anchor.year, month, day) == anchor:
        return anchor
    if after and (after - anchor).days <= FUTURE_WINDOW_DAYS:
        return after
    return before


def _years_back(date: dt.date, years: int) -> dt.date | None:
    return safe_date(date.year - years, date.month, date.day)


def resolve_weekday(anchor: dt.date, weekday: int, direction: int | None, tense: int) -> dt.date:
    """The date of a weekday (ISO 1-7) named in a text published on ``anchor``.

    -1 (الماضي): strictly before; -2 (قبل الماضي): a week before that; 1 (المقبل): strictly
    after; 0 (هذا): in the anchor's week. None: the next one when ``tense`` is 1 (a future
    cue before it) or, with no cue (0), when it is at most ``WEEKDAY_AHEAD_DAYS`` ahead
    ("الجمعة" in a Thursday report); else the last one on or before the anchor ("الثلاثاء"
    in a Wednesday report is yesterday; "وقع يوم السبت" in a Friday report, tense -1).
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction is not None and direction < 0:  # الماضي, قبل الماضي (a week earlier)
        return anchor - dt.timedelta(days=(back or 7) + 7 * (-direction - 1))
    if direction == 1:
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == 0:
        return anchor + dt.timedelta(days=weekday - anchor.isoweekday())
    if tense > 0 or (tense == 0 and 0 < ahead <= WEEKDAY_AHEAD_DAYS):
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def hijri_to_date(year: int, month: int, day: int) -> dt.date | None:
    """Gregorian date of a Hijri (Umm al-Qura) date, or None outside the table or invalid."""
    try:
        return _greg(Hijri(year, month, day))
    except (ValueError, OverflowError):
        return None


def _greg(hijri: Hijri) -> dt.date:
    year, month, day = hijri.to_gregorian().datetuple()
    return dt.date(year, month, day)


def hijri_month_range(year: int, month: int) -> str | None:
    """The Gregorian days a Hijri month covers, as ``first/last``."""
    try:
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
        return f"{_greg(first).isoformat()}/{_greg(last).isoformat()}"
    except (ValueError, OverflowError):
        return None


def hijri_year_range(year: int) -> str | None:
    first = hijri_month_range(year, 1)
    last = hijri_month_range(year, 12)
    if first is None or last is None:
        return None
    return f"{first.split('/')[0]}/{last.split('/')[1]}"


def hijri_year_of(date: dt.date) -> int | None:
    try:
        return Gregorian(date.year, date.month, date.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
