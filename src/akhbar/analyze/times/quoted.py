"""Relative dates inside a quotation, resolved against the time of the quoted speech.

"وقال الكرملين في بيانه يوم 12 فبراير: "نأمل أن تتم الزيارة غدا"" — the Kremlin said it on
12 February, so its "غدا" (tomorrow) is 13 February, whatever day the article appeared.
When the words of a sentence outside its quotations give exactly one day, that day is
the time of the speech, and the relative expressions inside the quotations are resolved
against it instead of the publication date, each by its own rule (no second reading).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from akhbar.analyze.times.anchored import reanchor
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


def anchor_quoted_times(
    times: Sequence[TimeExpression],
    sentences: Sequence[Sentence],
    quoted: Sequence[Sequence[tuple[int, int]]],
) -> tuple[TimeExpression, ...]:
    """``times`` with relative expressions in quotations resolved again, by their rules, at
    the speech's day; ``quoted[i]`` holds the quotations of ``sentences[i]``
    (:attr:`akhbar.arabic.doc.Doc.quoted`)."""
    out = list(times)
    for sentence, regions in zip(sentences, quoted, strict=True):
        if not regions:
            continue
        day = _speech_day(times, regions, sentence)
        if day is None:
            continue
        for index, time in enumerate(out):
            if _inside(time, regions) is not None and time.rule and time.anchor != day:
                (out[index],) = reanchor((time,), dt.date.fromisoformat(day))
    return tuple(out)
