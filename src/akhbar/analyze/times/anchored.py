"""The value of a relative time expression at an anchor: one function per rule.

Each rule of :mod:`~akhbar.analyze.times.rules` and
:mod:`~akhbar.analyze.times.rules_relative` reads its words into a
:class:`~akhbar.model.TimeRule` and asks :func:`resolve` for the value at the publication
date. The expression keeps its rule, so when the story stage infers another date (or a
quotation gives the day of the speech), :func:`reanchor` resolves it again by the same
arithmetic, without reading the text again:

    >>> from datetime import date
    >>> resolve(TimeRule("day", (-1, None, None)), date(2025, 3, 20)).value
    '2025-03-19'
    >>> resolve(TimeRule("weekday", (4, None, -1, None)), date(2025, 3, 24)).value
    '2025-03-20'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import NamedTuple

from akhbar.analyze.times import resolve as cal
from akhbar.analyze.times.found import Found
from akhbar.model import TimeExpression, TimeRule

__all__ = ["UNIT_PRECISION", "Resolved", "found_at", "reanchor", "resolve"]


class Resolved(NamedTuple):
    value: str | None
    precision: str | None
    mod: str | None = None
    conflict: bool = False


# Seasons counted as year * 4 + index; winter of year Y runs December Y to February Y+1.
_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
UNIT_PRECISION = {
    "D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century",
    "H": "hour", "MIN": "minute", "S": "second",
}  # fmt: skip


def with_part(date: dt.date, part: str | None) -> tuple[str, str]:
    return (f"{date.isoformat()}T{part}", "daypart") if part else (date.isoformat(), "day")


def _day(args, anchor: dt.date, parts) -> Resolved:
    """ "أمس", "اليوم الخميس": the anchor moved by ``offset`` days; a weekday named with
    today that is one day off moves the day to it (the feed's date is in another time zone),
    and the conflict is flagged either way."""
    offset, part, weekday = args
    date = anchor + dt.timedelta(days=offset)
    conflict = weekday is not None and date.isoweekday() != weekday
    if conflict and offset == 0:
        gap = (weekday - date.isoweekday() + 3) % 7 - 3
        if abs(gap) == 1:
            date += dt.timedelta(days=gap)
    return Resolved(*with_part(date, part), None, conflict)


def _weekday(args, anchor: dt.date, parts) -> Resolved:
    weekday, direction, tense, part = args
    return Resolved(*with_part(cal.resolve_weekday(anchor, weekday, direction, tense), part))


def _shift(args, anchor: dt.date, parts) -> Resolved:
    """ "الأسبوع الماضي", "قبل يومين": the anchor's unit moved by ``amount``."""
    unit, amount, mod = args
    value, precision = cal.shift(anchor, unit, amount) or (None, UNIT_PRECISION.get(unit))
    if unit == "W" and mod == "END" and value:  # نهاية الأسبوع: the weekend
        return Resolved(f"{value}-WE", precision)
    return Resolved(value, precision, mod)


def _day_month(args, anchor: dt.date, parts) -> Resolved:
    """ "12 فبراير الفائت": the day of that month nearest the anchor in the direction given;
    an impossible day (30 فبراير) falls back to the month."""
    month, day, direction, day2, weekday, mod = args
    date = cal.resolve_day_month(anchor, month, day, direction)
    if date is None:
        return _month((month, direction, mod), anchor, parts)
    value, conflict = date.isoformat(), False
    if day2 and (end := cal.safe_date(date.year, month, day2)):
        value = f"{value}/{end.isoformat()}"
    elif weekday is not None:
        conflict = date.isoweekday() != weekday
    return Resolved(value, "day", mod, conflict)


def _month(args, anchor: dt.date, parts) -> Resolved:
    month, direction, mod = args
    year, month = cal.resolve_month(anchor, month, direction)
    return Resolved(cal.month_iso(year, month), "month", mod)


def _hijri(args, anchor: dt.date, parts) -> Resolved:
    """ "شهر رمضان", "20 رمضان": of the anchor's Hijri year (a day too far ahead, of the
    year before)."""
    month, day = args
    year = cal.hijri_year_of(anchor)
    if year is None:  # an anchor outside the Umm al-Qura table
        return Resolved(None, "day")
    if day:
        first = cal.hijri_to_date(year, month, day)
        if first and (first - anchor).days > cal.FUTURE_WINDOW_DAYS:
            year -= 1
    date = cal.hijri_to_date(year, month, day) if day else None
    return Resolved(date.isoformat() if date else cal.hijri_month_range(year, month), "day")


def _season(args, anchor: dt.date, parts) -> Resolved:
    """ "الشتاء الماضي": the nearest such season before (after, this) the anchor's."""
    code, direction, mod = args
    now = (
        (anchor.year - 1) * 4 + 3 if anchor.month < 3 else anchor.year * 4 + (anchor.month - 3) // 3
    )
    target = _SEASON_ORDER[code]
    if direction == 0:
        year = now // 4
    else:
        year = now // 4 + 2 * -direction
        while (year * 4 + target - now) * direction <= 0:
            year += direction
    return Resolved(f"{year}-{code}", "season", mod)


def _quarter(args, anchor: dt.date, parts) -> Resolved:
    code, shift = args
    return Resolved(f"{anchor.year + shift}-{code}", "quarter")


def _clock(args, anchor: dt.date, parts) -> Resolved:
    """A clock time ("T23:55") on the anchor's day, or on its relative day's."""
    (clock,) = args
    if not parts:
        return Resolved(f"{anchor.isoformat()}{clock}", "time")
    day = resolve(parts[0], anchor)
    return Resolved(f"{day.value[:10]}{clock}" if day.value else None, "time")


def _range(args, anchor: dt.date, parts) -> Resolved:
    first, second = (resolve(part, anchor) for part in parts)
    value = f"{first.value}/{second.value}" if first.value and second.value else None
    return Resolved(value, first.precision, first.mod)


_RESOLVERS: dict[str, Callable[..., Resolved]] = {
    "day": _day,
    "weekday": _weekday,
    "shift": _shift,
    "day_month": _day_month,
    "month": _month,
    "hijri": _hijri,
    "season": _season,
    "quarter": _quarter,
    "clock": _clock,
    "range": _range,
}


def resolve(rule: TimeRule, anchor: dt.date) -> Resolved:
    """The value of ``rule`` at ``anchor``: None where that day does not exist or lies past
    the calendar's edges ("غدا" written on 9999-12-31)."""
    try:
        return _RESOLVERS[rule.name](rule.args, anchor, rule.parts)
    except (OverflowError, ValueError):
        return Resolved(None, None)


def reanchor(times: Sequence[TimeExpression], anchor: dt.date) -> tuple[TimeExpression, ...]:
    """``times`` with every relative expression resolved again at ``anchor`` by its rule;
    the rest as they are."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    return tuple(_reanchored(time, anchor) for time in times)


def _reanchored(time: TimeExpression, anchor: dt.date) -> TimeExpression:
    if time.rule is None:
        return time
    found = resolve(time.rule, anchor)
    return dataclasses.replace(
        time,
        value=found.value,
        precision=found.precision,
        mod=found.mod if time.mod != "ON_OR_AFTER" else time.mod,
        weekday_conflict=found.conflict,
        anchor=anchor.isoformat(),
    )


def found_at(
    start: int,
    end: int,
    rule: TimeRule,
    anchor: dt.date | None,
    *,
    precision: str | None,
    mod: str | None = None,
    type_: str = "DATE",
) -> Found:
    """The relative expression ``rule`` read at ``start:end``, resolved at ``anchor``; with
    no anchor its value is None (``precision`` and ``mod`` are then what the words say)."""
    if anchor is None:
        return Found(start, end, type_, None, precision, True, mod, rule=rule)
    value, precision, mod, conflict = resolve(rule, anchor)
    return Found(start, end, type_, value, precision, True, mod, conflict, rule)
