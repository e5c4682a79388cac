"""TimeML values as day intervals, so dates of different precision can be compared.

>>> period("2025-02")
(datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))
>>> overlaps(period("2025-02"), period("2025-02-12"))
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["Period", "overlaps", "period", "period_length"]

Period = tuple[dt.date, dt.date]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _single(value: str) -> Period | None:
    try:
        if match := _DAY.match(value):
            day = dt.date(*map(int, match.groups()))
            return day, day
        if match := _MONTH.match(value):
            year, month = map(int, match.groups())
            return dt.date(year, month, 1), dt.date(
                year, month, calendar.monthrange(year, month)[1]
            )
        if match := _YEAR.match(value):
            year = int(match.group(1))
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if match := _WEEK.match(value):
            year, week = map(int, match.groups())
            return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
    except ValueError:
        return None
    return None


def period(value: str | None) -> Period | None:
    """The first and last day ``value`` covers; None for durations, references or None."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        start, end = _single(first), _single(last)
        return (start[0], end[1]) if start and end and start[0] <= end[1] else None
    return _single(value)


def overlaps(left: Period, right: Period) -> bool:
    return left[0] <= right[1] and right[0] <= left[1]


def period_length(span: Period) -> int:
    return (span[1] - span[0]).days + 1
