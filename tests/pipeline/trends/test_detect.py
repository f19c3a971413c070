from datetime import date

import numpy as np

from loa.pipeline.trends.calendar import lull_mask, vietnam_holidays
from loa.pipeline.trends.detect import DetectorConfig, detect, run_detector
from loa.pipeline.trends.explain import NEGATIVE, VOLUME
from loa.pipeline.trends.series import SeriesSet
from tests.pipeline.trends.helpers import START, build, on, simulate, weekly_means

HOLIDAYS = vietnam_holidays([2023, 2024, 2025])


def kinds_on(alerts, day: date) -> set[str]:
    return {a.kind for a in alerts if a.date == day}


def test_quiet_commune_with_zero_to_two_articles_is_not_flagged_but_a_burst_is() -> None:
    series = simulate(np.full((20, 365), 0.6), 0.2, seed=1)
    alerts = detect(series, HOLIDAYS)
    # Count statistics, not z-scores: one or two articles never alert, and over 20 key-years the
    # false alarms stay within the budget of one per key-year (a raw-count z-score gives dozens).
    assert all(a.count >= 3 for a in alerts)
    assert len(alerts) <= 20
    counts = series.counts.copy()
    counts[0, 200] = 7
    burst = detect(build(counts, series.negatives), HOLIDAYS)
    hits = [a for a in burst if a.key == "k0" and a.date == on(200)]
    assert [a.kind for a in hits] == [VOLUME]
    assert hits[0].expected < 1.5 and hits[0].observed == 7


def test_weekend_dips_and_monday_returns_are_not_flagged() -> None:
    series = simulate(np.tile(weekly_means(40, 240), (5, 1)), 0.2, seed=2)
    run = run_detector(series, set())
    assert len([a for a in run.alerts if a.date.weekday() in (0, 5, 6)]) <= 1
    profile = run.baseline.profile[0]
    assert profile[6] < 0.5 < 1.0 < profile[0]
    weekday = (START.weekday() + np.arange(240)) % 7
    settled = np.arange(240) >= 60
    for day in (0, 5, 6):
        days = settled & (weekday == day)
        ratio = series.counts[:, days].sum() / run.baseline.expected[:, days].sum()
        assert 0.85 < ratio < 1.15, (day, ratio)


def test_tet_lull_and_return_are_not_flagged() -> None:
    days = 420
    means = np.tile(weekly_means(30, days), (4, 1))
    lull = lull_mask(START, days, HOLIDAYS)
    means[:, lull] *= 0.3  # deep Tết and holiday dips, then straight back to normal
    series = simulate(means, 0.2, seed=3)
    run = run_detector(series, HOLIDAYS)
    first, last = date(2025, 1, 15), date(2025, 2, 25)
    assert not [a for a in run.alerts if first <= a.date <= last]
    # The baseline neither sank into the lull nor jumps at the return.
    back = np.arange(days)[(np.arange(days) > (date(2025, 2, 10) - START).days) & ~lull][:14]
    ratio = series.counts[:, back].sum() / run.baseline.expected[:, back].sum()
    assert 0.85 < ratio < 1.15


def test_permanent_level_shift_is_alerted_once_then_adapted() -> None:
    days, shift = 300, 150
    means = np.tile(weekly_means(20, days), (4, 1))
    means[:, shift:] *= 3.0
    series = simulate(means, 0.2, seed=4, alpha=0.01)
    run = run_detector(series, set())
    volume = [a for a in run.alerts if a.kind == VOLUME]
    for k, key in enumerate(series.keys):
        month = [a.date for a in volume if a.key == key and on(shift) <= a.date <= on(shift + 30)]
        assert len(month) == 1 and month[0] <= on(shift + 2), (key, month)
        later = slice(shift + 7, shift + 37)
        ratio = series.counts[k, later].sum() / run.baseline.expected[k, later].sum()
        assert 0.85 < ratio < 1.15


def test_volume_surge_is_not_a_negative_surge() -> None:
    rng = np.random.default_rng(5)
    means = weekly_means(20, 200)[None, :]
    counts = rng.poisson(means)
    negatives = rng.binomial(counts, 0.2)
    counts[0, 150] = 100
    negatives[0, 150] = 21  # four times the articles, the usual share of negatives
    run = run_detector(build(counts, negatives), set())
    assert kinds_on(run.alerts, on(150)) == {VOLUME}
    assert run.negative_score[0, 150] < 1.0


def test_negative_share_surge_is_reported_without_a_volume_alert() -> None:
    rng = np.random.default_rng(6)
    counts = rng.poisson(weekly_means(40, 200))[None, :]
    negatives = rng.binomial(counts, 0.15)
    negatives[0, 150:152] = np.round(counts[0, 150:152] * 0.6)
    alerts = detect(build(counts, negatives), set())
    surge = [a for a in alerts if a.date in (on(150), on(151))]
    assert {a.kind for a in surge} == {NEGATIVE}
    alert = surge[0]
    assert alert.expected < 0.25 and alert.observed > 0.5
    assert "tiêu cực" in alert.reason


def test_alert_explains_itself() -> None:
    rng = np.random.default_rng(7)
    counts = rng.poisson(weekly_means(10, 120))[None, :]
    counts[0, 100] = 60
    alerts = detect(build(counts, np.zeros_like(counts), keys=("Sở Y tế",)), set())
    [alert] = [a for a in alerts if a.date == on(100)]
    data = alert.to_json()
    assert set(data) >= {"key", "date", "kind", "score", "expected", "observed", "reason"}
    assert data["key"] == "Sở Y tế" and data["date"] == on(100).isoformat() and data["kind"] == VOLUME
    assert data["score"] > 5 and 5 < data["expected"] < 20 and data["observed"] == 60
    assert data["reason"].startswith("Số bài tăng đột biến") and "60 bài" in data["reason"]


def test_gaps_single_day_and_empty_input() -> None:
    rows = [(date(2024, 1, 1), "a", 3, 1), (date(2024, 1, 5), "a", 2, 0), (date(2024, 1, 3), "b", 1, 1)]
    series = SeriesSet.from_records(rows)
    assert series.counts.tolist() == [[3, 0, 0, 0, 2], [0, 0, 1, 0, 0]]
    assert series.first.tolist() == [0, 2]
    assert detect(series, HOLIDAYS) == []
    assert detect(SeriesSet.from_records([(date(2024, 1, 1), "a", 50, 40)]), HOLIDAYS) == []
    assert detect(SeriesSet.empty(), HOLIDAYS) == []


def test_new_key_is_not_a_surge_on_its_first_days() -> None:
    old = [(on(t), "old", 5, 1) for t in range(100)]
    new = [(on(t), "new", 30, 5) for t in range(90, 100)]
    assert detect(SeriesSet.from_records(old + new), set()) == []


def test_thresholds_are_configurable() -> None:
    rng = np.random.default_rng(8)
    counts = rng.poisson(weekly_means(10, 120))[None, :]
    counts[0, 100] = 40
    series = build(counts, np.zeros_like(counts))
    strict = detect(series, set(), DetectorConfig(volume_threshold=30.0))
    assert not strict
    assert [a.date for a in detect(series, set())] == [on(100)]
