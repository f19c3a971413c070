"""Seven-day volume forecasts per key with prediction intervals, and "forecast to exceed" warnings.

Two methods, chosen per key:

* ETS: statsmodels `ETSModel` (additive error, no trend, additive weekly season) on the square root
  of the counts (sqrt(x + 3/8), which steadies the variance of counts), fitted on the last
  `ets_history` days with lull days replaced by the detector's normal-day expectation. Used when the
  key has `ets_min_days` of history and at least `ets_min_mean` articles a day: below that ETS
  chases zeros.
* Baseline (fallback, and for short or sparse series): the detector's final level × weekday factor,
  with negative-binomial quantiles from the same overdispersion and level uncertainty the detector
  scores with.

Holidays ahead: lull days are forecast by the baseline, scaled by the key's holiday factor (what its
past lull days published relative to expectation, shrunk to the factor pooled over keys); ETS, which
knows no holidays, under-covered them (70% for a 90% interval in the benchmark).

Warnings: each forecast day carries P(count > threshold). The threshold is the caller's (per key or
one for all) or, by default, the count that would raise a volume alert on that weekday at the normal
level; `exceeds` is P ≥ `warn_probability`.
"""

from __future__ import annotations

import warnings
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from scipy import special, stats

from loa.pipeline.trends.calendar import lull_mask
from loa.pipeline.trends.detect import DetectionRun, DetectorConfig, run_detector
from loa.pipeline.trends.explain import format_number, format_share
from loa.pipeline.trends.series import SeriesSet
from loa.pipeline.trends.stats import nb_size, nb_upper_tail

ANSCOMBE = 3.0 / 8.0
ETS = "ets"
BASELINE = "baseline"


@dataclass(frozen=True)
class ForecastConfig:
    horizon: int = 7
    interval: float = 0.9
    ets_min_days: int = 56
    ets_min_mean: float = 3.0
    ets_history: int = 112
    warn_probability: float = 0.5
    holiday_prior: float = 20.0


@dataclass(frozen=True)
class ForecastPoint:
    key: str
    date: date
    forecast: float
    lower: float
    upper: float
    interval: float
    method: str
    threshold: float
    p_exceed: float
    exceeds: bool
    holiday: bool

    @property
    def reason(self) -> str:
        if not self.exceeds:
            return ""
        return (
            f"Dự báo vượt ngưỡng: khoảng {format_number(self.forecast)} bài "
            f"(khoảng tin cậy {format_share(self.interval)}: {format_number(self.lower)}–"
            f"{format_number(self.upper)}), ngưỡng {format_number(self.threshold)} bài; "
            f"xác suất vượt {format_share(self.p_exceed)}."
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "key": self.key,
            "date": self.date.isoformat(),
            "forecast": round(self.forecast, 3),
            "lower": round(self.lower, 3),
            "upper": round(self.upper, 3),
            "interval": self.interval,
            "method": self.method,
            "threshold": round(self.threshold, 3),
            "p_exceed": round(self.p_exceed, 4),
            "exceeds": self.exceeds,
            "holiday": self.holiday,
        }
        if self.exceeds:
            data["reason"] = self.reason
        return data


@dataclass(frozen=True)
class _Path:
    """One key's forecast over the horizon: mean, interval bounds and P(count > threshold) per day."""

    method: str
    mean: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    p_exceed: np.ndarray


def _holiday_factors(series: SeriesSet, run: DetectionRun, lull: np.ndarray, prior: float) -> np.ndarray:
    """(K,) what past lull days published relative to their normal-day expectation."""
    expected = run.baseline.expected[:, lull]
    observed = series.counts[:, lull].astype(float) * (expected > 0)
    pooled = observed.sum() / expected.sum() if expected.sum() > 0 else 1.0
    return np.asarray((observed.sum(axis=1) + prior * pooled) / (expected.sum(axis=1) + prior))


def _baseline_path(
    k: int, run: DetectionRun, weekdays: np.ndarray, scale: np.ndarray, thresholds: np.ndarray, q: float
) -> _Path:
    base = run.baseline
    mean = base.level[k] * base.profile[k, weekdays] * scale
    alpha = base.alpha[k]
    variance = mean + mean * mean * (alpha + 1.0 / base.level_shape[k])
    size = nb_size(mean, variance)
    p = size / (size + mean)
    lower = stats.nbinom.ppf((1 - q) / 2, size, p)
    upper = stats.nbinom.ppf((1 + q) / 2, size, p)
    exceed = nb_upper_tail(np.floor(thresholds) + 1.0, mean, size)
    return _Path(BASELINE, mean, np.asarray(lower, dtype=float), np.asarray(upper, dtype=float), exceed)


def _ets_path(history: np.ndarray, thresholds: np.ndarray, q: float, horizon: int) -> _Path | None:
    """ETS on sqrt-counts; None when statsmodels cannot fit (the caller falls back)."""
    import pandas as pd
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    y = pd.Series(np.sqrt(history + ANSCOMBE))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = ETSModel(y, error="add", trend=None, seasonal="add", seasonal_periods=7).fit(
                disp=False, maxiter=200
            )
            frame = fit.get_prediction(start=len(y), end=len(y) + horizon - 1).summary_frame(alpha=1 - q)
    except (ValueError, np.linalg.LinAlgError):
        return None
    centre = frame["mean"].to_numpy()
    low, high = frame["pi_lower"].to_numpy(), frame["pi_upper"].to_numpy()
    if not (np.all(np.isfinite(centre)) and np.all(np.isfinite(low)) and np.all(np.isfinite(high))):
        return None
    spread = np.maximum((high - low) / (2 * special.ndtri((1 + q) / 2)), 1e-9)
    centre = np.maximum(centre, 0.0)
    mean = np.maximum(centre**2 + spread**2 - ANSCOMBE, 0.0)
    lower = np.maximum(np.maximum(low, 0.0) ** 2 - ANSCOMBE, 0.0)
    upper = np.maximum(high**2 - ANSCOMBE, 0.0)
    limit = np.sqrt(np.maximum(thresholds, 0.0) + ANSCOMBE)
    exceed = stats.norm.sf(limit, loc=centre, scale=spread)
    return _Path(ETS, mean, lower, upper, np.asarray(exceed, dtype=float))


def _alert_levels(run: DetectionRun, weekdays: np.ndarray, detector: DetectorConfig) -> np.ndarray:
    """(K, H) count that would raise a volume alert on those weekdays at the current normal level.

    Only weeks of overdispersion and level uncertainty separate it from the mean, so the baseline
    method rarely exceeds it; ETS does when it carries an ongoing rise forward."""
    base = run.baseline
    mean = base.level[:, None] * base.profile[:, weekdays]
    variance = mean + mean * mean * (base.alpha[:, None] + 1.0 / base.level_shape[:, None])
    size = nb_size(mean, variance)
    quantile = stats.nbinom.ppf(1.0 - 10.0 ** (-detector.volume_threshold), size, size / (size + mean))
    return np.maximum(np.asarray(quantile, dtype=float), float(detector.min_count))


def forecast(
    series: SeriesSet,
    holidays: Collection[date],
    config: ForecastConfig | None = None,
    thresholds: Mapping[str, float] | float | None = None,
    detector: DetectorConfig | None = None,
    run: DetectionRun | None = None,
) -> list[ForecastPoint]:
    """`horizon` days after the last date of `series`, for every key (module docstring)."""
    cfg = config or ForecastConfig()
    detector = detector or DetectorConfig()
    if series.n_keys == 0 or series.n_days == 0:
        return []
    run = run or run_detector(series, holidays, detector)
    n_days, horizon = series.n_days, cfg.horizon
    days = [series.day(n_days + h) for h in range(horizon)]
    weekdays = np.array([d.weekday() for d in days])
    history_lull = lull_mask(series.start, n_days, holidays)
    future_lull = lull_mask(days[0], horizon, holidays)
    holiday_factor = _holiday_factors(series, run, history_lull, cfg.holiday_prior)
    default_levels = _alert_levels(run, weekdays, detector)

    points: list[ForecastPoint] = []
    for k, key in enumerate(series.keys):
        scale = np.where(future_lull, holiday_factor[k], 1.0)
        if isinstance(thresholds, Mapping) and key in thresholds:
            limits = np.full(horizon, float(thresholds[key]))
        elif thresholds is not None and not isinstance(thresholds, Mapping):
            limits = np.full(horizon, float(thresholds))
        else:
            limits = default_levels[k]
        path: _Path | None = None
        first = int(series.first[k])
        start = max(first, n_days - cfg.ets_history)
        recent = series.counts[k, max(first, n_days - 28) :]
        rich = n_days - first >= cfg.ets_min_days and recent.size and recent.mean() >= cfg.ets_min_mean
        if rich and not future_lull.all():
            history = series.counts[k, start:].astype(float)
            lulls = history_lull[start:]
            history[lulls] = run.baseline.expected[k, start:][lulls]
            path = _ets_path(history, limits, cfg.interval, horizon)
        baseline = _baseline_path(k, run, weekdays, scale, limits, cfg.interval)
        for h, day in enumerate(days):
            # ETS has no notion of holidays: lull days take the holiday-scaled baseline.
            chosen = path if path is not None and not future_lull[h] else baseline
            p_exceed = float(chosen.p_exceed[h])
            points.append(
                ForecastPoint(
                    key=key,
                    date=day,
                    forecast=float(chosen.mean[h]),
                    lower=float(chosen.lower[h]),
                    upper=float(chosen.upper[h]),
                    interval=cfg.interval,
                    method=chosen.method,
                    threshold=float(limits[h]),
                    p_exceed=p_exceed,
                    exceeds=p_exceed >= cfg.warn_probability,
                    holiday=bool(future_lull[h]),
                )
            )
    return points
