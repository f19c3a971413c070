"""Reporting periods, report due dates and reminder days for plan tasks. Pure Python: no Django.

A task's cadence decides its reporting periods: monthly, quarterly, half-yearly, or yearly over the data
period (15/12 of the previous year to 14/12 by default, as for the annual press report). An ongoing
("thường xuyên") task reports on the period its plan sets. Due dates and reminders count working days
on the calendar the caller passes (weekends, statutory and announced days off, make-up working days).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

PERIODIC = ("monthly", "quarterly", "half_yearly", "yearly")
DEFAULT_YEAR_START = (12, 15)
ROMAN_QUARTERS = ("I", "II", "III", "IV")
REMINDER_DAYS = (7, 3, 1)
OVERDUE = "overdue"


class Calendar(Protocol):
    def is_working_day(self, day: date) -> bool: ...

    def next_working_day(self, day: date) -> date: ...

    def add_working_days(self, day: date, count: int) -> date: ...


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date
    key: str
    label: str

    def describe(self) -> str:
        return f"{self.label} ({self.start:%d/%m/%Y}–{self.end:%d/%m/%Y})"


def _month_end(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)


def check_year_start(year_start: tuple[int, int]) -> tuple[int, int]:
    month, day = year_start
    if not 1 <= month <= 12 or not 1 <= day <= (28 if month == 2 else _month_end(2001, month).day):
        raise ValueError(f"Ngày bắt đầu kỳ số liệu năm không hợp lệ: {day}/{month}")
    return month, day


def period_containing(kind: str, day: date, year_start: tuple[int, int] = DEFAULT_YEAR_START) -> Period:
    """The reporting period of `kind` that contains `day`."""
    if kind == "monthly":
        first = date(day.year, day.month, 1)
        label = f"Tháng {day.month}/{day.year}"
        return Period(kind, first, _month_end(day.year, day.month), f"{day.year}-{day.month:02d}", label)
    if kind == "quarterly":
        quarter = (day.month - 1) // 3
        first = date(day.year, quarter * 3 + 1, 1)
        label = f"Quý {ROMAN_QUARTERS[quarter]}/{day.year}"
        return Period(kind, first, _month_end(day.year, quarter * 3 + 3), f"{day.year}-Q{quarter + 1}", label)
    if kind == "half_yearly":
        if day.month <= 6:
            label = f"6 tháng đầu năm {day.year}"
            return Period(kind, date(day.year, 1, 1), date(day.year, 6, 30), f"{day.year}-H1", label)
        label = f"6 tháng cuối năm {day.year}"
        return Period(kind, date(day.year, 7, 1), date(day.year, 12, 31), f"{day.year}-H2", label)
    if kind == "yearly":
        month, first_day = check_year_start(year_start)
        start = date(day.year, month, first_day)
        if day < start:
            start = date(day.year - 1, month, first_day)
        end = date(start.year + 1, month, first_day) - timedelta(days=1)
        # The period carries the year it ends in: 15/12/2025–14/12/2026 is "Năm 2026".
        return Period(kind, start, end, f"{end.year}", f"Năm {end.year}")
    raise ValueError(f"Không phải chu kỳ báo cáo định kỳ: {kind!r}")


def periods_between(
    kind: str, first: date, last: date, year_start: tuple[int, int] = DEFAULT_YEAR_START
) -> list[Period]:
    """Every period of `kind` that overlaps [first, last], in order."""
    periods: list[Period] = []
    day = first
    while day <= last:
        period = period_containing(kind, day, year_start)
        periods.append(period)
        day = period.end + timedelta(days=1)
    return periods


def due_after_period(calendar: Calendar, period_end: date, lag_working_days: int = 0) -> date:
    """When a period's report is due: `lag_working_days` working days after the period ends, or with no lag
    the last day of the period itself, moved to the next working day when it is not one (Civil Code
    Art. 148: a deadline ending on a day off ends on the next working day)."""
    if lag_working_days > 0:
        return calendar.add_working_days(period_end, lag_working_days)
    return calendar.next_working_day(period_end)


def working_days_left(calendar: Calendar, today: date, due: date) -> int:
    """Working days after today up to and including the due date; 0 on the due date, -1 once it passed."""
    if today > due:
        return -1
    count = 0
    day = today
    while day < due:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            count += 1
    return count


def reminder_to_send(left: int, sent: set[str]) -> str | None:
    """Which reminder is owed: "overdue" once the due date passed; else the tightest of 7, 3 and 1 working
    days that `left` has reached, unless that one or a tighter one already went out. A run missed on a
    holiday catches up with the reminder that fits the day, not a stale one."""
    if left < 0:
        return OVERDUE if OVERDUE not in sent else None
    reached = [days for days in REMINDER_DAYS if left <= days]
    if not reached:
        return None
    tightest = min(reached)
    if any(str(days) in sent for days in REMINDER_DAYS if days <= tightest):
        return None
    return str(tightest)
