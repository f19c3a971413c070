"""Surge detection on daily series: volume surges and negative-share surges, with explanations.

Model, per key and day (all keys advance together, one day at a time, as numpy vectors):

* Volume: expected = level × weekday factor. The level is a Poisson–gamma estimate over the clean
  days of the last four weeks (sum of counts / sum of weekday factors), so a commune with 0–2
  articles a day gets a mean, not a median of zeros. Weekday factors come from the key's last eight
  weeks, shrunk towards the profile pooled over all keys so a small key borrows the weekend dip of the
  big ones. The day's count is scored against a negative binomial whose variance adds Poisson noise,
  the key's overdispersion (moment estimate, shrunk to a prior) and the uncertainty of the level.
* Negative: expected share = beta posterior over the same clean window; the day's negative count,
  given the day's volume, is scored against a beta-binomial with the key's extra-binomial dispersion.
  Conditioning on volume is what keeps a volume surge from being read as a negative one.
* Score = -log10 of the upper-tail (mid-p) probability, over the day alone and over the last
  `window_days` (sustained rises in small keys); an alert needs the score (2.9 for volume, 2.6 for
  negative: about one day in 800 and in 400 under normal conditions, tuned on a synthetic seed kept
  apart from the reported one) and a practical effect: at least 3 articles and 1.5 × the expectation,
  or at least 3 negative articles and a share 15 points above normal.
* Baseline hygiene: lull days (holidays, Tết, see calendar.py) never enter the volume baseline, so
  neither the dip nor the return from it looks abnormal; days inside an alert episode are left out;
  every other day enters capped at `winsor_z` standard deviations above its expectation, so a
  sub-threshold surge barely moves the baseline while the noise estimate keeps its upper tail.
* Episodes: an alert opens one; while the key stays high (or its upward CUSUM has not drained) no new
  alert is raised unless both the evidence and the effect grow (`escalation`, `escalation_ratio`): a
  surge reported on day 1 is not re-reported on days 2, 3, ...
* Level shifts: CUSUM on the day's z-score, both directions, after at least `min_shift_days`. When it
  fires, the baseline re-anchors to the trailing run of clearly shifted days and the episode ends, so
  a permanent rise is alerted at its start and is the new normal a few days later. Weekday profile
  and dispersions are re-estimated weekly.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

import numpy as np

from loa.pipeline.trends.calendar import lull_mask
from loa.pipeline.trends.explain import NEGATIVE, VOLUME, Alert
from loa.pipeline.trends.series import SeriesSet
from loa.pipeline.trends.stats import (
    bb_concentration,
    bb_upper_tail,
    nb_mid_quantile,
    nb_size,
    nb_upper_tail,
    score_of,
    to_z,
)


@dataclass(frozen=True)
class DetectorConfig:
    """Windows are in days; priors are weak and matter only for keys with little history."""

    level_window: int = 28
    profile_window: int = 56
    dispersion_window: int = 112
    level_prior_count: float = 0.5
    level_prior_days: float = 0.05
    profile_prior: float = 20.0
    alpha_prior: float = 0.05
    alpha_prior_weight: float = 50.0
    alpha_min: float = 0.005
    alpha_max: float = 1.0
    share_prior: tuple[float, float] = (0.5, 1.5)
    rho_prior: float = 0.02
    rho_prior_weight: float = 50.0
    rho_min: float = 0.002
    rho_max: float = 0.3
    min_history_days: int = 14
    min_clean_days: float = 7.0
    min_share_history: float = 20.0
    volume_threshold: float = 2.9
    negative_threshold: float = 2.6
    window_days: int = 3
    window_today_z: float = 1.0
    min_count: int = 3
    min_ratio: float = 1.5
    min_negative: int = 3
    min_share_rise: float = 0.15
    winsor_z: float = 2.5
    episode_z: float = 1.64
    escalation: float = 2.0
    escalation_ratio: float = 1.5
    cusum_k: float = 0.5
    cusum_h: float = 5.0
    cusum_h_down: float = 6.0
    min_shift_days: int = 3
    shift_z: float = 1.0
    z_clip: float = 3.0
    refresh_days: int = 7
    exact_from_z: float = 2.0


@dataclass(frozen=True)
class Baseline:
    """The volume model after the last day, per key: what forecasting continues from.

    profile is (K, 7) by weekday (Monday first); expected is the (K, T) expectation each day was scored
    against; clean (K, T) marks the days that fed the baseline."""

    level: np.ndarray
    level_shape: np.ndarray
    profile: np.ndarray
    alpha: np.ndarray
    expected: np.ndarray
    clean: np.ndarray


@dataclass(frozen=True)
class DetectionRun:
    """Alerts, the final volume baseline, and every day's scores (K, T) for tuning and plots."""

    alerts: list[Alert]
    baseline: Baseline
    volume_score: np.ndarray
    negative_score: np.ndarray


class _Track:
    """Per-kind state: which days feed the baseline, alert episodes and the shift CUSUM.

    Matrices are time-major (T, K) so that one day, or a window of days, is a contiguous block."""

    def __init__(self, eligible: np.ndarray, observed: np.ndarray, config: DetectorConfig) -> None:
        n_days, n_keys = eligible.shape
        self.config = config
        self.eligible = eligible
        self.observed = observed
        # What each day contributes to the baseline: the observation capped at winsor_z sd above its
        # expectation (see module docstring).
        self.value = observed.copy()
        self.clean = np.zeros((n_days, n_keys), dtype=bool)
        self.disp = np.zeros((n_days, n_keys), dtype=bool)
        self.z = np.zeros((n_days, n_keys))
        self.anchor = np.zeros(n_keys, dtype=np.int64)
        self.up = np.zeros(n_keys)
        self.down = np.zeros(n_keys)
        self.up_start = np.zeros(n_keys, dtype=np.int64)
        self.down_start = np.zeros(n_keys, dtype=np.int64)
        self.episode = np.zeros(n_keys, dtype=bool)
        self.peak = np.zeros(n_keys)
        self.peak_ratio = np.zeros(n_keys)

    def window_mask(self, lo: int, t: int) -> np.ndarray:
        """(t - lo, K): days in [lo, t) that feed the baseline, since the key's last re-anchoring."""
        days = np.arange(lo, t)
        return self.clean[lo:t] & (days[:, None] >= self.anchor[None, :])

    def _shift_start(self, k: int, t: int, up: bool) -> int:
        """Where the new level begins: the trailing run of clearly shifted days (|z| ≥ shift_z, days
        without an observation pass through) within the CUSUM run, at least min_shift_days long. The CUSUM start alone can sit
        days early when it hovered above zero before the change."""
        sign = 1.0 if up else -1.0
        first = int(self.up_start[k] if up else self.down_start[k])
        since = t
        while since > first and (
            sign * self.z[since - 1, k] >= self.config.shift_z or not self.eligible[since - 1, k]
        ):
            since -= 1
        # Never fewer than min_shift_days: one or two days make too noisy a level.
        return max(first, min(since, t - self.config.min_shift_days + 1))

    def new_alerts(self, score: np.ndarray, threshold: float, ratio: np.ndarray) -> np.ndarray:
        """Alerts for the day. Inside an episode only an escalation counts: stronger evidence and a
        clearly larger effect (a shift that reaches a quiet weekend scores higher without growing)."""
        cfg = self.config
        escalated = (score >= self.peak + cfg.escalation) & (ratio >= self.peak_ratio * cfg.escalation_ratio)
        new = (score >= threshold) & (~self.episode | escalated)
        self.peak_ratio = np.where(new, ratio, self.peak_ratio)
        return new

    def close_day(
        self, t: int, z1: np.ndarray, cap: np.ndarray, score: np.ndarray, new: np.ndarray, warm: np.ndarray
    ) -> None:
        cfg = self.config
        seen = self.eligible[t]
        step = seen & warm
        zc = np.clip(z1, -cfg.z_clip, cfg.z_clip)
        up = np.where(step, np.maximum(0.0, self.up + zc - cfg.cusum_k), self.up)
        down = np.where(step, np.maximum(0.0, self.down - zc - cfg.cusum_k), self.down)
        self.up_start = np.where((self.up == 0) & (up > 0), t, self.up_start)
        self.down_start = np.where((self.down == 0) & (down > 0), t, self.down_start)
        self.up, self.down = up, down

        # The episode lasts while the key is still high or the upward CUSUM has not drained: a new
        # level that wobbles for a day before re-anchoring is one episode, not several.
        continuing = self.episode & (~seen | (z1 >= cfg.episode_z) | (up > 0))
        episode = new | continuing
        self.peak = np.where(episode, np.maximum(np.where(continuing, self.peak, 0.0), score), 0.0)
        self.episode = episode
        self.clean[t] = seen & (~warm | ~episode)
        # Until the key is warm its expectations are rough: they must not shape dispersion or profile.
        self.disp[t] = seen & warm & ~episode
        self.value[t] = np.where(warm, np.minimum(self.observed[t], cap), self.observed[t])
        self.z[t] = np.where(seen, z1, 0.0)

        # A shift needs a few days of evidence: one extreme day is a surge, not a new level.
        shifted_up = (up >= cfg.cusum_h) & (t - self.up_start + 1 >= cfg.min_shift_days)
        shifted_down = (down >= cfg.cusum_h_down) & (t - self.down_start + 1 >= cfg.min_shift_days)
        for k in np.flatnonzero(shifted_up | shifted_down):
            since = self._shift_start(int(k), t, bool(shifted_up[k]))
            self.anchor[k] = since
            self.clean[since : t + 1, k] = self.eligible[since : t + 1, k]
            self.value[since : t + 1, k] = self.observed[since : t + 1, k]
            # Residuals of those days were measured against the old level: keep them out of dispersion.
            self.disp[since : t + 1, k] = False
            self.up[k] = self.down[k] = 0.0
            self.episode[k] = False
            self.peak[k] = 0.0


def _weekday_profile(
    value: np.ndarray, level: np.ndarray, clean: np.ndarray, onehot: np.ndarray, prior: float
) -> np.ndarray:
    """(7, K) multiplicative weekday factors, mean 1, shrunk towards the profile pooled over keys."""
    observed = onehot.T @ (value * clean)
    expected = onehot.T @ (level * clean)
    pooled_obs, pooled_exp = observed.sum(axis=1), expected.sum(axis=1)
    pooled = np.where(pooled_exp > 0, pooled_obs / np.maximum(pooled_exp, 1e-12), 1.0)
    pooled = np.where(pooled > 0, pooled, 1.0)
    pooled /= pooled.mean()
    profile = (observed + prior * pooled[:, None]) / (expected + prior)
    return np.asarray(profile / profile.mean(axis=0, keepdims=True))


class _Engine:
    """Both tracks over one SeriesSet; `step(t)` scores day t for every key and updates the state."""

    def __init__(self, series: SeriesSet, holidays: Collection[date], config: DetectorConfig) -> None:
        self.cfg = config
        self.series = series
        n_keys, n_days = series.counts.shape
        self.x = np.ascontiguousarray(series.counts.T, dtype=float)
        self.neg = np.ascontiguousarray(series.negatives.T, dtype=float)
        self.first = series.first
        self.active = np.arange(n_days)[:, None] >= series.first[None, :]
        self.lull = lull_mask(series.start, n_days, holidays)
        self.weekday = (series.start.weekday() + np.arange(n_days)) % 7
        self.onehot = np.eye(7)[self.weekday]
        self.volume = _Track(self.active & ~self.lull[:, None], self.x, config)
        self.share = _Track(self.active & (self.x > 0), self.neg, config)
        self.level_hist = np.zeros((n_days, n_keys))
        self.mu_hist = np.zeros((n_days, n_keys))
        self.share_hist = np.zeros((n_days, n_keys))
        self.volume_score = np.zeros((n_days, n_keys))
        self.negative_score = np.zeros((n_days, n_keys))
        self.profile = np.ones((7, n_keys))
        self.alpha = np.full(n_keys, config.alpha_prior)
        self.rho = np.full(n_keys, config.rho_prior)
        self.alerts: list[Alert] = []

    def _record(
        self,
        k: int,
        t: int,
        kind: str,
        score: float,
        expected: float,
        observed: float,
        window: int,
        count: float,
        negative: float,
    ) -> None:
        self.alerts.append(
            Alert(
                key=self.series.keys[k],
                date=self.series.day(t),
                kind=kind,
                score=score,
                expected=expected,
                observed=observed,
                window_days=window,
                count=int(count),
                negative=int(negative),
                holiday=bool(self.lull[t]),
            )
        )

    def run(self) -> DetectionRun:
        for t in range(self.series.n_days):
            self.step(t)
        total, days, _, _ = self._level_window(self.series.n_days)
        a0, b0 = self.cfg.level_prior_count, self.cfg.level_prior_days
        baseline = Baseline(
            level=(total + a0) / (days + b0),
            level_shape=total + a0,
            profile=self.profile.T.copy(),
            alpha=self.alpha,
            expected=self.mu_hist.T,
            clean=self.volume.clean.T,
        )
        alerts = sorted(self.alerts, key=lambda a: (a.date, a.key, a.kind))
        return DetectionRun(alerts, baseline, self.volume_score.T, self.negative_score.T)

    def step(self, t: int) -> None:
        cfg = self.cfg
        act = self.active[t]
        if not act.any():
            return
        # Weekday profile and dispersions move slowly: re-estimated once a week (a third of the run time).
        refresh = t % cfg.refresh_days == 0
        if refresh:
            lp = max(0, t - cfg.profile_window)
            self.profile = _weekday_profile(
                self.volume.value[lp:t],
                self.level_hist[lp:t],
                self.volume.disp[lp:t],
                self.onehot[lp:t],
                cfg.profile_prior,
            )
            self._refresh_dispersion(t)
        self._volume_day(t, act)
        self._share_day(t, act)

    def _refresh_dispersion(self, t: int) -> None:
        """Moment estimates over the last `dispersion_window` days, winsorised at 3 sd of the current
        model so that a missed surge cannot inflate them, and shrunk towards the priors."""
        cfg = self.cfg
        ld = max(0, t - cfg.dispersion_window)
        dmask = self.volume.disp[ld:t]
        xd, md = self.x[ld:t], self.mu_hist[ld:t]
        cap = 9.0 * md * (1.0 + self.alpha * md)
        num = ((np.minimum((xd - md) ** 2, cap) - xd) * dmask).sum(axis=0)
        den = (md * md * dmask).sum(axis=0)
        w = cfg.alpha_prior_weight
        self.alpha = np.clip((num + w * cfg.alpha_prior) / (den + w), cfg.alpha_min, cfg.alpha_max)

        cx, nx, ph = self.x[ld:t], self.neg[ld:t], self.share_hist[ld:t]
        dmask = self.share.disp[ld:t] & (cx >= 2)
        pq = ph * (1 - ph)
        cap = 9.0 * cx * pq * (1 + (cx - 1) * self.rho)
        num = ((np.minimum((nx - cx * ph) ** 2, cap) - cx * pq) * dmask).sum(axis=0)
        den = (cx * (cx - 1) * pq * dmask).sum(axis=0)
        w = cfg.rho_prior_weight
        self.rho = np.clip((num + w * cfg.rho_prior) / (den + w), cfg.rho_min, cfg.rho_max)

    def _level_window(self, t: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Sums over the baseline window before day t: counts and weekday factors, in total and over
        the last window_days - 1 days (which the multi-day test must leave out of its baseline)."""
        lo = max(0, t - self.cfg.level_window)
        recent = max(lo, t - self.cfg.window_days + 1) - lo
        mask = self.volume.window_mask(lo, t)
        factors = self.profile[self.weekday[lo:t]] * mask
        counts = self.volume.value[lo:t] * mask
        return (
            counts.sum(axis=0),
            factors.sum(axis=0),
            counts[recent:].sum(axis=0),
            factors[recent:].sum(axis=0),
        )

    def _volume_day(self, t: int, act: np.ndarray) -> None:
        cfg, x, span = self.cfg, self.x, self.cfg.window_days
        a0, b0 = cfg.level_prior_count, cfg.level_prior_days
        total, days, total_recent, days_recent = self._level_window(t)
        level = (total + a0) / (days + b0)
        shape = total + a0
        mu = level * self.profile[self.weekday[t]]
        alpha = self.alpha
        rel = 1.0 / shape + alpha / np.maximum(days, 1.0)
        var1 = mu + mu * mu * (alpha + rel)
        size = nb_size(mu, var1)
        xt = x[t]
        z1 = np.where(act, to_z(nb_mid_quantile(xt, mu, size)), 0.0)
        # A key re-anchored after a shift stays warm: its short window shows in the level uncertainty.
        warm = (
            act
            & (t - self.first >= cfg.min_history_days)
            & ((days >= cfg.min_clean_days) | (self.volume.anchor > self.first))
        )
        score = np.zeros_like(mu)
        # Exact tails only where the z-score leaves any chance of reaching a threshold.
        gate = warm & (xt >= cfg.min_count) & (xt >= cfg.min_ratio * mu) & (z1 >= cfg.exact_from_z)
        score[gate] = score_of(nb_upper_tail(xt[gate], mu[gate], size[gate], mid=True))
        window = np.ones(mu.size, dtype=np.int64)
        expected, observed = mu.copy(), xt.copy()
        if span > 1 and t >= span - 1:
            first = t - span + 1
            base_total, base_days = total - total_recent, days - days_recent
            mean_w = (base_total + a0) / (base_days + b0) * self.profile[self.weekday[first : t + 1]]
            obs_w = x[first : t + 1].sum(axis=0)
            exp_w = mean_w.sum(axis=0)
            gate_w = (
                warm
                & self.active[first]
                & (base_days >= cfg.min_clean_days)
                & (obs_w >= cfg.min_count)
                & (obs_w >= cfg.min_ratio * exp_w)
                & (z1 >= cfg.window_today_z)
                & (self.volume.z[first:t] >= 0).all(axis=0)
            )
            rows = np.flatnonzero(gate_w)
            if rows.size:
                m = exp_w[rows]
                rel_w = 1.0 / (base_total[rows] + a0) + alpha[rows] / np.maximum(base_days[rows], 1.0)
                var_w = m + alpha[rows] * (mean_w[:, rows] ** 2).sum(axis=0) + m * m * rel_w
                s_w = score_of(nb_upper_tail(obs_w[rows], m, nb_size(m, var_w), mid=True))
                better = s_w > score[rows]
                use = rows[better]
                score[use] = s_w[better]
                window[use] = span
                expected[use], observed[use] = exp_w[use], obs_w[use]
        self.volume_score[t] = score
        new = self.volume.new_alerts(score, cfg.volume_threshold, observed / np.maximum(expected, 1e-9))
        for k in np.flatnonzero(new):
            first = t - int(window[k]) + 1
            self._record(
                int(k),
                t,
                VOLUME,
                float(score[k]),
                float(expected[k]),
                float(observed[k]),
                int(window[k]),
                x[first : t + 1, k].sum(),
                self.neg[first : t + 1, k].sum(),
            )
        cap = mu + cfg.winsor_z * np.sqrt(var1)
        self.volume.close_day(t, z1, cap, score, new, warm)
        self.level_hist[t] = level
        self.mu_hist[t] = mu

    def _share_day(self, t: int, act: np.ndarray) -> None:
        cfg, x, neg, span = self.cfg, self.x, self.neg, self.cfg.window_days
        pa, pb = cfg.share_prior
        lo = max(0, t - cfg.level_window)
        recent = max(lo, t - span + 1) - lo
        mask = self.share.window_mask(lo, t)
        c_win, n_win = x[lo:t] * mask, self.share.value[lo:t] * mask
        articles, negatives = c_win.sum(axis=0), n_win.sum(axis=0)
        p = (negatives + pa) / (articles + pa + pb)
        strength = articles + pa + pb
        rho = self.rho

        ct, nt = x[t], neg[t]
        pq = p * (1 - p)
        var1 = ct * pq * (1 + (ct - 1) * rho) + ct * ct * pq / (strength + 1)
        gap = nt - ct * p
        # Continuity-corrected normal z: only steers episodes and the CUSUM; scores are exact.
        z1 = np.where(ct > 0, np.sign(gap) * np.maximum(np.abs(gap) - 0.5, 0) / np.sqrt(var1 + 1e-12), 0.0)
        warm = (
            act
            & (t - self.first >= cfg.min_history_days)
            & ((articles >= cfg.min_share_history) | (self.share.anchor > self.first))
        )
        score = np.zeros(ct.size)
        gate = (
            warm
            & (ct > 0)
            & (nt >= cfg.min_negative)
            & (nt / np.maximum(ct, 1) - p >= cfg.min_share_rise)
            & (z1 >= cfg.exact_from_z)
        )
        rows = np.flatnonzero(gate)
        if rows.size:
            kappa = bb_concentration(ct[rows], p[rows], var1[rows])
            score[rows] = score_of(
                bb_upper_tail(nt[rows], ct[rows], p[rows] * kappa, (1 - p[rows]) * kappa, mid=True)
            )
        window = np.ones(ct.size, dtype=np.int64)
        expected, count, negative = p.copy(), ct.copy(), nt.copy()
        if span > 1 and t >= span - 1:
            first = t - span + 1
            base_c = articles - c_win[recent:].sum(axis=0)
            base_n = negatives - n_win[recent:].sum(axis=0)
            p_w = (base_n + pa) / (base_c + pa + pb)
            cw = x[first : t + 1]
            c_w, n_w = cw.sum(axis=0), neg[first : t + 1].sum(axis=0)
            gate_w = (
                warm
                & self.active[first]
                & (base_c >= cfg.min_share_history)
                & (n_w >= cfg.min_negative)
                & (n_w / np.maximum(c_w, 1) - p_w >= cfg.min_share_rise)
                & (z1 >= cfg.window_today_z)
                & (self.share.z[first:t] >= 0).all(axis=0)
            )
            rows = np.flatnonzero(gate_w)
            if rows.size:
                pr, cr = p_w[rows], c_w[rows]
                pq_w = pr * (1 - pr)
                var_w = (cw[:, rows] * pq_w * (1 + (cw[:, rows] - 1) * rho[rows])).sum(axis=0)
                var_w += cr * cr * pq_w / (base_c[rows] + pa + pb + 1)
                kappa = bb_concentration(cr, pr, var_w)
                s_w = score_of(bb_upper_tail(n_w[rows], cr, pr * kappa, (1 - pr) * kappa, mid=True))
                better = s_w > score[rows]
                use = rows[better]
                score[use] = s_w[better]
                window[use] = span
                expected[use], count[use], negative[use] = p_w[use], c_w[use], n_w[use]
        self.negative_score[t] = score
        ratio = negative / np.maximum(count, 1) / np.maximum(expected, 1e-9)
        new = self.share.new_alerts(score, cfg.negative_threshold, ratio)
        for k in np.flatnonzero(new):
            self._record(
                int(k),
                t,
                NEGATIVE,
                float(score[k]),
                float(expected[k]),
                float(negative[k] / count[k]),
                int(window[k]),
                count[k],
                negative[k],
            )
        cap = ct * p + cfg.winsor_z * np.sqrt(var1)
        self.share.close_day(t, z1, cap, score, new, warm)
        self.share_hist[t] = p


def run_detector(
    series: SeriesSet, holidays: Collection[date], config: DetectorConfig | None = None
) -> DetectionRun:
    """Alerts for every key and day, the final volume baseline and the daily scores (module docstring).

    `holidays`: official days off (e.g. `calendar.vietnam_holidays`); lulls are derived from them."""
    return _Engine(series, holidays, config or DetectorConfig()).run()


def detect(
    series: SeriesSet, holidays: Collection[date], config: DetectorConfig | None = None
) -> list[Alert]:
    """Surge alerts, sorted by date, key and kind."""
    return run_detector(series, holidays, config).alerts
