"""Daily series per key as dense matrices, the shape every detector and forecaster in this package reads.

Rows arrive as (date, key, count, negative). Each key runs from its first row to the last date of the
whole input: a day with no row is a day with no article (0), which is what upstream means when it
leaves a row out. Days before a key's first row are not zeros but "not watched yet", so a new topic
does not look like a surge on its first day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np


@dataclass(frozen=True)
class SeriesSet:
    """K keys × T calendar days from `start`. counts/negatives are int64 (K, T); first[k] is key k's first day."""

    keys: tuple[str, ...]
    start: date
    counts: np.ndarray
    negatives: np.ndarray
    first: np.ndarray

    @property
    def n_keys(self) -> int:
        return len(self.keys)

    @property
    def n_days(self) -> int:
        return int(self.counts.shape[1])

    def day(self, index: int) -> date:
        return self.start + timedelta(days=index)

    def dates(self) -> list[date]:
        return [self.day(i) for i in range(self.n_days)]

    def active(self) -> np.ndarray:
        """(K, T) bool: the key is watched on that day."""
        return np.arange(self.n_days)[None, :] >= self.first[:, None]

    @classmethod
    def empty(cls) -> SeriesSet:
        zeros = np.zeros((0, 0), dtype=np.int64)
        return cls((), date(1970, 1, 1), zeros, zeros.copy(), np.zeros(0, dtype=np.int64))

    @classmethod
    def from_records(cls, rows: Iterable[tuple[date, str, int, int]]) -> SeriesSet:
        """Dense matrices from rows; repeated (key, date) rows are added up. Keys keep first-seen order."""
        totals: dict[tuple[str, date], list[int]] = {}
        order: dict[str, None] = {}
        for day, key, count, negative in rows:
            if negative > count:
                raise ValueError(f"{key} {day}: negative ({negative}) > count ({count})")
            if count < 0 or negative < 0:
                raise ValueError(f"{key} {day}: counts must not be negative")
            order.setdefault(key, None)
            slot = totals.setdefault((key, day), [0, 0])
            slot[0] += count
            slot[1] += negative
        if not totals:
            return cls.empty()
        start = min(day for _, day in totals)
        end = max(day for _, day in totals)
        keys = tuple(order)
        index = {key: i for i, key in enumerate(keys)}
        n_days = (end - start).days + 1
        counts = np.zeros((len(keys), n_days), dtype=np.int64)
        negatives = np.zeros_like(counts)
        first = np.full(len(keys), n_days, dtype=np.int64)
        for (key, day), (count, negative) in totals.items():
            k, t = index[key], (day - start).days
            counts[k, t] = count
            negatives[k, t] = negative
            first[k] = min(first[k], t)
        return cls(keys, start, counts, negatives, first)

    def subset(self, keys: Iterable[int]) -> SeriesSet:
        rows = np.asarray(list(keys), dtype=np.int64)
        return SeriesSet(
            tuple(self.keys[i] for i in rows),
            self.start,
            self.counts[rows],
            self.negatives[rows],
            self.first[rows],
        )
