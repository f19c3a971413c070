"""Holiday lulls for trend detection: which days publish less than usual because the country is off.

The holiday dates are an argument (pure code); `vietnam_holidays` is the usual source. Around them
news volume drops further than the official days alone: weekends next to a holiday join it, a single
working day squeezed between days off is usually bridged by decree, and Tết (the only block of six or
more days) dims the news for a few days before and about a week after, while people travel home and
back. Those days are neither surges nor baseline.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, timedelta

import numpy as np

from loa.deadlines.calendar import VIETNAM_STATUTORY

LONG_BLOCK_DAYS = 6
LONG_BLOCK_BEFORE = 3
LONG_BLOCK_AFTER = 7


def vietnam_holidays(years: Iterable[int]) -> frozenset[date]:
    """Public holidays of Vietnam (with observed and swapped days): the statutory days of the working-day
    calendar (`loa.deadlines.calendar`, pure), which loads each year from the `holidays` package once."""
    return frozenset(day for year in set(years) for day in VIETNAM_STATUTORY.holidays(year))


def _is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def bridged_days(holiday_dates: Collection[date]) -> set[date]:
    """Holidays plus adjacent weekends and single working days between two days off."""
    off = set(holiday_dates)
    changed = True
    while changed:
        changed = False
        for day in sorted(off):
            for step in (-1, 1):
                near = day + timedelta(days=step)
                if near in off:
                    continue
                beyond = near + timedelta(days=step)
                if _is_weekend(near) or beyond in off:
                    off.add(near)
                    changed = True
    return off


def day_blocks(days: set[date]) -> list[tuple[date, date]]:
    blocks: list[tuple[date, date]] = []
    for day in sorted(days):
        if blocks and day == blocks[-1][1] + timedelta(days=1):
            blocks[-1] = (blocks[-1][0], day)
        else:
            blocks.append((day, day))
    return blocks


def lull_days(
    holiday_dates: Collection[date],
    *,
    long_block_days: int = LONG_BLOCK_DAYS,
    before: int = LONG_BLOCK_BEFORE,
    after: int = LONG_BLOCK_AFTER,
) -> frozenset[date]:
    """Days expected to publish less because of holidays (see module docstring)."""
    if not holiday_dates:
        return frozenset()
    off = bridged_days(holiday_dates)
    lull = set(off)
    for first, last in day_blocks(off):
        if (last - first).days + 1 >= long_block_days:
            lull.update(first - timedelta(days=i) for i in range(1, before + 1))
            lull.update(last + timedelta(days=i) for i in range(1, after + 1))
    return frozenset(lull)


def lull_mask(start: date, n_days: int, holiday_dates: Collection[date]) -> np.ndarray:
    """(T,) bool over the calendar of a SeriesSet: True on lull days."""
    lull = lull_days(holiday_dates)
    return np.array([start + timedelta(days=i) in lull for i in range(n_days)], dtype=bool)


def years_spanned(start: date, n_days: int) -> range:
    """Calendar years touched by the series, one either side so lulls at the edges are complete."""
    end = start + timedelta(days=max(n_days - 1, 0))
    return range(start.year - 1, end.year + 2)
