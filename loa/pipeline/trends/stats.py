"""Count-appropriate tail probabilities, vectorised over keys.

Volumes: negative binomial with mean mu and size r (variance mu + mu²/r), which covers Poisson noise,
day-to-day overdispersion and the uncertainty of a baseline estimated from a few weeks. Negative
articles given the day's volume: beta-binomial, the same idea for a share. Both are moment-matched from
a target variance, so 1-day and multi-day windows use one code path.
"""

from __future__ import annotations

import numpy as np
from scipy import special

TINY = 1e-300
MAX_SIZE = 1e8


def nb_size(mean: np.ndarray, variance: np.ndarray) -> np.ndarray:
    """Size r of the negative binomial with this mean and variance (Poisson-like when variance ≈ mean)."""
    excess = np.maximum(variance - mean, mean * mean / MAX_SIZE + TINY)
    return np.minimum(mean * mean / excess, MAX_SIZE)


def nb_log_pmf(x: np.ndarray, mean: np.ndarray, size: np.ndarray) -> np.ndarray:
    p = size / (mean + size)
    return np.asarray(
        special.gammaln(x + size)
        - special.gammaln(size)
        - special.gammaln(x + 1.0)
        + size * np.log(p)
        + x * np.log1p(-p)
    )


def nb_upper_tail(x: np.ndarray, mean: np.ndarray, size: np.ndarray, mid: bool = False) -> np.ndarray:
    """P(X >= x), or with `mid` the mid-p P(X > x) + P(X = x)/2, which keeps small counts from being
    scored too conservatively. Computed directly (no 1 - cdf) so tiny tails keep their precision."""
    x = np.asarray(x, dtype=float)
    tail_q = mean / (mean + size)
    out = np.ones_like(x, dtype=float)
    pos = x >= 1
    out[pos] = special.betainc(x[pos], size[pos], tail_q[pos])
    if mid:
        out -= 0.5 * np.exp(nb_log_pmf(x, mean, size))
    return out


def nb_mid_quantile(x: np.ndarray, mean: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Mid-p P(X < x) + P(X = x)/2: a continuous position of x in its distribution, ~U(0,1) under the model."""
    x = np.asarray(x, dtype=float)
    p = size / (mean + size)
    below = np.zeros_like(x, dtype=float)
    pos = x >= 1
    below[pos] = special.betainc(size[pos], x[pos], p[pos])
    return below + 0.5 * np.exp(nb_log_pmf(x, mean, size))


def to_z(mid: np.ndarray) -> np.ndarray:
    return np.asarray(special.ndtri(np.clip(mid, 1e-12, 1.0 - 1e-12)))


def bb_concentration(trials: np.ndarray, share: np.ndarray, variance: np.ndarray) -> np.ndarray:
    """Concentration a+b of the beta-binomial with `trials`, mean share and the variance of the successes."""
    binomial = trials * share * (1.0 - share)
    inflation = np.maximum(variance / np.maximum(binomial, TINY), 1.0 + 1e-9)
    # For a single trial any concentration gives the same Bernoulli law; keep it finite.
    return np.clip((trials - inflation) / (inflation - 1.0), 0.05, MAX_SIZE)


def bb_upper_tail(
    successes: np.ndarray, trials: np.ndarray, a: np.ndarray, b: np.ndarray, mid: bool = False
) -> np.ndarray:
    """P(S >= successes) for beta-binomial(trials, a, b), summed in log space over the upper tail;
    with `mid`, the mid-p P(S > successes) + P(S = successes)/2."""
    successes = np.asarray(successes, dtype=np.int64)
    trials = np.asarray(trials, dtype=np.int64)
    out = np.ones(successes.shape, dtype=float)
    rows = np.flatnonzero(successes > 0)
    if rows.size == 0:
        return out
    s, n, a_, b_ = successes[rows], trials[rows], a[rows], b[rows]
    span = int(np.max(n - s)) + 1
    k = s[:, None] + np.arange(span)[None, :]
    valid = k <= n[:, None]
    kk = np.where(valid, k, n[:, None]).astype(float)
    nn = n[:, None].astype(float)
    log_pmf = (
        special.gammaln(nn + 1.0)
        - special.gammaln(kk + 1.0)
        - special.gammaln(nn - kk + 1.0)
        + special.betaln(kk + a_[:, None], nn - kk + b_[:, None])
        - special.betaln(a_, b_)[:, None]
    )
    log_pmf = np.where(valid, log_pmf, -np.inf)
    if mid:
        log_pmf[:, 0] -= np.log(2.0)
    top = log_pmf.max(axis=1)
    out[rows] = np.minimum(np.exp(top) * np.exp(log_pmf - top[:, None]).sum(axis=1), 1.0)
    return out


def score_of(p: np.ndarray) -> np.ndarray:
    """-log10 of a tail probability: 4 means "one day in ten thousand under normal conditions"."""
    return -np.log10(np.maximum(p, TINY))
