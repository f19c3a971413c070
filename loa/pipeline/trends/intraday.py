"""Surges inside the current day: today's count so far against what a normal day has published by now.

The daily detector scores complete days; a crisis that breaks at 9:00 should not wait for midnight.
Here the detector's final baseline (run over the days before today, exactly what forecasting continues
from) gives today's normal full-day level per key; `day_fraction` says which share of a day's stories
is normally out by this local time (from the hourly history, shrunk towards a flat day so that a young
installation still has a sensible curve); the partial count is scored against a negative binomial with
that scaled mean and the detector's overdispersion and level uncertainty, with the same thresholds and
practical-effect rules as a full day. A negative-share surge needs no scaling (it is a share of what has
been published so far), so the daily detector run over the partial day already covers it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

import numpy as np

from loa.pipeline.trends.calendar import lull_days
from loa.pipeline.trends.detect import DetectionRun, DetectorConfig
from loa.pipeline.trends.explain import VOLUME, Alert
from loa.pipeline.trends.series import SeriesSet
from loa.pipeline.trends.stats import nb_size, nb_upper_tail, score_of

HOURS = 24
# Never assume less than a quarter of an hour's worth of a day: at 00:05 one story is not a surge.
MIN_FRACTION = 1.0 / 96.0


def day_fraction(hourly_counts: Sequence[float], hour: int, minute: int = 0, prior: float = 24.0) -> float:
    """Share of a day's stories normally published before hour:minute (local time).

    `hourly_counts` has 24 entries: stories published in each local hour over some past weeks. `prior`
    is the weight, in stories, of a flat day mixed in (so an empty history gives minutes/1440)."""
    if len(hourly_counts) != HOURS or not 0 <= hour < HOURS or not 0 <= minute < 60:
        raise ValueError("hourly_counts needs 24 entries; hour in 0..23 and minute in 0..59")
    counts = np.maximum(np.asarray(hourly_counts, dtype=float), 0.0)
    shape = (counts + prior / HOURS) / (counts.sum() + prior)
    done = float(shape[:hour].sum() + shape[hour] * minute / 60.0)
    return min(max(done, MIN_FRACTION), 1.0)


def intraday_alerts(
    series: SeriesSet,
    run: DetectionRun,
    counts: Mapping[str, int],
    negatives: Mapping[str, int],
    fraction: float,
    holidays: Collection[date],
    config: DetectorConfig | None = None,
) -> list[Alert]:
    """Volume alerts for the day after `series` ends, from its partial `counts` at `fraction` of the day.

    `run` is `run_detector(series, holidays, config)`. Keys missing from `series`, or with less history
    than the detector asks of a full day, are not scored. `expected` and `observed` in the alerts are the
    counts expected by now and seen by now."""
    cfg = config or DetectorConfig()
    if series.n_keys == 0 or series.n_days == 0 or not 0 < fraction <= 1:
        return []
    today = series.day(series.n_days)
    weekday = today.weekday()
    holiday = today in lull_days(holidays)
    base = run.baseline
    recent = base.clean[:, -cfg.level_window :].sum(axis=1)
    alerts: list[Alert] = []
    for k, key in enumerate(series.keys):
        observed = int(counts.get(key, 0))
        if observed < cfg.min_count:
            continue
        history = series.n_days - int(series.first[k])
        if history < cfg.min_history_days or recent[k] < cfg.min_clean_days:
            continue
        mean = float(base.level[k] * base.profile[k, weekday] * fraction)
        if observed < cfg.min_ratio * mean:
            continue
        variance = mean + mean * mean * (base.alpha[k] + 1.0 / base.level_shape[k])
        m = np.array([mean])
        size = nb_size(m, np.array([variance]))
        score = float(score_of(nb_upper_tail(np.array([float(observed)]), m, size, mid=True))[0])
        if score < cfg.volume_threshold:
            continue
        alerts.append(
            Alert(
                key=key,
                date=today,
                kind=VOLUME,
                score=score,
                expected=mean,
                observed=float(observed),
                window_days=1,
                count=observed,
                negative=int(negatives.get(key, 0)),
                holiday=holiday,
            )
        )
    return alerts
