"""Reporting periods, due dates and reminder days (pure: no database)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loa.deadlines.calendar import WorkingCalendar
from loa.plans.schedule import (
    due_after_period,
    period_containing,
    periods_between,
    reminder_to_send,
    working_days_left,
)

CALENDAR = WorkingCalendar()


def test_yearly_periods_run_from_15_december_to_14_december():
    periods = periods_between("yearly", date(2026, 1, 1), date(2026, 12, 31))
    assert [(p.key, p.start, p.end) for p in periods] == [
        ("2026", date(2025, 12, 15), date(2026, 12, 14)),
        ("2027", date(2026, 12, 15), date(2027, 12, 14)),
    ]
    assert periods[0].label == "Năm 2026"
    assert period_containing("yearly", date(2026, 12, 14)).key == "2026"
    assert period_containing("yearly", date(2026, 12, 15)).key == "2027"


def test_yearly_period_can_be_the_calendar_year():
    period = period_containing("yearly", date(2026, 6, 1), (1, 1))
    assert (period.start, period.end, period.label) == (date(2026, 1, 1), date(2026, 12, 31), "Năm 2026")
    with pytest.raises(ValueError):
        period_containing("yearly", date(2026, 6, 1), (2, 30))


def test_month_quarter_half_year_labels_and_bounds():
    assert period_containing("monthly", date(2028, 2, 10)).end == date(2028, 2, 29)
    quarter = period_containing("quarterly", date(2026, 8, 1))
    assert (quarter.label, quarter.start, quarter.end) == (
        "Quý III/2026",
        date(2026, 7, 1),
        date(2026, 9, 30),
    )
    half = period_containing("half_yearly", date(2026, 12, 31))
    assert (half.label, half.start) == ("6 tháng cuối năm 2026", date(2026, 7, 1))
    assert [p.key for p in periods_between("quarterly", date(2026, 11, 23), date(2027, 1, 2))] == [
        "2026-Q4",
        "2027-Q1",
    ]
    with pytest.raises(ValueError):
        period_containing("once", date(2026, 1, 1))


@settings(max_examples=60, deadline=None)
@given(
    kind=st.sampled_from(["monthly", "quarterly", "half_yearly", "yearly"]),
    first=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    days=st.integers(0, 800),
)
def test_periods_tile_the_range_without_gaps(kind, first, days):
    last = first + timedelta(days=days)
    periods = periods_between(kind, first, last)
    assert periods[0].start <= first <= periods[0].end
    assert periods[-1].start <= last <= periods[-1].end
    for before, after in itertools.pairwise(periods):
        assert after.start == before.end + timedelta(days=1)
    assert len({p.key for p in periods}) == len(periods)


def test_due_date_moves_off_weekends_and_tet():
    # January 2027 ends on a Sunday: due Monday 1/2.
    assert due_after_period(CALENDAR, date(2027, 1, 31)) == date(2027, 2, 1)
    # Tết Nguyên đán 2027 runs 4–10/2: a period ending on 5/2 is due Thursday 11/2.
    assert due_after_period(CALENDAR, date(2027, 2, 5)) == date(2027, 2, 11)
    # Five working days after 14/12/2026 (Monday) is Monday 21/12.
    assert due_after_period(CALENDAR, date(2026, 12, 14), 5) == date(2026, 12, 21)


def test_working_days_left_skip_tet_and_announced_days_off():
    due = date(2027, 2, 16)
    assert working_days_left(CALENDAR, date(2027, 1, 29), due) == 7
    assert working_days_left(CALENDAR, date(2027, 2, 3), due) == 4  # 11, 12, 15, 16 February
    assert working_days_left(CALENDAR, date(2027, 2, 16), due) == 0
    assert working_days_left(CALENDAR, date(2027, 2, 17), due) == -1
    announced = CALENDAR.with_announcements(days_off=[date(2027, 2, 12)])
    assert working_days_left(announced, date(2027, 2, 3), due) == 3


def test_reminder_sequence_sends_each_kind_once_and_catches_up():
    sent: set[str] = set()
    fired = []
    for left in (9, 8, 7, 6, 5, 4, 2, 1, 0, -1, -1):  # the day with 3 left was missed
        kind = reminder_to_send(left, sent)
        if kind:
            sent.add(kind)
            fired.append((left, kind))
    assert fired == [(7, "7"), (2, "3"), (1, "1"), (-1, "overdue")]
    # Created one working day before its due date: only the last reminder is owed.
    assert reminder_to_send(1, set()) == "1"
    assert reminder_to_send(5, {"3"}) is None
