from datetime import date, timedelta

from loa.pipeline.trends.calendar import lull_days, lull_mask, vietnam_holidays, years_spanned


def test_tet_2025_bridges_weekends_and_extends_around_the_block() -> None:
    lull = lull_days(vietnam_holidays([2025]))
    # Official days 27/1–1/2 (Mon–Sat) plus the weekends either side: 25/1–2/2, as decreed.
    block = {date(2025, 1, 25) + timedelta(days=i) for i in range(9)}
    assert block <= lull
    assert {date(2025, 1, 22), date(2025, 2, 9)} <= lull
    assert date(2025, 1, 21) not in lull
    assert date(2025, 2, 10) not in lull


def test_short_holidays_are_not_extended() -> None:
    lull = lull_days(vietnam_holidays([2024]))
    assert date(2024, 9, 2) in lull and date(2024, 9, 3) in lull
    assert date(2024, 8, 31) in lull  # weekend next to the holiday
    assert date(2024, 9, 4) not in lull


def test_decreed_single_day_between_days_off_is_bridged() -> None:
    assert date(2024, 5, 2) in lull_days({date(2024, 5, 1), date(2024, 5, 3)})


def test_mask_and_years() -> None:
    mask = lull_mask(date(2024, 12, 30), 5, vietnam_holidays([2025]))
    assert mask.tolist() == [False, False, True, False, False]
    assert list(years_spanned(date(2024, 12, 30), 5)) == [2023, 2024, 2025, 2026]
    assert lull_days(set()) == frozenset()
