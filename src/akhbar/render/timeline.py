"""What the Markdown and HTML timelines share: dated and undated events, main events, gaps.

Pure functions over the report dict (``report_to_dict``), so both renderers order and
count a story's events alike. Example: in the seeds the phone call of 2025-02-12 is the
main event of articles 001, 003 and 004, and the attack with no date comes last.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from akhbar.timex import period

__all__ = [
    "ARTICLE_FORMS",
    "EVENT_FORMS",
    "count_text",
    "gap_days",
    "main_event_articles",
    "split_dated",
    "years_text",
]

_Item = dict[str, Any]
_DAYS_PER_YEAR = 365.25


def main_event_articles(articles: list[_Item], story_id: str) -> dict[str, list[str]]:
    """Event id → ids of the story's articles that are chiefly about it, in report order."""
    main: dict[str, list[str]] = {}
    for article in articles:
        if article["story"] == story_id and article["main_event"]:
            main.setdefault(article["main_event"], []).append(article["id"])
    return main


def split_dated(events: list[_Item]) -> tuple[list[_Item], list[_Item]]:
    """Events with a date (in the story's date order) and those without, which go last."""
    return [e for e in events if e["date"]], [e for e in events if not e["date"]]


def gap_days(earlier: str | None, later: str | None) -> int | None:
    """Days from the start of ``earlier`` to the start of ``later``; None when either date
    is not a calendar period (a season, a decade) or the two are out of order."""
    first, second = period(earlier), period(later)
    if first is None or second is None or second[0] < first[0]:
        return None
    return (second[0] - first[0]).days


def years_text(days: int) -> str:
    """A long gap in whole years, with the Arabic number agreement: "نحو 10 سنوات"."""
    years = max(1, round(days / _DAYS_PER_YEAR))
    if years == 1:
        return "نحو سنة"
    if years == 2:
        return "نحو سنتين"
    return f"نحو {years} {'سنوات' if years <= 10 else 'سنة'}"


def count_text(count: int, forms: tuple[str, str, str, str]) -> str:
    """A count with the Arabic noun agreement: forms are (one, two, 3-10, 11 and more).

    >>> count_text(5, ARTICLE_FORMS)
    '5 مقالات'
    """
    one, two, few, many = forms
    if count == 1:
        return one
    if count == 2:
        return two
    return f"{count} {few if count <= 10 else many}"


ARTICLE_FORMS = ("مقال واحد", "مقالان", "مقالات", "مقالًا")
EVENT_FORMS = ("حدث واحد", "حدثان", "أحداث", "حدثًا")


def thread_days(thread: Mapping[str, Any]) -> str | None:
    """When a thread's happening took place (its ``date``), else the days its articles were
    published ("2018-05-08" or "2018-05-08 – 2018-05-09"), else None."""
    if thread.get("date"):
        return str(thread["date"])[:10]
    first, last = thread.get("first_published"), thread.get("last_published")
    if not first:
        return None
    if not last or str(last)[:10] == str(first)[:10]:
        return str(first)[:10]
    return f"{str(first)[:10]} – {str(last)[:10]}"
