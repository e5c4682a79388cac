"""The timeline of one story drawn as inline SVG: a vertical axis, one mark per dated event.

Vertical so it reads top to bottom on a phone and needs no sideways room; the axis runs
down the right edge because the page reads right to left, and each event's date, label and
article chips hang to its left. The drawing is 360 user units wide and shrinks with the
page (``max-width: 100%``), so it never causes sideways scrolling. Colours come from the
page stylesheet (classes ``tl-*``), so dark mode applies. All text is escaped with ``esc``.

Gaps between events grow with the time between them (logarithmically, so a decade does not
push a busy fortnight off screen); a gap over a year is dashed and says how long it is.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any, NamedTuple

from akhbar.render import labels
from akhbar.render.dates import format_date
from akhbar.render.html_parts import anchor, esc
from akhbar.render.timeline import (
    ARTICLE_FORMS,
    EVENT_FORMS,
    count_text,
    gap_days,
    years_text,
)

__all__ = ["timeline_svg"]

_Item = dict[str, Any]

WIDTH = 360
AXIS_X = 344
TEXT_X = 326
TOP = 8
DATE_LINE = 21
LABEL_LINE = 21
META_LINE = 19
CHIP_ROW = 23
CHIP_HEIGHT = 19
CHIP_GAP = 4
# The chips use a monospace font at 11 px: 0.6 em (6.6 units) per character, plus padding.
CHIP_CHAR = 6.6
CHIP_PAD = 10
BLOCK_GAP = 14
GAP_UNIT = 10
GAP_MAX = 46
LONG_GAP_DAYS = 366
# Longer labels are cut with "…" in the drawing (the full text is in the list below it);
# calibrated on the seed labels at 14 px in Noto Naskh Arabic within 320 units.
LABEL_CHARS = 42
DATE_CHARS = 30
EXACT = frozenset({"day", "daypart", "time"})


class _Chips(NamedTuple):
    """How article chips are drawn: their text per article id, width, how many a row,
    their tooltips and where they link."""

    short: dict[str, str]
    width: float
    per_row: int
    names: dict[str, str]
    href: Callable[[str], str]


def _row_of(article: str) -> str:
    return "#" + anchor("article-", article)


class _Placed(NamedTuple):
    event: _Item
    top: float
    gap_before: int | None  # days since the previous event, when both are calendar dates


def timeline_svg(
    dated: list[_Item],
    main_of: dict[str, list[str]],
    names: dict[str, str] | None = None,
    article_href: Callable[[str], str] | None = None,
) -> str:
    """An ``<svg role="img">`` of the dated events (in order), or "" when there are none.

    ``names`` (id -> "outlet — title") is each chip's tooltip; ``article_href`` where a
    chip links (default: the article's row in the static report)."""
    if not dated:
        return ""
    chips = _chips(dated, names or {}, article_href or _row_of)
    placed, height = _place(dated, chips.per_row)
    body = _axis(placed, chips.per_row) + "".join(
        _event(item, main_of.get(item.event["id"], []), chips) for item in placed
    )
    aria = f"{dict(labels.STORY_SECTIONS)['events'].arabic}: {_span_text(dated)}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" role="img"'
        f' aria-label="{esc(aria)}" width="{WIDTH}" height="{height}"'
        f' viewBox="0 0 {WIDTH} {height}">{body}</svg>'
    )


def _span_text(dated: list[_Item]) -> str:
    """ "5 أحداث، من 2015 إلى 20 آذار/مارس 2025": the count and the first and last dates."""
    first, last = (format_date(e["date"], e["precision"], None) for e in (dated[0], dated[-1]))
    count = count_text(len(dated), EVENT_FORMS)
    return f"{count}، {first}" if first == last else f"{count}، من {first} إلى {last}"


def _chips(dated: list[_Item], names: dict[str, str], href: Callable[[str], str]) -> _Chips:
    short = _short_ids(sorted({article for event in dated for article in event["articles"]}))
    width = CHIP_PAD + CHIP_CHAR * max((len(value) for value in short.values()), default=1)
    per_row = max(1, int((TEXT_X + CHIP_GAP) // (width + CHIP_GAP)))
    return _Chips(short, width, per_row, names, href)


def _short_ids(ids: list[str]) -> dict[str, str]:
    """Chip text per article id: the part before "_" ("000_a07f…" → "000") when that is short
    and unique, else the first 6 or 10 characters, else the article's number in the list."""
    for cut in (lambda v: v.split("_")[0][:8], lambda v: v[:6], lambda v: v[:10]):
        short = {value: cut(value) for value in ids}
        if all(short.values()) and len(set(short.values())) == len(ids):
            return short
    return {value: str(number) for number, value in enumerate(ids, start=1)}


def _date_lines(event: _Item) -> list[str]:
    """The readable date, split at the range dash when too long for one line."""
    text = format_date(event["date"], event["precision"], event["mod"])
    if len(text) > DATE_CHARS and " – " in text:
        head, _, tail = text.partition(" – ")
        return [f"{head} –", tail]
    return [text]


def _height(event: _Item, per_row: int) -> int:
    rows = math.ceil(len(event["articles"]) / per_row)
    return len(_date_lines(event)) * DATE_LINE + LABEL_LINE + META_LINE + rows * CHIP_ROW


def _gap_room(days: int | None) -> float:
    """Extra room before an event: grows with log2 of the weeks since the previous one."""
    if not days:
        return 0.0
    return min(GAP_MAX, GAP_UNIT * math.log2(1 + days / 7))


def _place(dated: list[_Item], per_row: int) -> tuple[list[_Placed], int]:
    placed: list[_Placed] = []
    top = float(TOP)
    for index, event in enumerate(dated):
        days = gap_days(dated[index - 1]["date"], event["date"]) if index else None
        if index:
            top += _height(dated[index - 1], per_row) + BLOCK_GAP + _gap_room(days)
        placed.append(_Placed(event, top, days))
    return placed, math.ceil(top + _height(dated[-1], per_row) + TOP)


def _mark_y(item: _Placed) -> float:
    return item.top + DATE_LINE / 2 + 1


def _axis(placed: list[_Placed], per_row: int) -> str:
    """Axis segments between marks; a gap over a year is dashed and labelled with its length."""
    parts = []
    for before, after in itertools.pairwise(placed):
        y1, y2 = _mark_y(before), _mark_y(after)
        long_gap = after.gap_before is not None and after.gap_before >= LONG_GAP_DAYS
        kind = "tl-axis tl-long" if long_gap else "tl-axis"
        parts.append(
            f'<line class="{kind}" x1="{AXIS_X}" y1="{y1:.1f}" x2="{AXIS_X}" y2="{y2:.1f}"/>'
        )
        if long_gap and after.gap_before is not None:
            free_top = before.top + _height(before.event, per_row)
            middle = (free_top + after.top) / 2 + 4
            parts.append(
                f'<text class="tl-gap" x="{TEXT_X}" y="{middle:.1f}">'
                f"{esc(years_text(after.gap_before))}</text>"
            )
    return "".join(parts)


def _event(item: _Placed, main: list[str], chips: _Chips) -> str:
    """One event: its mark on the axis, date lines, linked label, counts and article chips."""
    event = item.event
    mark = "tl-mark" + (" tl-main" if main else "")
    mark += "" if event["precision"] in EXACT else " tl-approx"
    lines = _date_lines(event)
    texts = [
        f'<text class="tl-date" x="{TEXT_X}" y="{item.top + 15 + n * DATE_LINE:.1f}">{esc(line)}'
        "</text>"
        for n, line in enumerate(lines)
    ]
    y = item.top + len(lines) * DATE_LINE
    label = event["label"] if len(event["label"]) <= LABEL_CHARS else event["label"][:41] + "…"
    texts.append(
        f'<a href="#{anchor("event-", event["id"])}"><text class="tl-label" x="{TEXT_X}"'
        f' y="{y + 15:.1f}">{esc(label)}</text></a>'
    )
    meta = count_text(len(event["articles"]), ARTICLE_FORMS)
    if main:
        meta += f" · {labels.FIELDS['main_event_of'].arabic} {len(main)}"
    texts.append(f'<text class="tl-meta" x="{TEXT_X}" y="{y + LABEL_LINE + 14:.1f}">{meta}</text>')
    chips_top = y + LABEL_LINE + META_LINE
    drawn = [
        _chip(article, article in main, chips, n, chips_top)
        for n, article in enumerate(event["articles"])
    ]
    title = f"{' '.join(lines)} — {event['label']}"
    return (
        f'<g class="tl-event"><title>{esc(title)}</title>'
        f'<circle class="{mark}" cx="{AXIS_X}" cy="{_mark_y(item):.1f}" r="{7 if main else 6}"/>'
        f"{''.join(texts)}{''.join(drawn)}</g>"
    )


def _chip(article: str, main: bool, chips: _Chips, index: int, top: float) -> str:
    """One article as a linked chip; filled when the event is that article's main event."""
    row, column = divmod(index, chips.per_row)
    width, text = chips.width, chips.short[article]
    right = TEXT_X - column * (width + CHIP_GAP)
    y = top + row * CHIP_ROW
    kind = "tl-chip tl-main" if main else "tl-chip"
    return (
        f'<a class="{kind}" href="{esc(chips.href(article))}">'
        f"<title>{esc(chips.names.get(article, article))}</title>"
        f'<rect x="{right - width:.1f}" y="{y:.1f}" width="{width:.1f}" height="{CHIP_HEIGHT}"'
        f' rx="4"/><text x="{right - width / 2:.1f}" y="{y + 13.5:.1f}">{esc(text)}</text></a>'
    )
