"""TimeML values read in one place: shapes, the days they cover, and what they are not."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar.timex import Timex, overlaps, parse_timex, period, period_length, split_range

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-12", Timex("day", 2025, 2, 12)),
        ("2018-05-01TEV", Timex("day", 2018, 5, 1, part="EV")),
        ("2018-05-02T23:55", Timex("day", 2018, 5, 2, part="23:55")),
        ("2025-01", Timex("month", 2025, 1)),
        ("2015", Timex("year", 2015)),
        ("2025-W11", Timex("week", 2025, week=11)),
        ("2018-W19-WE", Timex("week", 2018, week=19, weekend=True)),
        ("2018-SU", Timex("season", 2018, code="SU")),
        ("2018-H1", Timex("quarter", 2018, code="H1")),
        ("201", Timex("decade", 201)),
        ("P2D", None),
        ("PAST_REF", None),
        ("2011/2015", None),  # a range: split_range first
    ],
)
def test_the_shapes_the_time_finders_write(value: str, expected: Timex | None) -> None:
    assert parse_timex(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-12", (D(2025, 2, 12), D(2025, 2, 12))),
        ("2025-02", (D(2025, 2, 1), D(2025, 2, 28))),
        ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2015", (D(2015, 1, 1), D(2015, 12, 31))),
        ("2025-W11", (D(2025, 3, 10), D(2025, 3, 16))),
        ("2025-W11-WE", (D(2025, 3, 15), D(2025, 3, 16))),
        ("2011/2015", (D(2011, 1, 1), D(2015, 12, 31))),
        ("2018-05-01TEV", (D(2018, 5, 1), D(2018, 5, 1))),
        ("2015/2011", None),  # backwards
        ("2025-02-31", None),
        ("2025-13", None),
        ("2018-SU", None),  # seasons are not compared by days
        ("P2D", None),
        (None, None),
    ],
)
def test_the_days_a_value_covers(value: str | None, expected) -> None:
    assert period(value) == expected


def test_split_range_and_overlaps() -> None:
    assert split_range("2011/2015") == ("2011", "2015")
    assert split_range("2015") is None
    assert overlaps(period("2025-02"), period("2025-02-12"))
    assert not overlaps(period("2025-01"), period("2025-02-12"))
    assert period_length(period("2024-02")) == 29


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_every_day_is_its_own_period_inside_its_month_and_week(day: dt.date) -> None:
    assert period(day.isoformat()) == (day, day)
    assert overlaps(period(day.isoformat()[:7]), (day, day))
    year, week, _ = day.isocalendar()
    assert overlaps(period(f"{year}-W{week:02d}"), (day, day))
