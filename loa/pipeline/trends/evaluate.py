"""Scoring detectors against injected surges, and the naive baseline they are compared with.

Definitions (used by the benchmark and the quality test):

* An injected surge (key, kind, first..last day) is recalled when the detector flags that key and kind
  on any of its days. "First-day recall" asks for a flag on the first day.
* A permanent rise (level shift) may be flagged on its first `onset_days` days; those flags are
  neither hits nor false alarms. Flags later in the shift are false alarms.
* Every other flag is a false alarm, including a negative flag on a volume-only surge.
* Days before `skip_days` are warm-up for every detector and are not scored.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from loa.pipeline.trends.explain import NEGATIVE, VOLUME
from loa.pipeline.trends.series import SeriesSet
from loa.pipeline.trends.synthetic import WARM_UP_DAYS, SyntheticSet

Flag = tuple[int, int, str]
SCALE_BANDS = (("small", 0.0, 2.5), ("medium", 2.5, 20.0), ("large", 20.0, float("inf")))


def naive_flags(series: SeriesSet, window: int = 28, k: float = 3.0) -> list[Flag]:
    """Mean + k·sd of the previous `window` days: on the count (volume) and on the share (negative)."""
    counts = series.counts.astype(float)
    n_days = counts.shape[1]
    if n_days <= window:
        return []
    active = series.active()
    past = sliding_window_view(counts, window, axis=1)[:, :-1]
    today = counts[:, window:]
    ready = active[:, window:] & (np.arange(window, n_days)[None, :] - window >= series.first[:, None])
    volume = ready & (today > past.mean(axis=2) + k * past.std(axis=2, ddof=1))

    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(counts > 0, series.negatives / np.maximum(counts, 1), np.nan)
    past_share = sliding_window_view(share, window, axis=1)[:, :-1]
    valid = np.sum(~np.isnan(past_share), axis=2)
    with np.errstate(invalid="ignore"):
        mean = np.nanmean(np.where(valid[..., None] > 0, past_share, 0.0), axis=2)
        sd = np.nanstd(np.where(valid[..., None] > 1, past_share, 0.0), axis=2, ddof=1)
    share_today = share[:, window:]
    negative = ready & (valid > 1) & ~np.isnan(share_today) & (share_today > mean + k * sd)

    flags: list[Flag] = []
    for kind, matrix in ((VOLUME, volume), (NEGATIVE, negative)):
        keys, days = np.nonzero(matrix)
        flags.extend((int(a), int(b) + window, kind) for a, b in zip(keys, days, strict=True))
    return flags


def evaluate(
    truth: SyntheticSet, flags: Iterable[Flag], skip_days: int = WARM_UP_DAYS, onset_days: int = 3
) -> dict[str, Any]:
    """Recall and false alarms per key-year (see module docstring), overall and by kind and scale."""
    n_keys, n_days = truth.series.counts.shape
    owner: dict[tuple[int, str, int], int] = {}
    for index, event in enumerate(truth.events):
        for day in range(event.start, event.end + 1):
            owner[(event.key, event.kind, day)] = index
    onset = {
        (shift.key, shift.kind, day)
        for shift in truth.shifts
        if shift.up
        for day in range(shift.start, shift.start + onset_days)
    }
    hit_any: set[int] = set()
    hit_first: set[int] = set()
    false_alarms = {VOLUME: 0, NEGATIVE: 0}
    onset_flagged: set[tuple[int, str, int]] = set()
    for key, day, kind in flags:
        if day < skip_days:
            continue
        hit = owner.get((key, kind, day))
        if hit is not None:
            hit_any.add(hit)
            if day == truth.events[hit].start:
                hit_first.add(hit)
        elif (key, kind, day) in onset:
            onset_flagged.add((key, kind, day))
        else:
            false_alarms[kind] += 1
    key_years = n_keys * max(n_days - skip_days, 1) / 365.0

    def recall(indices: list[int], hits: set[int]) -> float | None:
        return round(sum(i in hits for i in indices) / len(indices), 4) if indices else None

    all_events = list(range(len(truth.events)))
    by_kind = {kind: [i for i in all_events if truth.events[i].kind == kind] for kind in (VOLUME, NEGATIVE)}
    by_scale = {
        name: [i for i in all_events if low <= truth.scale[truth.events[i].key] < high]
        for name, low, high in SCALE_BANDS
    }
    shifted = {(s.key, s.kind, s.start) for s in truth.shifts if s.up}
    onset_hits = {
        (key, kind, start)
        for key, kind, start in shifted
        if any((key, kind, start + i) in onset_flagged for i in range(onset_days))
    }
    total_fa = sum(false_alarms.values())
    return {
        "events": len(truth.events),
        "recall": recall(all_events, hit_any),
        "first_day_recall": recall(all_events, hit_first),
        "recall_by_kind": {kind: recall(ids, hit_any) for kind, ids in by_kind.items()},
        "recall_by_scale": {name: recall(ids, hit_any) for name, ids in by_scale.items()},
        "false_alarms": total_fa,
        "false_alarms_per_key_year": round(total_fa / key_years, 4),
        "false_alarms_per_key_year_by_kind": {
            kind: round(count / key_years, 4) for kind, count in false_alarms.items()
        },
        "shift_onsets": len(shifted),
        "shift_onsets_flagged": len(onset_hits),
        "key_years": round(key_years, 2),
    }
