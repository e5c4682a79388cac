"""Publication dates: input strings (ISO 8601, RFC 2822) and dateline lines ("20 مارس 2025").

>>> parse_dateline("٢٠ آذار ٢٠٢٥")
datetime.date(2025, 3, 20)
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import cache

from akhbar.arabic.lexicon import load_mapping
from akhbar.arabic.normalize import to_key

__all__ = ["parse_date_string", "parse_dateline"]

# Up to two words before the date ("الخميس،", "آخر تحديث:") still make a dateline.
_LEAD = r"(?:[\u0600-\u06ff]+\s*){0,2}[:،,]?\s*"
_TIME = r"(?:\s*[-|،,]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:ص|م|am|pm|gmt|[a-z]{3}))?)?"
_NUMERIC = re.compile(
    rf"^{_LEAD}(?:(?P<iso>\d{{4}})-(?P<isomonth>\d{{1,2}})-(?P<isoday>\d{{1,2}})"
    rf"|(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})/(?P<year>\d{{4}})){_TIME}$"
)


@cache
def _months() -> dict[str, int]:
    return {name: int(number) for name, number in load_mapping("months").items()}


@cache
def _named_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(name) for name in sorted(_months(), key=len, reverse=True))
    return re.compile(
        rf"^{_LEAD}(?P<day>\d{{1,2}})\s*(?P<first>{names})"
        rf"(?:\s*[/(-]\s*(?P<second>{names})\s*\)?)?\s*[،,]?\s*(?P<year>\d{{4}}){_TIME}$"
    )


def parse_dateline(line: str) -> dt.date | None:
    """The date of a line that holds only a date (and maybe a weekday or time), else None.

    Names: ``مارس``, ``آذار``, ``مارس/ آذار``; digits Western or Arabic-Indic; also
    ``2025-03-20`` and day-first ``20/03/2025``. A sentence that mentions a date is not a
    dateline.
    """
    key = to_key(line).strip().rstrip(".")
    if not key or len(key) > 60:
        return None
    match = _named_pattern().match(key)
    if match is not None:
        first = _months()[match.group("first")]
        second = match.group("second")
        if second is not None and _months()[second] != first:
            return None
        return _safe_date(int(match.group("year")), first, int(match.group("day")))
    match = _NUMERIC.match(key)
    if match is None:
        return None
    if match.group("iso"):
        return _safe_date(
            int(match.group("iso")), int(match.group("isomonth")), int(match.group("isoday"))
        )
    return _safe_date(int(match.group("year")), int(match.group("month")), int(match.group("day")))


def parse_date_string(value: str) -> dt.date | None:
    """ISO 8601 date or datetime, or RFC 2822 (``Sun, 18 Feb 2018 21:35:43 +0400``).

    A bare date stays a :class:`datetime.date`; a time keeps its time zone. A midnight
    without zone (what page metadata writes for a bare date) is a date. None if unreadable.
    """
    text = value.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else _iso_datetime(text)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _iso_datetime(text: str) -> dt.date:
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None and moment.time() == dt.time(0, 0):
        return moment.date()
    return moment


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
