"""Relative dates inside a quotation, resolved against the time of the quoted speech.

"وقال الكرملين في بيانه يوم 12 فبراير: "نأمل أن تتم الزيارة غدا"" — the Kremlin said it on
12 February, so its "غدا" (tomorrow) is 13 February, whatever day the article appeared.
When the words of a sentence outside its quotations give exactly one day, that day is
the time of the speech, and the relative expressions inside the quotations are resolved
against it instead of the publication date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from akhbar.analyze.times.find import read_times
from akhbar.arabic.doc import Doc
from akhbar.arabic.normalize import KeyOffsets
from akhbar.model import Sentence, TimeExpression
from akhbar.timex import period

__all__ = ["anchor_quoted_times"]


def _inside(time: TimeExpression, regions: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    return next((r for r in regions if r[0] < time.span.start and time.span.end <= r[1]), None)


def _speech_day(times: Sequence[TimeExpression], regions, sentence: Sentence) -> str | None:
    days = {
        t.value[:10]
        for t in times
        if sentence.start <= t.span.start
        and t.span.end <= sentence.end
        and t.precision == "day"
        and _inside(t, regions) is None
        and period(t.value) is not None
    }
    return days.pop() if len(days) == 1 else None


def _reresolved(
    text: str, time: TimeExpression, region: tuple[int, int], day: str
) -> TimeExpression:
    offset = region[0] + 1
    quoted = text[offset : region[1]]
    found_times = read_times(
        KeyOffsets(quoted), anchor=dt.date.fromisoformat(day), article_id=time.span.article
    )
    for found in found_times:
        if found.span.start + offset == time.span.start and found.surface == time.surface:
            return dataclasses.replace(found, span=time.span)
    return time


def anchor_quoted_times(doc: Doc, times: Sequence[TimeExpression]) -> tuple[TimeExpression, ...]:
    """``times`` with relative expressions in quotations re-resolved at the speech's day."""
    out = list(times)
    for sentence, regions in zip(doc.sentences, doc.quoted, strict=True):
        if not regions:
            continue
        day = _speech_day(times, regions, sentence)
        if day is None:
            continue
        for index, time in enumerate(out):
            region = _inside(time, regions)
            if region is not None and time.relative and time.anchor != day:
                out[index] = _reresolved(doc.text, time, region, day)
    return tuple(out)
