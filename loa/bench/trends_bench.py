"""Surge detection and forecasting on synthetic series (loa/pipeline/trends/synthetic.py).

Detection: 1,000 keys × 730 days from 2024-01-01 with the real Vietnamese holidays; recall and false
alarms per key-year (definitions in loa/pipeline/trends/evaluate.py: a surge is recalled when
flagged on any of its days; alerts in the first three days of a permanent rise are tolerated; every
other alert is a false alarm) for the detector and the naive "mean + 3 sd of the previous 28 days"
(count for volume, share for negative), measured in the same run on the same data.
Targets: recall ≥ 0.9 with ≤ 2 false alarms per key-year, better than the naive on both.

Honest tuning: thresholds and every other setting were chosen on TUNING_SEED; the numbers reported
come from REPORT_SEED, which was not looked at while tuning.

Forecasting: series without injected surges, four forecast origins (one the eve of Tết), 7 days each;
coverage of the 90% interval and absolute error on ordinary and on lull days, for the product
forecast on ETS-eligible keys (ETS on ordinary days, baseline on lull days) against the baseline alone
on the same keys, and for the baseline on the sparse keys it alone serves.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from loa.pipeline.trends.calendar import lull_mask, vietnam_holidays
from loa.pipeline.trends.detect import DetectorConfig, run_detector
from loa.pipeline.trends.evaluate import evaluate, naive_flags
from loa.pipeline.trends.forecast import ForecastConfig, ForecastPoint, forecast
from loa.pipeline.trends.series import SeriesSet
from loa.pipeline.trends.synthetic import generate

TUNING_SEED = 1
REPORT_SEED = 20260417
FORECAST_SEED = 20260418
N_KEYS = 1000
N_DAYS = 730
FORECAST_KEYS = 80
ORIGINS = (300, 389, 450, 600)  # 389: the week of Tết 2025 is forecast from the day before


def _detection(holidays: frozenset) -> dict[str, Any]:
    truth = generate(REPORT_SEED, N_KEYS, holidays, n_days=N_DAYS)
    started = time.perf_counter()
    run = run_detector(truth.series, holidays, DetectorConfig())
    detect_seconds = time.perf_counter() - started
    index = {key: k for k, key in enumerate(truth.series.keys)}
    flags = [(index[a.key], (a.date - truth.series.start).days, a.kind) for a in run.alerts]
    started = time.perf_counter()
    naive = naive_flags(truth.series)
    naive_seconds = time.perf_counter() - started
    ours, base = evaluate(truth, flags), evaluate(truth, naive)
    result: dict[str, Any] = {
        "keys": N_KEYS,
        "days": N_DAYS,
        "events": ours["events"],
        "key_years_scored": ours["key_years"],
        "detect_seconds": round(detect_seconds, 2),
        "naive_seconds": round(naive_seconds, 2),
    }
    for name, scores in (("detector", ours), ("naive", base)):
        result[f"{name}_recall"] = scores["recall"]
        result[f"{name}_first_day_recall"] = scores["first_day_recall"]
        result[f"{name}_false_alarms_per_key_year"] = scores["false_alarms_per_key_year"]
        for kind, value in scores["recall_by_kind"].items():
            result[f"{name}_recall_{kind}"] = value
        for kind, value in scores["false_alarms_per_key_year_by_kind"].items():
            result[f"{name}_false_alarms_per_key_year_{kind}"] = value
        for band, value in scores["recall_by_scale"].items():
            result[f"{name}_recall_{band}_keys"] = value
        result[f"{name}_shift_onsets_flagged"] = f"{scores['shift_onsets_flagged']}/{scores['shift_onsets']}"
    result["target_met"] = bool(
        ours["recall"] >= 0.9
        and ours["false_alarms_per_key_year"] <= 2.0
        and ours["recall"] > base["recall"]
        and ours["false_alarms_per_key_year"] < base["false_alarms_per_key_year"]
    )
    return result


def _forecasting(holidays: frozenset) -> dict[str, Any]:
    truth = generate(
        FORECAST_SEED, FORECAST_KEYS, holidays, n_days=N_DAYS, volume_rate=0.0, negative_rate=0.0
    )
    full = truth.series
    lull = lull_mask(full.start, full.n_days, holidays)
    index = {key: k for k, key in enumerate(full.keys)}
    rows: dict[str, list[tuple[bool, float, bool]]] = {
        "rich_keys_product": [],
        "rich_keys_baseline_only": [],
        "sparse_keys_baseline": [],
    }
    forecast_seconds, ets_keys = 0.0, 0
    for origin in ORIGINS:
        history = SeriesSet(
            full.keys, full.start, full.counts[:, :origin], full.negatives[:, :origin], full.first
        )
        run = run_detector(history, holidays)
        started = time.perf_counter()
        with_ets = forecast(history, holidays, ForecastConfig(), run=run)
        forecast_seconds += time.perf_counter() - started
        baseline_only = forecast(history, holidays, ForecastConfig(ets_min_mean=float("inf")), run=run)
        # Keys that qualify for ETS (ordinary days by ETS, lull days by the baseline).
        recent = full.counts[:, origin - 28 : origin].mean(axis=1)
        rich = {
            key for key, mean in zip(full.keys, recent, strict=True) if mean >= ForecastConfig().ets_min_mean
        }
        ets_keys += len(rich)
        for ets_point, base_point in zip(with_ets, baseline_only, strict=True):
            k = index[ets_point.key]
            day = (ets_point.date - full.start).days
            # A permanent shift inside the horizon is not forecastable by construction.
            if any(s.key == k and origin - 14 <= s.start <= day for s in truth.shifts):
                continue
            actual = float(full.counts[k, day])
            pairs: list[tuple[str, ForecastPoint]] = [("sparse_keys_baseline", base_point)]
            if ets_point.key in rich:
                pairs = [("rich_keys_product", ets_point), ("rich_keys_baseline_only", base_point)]
            for name, point in pairs:
                rows[name].append(
                    (point.lower <= actual <= point.upper, abs(actual - point.forecast), bool(lull[day]))
                )
    result: dict[str, Any] = {"forecast_keys": FORECAST_KEYS, "forecast_origins": len(ORIGINS)}
    for name, values in rows.items():
        if not values:
            continue
        inside = np.array([v[0] for v in values])
        error = np.array([v[1] for v in values])
        holiday = np.array([v[2] for v in values])
        result[f"{name}_points"] = len(values)
        result[f"{name}_coverage_90"] = round(float(inside[~holiday].mean()), 3)
        if holiday.any():
            result[f"{name}_coverage_90_holiday_days"] = round(float(inside[holiday].mean()), 3)
        result[f"{name}_mae"] = round(float(error[~holiday].mean()), 3)
    result["ets_share_of_keys"] = round(ets_keys / (FORECAST_KEYS * len(ORIGINS)), 3)
    result["forecast_seconds_per_key"] = round(forecast_seconds / (FORECAST_KEYS * len(ORIGINS)), 3)
    return result


def run() -> dict[str, Any]:
    holidays = vietnam_holidays(range(2023, 2027))
    return {**_detection(holidays), **_forecasting(holidays)}


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=1, ensure_ascii=False))
