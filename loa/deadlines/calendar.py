"""Vietnamese working-day calendar (legal-requirements §2). Pure Python: no Django.

Non-working = weekend + statutory holidays + announced days off − announced make-up working days.
Statutory holidays come from a provider (default: the `holidays` package, Vietnam, Vietnamese labels);
announced days off and make-up working days are data supplied by the caller (administrators, or a
`--calendar` JSON file). Every non-working day carries a reason label so deadlines can explain
themselves.

Time zone: Vietnam has used UTC+7 without daylight saving since 1975, so a fixed +07:00 offset equals
Asia/Ho_Chi_Minh for every date the engine handles and needs no time-zone database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Protocol

VN_TZ = timezone(timedelta(hours=7), "ICT")

SATURDAY = 5
SUNDAY = 6
WEEKDAY_NAMES_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
ANNOUNCED_DAY_OFF = "Ngày nghỉ do Chính phủ công bố"
ANNOUNCED_WORKING_DAY = "Ngày làm bù do Chính phủ công bố"
MAKE_UP_WORKING_DAY = "Ngày làm bù"
LUNAR_NEW_YEAR = "Tết Nguyên đán"


def to_vietnam_time(moment: datetime) -> datetime:
    """Aware datetimes are converted to Vietnam time; naive ones are taken as Vietnam time already."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=VN_TZ)
    return moment.astimezone(VN_TZ)


def end_of_day(day: date) -> datetime:
    """24:00 of `day` (Civil Code Art. 148), written as 23:59:59+07:00 because ISO 8601 libraries reject 24:00."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=VN_TZ)


def format_day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def format_range(first: date, last: date) -> str:
    if first == last:
        return format_day(first)
    if first.year == last.year:
        return f"{first.strftime('%d/%m')}–{format_day(last)}"
    return f"{format_day(first)}–{format_day(last)}"


def short_reason(label: str) -> str:
    """Collapse the package's per-day labels into the reason shown in explanations.

    "29 Tết", "Giao thừa Tết Nguyên Đán", "Mùng hai Tết Nguyên Đán" → "Tết Nguyên đán";
    "Ngày Quốc tế Lao động (nghỉ bù)" → "Nghỉ bù Ngày Quốc tế Lao động".
    """
    if "Tết Nguyên" in label or label.startswith("29 Tết"):
        base = LUNAR_NEW_YEAR
    else:
        base = re.sub(r"\s*\((nghỉ bù|dự kiến|nghỉ bù, dự kiến)\)$", "", label)
    return f"Nghỉ bù {base}" if "(nghỉ bù" in label else base


class StatutoryProvider(Protocol):
    """Statutory holidays of one year, as Gregorian dates with labels, plus the make-up working days
    the government fixed together with them (a Saturday worked in exchange for a day off)."""

    def holidays(self, year: int) -> Mapping[date, str]: ...

    def make_up_working_days(self, year: int) -> Mapping[date, str]: ...


class HolidaysPackageStatutory:
    """Statutory days from the `holidays` package (Labour Code 2019 Art. 112, lunar days, observed
    compensatory days under Art. 111.3, and the swaps it records from government notices).

    Labels are requested in Vietnamese explicitly: the package otherwise follows the process locale.
    """

    def __init__(self, country: str = "VN") -> None:
        self.country = country
        self._cache: dict[int, tuple[dict[date, str], dict[date, str]]] = {}

    def _load(self, year: int) -> tuple[dict[date, str], dict[date, str]]:
        if year not in self._cache:
            import holidays

            # Neighbouring years too: a swap can cross New Year (31/12/2018 off, 5/1/2019 worked).
            table = holidays.country_holidays(self.country, years=range(year - 1, year + 2), language="vi")
            days = {day: str(label) for day, label in table.items() if day.year == year}
            working = {}
            for day in table.weekend_workdays:
                if day.year == year:
                    swapped = [off for off, label in table.items() if format_day(day) in str(label)]
                    working[day] = (
                        f"{MAKE_UP_WORKING_DAY} cho ngày nghỉ {format_day(swapped[0])}"
                        if swapped
                        else MAKE_UP_WORKING_DAY
                    )
            self._cache[year] = (days, working)
        return self._cache[year]

    def holidays(self, year: int) -> Mapping[date, str]:
        return self._load(year)[0]

    def make_up_working_days(self, year: int) -> Mapping[date, str]:
        return self._load(year)[1]


VIETNAM_STATUTORY = HolidaysPackageStatutory("VN")


@dataclass(frozen=True)
class DayOff:
    """A non-working day and why: `reasons[0]` is the main one (e.g. a Tết day that is also a Saturday)."""

    day: date
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        return self.reasons[0]


@dataclass(frozen=True)
class DayRange:
    """Consecutive non-working days grouped for explanations."""

    first: date
    last: date
    reasons: tuple[str, ...]

    def describe(self) -> str:
        return f"{format_range(self.first, self.last)} ({', '.join(self.reasons)})"

    def as_dict(self) -> dict[str, object]:
        return {"from": self.first.isoformat(), "to": self.last.isoformat(), "reasons": list(self.reasons)}


def _labelled(days: Mapping[date, str] | Iterable[date], default_label: str) -> dict[date, str]:
    if isinstance(days, Mapping):
        return {day: label or default_label for day, label in days.items()}
    return dict.fromkeys(days, default_label)


class WorkingCalendar:
    """Which days are working days in Vietnam's public administration.

    `days_off` and `working_days` are the announced exceptions for any year (a mapping gives each its
    label, e.g. the notice that announced it). `statutory=None` means the caller supplies every
    holiday itself in `days_off` (e.g. rows stored in the database).
    """

    def __init__(
        self,
        days_off: Mapping[date, str] | Iterable[date] = (),
        working_days: Mapping[date, str] | Iterable[date] = (),
        weekend: Iterable[int] = (SATURDAY, SUNDAY),
        statutory: StatutoryProvider | None = VIETNAM_STATUTORY,
    ) -> None:
        self.days_off = _labelled(days_off, ANNOUNCED_DAY_OFF)
        self.working_days = _labelled(working_days, ANNOUNCED_WORKING_DAY)
        clash = sorted(set(self.days_off) & set(self.working_days))
        if clash:
            listed = ", ".join(day.isoformat() for day in clash)
            raise ValueError(
                f"ngày vừa là ngày nghỉ vừa là ngày làm bù (both day off and working day): {listed}"
            )
        self.weekend = frozenset(weekend)
        if not self.weekend <= set(range(7)):
            raise ValueError(
                f"weekend must hold weekday numbers 0–6 (Monday = 0), got {sorted(self.weekend)}"
            )
        self.statutory = statutory

    def with_announcements(
        self,
        days_off: Mapping[date, str] | Iterable[date] = (),
        working_days: Mapping[date, str] | Iterable[date] = (),
    ) -> WorkingCalendar:
        """A copy with more announced days; a later announcement about a date replaces an earlier one."""
        extra_off = _labelled(days_off, ANNOUNCED_DAY_OFF)
        extra_working = _labelled(working_days, ANNOUNCED_WORKING_DAY)
        merged_off = {d: v for d, v in self.days_off.items() if d not in extra_working} | extra_off
        merged_working = {d: v for d, v in self.working_days.items() if d not in extra_off} | extra_working
        return WorkingCalendar(merged_off, merged_working, self.weekend, self.statutory)

    def reasons(self, day: date) -> tuple[str, ...]:
        """Why `day` is not a working day; empty when it is one."""
        if day in self.working_days:
            return ()
        reasons: list[str] = []
        if day in self.days_off:
            reasons.append(self.days_off[day])
        if self.statutory is not None:
            label = self.statutory.holidays(day.year).get(day)
            if label:
                reasons.append(short_reason(label))
            elif not reasons and day in self.statutory.make_up_working_days(day.year):
                return ()
        if day.weekday() in self.weekend:
            reasons.append(WEEKDAY_NAMES_VI[day.weekday()])
        return tuple(reasons)

    def is_working_day(self, day: date) -> bool:
        return not self.reasons(day)

    def working_day_reason(self, day: date) -> str | None:
        """Label of a make-up working day (a weekend day worked by announcement), else None."""
        if day in self.working_days:
            return self.working_days[day]
        if self.statutory is not None and self.is_working_day(day) and day.weekday() in self.weekend:
            return self.statutory.make_up_working_days(day.year).get(day)
        return None

    def next_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (`day` itself is not counted)."""
        if count < 0:
            raise ValueError("count must be ≥ 0")
        remaining = count
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def days_off_between(self, first: date, last: date) -> list[DayOff]:
        """Non-working days from `first` to `last`, both included."""
        found = []
        day = first
        while day <= last:
            reasons = self.reasons(day)
            if reasons:
                found.append(DayOff(day, reasons))
            day += timedelta(days=1)
        return found

    def year_days_off(self, year: int) -> list[DayOff]:
        return self.days_off_between(date(year, 1, 1), date(year, 12, 31))


def group_ranges(days: Iterable[DayOff]) -> list[DayRange]:
    """Group consecutive non-working days; a range lists its distinct main reasons in order."""
    ranges: list[DayRange] = []
    for day_off in sorted(days, key=lambda item: item.day):
        previous = ranges[-1] if ranges else None
        if previous is not None and day_off.day == previous.last + timedelta(days=1):
            reasons = previous.reasons
            if day_off.reason not in reasons:
                reasons = (*reasons, day_off.reason)
            ranges[-1] = DayRange(previous.first, day_off.day, reasons)
        else:
            ranges.append(DayRange(day_off.day, day_off.day, (day_off.reason,)))
    return ranges
