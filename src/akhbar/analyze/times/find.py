"""Time expressions in Arabic news text, read as TimeML TIMEX3 values.

    >>> from datetime import date
    >>> [t.value for t in find_times("في 12 فبراير/ شباط الفائت", anchor=date(2025, 3, 20))]
    ['2025-02-12']

("on 12 February last", in an article of 20 March 2025.) Relative expressions are
resolved against ``anchor``, the publication date; without one their value is None.

Reading rules worth knowing (details in :mod:`akhbar.analyze.times.resolve`):

- a weekday with no direction word is the last such day on or before the anchor
  ("يوم الثلاثاء" in a Wednesday report is yesterday), or the next on or after it when
  the nearest cue before it is a future one ("من المقرر", "سيعقد"), or, with no cue, when it
  is one or two days ahead; a past-tense event verb ("وقع يوم السبت") keeps it in the past;
- two days joined by "بين ... و" or "من ... إلى" are one range ("2018-06-14/2018-07-15");
- a day and month with no year: the next occurrence if it is at most
  ``FUTURE_WINDOW_DAYS`` ahead, else the last one on or before the anchor; with
  الماضي/الفائت the last one strictly before, with المقبل the next one strictly after;
- "منذ" before a date sets ``mod="ON_OR_AFTER"`` (TimeML's reading of "since"): "منذ عام
  2015" is value "2015", mod "ON_OR_AFTER"; "منذ ثلاثة أسابيع" is a DURATION "P3W";
- "مطلع/منتصف/أواخر" give the period's value with mod START/MID/END;
- Hijri dates are converted to Gregorian (Umm al-Qura, via ``hijridate``); a Hijri month
  or year becomes the range of Gregorian days it covers ("2018-05-16/2018-06-14").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from akhbar.analyze.times.found import Context, Found, previous_word
from akhbar.analyze.times.lexicon import time_lexicon
from akhbar.analyze.times.patterns import TimePatterns, time_patterns
from akhbar.analyze.times.rules import (
    date_rule,
    decade_rule,
    hijri_rule,
    holiday_rule,
    numeric_rule,
    quarter_rule,
    season_rule,
    year_rule,
)
from akhbar.analyze.times.rules_relative import (
    clock_rule,
    count_rule,
    day_word_rule,
    every_weekday_rule,
    fixed_rule,
    period_rule,
    plural_period_rule,
    weekday_rule,
)
from akhbar.analyze.times.scan import regions
from akhbar.arabic.doc import Doc
from akhbar.arabic.normalize import KeyOffsets
from akhbar.model import Sentence, Span, TimeExpression, TimeRule

__all__ = ["TimeExpression", "find_times", "read_times"]

Rule = Callable[[re.Match[str], Context], list[Found]]

# Pattern name and rule, in order of preference when two readings cover the same characters.
_RULES: tuple[tuple[str, Rule], ...] = (
    ("numeric", numeric_rule),
    ("date", date_rule),
    ("hijri", hijri_rule),
    ("holiday", holiday_rule),
    ("day_word", day_word_rule),
    ("clock", clock_rule),
    ("weekday", weekday_rule),
    ("period", period_rule),
    ("plural_period", plural_period_rule),
    ("quarter", quarter_rule),
    ("season", season_rule),
    ("decade", decade_rule),
    ("year", year_rule),
    ("every_weekday", every_weekday_rule),
    ("count", count_rule),
    ("fixed", fixed_rule),
)
# What may stand between a clock time and the day it belongs to ("الساعة 8 من مساء أمس").
_CLOCK_GAP = re.compile(r"[ \t،,]*(?:(?:من|في|يوم)[ \t]+)*")
_SINCE = frozenset({"منذ", "ومنذ"})
# Between two dates of a range: "بين 14 يونيو و15 يوليو", "من يناير إلى مارس".
_RANGE_GAP = re.compile(r"[ \t]*[،,]?[ \t]*(?P<sep>و|الي|حتي|-)[ \t]*")
_RANGE_OPENERS = {"و": ("بين", "وبين"), "الي": ("من", "بين"), "حتي": ("من",), "-": ("من", "بين")}


def find_times(doc: Doc, *, anchor: dt.date | None) -> tuple[TimeExpression, ...]:
    """Every time expression of ``doc``, in text order, none overlapping another.

    >>> from datetime import date
    >>> find_times(make_doc("والأسبوع الماضي، دعا الكرملين"), anchor=date(2025, 3, 20))[0].value
    '2025-W11'

    ("and last week, the Kremlin called".)
    """
    return read_times(doc.keyed, anchor=anchor, article_id=doc.article, sentences=doc.sentences)


def read_times(
    keyed: KeyOffsets,
    *,
    anchor: dt.date | None,
    article_id: str = "",
    sentences: Sequence[Sentence] = (),
) -> tuple[TimeExpression, ...]:
    """:func:`find_times` on any key text with its offsets (a quotation, a title);
    ``sentences``: the text's, so each expression's span names its sentence."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    ctx = Context(keyed.key, anchor, time_lexicon())
    found = _choose(_candidates(ctx, time_patterns()))
    found = _mark_since(_join_ranges(_attach_clock_days(found, ctx), ctx), ctx)
    starts = [sentence.start for sentence in sentences]

    def span(start: int, end: int) -> Span:
        index = bisect_right(starts, start) - 1
        inside = index >= 0 and start < sentences[index].end
        return Span(article_id, start, end, sentences[index].index if inside else None)

    return tuple(_express(item, keyed, anchor, span) for item in found)


def _candidates(ctx: Context, patterns: TimePatterns) -> list[tuple[Found, int]]:
    windows = regions(ctx.key, patterns.triggers, patterns.trigger_words)
    seen: set[tuple[int, int, int]] = set()
    out: list[tuple[Found, int]] = []
    for rank, (name, rule) in enumerate(_RULES):
        pattern = getattr(patterns, name)
        for low, high in windows.get(name, ()):
            for match in pattern.finditer(ctx.key, low, high):
                if (rank, *match.span()) not in seen:
                    seen.add((rank, *match.span()))
                    out.extend((item, rank) for item in rule(match, ctx))
    return out


def _choose(candidates: list[tuple[Found, int]]) -> list[Found]:
    """The longest readings first, then the preferred rule; no two chosen ones overlap."""
    ordered = sorted(candidates, key=lambda c: (c[0].start - c[0].end, c[1], c[0].start))
    taken: list[Found] = []
    for item, _ in ordered:
        if item.end > item.start and all(item.end <= t.start or item.start >= t.end for t in taken):
            taken.append(item)
    return sorted(taken, key=lambda f: f.start)


def _has_day(item: Found) -> bool:
    return item.type == "DATE" and item.precision in ("day", "daypart") and _is_day(item.value)


def _clock_day(item: Found) -> bool:
    """A day a clock time can take: one with a value, or a relative one waiting for its
    anchor ("صباح الاثنين", "1 فبراير" with no year yet): the clock joins it whatever the
    anchor, so re-anchoring by rule gives what reading at the new anchor would."""
    waiting = item.value is None and item.rule is not None
    waiting = waiting and (item.rule.name in _DAY_PART_ARG or item.precision == "day")
    return _has_day(item) or (item.type == "DATE" and waiting)


# Where a relative day's rule keeps its part of the day ("MO", "EV", ...).
_DAY_PART_ARG = {"day": 1, "weekday": 3}


def _is_day(value: str | None) -> bool:
    return bool(value) and len(value) >= 10 and value[4] == "-" and value[7] == "-"


def _attach_clock_days(found: list[Found], ctx: Context) -> list[Found]:
    """Give each clock time its day: a date right next to it, else the anchor."""
    out: list[Found] = []
    index = 0
    while index < len(found):
        item = found[index]
        if item.type != "TIME":
            out.append(item)
            index += 1
            continue
        after = found[index + 1] if index + 1 < len(found) else None
        before = out[-1] if out else None
        if after and _clock_day(after) and _gap_ok(ctx, item.end, after.start):
            out.append(_merge_clock(item, after, item.start, after.end))
            index += 2
            continue
        if before and _clock_day(before) and _gap_ok(ctx, before.end, item.start):
            out[-1] = _merge_clock(item, before, before.start, item.end)
        else:
            day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
            rule = TimeRule("clock", (item.value,))
            out.append(replace(item, value=f"{day}{item.value}", rule=rule))
        index += 1
    return out


def _gap_ok(ctx: Context, start: int, end: int) -> bool:
    return _CLOCK_GAP.fullmatch(ctx.key, start, end) is not None


def _merge_clock(clock: Found, day: Found, start: int, end: int) -> Found:
    """One TIME from a clock and its day; the day's part fixes the hour ("12.01 من فجر")."""
    assert clock.value is not None
    hour, minute = int(clock.value[1:3]), clock.value[4:6]
    if day.value is not None:
        part = day.value[11:]
    else:
        assert day.rule is not None
        position = _DAY_PART_ARG.get(day.rule.name)
        part = (day.rule.args[position] or "") if position is not None else ""
    if part in ("AF", "EV", "NI") and hour < 12 and not (part == "NI" and hour < 6):
        hour += 12
    elif part == "MO" and hour == 12:
        hour = 0
    clock_value = f"T{hour:02d}:{minute}"
    rule = TimeRule("clock", (clock_value,), (day.rule,)) if day.rule else None
    value = f"{day.value[:10]}{clock_value}" if day.value else None
    return replace(clock, start=start, end=end, value=value, relative=day.relative, rule=rule)


def _join_ranges(found: list[Found], ctx: Context) -> list[Found]:
    """Two days joined as a range, "2018-06-14/2018-07-15", as "21 - 22 أكتوبر" is; two
    months ("من نوفمبر إلى فبراير") stay two expressions, as in the annotated sets."""
    out: list[Found] = []
    for item in found:
        pair = _same_year(out[-1], item) if out else None
        if pair and _is_range(*pair, ctx):
            first, second = pair
            value = f"{first.value}/{second.value}"
            relative = first.relative and second.relative
            parts = (first.rule, second.rule)
            rule = TimeRule("range", (), parts) if relative and all(parts) else None
            out[-1] = replace(first, end=item.end, value=value, relative=relative, rule=rule)
        else:
            out.append(item)
    return out


def _same_year(first: Found, second: Found) -> tuple[Found, Found]:
    """A day without a year takes the year of the other end ("بين 9 يناير 2017 و18 يناير")."""
    if not (_has_day(first) and _has_day(second)) or first.relative == second.relative:
        return first, second
    assert first.value is not None and second.value is not None
    if first.relative:
        year = int(second.value[:4])
        if first.value[4:] > second.value[4:]:  # "من 20 ديسمبر إلى 5 يناير 2018"
            year -= 1
        return replace(first, value=f"{year:04d}{first.value[4:]}"), second
    return first, replace(second, value=first.value[:4] + second.value[4:])


def _is_range(first: Found, second: Found, ctx: Context) -> bool:
    if not (first.type == second.type == "DATE" and first.precision == second.precision == "day"):
        return False
    if not (first.value and second.value and "/" not in first.value + second.value):
        return False
    if len(first.value) != len(second.value) or first.value >= second.value:
        return False
    gap = _RANGE_GAP.fullmatch(ctx.key, first.end, second.start)
    return gap is not None and previous_word(ctx.key, first.start) in _RANGE_OPENERS[gap["sep"]]


def _mark_since(found: list[Found], ctx: Context) -> list[Found]:
    """ "منذ عام 2015": the date 2015 with TimeML mod ON_OR_AFTER."""
    return [
        replace(item, mod="ON_OR_AFTER")
        if item.type == "DATE" and item.mod is None and previous_word(ctx.key, item.start) in _SINCE
        else item
        for item in found
    ]


def _express(
    item: Found, keyed: KeyOffsets, anchor: dt.date | None, span: Callable[[int, int], Span]
) -> TimeExpression:
    start, end = keyed.display_span(item.start, item.end)
    used = anchor.isoformat() if anchor and item.relative and item.precision != "ref" else None
    return TimeExpression(
        span=span(start, end),
        surface=keyed.display[start:end],
        type=item.type,
        value=item.value,
        precision=item.precision,
        anchor=used,
        relative=item.relative,
        mod=item.mod,
        weekday_conflict=item.weekday_conflict,
        rule=item.rule if item.relative else None,
    )
