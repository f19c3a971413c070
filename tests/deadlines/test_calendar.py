"""Working-day calendar: weekends, statutory holidays from the `holidays` package, announced swaps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from loa.deadlines.calendar import (
    ANNOUNCED_DAY_OFF,
    ANNOUNCED_WORKING_DAY,
    DayOff,
    WorkingCalendar,
    end_of_day,
    group_ranges,
    short_reason,
    to_vietnam_time,
)

CAL = WorkingCalendar()


def test_weekend_days_are_off_with_their_names() -> None:
    assert CAL.reasons(date(2026, 7, 4)) == ("Thứ Bảy",)
    assert CAL.reasons(date(2026, 7, 5)) == ("Chủ nhật",)
    assert CAL.is_working_day(date(2026, 7, 6))
    assert CAL.is_working_day(date(2026, 7, 3))


def test_weekend_is_configurable() -> None:
    sunday_only = WorkingCalendar(weekend=(6,))
    assert sunday_only.is_working_day(date(2026, 7, 4))
    assert not sunday_only.is_working_day(date(2026, 7, 5))
    with pytest.raises(ValueError, match="weekday numbers"):
        WorkingCalendar(weekend=(7,))


def test_tet_2027_as_the_package_computes_it() -> None:
    # Lunar New Year 2027 is Saturday 6/2; the five statutory days shift off the weekend: Thu 4/2 – Wed 10/2.
    for offset in range(7):
        day = date(2027, 2, 4) + timedelta(days=offset)
        assert CAL.reasons(day)[0] == "Tết Nguyên đán", day
    assert CAL.reasons(date(2027, 2, 6)) == ("Tết Nguyên đán", "Thứ Bảy")
    assert CAL.is_working_day(date(2027, 2, 3))
    assert CAL.is_working_day(date(2027, 2, 11))


def test_tet_2026_matches_the_announced_nine_day_break() -> None:
    off = [day.day for day in CAL.days_off_between(date(2026, 2, 13), date(2026, 2, 23))]
    assert off == [date(2026, 2, 14) + timedelta(days=offset) for offset in range(9)]


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2026, 4, 26), "Ngày Giỗ Tổ Hùng Vương"),
        (date(2026, 4, 27), "Nghỉ bù Ngày Giỗ Tổ Hùng Vương"),
        (date(2027, 4, 16), "Ngày Giỗ Tổ Hùng Vương"),
        (date(2025, 4, 7), "Ngày Giỗ Tổ Hùng Vương"),
    ],
)
def test_hung_kings_day_is_lunar(day: date, reason: str) -> None:
    assert CAL.reasons(day)[0] == reason


def test_reunification_and_labour_day_2027_with_compensatory_monday() -> None:
    assert CAL.reasons(date(2027, 4, 30)) == ("Ngày Chiến thắng",)
    assert CAL.reasons(date(2027, 5, 1)) == ("Ngày Quốc tế Lao động", "Thứ Bảy")
    assert CAL.reasons(date(2027, 5, 3)) == ("Nghỉ bù Ngày Quốc tế Lao động",)
    assert CAL.is_working_day(date(2027, 5, 4))


@pytest.mark.parametrize(
    ("year", "adjacent"),
    [(2025, date(2025, 9, 1)), (2026, date(2026, 9, 1)), (2027, date(2027, 9, 3))],
)
def test_national_day_with_adjacent_day(year: int, adjacent: date) -> None:
    assert CAL.reasons(date(year, 9, 2))[0] == "Quốc khánh"
    assert CAL.reasons(adjacent)[0] == "Quốc khánh"


def test_package_swaps_make_a_saturday_a_working_day() -> None:
    assert CAL.reasons(date(2025, 5, 2)) == ("Ngày nghỉ (thay cho ngày 26/04/2025)",)
    assert CAL.is_working_day(date(2025, 4, 26))
    assert CAL.is_working_day(date(2026, 8, 22))
    assert CAL.working_day_reason(date(2026, 8, 22)) == "Ngày làm bù cho ngày nghỉ 31/08/2026"
    assert CAL.working_day_reason(date(2026, 8, 29)) is None
    assert CAL.working_day_reason(date(2026, 8, 24)) is None


def test_swap_across_new_year_is_found() -> None:
    assert CAL.working_day_reason(date(2019, 1, 5)) == "Ngày làm bù cho ngày nghỉ 31/12/2018"


def test_vietnam_culture_day_from_2026() -> None:
    assert CAL.reasons(date(2026, 11, 24)) == ("Ngày Văn hóa Việt Nam",)
    assert CAL.is_working_day(date(2025, 11, 24))


def test_announced_days_off_and_make_up_working_days() -> None:
    calendar = WorkingCalendar(days_off=[date(2027, 5, 10)], working_days=[date(2027, 5, 8)])
    assert calendar.reasons(date(2027, 5, 10)) == (ANNOUNCED_DAY_OFF,)
    assert calendar.is_working_day(date(2027, 5, 8))
    assert calendar.working_day_reason(date(2027, 5, 8)) == ANNOUNCED_WORKING_DAY


def test_announced_working_day_overrides_a_statutory_day() -> None:
    calendar = WorkingCalendar(working_days={date(2026, 11, 24): "Quyết định hủy ngày nghỉ"})
    assert calendar.is_working_day(date(2026, 11, 24))
    assert calendar.working_day_reason(date(2026, 11, 24)) == "Quyết định hủy ngày nghỉ"


def test_labelled_days_off_keep_their_label() -> None:
    calendar = WorkingCalendar(days_off={date(2026, 12, 31): "Thông báo 123/TB-VPCP"})
    assert calendar.reasons(date(2026, 12, 31)) == ("Thông báo 123/TB-VPCP",)


def test_a_day_cannot_be_both_off_and_working() -> None:
    with pytest.raises(ValueError, match="2027-05-10"):
        WorkingCalendar(days_off=[date(2027, 5, 10)], working_days=[date(2027, 5, 10)])


def test_later_announcement_replaces_earlier_one() -> None:
    calendar = WorkingCalendar(days_off=[date(2027, 5, 10)]).with_announcements(
        working_days=[date(2027, 5, 10)]
    )
    assert calendar.is_working_day(date(2027, 5, 10))
    again = calendar.with_announcements(days_off=[date(2027, 5, 10)])
    assert not again.is_working_day(date(2027, 5, 10))


def test_without_statutory_provider_only_weekends_and_data_count() -> None:
    calendar = WorkingCalendar(days_off={date(2027, 4, 16): "Giỗ Tổ (dữ liệu)"}, statutory=None)
    assert calendar.is_working_day(date(2027, 2, 8))
    assert calendar.reasons(date(2027, 4, 16)) == ("Giỗ Tổ (dữ liệu)",)
    assert not calendar.is_working_day(date(2027, 2, 6))


def test_working_day_navigation() -> None:
    assert CAL.next_working_day(date(2027, 5, 1)) == date(2027, 5, 4)
    assert CAL.next_working_day(date(2027, 5, 4)) == date(2027, 5, 4)
    assert CAL.add_working_days(date(2027, 4, 29), 1) == date(2027, 5, 4)
    assert CAL.add_working_days(date(2027, 4, 29), 0) == date(2027, 4, 29)
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2027, 4, 29), -1)


def test_year_days_off_counts_2027() -> None:
    days = CAL.year_days_off(2027)
    assert all(day.day.year == 2027 for day in days)
    holidays_on_weekdays = [day for day in days if day.day.weekday() < 5]
    # 1/1, Tết (Thu, Fri, Mon, Tue, Wed), Giỗ Tổ, 30/4, 3/5, 2/9, 3/9, 24/11.
    assert len(holidays_on_weekdays) == 12


def test_group_ranges_merges_consecutive_days() -> None:
    ranges = group_ranges(
        [
            DayOff(date(2027, 2, 13), ("Thứ Bảy",)),
            DayOff(date(2027, 2, 4), ("Tết Nguyên đán",)),
            DayOff(date(2027, 2, 5), ("Tết Nguyên đán",)),
            DayOff(date(2027, 2, 14), ("Chủ nhật",)),
        ]
    )
    assert [item.describe() for item in ranges] == [
        "04/02–05/02/2027 (Tết Nguyên đán)",
        "13/02–14/02/2027 (Thứ Bảy, Chủ nhật)",
    ]
    assert ranges[0].as_dict() == {"from": "2027-02-04", "to": "2027-02-05", "reasons": ["Tết Nguyên đán"]}


def test_range_across_years_shows_both_years() -> None:
    ranges = group_ranges([DayOff(date(2027, 12, 31), ("A",)), DayOff(date(2028, 1, 1), ("B",))])
    assert ranges[0].describe() == "31/12/2027–01/01/2028 (A, B)"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("29 Tết", "Tết Nguyên đán"),
        ("Giao thừa Tết Nguyên Đán", "Tết Nguyên đán"),
        ("Mùng năm Tết Nguyên Đán", "Tết Nguyên đán"),
        ("Quốc khánh (nghỉ bù)", "Nghỉ bù Quốc khánh"),
        ("Ngày Văn hóa Việt Nam (nghỉ bù, dự kiến)", "Nghỉ bù Ngày Văn hóa Việt Nam"),
        ("Tết Dương lịch", "Tết Dương lịch"),
    ],
)
def test_short_reason(label: str, expected: str) -> None:
    assert short_reason(label) == expected


def test_vietnam_time_conversion() -> None:
    naive = datetime(2026, 7, 1, 9, 0)
    assert to_vietnam_time(naive).isoformat() == "2026-07-01T09:00:00+07:00"
    utc = datetime(2026, 6, 30, 18, 0, tzinfo=UTC)
    assert to_vietnam_time(utc).isoformat() == "2026-07-01T01:00:00+07:00"
    paris = datetime(2026, 7, 1, 9, 0, tzinfo=timezone(timedelta(hours=2)))
    assert to_vietnam_time(paris).isoformat() == "2026-07-01T14:00:00+07:00"
    assert end_of_day(date(2026, 7, 1)).isoformat() == "2026-07-01T23:59:59+07:00"
