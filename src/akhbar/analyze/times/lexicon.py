"""The word lists that time expressions are built from, read once from lexicon files.

Every entry is in key form (see :mod:`akhbar.arabic.normalize`), so patterns built from
them match the key form of a text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from akhbar.arabic.lexicon import load_entries, load_mapping
from akhbar.errors import ConfigError

__all__ = ["TimeLexicon", "time_lexicon"]


@dataclass(frozen=True)
class TimeLexicon:
    months: Mapping[str, int]
    ambiguous_months: frozenset[str]
    hijri_months: Mapping[str, int]
    weekdays: Mapping[str, int]
    ordinals: Mapping[str, int]
    numbers: Mapping[str, int]
    units: Mapping[str, tuple[str, int | None]]  # word -> (unit code, count if the word says it)
    day_words: Mapping[str, tuple[int, str | None]]  # word -> (day offset, part of day)
    day_parts: Mapping[str, str]
    directions: Mapping[str, int]
    periods: Mapping[str, str]
    mods: Mapping[str, str]
    refs: Mapping[str, str]
    sets: Mapping[str, str]
    today_blockers_after: frozenset[str]
    today_blockers_before: frozenset[str]
    future_cues: frozenset[str]
    past_cues: Mapping[str, str]  # verb -> event | report
    clock_hours: Mapping[str, int]
    decades: Mapping[str, int]
    seasons: Mapping[str, str]
    year_cues: frozenset[str]
    holidays: Mapping[str, tuple[int, int]]  # word -> (month, day)


def _ints(name: str) -> Mapping[str, int]:
    return MappingProxyType({key: int(value) for key, value in load_mapping(name).items()})


def _strs(name: str) -> Mapping[str, str]:
    return MappingProxyType(dict(load_mapping(name)))


def _months() -> Mapping[str, int]:
    # months.txt is shared with the ingest datelines; time_months.txt adds variants.
    merged: dict[str, int] = {}
    for name in ("months", "time_months"):
        try:
            merged.update(_ints(name))
        except ConfigError:
            if name == "time_months":
                raise
    return MappingProxyType(merged)


def _units() -> Mapping[str, tuple[str, int | None]]:
    out: dict[str, tuple[str, int | None]] = {}
    for word, value in load_mapping("time_units").items():
        code, _, count = value.partition("*")
        out[word] = (code, int(count) if count else None)
    return MappingProxyType(out)


def _day_words() -> Mapping[str, tuple[int, str | None]]:
    out: dict[str, tuple[int, str | None]] = {}
    for word, value in load_mapping("time_day_words").items():
        offset, _, part = value.partition(" ")
        out[word] = (int(offset), part or None)
    return MappingProxyType(out)


def _holidays() -> Mapping[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for word, value in load_mapping("time_holidays").items():
        month, _, day = value.partition("-")
        out[word] = (int(month), int(day))
    return MappingProxyType(out)


def _blockers(sign: str) -> frozenset[str]:
    return frozenset(e[1:] for e in load_entries("time_today_blockers") if e.startswith(sign))


@cache
def time_lexicon() -> TimeLexicon:
    """The time word lists, loaded on first use and shared afterwards."""
    return TimeLexicon(
        months=_months(),
        ambiguous_months=frozenset(load_entries("time_months_ambiguous")),
        hijri_months=_ints("time_hijri_months"),
        weekdays=_ints("time_weekdays"),
        ordinals=_ints("time_ordinals"),
        numbers=_ints("time_numbers"),
        units=_units(),
        day_words=_day_words(),
        day_parts=_strs("time_day_parts"),
        directions=_ints("time_directions"),
        periods=_strs("time_periods"),
        mods=_strs("time_mods"),
        refs=_strs("time_refs"),
        sets=_strs("time_sets"),
        today_blockers_after=_blockers("+"),
        today_blockers_before=_blockers("-"),
        future_cues=frozenset(load_entries("time_future_cues")),
        past_cues=_strs("time_past_cues"),
        clock_hours=_ints("time_clock_hours"),
        decades=_ints("time_decades"),
        seasons=_strs("time_seasons"),
        year_cues=frozenset(load_entries("time_year_cues")),
        holidays=_holidays(),
    )
