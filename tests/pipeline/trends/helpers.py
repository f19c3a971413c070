"""Small deterministic series for the trend tests."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from loa.pipeline.trends.series import SeriesSet

START = date(2024, 1, 1)  # a Monday
WEEK = np.array([1.1, 1.1, 1.1, 1.05, 1.0, 0.45, 0.3])


def weekly_means(level: float, days: int, start: date = START) -> np.ndarray:
    weekday = (start.weekday() + np.arange(days)) % 7
    return level * WEEK[weekday] / WEEK.mean()


def build(
    counts: np.ndarray, negatives: np.ndarray, start: date = START, keys: tuple[str, ...] = ()
) -> SeriesSet:
    counts = np.atleast_2d(np.asarray(counts, dtype=np.int64))
    negatives = np.atleast_2d(np.asarray(negatives, dtype=np.int64))
    names = keys or tuple(f"k{i}" for i in range(counts.shape[0]))
    return SeriesSet(names, start, counts, negatives, np.zeros(counts.shape[0], dtype=np.int64))


def simulate(means: np.ndarray, share: float | np.ndarray, seed: int, alpha: float = 0.03) -> SeriesSet:
    """Gamma–Poisson counts around `means` (K, T) and binomial negatives at `share`."""
    rng = np.random.default_rng(seed)
    means = np.atleast_2d(means)
    counts = rng.poisson(means * rng.gamma(1 / alpha, alpha, means.shape))
    negatives = rng.binomial(counts, np.broadcast_to(share, means.shape))
    return build(counts, negatives)


def day_index(day: date, start: date = START) -> int:
    return (day - start).days


def on(day_number: int, start: date = START) -> date:
    return start + timedelta(days=day_number)
