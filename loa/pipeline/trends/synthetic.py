"""Seeded synthetic daily series with known surges, for benchmarks and tests.

What the generator puts in, per key (magnitudes are the documented benchmark assumptions):

* scale: large (30–80 articles/day, 15% of keys), medium (5–12, 35%), small (0.3–2, 50% — communes);
* weekly seasonality: weekdays ≈1.05, Saturday 0.55–0.8, Sunday 0.4–0.7 of the mean;
* slow drift: AR(1) on the log level (φ = 0.98, stationary sd ≈ 0.15);
* holidays: the caller's holiday dates through `lull_days` semantics — Tết block at 25–40% with a
  three-day run-down before and a seven-day recovery after, other holidays at 45–65%;
* overdispersion: gamma day multiplier, α = 0.02–0.10 (coefficient of variation 14–32%); negative
  share 8–30% with beta day-to-day noise (concentration 40–200);
* permanent level shifts in 30% of keys (×1.6–2.5 up or ×0.4–0.65 down; onset recorded), and a
  permanent negative-share rise (+0.12–0.25) in 8% of the medium and large keys;
* volume surges, about 2 per key-year: half one-day, half 2–5 days with decay; extra articles on the
  peak day = expected × U(1.5, 4) + U(3, 8), drawn with the key's usual negative share;
* negative-share surges in keys of ≥ 5 articles/day, about 1.5 per key-year: 1–4 days, share raised
  by U(0.3, 0.55) (at most 0.95), volume × U(1, 1.25); a surge is lengthened (up to 5 days) until it
  carries at least 10 extra negative articles. With fewer, an unchanged volume means one or two extra
  negative articles, which no test can tell from chance: such keys are watched by volume.

Surges start outside holiday lulls and at least 10 days apart from other events of the key.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from loa.pipeline.trends.calendar import LONG_BLOCK_DAYS, bridged_days, day_blocks
from loa.pipeline.trends.explain import NEGATIVE, VOLUME
from loa.pipeline.trends.series import SeriesSet

WARM_UP_DAYS = 42
EVENT_GAP = 10
NEGATIVE_MIN_SCALE = 5.0
MAX_NEGATIVE_DAYS = 5
MIN_EXTRA_NEGATIVE = 10.0


@dataclass(frozen=True)
class Event:
    """An injected surge: key index, kind, first and last day index (inclusive)."""

    key: int
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Shift:
    """A permanent level change from day `start` on; `up` says whether it raises the series."""

    key: int
    kind: str
    start: int
    up: bool


@dataclass(frozen=True)
class SyntheticSet:
    series: SeriesSet
    events: list[Event]
    shifts: list[Shift]
    scale: np.ndarray


def holiday_multiplier(
    start: date, n_days: int, holidays: Collection[date], rng: np.random.Generator
) -> np.ndarray:
    """(T,) multiplicative holiday effect on news volume."""
    mult = np.ones(n_days)
    end = start + timedelta(days=n_days - 1)

    def put(day: date, value: float) -> None:
        if start <= day <= end:
            mult[(day - start).days] = min(mult[(day - start).days], value)

    for first, last in day_blocks(bridged_days(holidays)):
        length = (last - first).days + 1
        if length >= LONG_BLOCK_DAYS:
            depth = rng.uniform(0.25, 0.4)
            for i in range(length):
                put(first + timedelta(days=i), depth)
            for i, value in enumerate((0.55, 0.65, 0.75)):
                put(first - timedelta(days=i + 1), value)
            for i in range(7):
                put(last + timedelta(days=i + 1), 0.45 + 0.5 * (i + 1) / 7)
        else:
            depth = rng.uniform(0.45, 0.65)
            for i in range(length):
                put(first + timedelta(days=i), depth)
    return mult


def _free(busy: np.ndarray, start: int, end: int) -> bool:
    lo, hi = max(0, start - EVENT_GAP), min(busy.size, end + EVENT_GAP + 1)
    return not busy[lo:hi].any()


def generate(
    seed: int,
    n_keys: int,
    holidays: Collection[date],
    start: date = date(2024, 1, 1),
    n_days: int = 730,
    volume_rate: float = 2.0,
    negative_rate: float = 1.5,
) -> SyntheticSet:
    """A seeded set of `n_keys` series of `n_days` days; rates are events per key-year."""
    rng = np.random.default_rng(seed)
    holiday = holiday_multiplier(start, n_days, holidays, rng)
    off = holiday < 0.999
    weekday = (start.weekday() + np.arange(n_days)) % 7

    kind = rng.choice(3, size=n_keys, p=[0.15, 0.35, 0.5])
    scale = np.where(
        kind == 0,
        np.exp(rng.uniform(np.log(30), np.log(80), n_keys)),
        np.where(
            kind == 1, np.exp(rng.uniform(np.log(5), np.log(12), n_keys)), rng.uniform(0.3, 2.0, n_keys)
        ),
    )
    week = np.empty((n_keys, 7))
    week[:, :5] = rng.uniform(0.97, 1.13, (n_keys, 5))
    week[:, 5] = rng.uniform(0.55, 0.8, n_keys)
    week[:, 6] = rng.uniform(0.4, 0.7, n_keys)
    week /= week.mean(axis=1, keepdims=True)

    drift = np.zeros((n_keys, n_days))
    noise = rng.normal(0.0, 0.03, (n_keys, n_days))
    drift[:, 0] = rng.normal(0.0, 0.15, n_keys)
    for t in range(1, n_days):
        drift[:, t] = 0.98 * drift[:, t - 1] + noise[:, t]

    level = scale[:, None] * np.exp(drift) * week[:, weekday]
    share = np.repeat(rng.uniform(0.08, 0.3, n_keys)[:, None], n_days, axis=1)
    shifts: list[Shift] = []
    for k in range(n_keys):
        if rng.random() < 0.3:
            day = int(rng.integers(120, n_days - 60))
            up = bool(rng.random() < 0.6)
            level[k, day:] *= rng.uniform(1.6, 2.5) if up else rng.uniform(0.4, 0.65)
            shifts.append(Shift(k, VOLUME, day, up))
        if scale[k] >= NEGATIVE_MIN_SCALE and rng.random() < 0.08:
            day = int(rng.integers(120, n_days - 60))
            share[k, day:] = np.minimum(share[k, day:] + rng.uniform(0.12, 0.25), 0.9)
            shifts.append(Shift(k, NEGATIVE, day, True))
    normal = level * holiday[None, :]

    alpha = rng.uniform(0.02, 0.10, n_keys)
    mean = normal * rng.gamma(1.0 / alpha[:, None], alpha[:, None], (n_keys, n_days))
    extra = np.zeros((n_keys, n_days))
    surge_share = share.copy()
    events: list[Event] = []
    years = n_days / 365.0
    for k in range(n_keys):
        busy = np.zeros(n_days, dtype=bool)
        for shift in shifts:
            if shift.key == k:
                busy[shift.start] = True
        planned = [(VOLUME, int(rng.poisson(volume_rate * years)))]
        if scale[k] >= NEGATIVE_MIN_SCALE:
            planned.append((NEGATIVE, int(rng.poisson(negative_rate * years))))
        for event_kind, number in planned:
            for _ in range(number):
                for _attempt in range(20):
                    if event_kind == VOLUME:
                        length = 1 if rng.random() < 0.5 else int(rng.integers(2, 6))
                    else:
                        length = int(rng.integers(1, 5))
                    first = int(rng.integers(WARM_UP_DAYS, n_days - MAX_NEGATIVE_DAYS))
                    rise = rng.uniform(0.3, 0.55)
                    if event_kind == NEGATIVE:
                        # A negative story is at least a handful of extra negative articles: lengthen
                        # short surges in quieter keys until it is, or try another date.
                        while (
                            length < MAX_NEGATIVE_DAYS
                            and normal[k, first : first + length].sum() * rise < MIN_EXTRA_NEGATIVE
                        ):
                            length += 1
                        if normal[k, first : first + length].sum() * rise < MIN_EXTRA_NEGATIVE:
                            continue
                    last = first + length - 1
                    if off[first] or not _free(busy, first, last):
                        continue
                    busy[first : last + 1] = True
                    events.append(Event(k, event_kind, first, last))
                    if event_kind == VOLUME:
                        peak = normal[k, first] * rng.uniform(1.5, 4.0) + rng.uniform(3.0, 8.0)
                        decay = rng.uniform(0.4, 0.8)
                        for i in range(length):
                            extra[k, first + i] += peak * decay**i
                    else:
                        surge_share[k, first : last + 1] = np.minimum(share[k, first : last + 1] + rise, 0.95)
                        mean[k, first : last + 1] *= rng.uniform(1.0, 1.25)
                    break

    counts = rng.poisson(mean)
    extra_counts = np.round(extra).astype(np.int64)
    concentration = rng.uniform(40, 200, n_keys)[:, None]
    day_share = rng.beta(surge_share * concentration, (1 - surge_share) * concentration)
    negatives = rng.binomial(counts, day_share) + rng.binomial(extra_counts, share)
    total = counts + extra_counts
    series = SeriesSet(
        keys=tuple(f"key-{k:04d}" for k in range(n_keys)),
        start=start,
        counts=total.astype(np.int64),
        negatives=negatives.astype(np.int64),
        first=np.zeros(n_keys, dtype=np.int64),
    )
    events.sort(key=lambda e: (e.key, e.start, e.kind))
    return SyntheticSet(series=series, events=events, shifts=shifts, scale=scale)
