"""Within-the-day surges: the share of a day published by now, and partial counts scored against it."""

from __future__ import annotations

import numpy as np
import pytest

from loa.pipeline.trends.detect import run_detector
from loa.pipeline.trends.intraday import MIN_FRACTION, day_fraction, intraday_alerts
from tests.pipeline.trends.helpers import build, simulate, weekly_means


def test_day_fraction_follows_the_hourly_history():
    flat = day_fraction([0] * 24, 12)
    assert flat == pytest.approx(0.5)
    office = [0] * 24
    for hour in range(8, 17):
        office[hour] = 100
    assert day_fraction(office, 8) < 0.05
    assert day_fraction(office, 12, 30) == pytest.approx((4.5 * 100 + 12.5 * 1) / 924, rel=1e-6)
    assert day_fraction(office, 0, 5) == MIN_FRACTION
    assert day_fraction(office, 23, 59) <= 1.0
    with pytest.raises(ValueError):
        day_fraction([1] * 23, 5)


def test_a_partial_day_is_scored_against_the_share_expected_by_now():
    series = simulate(weekly_means(np.array([[4.0], [0.3]]), 120), 0.2, seed=3)
    run = run_detector(series, set())
    # By noon half of a normal day is out: 6 stories in the big key is ordinary, in the small one it is not.
    alerts = intraday_alerts(series, run, {"k0": 3, "k1": 6}, {"k1": 6}, 0.5, set())
    assert [a.key for a in alerts] == ["k1"]
    alert = alerts[0]
    assert alert.date == series.day(series.n_days) and alert.kind == "volume"
    assert alert.observed == 6 and alert.expected < 0.5 and alert.score > 2.9
    # The same count at the very end of the day, in the big key, is still within its normal day.
    assert intraday_alerts(series, run, {"k0": 6}, {}, 1.0, set()) == []


def test_young_keys_and_small_counts_are_not_scored():
    series = build(np.array([[0, 0, 1, 0, 0]]), np.array([[0, 0, 0, 0, 0]]))
    run = run_detector(series, set())
    assert intraday_alerts(series, run, {"k0": 9}, {}, 0.5, set()) == []
    long = simulate(weekly_means(np.array([[0.2]]), 60), 0.1, seed=4)
    assert intraday_alerts(long, run_detector(long, set()), {"k0": 2}, {}, 0.1, set()) == []
