from datetime import date, timedelta

import numpy as np

from loa.pipeline.trends.calendar import lull_mask, vietnam_holidays
from loa.pipeline.trends.forecast import BASELINE, ETS, ForecastConfig, forecast
from loa.pipeline.trends.series import SeriesSet
from tests.pipeline.trends.helpers import START, build, weekly_means


def split(means: np.ndarray, seed: int, history: int, start: date = START) -> tuple[SeriesSet, np.ndarray]:
    """Counts for history + 7 days; the series holds the history, the future is returned apart."""
    rng = np.random.default_rng(seed)
    counts = rng.poisson(np.atleast_2d(means))
    return build(counts[:, :history], np.zeros_like(counts[:, :history]), start), counts[:, history:]


def coverage(points, future: np.ndarray, keys: tuple[str, ...]) -> float:
    index = {key: i for i, key in enumerate(keys)}
    inside = [p.lower <= future[index[p.key], h % 7] <= p.upper for h, p in enumerate(points)]
    return float(np.mean(inside))


def test_sparse_keys_use_the_baseline_and_intervals_contain_typical_values() -> None:
    means = np.tile(weekly_means(2.0, 91), (40, 1))
    series, future = split(means, seed=11, history=84)
    points = forecast(series, set())
    assert len(points) == 40 * 7
    assert {p.method for p in points} == {BASELINE}
    assert [p.date for p in points[:7]] == [START + timedelta(days=84 + h) for h in range(7)]
    assert 0.85 <= coverage(points, future, series.keys) <= 1.0
    predicted = np.array([p.forecast for p in points]).reshape(40, 7).mean(axis=0)
    assert np.allclose(predicted, means[0, 84:], rtol=0.25)
    assert all(p.lower <= p.forecast <= p.upper for p in points)


def test_rich_keys_use_ets_with_weekly_season() -> None:
    means = np.tile(weekly_means(30.0, 127), (3, 1))
    series, future = split(means, seed=12, history=120)
    points = forecast(series, set(), ForecastConfig(interval=0.9))
    assert {p.method for p in points} == {ETS}
    assert coverage(points, future, series.keys) >= 0.75
    predicted = np.array([p.forecast for p in points]).reshape(3, 7).mean(axis=0)
    assert np.allclose(predicted, means[0, 120:], rtol=0.25)
    weekday = [p.date.weekday() for p in points[:7]]
    assert predicted[weekday.index(6)] < 0.6 * predicted[weekday.index(0)]  # the Sunday dip carries on


def test_exceed_warnings() -> None:
    series, _ = split(weekly_means(30.0, 91), seed=13, history=84)
    low = forecast(series, set(), thresholds={"k0": 5.0})
    assert all(p.exceeds and p.p_exceed > 0.9 and "vượt ngưỡng" in p.reason for p in low)
    assert low[0].to_json()["reason"] == low[0].reason
    high = forecast(series, set(), thresholds=500.0)
    assert not any(p.exceeds for p in high)
    assert "reason" not in high[0].to_json()
    default = forecast(series, set())
    assert not any(p.exceeds for p in default)
    assert all(p.threshold > p.upper for p in default)


def test_holidays_ahead_are_forecast_lower() -> None:
    holidays = vietnam_holidays([2023, 2024, 2025])
    start = date(2023, 12, 1)
    end = date(2025, 1, 24)  # the day before the 2025 Tết block
    days = (end - start).days + 1
    means = np.tile(weekly_means(20.0, days, start), (2, 1))
    means[:, lull_mask(start, days, holidays)] *= 0.3
    series, _ = split(means, seed=14, history=days, start=start)
    points = [p for p in forecast(series, holidays) if p.key == "k0"]
    assert all(p.holiday for p in points)
    normal_week = means[0, -14:-7].mean()
    assert max(p.forecast for p in points) < 0.6 * normal_week


def test_empty_and_single_day() -> None:
    assert forecast(SeriesSet.empty(), set()) == []
    points = forecast(SeriesSet.from_records([(date(2024, 1, 1), "a", 4, 1)]), set())
    assert len(points) == 7
    assert all(np.isfinite([p.forecast, p.lower, p.upper, p.p_exceed]).all() for p in points)
