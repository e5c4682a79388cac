"""When the text and the input disagree on the publication day, trust the text.

Feeds stamp articles late, in another time zone, or when they were last edited. An
article that says "اليوم الاثنين" ("today, Monday") was written on a Monday: when the
input's date is a Tuesday, the article's date becomes the nearest Monday and the
disagreement is kept in ``published_notes`` with the words that settled it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from functools import cache

from akhbar.arabic.lexicon import load_mapping
from akhbar.arabic.tokens import tokenize
from akhbar.model import Article, Evidence, Sentence, TimeExpression

__all__ = ["reconcile_published"]

# A feed date more than this many days from the named weekday is not a stamping slip;
# the text may be quoting another day, so the input's date stands.
MAX_SHIFT_DAYS = 3


@cache
def _weekdays() -> dict[str, int]:
    return {name: int(number) for name, number in load_mapping("time_weekdays").items()}


def _named_weekday(surface: str) -> int | None:
    names = _weekdays()
    for token in tokenize(surface):
        for form in (*token.forms(), *("ال" + base for base in token.bases)):
            if form in names:
                return names[form]
    return None


def _nearest(day: dt.date, weekday: int) -> dt.date | None:
    shift = (weekday - day.isoweekday() + 3) % 7 - 3  # in -3..3
    return day + dt.timedelta(days=shift) if abs(shift) <= MAX_SHIFT_DAYS else None


def reconcile_published(
    article: Article, times: Sequence[TimeExpression], sentences: Sequence[Sentence]
) -> Article:
    """``article`` with its date moved to the weekday its text names for today, if they differ."""
    if article.published is None:
        return article
    for time in times:
        if not (time.weekday_conflict and time.relative and time.precision == "day"):
            continue
        weekday = _named_weekday(time.surface)
        day = article.published
        moved = _nearest(day if not isinstance(day, dt.datetime) else day.date(), weekday or 0)
        if weekday is None or moved is None:
            continue
        span = time.span
        note = (
            f"input date {day.isoformat()} is a {day.strftime('%A')}, but the text says "
            f"{time.surface!r}; the text's date {moved.isoformat()} is used"
        )
        return dataclasses.replace(
            article,
            published=moved,
            published_source="text",
            published_evidence=(Evidence(span, time.surface),),
            published_notes=(*article.published_notes, note),
        )
    return article
