"""Deadline arithmetic (legal-requirements §2; Civil Code 91/2015/QH13 Art. 147–148). Pure Python: no Django.

- hours: run continuously from the trigger, through nights and holidays;
- calendar days and months: counting starts the day after the trigger; the period ends at 24:00 of the
  last day, and a non-working last day moves to the end of the next working day;
- working days: counting starts the day after the trigger and skips non-working days; the period ends
  at 24:00 of the last working day;
- immediately: due at the trigger; before a day of the year: 24:00 of the day before the anchor, not
  moved (the text says "before" that day); next issue / no fixed limit: no computable date.

24:00 is written 23:59:59+07:00. Every result explains itself in Vietnamese and as a dict.
"""

from __future__ import annotations

import calendar as _gregorian
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from loa.deadlines.calendar import (
    WEEKDAY_NAMES_VI,
    DayRange,
    WorkingCalendar,
    end_of_day,
    format_day,
    group_ranges,
    to_vietnam_time,
)
from loa.deadlines.rules import TBC, Rule, select_rule


@dataclass(frozen=True)
class Deadline:
    """A computed deadline. `due` is None when the rule sets no computable date.

    `skipped`: non-working days not counted (working days) or stepped over because the last day was a
    day off (calendar days, months). `counted_days_off`: non-working days inside an hours, calendar-day
    or month period, which count like any other day. `make_up_days`: weekend days counted as working
    days because they were announced as make-up working days.
    """

    rule: Rule
    start: datetime
    due: datetime | None
    first_counted_day: date | None
    nominal_last_day: date | None
    skipped: tuple[DayRange, ...]
    counted_days_off: tuple[DayRange, ...]
    make_up_days: tuple[date, ...]
    explanation: str

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule.as_dict(),
            "start": self.start.isoformat(),
            "due": self.due.isoformat() if self.due else None,
            "first_counted_day": self.first_counted_day.isoformat() if self.first_counted_day else None,
            "nominal_last_day": self.nominal_last_day.isoformat() if self.nominal_last_day else None,
            "skipped": [item.as_dict() for item in self.skipped],
            "counted_days_off": [item.as_dict() for item in self.counted_days_off],
            "make_up_days": [day.isoformat() for day in self.make_up_days],
            "explanation": self.explanation,
        }


def add_months(day: date, months: int) -> date:
    """The corresponding day `months` later, or the last day of that month when it has no such day."""
    year, month_index = divmod(day.month - 1 + months, 12)
    year += day.year
    month = month_index + 1
    return date(year, month, min(day.day, _gregorian.monthrange(year, month)[1]))


def _before_day_of_year(anchor: tuple[int, int], after: date) -> date:
    """The last day before the next (month, day) anchor that is later than `after`."""
    month, day = anchor
    for year in (after.year, after.year + 1):
        last_day = date(year, month, min(day, _gregorian.monthrange(year, month)[1])) - timedelta(days=1)
        if last_day >= after:
            return last_day
    raise AssertionError("unreachable: an anchor recurs every year")


def _long_day(day: date) -> str:
    return f"{WEEKDAY_NAMES_VI[day.weekday()]}, {format_day(day)}"


def _moment(moment: datetime) -> str:
    return f"{moment.strftime('%H:%M')} ngày {format_day(moment.date())}"


def _ranges_text(ranges: Iterable[DayRange]) -> str:
    return "; ".join(item.describe() for item in ranges)


def _day_count(ranges: Iterable[DayRange]) -> int:
    return sum((item.last - item.first).days + 1 for item in ranges)


def due(rule: Rule, start: datetime, calendar: WorkingCalendar) -> Deadline:
    """Compute the deadline of `rule` for an event at `start` (naive = Vietnam time)."""
    start = to_vietnam_time(start)
    trigger_day = start.date()
    first_counted: date | None = None
    nominal_last: date | None = None
    deadline: datetime | None = None
    skipped: list[DayRange] = []
    counted_off: list[DayRange] = []
    make_up: list[date] = []
    lines: list[str] = []
    amount = rule.amount or 0

    if rule.unit == "hours":
        deadline = start + timedelta(hours=amount)
        counted_off = group_ranges(calendar.days_off_between(trigger_day, deadline.date()))
        lines.append(f"Thời hạn: {rule.amount_vi()} kể từ {rule.trigger} ({_moment(start)}), tính liên tục.")
        if counted_off:
            lines.append(f"Giờ vẫn tính qua ngày nghỉ: {_ranges_text(counted_off)}.")
    elif rule.unit in ("calendar_days", "months"):
        first_counted = trigger_day + timedelta(days=1)
        nominal_last = (
            trigger_day + timedelta(days=amount)
            if rule.unit == "calendar_days"
            else add_months(trigger_day, amount)
        )
        last = calendar.next_working_day(nominal_last)
        deadline = end_of_day(last)
        counted_off = group_ranges(calendar.days_off_between(first_counted, nominal_last - timedelta(days=1)))
        skipped = group_ranges(calendar.days_off_between(nominal_last, last - timedelta(days=1)))
        lines.append(
            f"Thời hạn: {rule.amount_vi()} kể từ {rule.trigger} ({format_day(trigger_day)}), "
            f"tính từ ngày {format_day(first_counted)}; ngày cuối theo lịch: {_long_day(nominal_last)}."
        )
        if counted_off:
            lines.append(f"Các ngày nghỉ trong kỳ vẫn được tính ({_day_count(counted_off)} ngày).")
        if skipped:
            lines.append(
                f"Ngày cuối rơi vào ngày nghỉ, chuyển sang ngày làm việc tiếp theo; bỏ qua {_ranges_text(skipped)}."
            )
    elif rule.unit == "working_days":
        first_counted = trigger_day + timedelta(days=1)
        last = calendar.add_working_days(trigger_day, amount)
        nominal_last = last
        deadline = end_of_day(last)
        skipped = group_ranges(calendar.days_off_between(first_counted, last))
        make_up = [
            first_counted + timedelta(days=offset)
            for offset in range((last - first_counted).days + 1)
            if calendar.working_day_reason(first_counted + timedelta(days=offset))
        ]
        lines.append(
            f"Thời hạn: {rule.amount_vi()} kể từ {rule.trigger} ({format_day(trigger_day)}), "
            f"tính từ ngày {format_day(first_counted)}."
        )
        if skipped:
            lines.append(f"Bỏ qua {_day_count(skipped)} ngày nghỉ: {_ranges_text(skipped)}.")
        if make_up:
            lines.append(f"Tính cả ngày làm bù: {', '.join(format_day(day) for day in make_up)}.")
    elif rule.unit == "immediately":
        deadline = start
        lines.append(f"Thời hạn: thực hiện ngay từ {rule.trigger} ({_moment(start)}).")
    elif rule.unit == "before_day_of_year":
        assert rule.anchor is not None
        nominal_last = _before_day_of_year(rule.anchor, trigger_day)
        deadline = end_of_day(nominal_last)
        lines.append(
            f"Thời hạn: {rule.amount_vi()} (mốc: {rule.trigger}); ngày cuối: {_long_day(nominal_last)}, "
            "không lùi khi rơi vào ngày nghỉ."
        )
        reasons = calendar.reasons(nominal_last)
        if reasons:
            lines.append(
                f"Ngày cuối là ngày nghỉ ({', '.join(reasons)}): nên gửi trong ngày làm việc trước đó."
            )
    else:
        lines.append(f"Không có hạn tính được: {rule.amount_vi()} (mốc: {rule.trigger}).")

    header = [f"Quy tắc {rule.id}: {rule.title_vi}.", _basis_line(rule)]
    if not rule.in_force_on(trigger_day):
        header.append(f"Lưu ý: quy tắc này không có hiệu lực vào ngày sự kiện {format_day(trigger_day)}.")
    if deadline is not None:
        lines.append(
            f"Hạn: {deadline.strftime('%H:%M:%S')} {_long_day(deadline.date())} (giờ Việt Nam, +07:00)."
        )
    if rule.note:
        lines.append(f"Ghi chú: {rule.note}")

    return Deadline(
        rule=rule,
        start=start,
        due=deadline,
        first_counted_day=first_counted,
        nominal_last_day=nominal_last,
        skipped=tuple(skipped),
        counted_days_off=tuple(counted_off),
        make_up_days=tuple(make_up),
        explanation="\n".join(header + lines),
    )


def _basis_line(rule: Rule) -> str:
    status = "TBC: chưa đối chiếu văn bản chính thức" if rule.verification == TBC else "đã xác nhận"
    return f"Căn cứ: {rule.legal_basis} ({rule.validity_vi()}; {status})."


def compute(rules: Iterable[Rule], rule_id: str, start: datetime, calendar: WorkingCalendar) -> Deadline:
    """Select the generation of `rule_id` in force on the event date, then compute its deadline."""
    return due(select_rule(rules, rule_id, to_vietnam_time(start)), start, calendar)
