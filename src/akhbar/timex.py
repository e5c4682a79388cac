"""TimeML (TIMEX3) date values, read in one place: their shape, and the days they cover.

>>> parse_timex("2018-05-01TEV")
Timex(kind='day', year=2018, month=5, day=1, part='EV', week=0, weekend=False, code='')
>>> period("2025-02")
(datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))
>>> overlaps(period("2025-02"), period("2025-02-12"))
True

The time finders write these values; the story stage compares them (:func:`period`,
:func:`overlaps`) and the reports show them (:mod:`akhbar.render.dates`). Shapes: a day with
an optional part of day or clock time (``2025-02-12``, ``2018-05-01TEV``,
``2018-05-02T23:55``), a month (``2025-01``), a year (``2015``), an ISO week with an optional
weekend (``2025-W11``, ``2018-W19-WE``), a season (``2018-SU``), a quarter or half
(``2018-Q1``, ``2018-H1``), a decade (``201``), and a range of two of them (``2011/2015``).
Durations (``P2D``) and references (``PAST_REF``) have no shape here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Period", "Timex", "overlaps", "parse_timex", "period", "period_length", "split_range"]

Period = tuple[dt.date, dt.date]

_SHAPES = (
    ("day", re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(MO|MI|AF|EV|NI|\d{2}:\d{2}))?")),
    ("month", re.compile(r"(\d{4})-(\d{2})")),
    ("year", re.compile(r"(\d{4})")),
    ("week", re.compile(r"(\d{4})-W(\d{2})(-WE)?")),
    ("season", re.compile(r"(\d{4})-(SP|SU|FA|WI)")),
    ("quarter", re.compile(r"(\d{4})-([QH][1-4])")),
    ("decade", re.compile(r"(\d{3})")),
)


@dataclass(frozen=True)
class Timex:
    """One TimeML date value, split into its parts (those its ``kind`` does not have are 0
    or empty). ``part``: a part of day (MO, MI, AF, EV, NI) or a clock time after a day;
    ``code``: a season (SP, SU, FA, WI), quarter (Q1..Q4) or half (H1, H2); a decade keeps
    its first three digits in ``year``."""

    kind: str
    year: int
    month: int = 0
    day: int = 0
    part: str | None = None
    week: int = 0
    weekend: bool = False
    code: str = ""


def parse_timex(value: str) -> Timex | None:
    """The parts of one value (not a range: see :func:`split_range`), or None for another
    shape."""
    for kind, pattern in _SHAPES:
        match = pattern.fullmatch(value)
        if match is None:
            continue
        found = match.groups()
        year = int(found[0])
        if kind == "day":
            return Timex(kind, year, int(found[1]), int(found[2]), part=found[3])
        if kind == "month":
            return Timex(kind, year, int(found[1]))
        if kind == "week":
            return Timex(kind, year, week=int(found[1]), weekend=bool(found[2]))
        if kind in ("season", "quarter"):
            return Timex(kind, year, code=found[1])
        return Timex(kind, year)
    return None


def split_range(value: str) -> tuple[str, str] | None:
    """The two ends of a range value ("2011/2015"), or None when ``value`` is one value."""
    first, slash, last = value.partition("/")
    return (first, last) if slash else None


def _single(value: str) -> Period | None:
    timex = parse_timex(value)
    if timex is None:
        return None
    try:
        if timex.kind == "day":
            day = dt.date(timex.year, timex.month, timex.day)
            return day, day
        if timex.kind == "month":
            last = calendar.monthrange(timex.year, timex.month)[1]
            return dt.date(timex.year, timex.month, 1), dt.date(timex.year, timex.month, last)
        if timex.kind == "year":
            return dt.date(timex.year, 1, 1), dt.date(timex.year, 12, 31)
        if timex.kind == "week":  # a weekend is its Saturday and Sunday
            first = 6 if timex.weekend else 1
            return (
                dt.date.fromisocalendar(timex.year, timex.week, first),
                dt.date.fromisocalendar(timex.year, timex.week, 7),
            )
    except (ValueError, calendar.IllegalMonthError):
        return None
    return None


def period(value: str | None) -> Period | None:
    """The first and last day ``value`` covers (a day, month, year, week or a range of them);
    None for other shapes, durations, references or None."""
    if not value:
        return None
    ends = split_range(value)
    if ends is not None:
        start, end = _single(ends[0]), _single(ends[1])
        return (start[0], end[1]) if start and end and start[0] <= end[1] else None
    return _single(value)


def overlaps(left: Period, right: Period) -> bool:
    return left[0] <= right[1] and right[0] <= left[1]


def period_length(span: Period) -> int:
    return (span[1] - span[0]).days + 1
