import numpy as np
from scipy import stats

from loa.pipeline.trends.stats import bb_upper_tail, nb_mid_quantile, nb_size, nb_upper_tail, score_of


def test_negative_binomial_tails_match_scipy() -> None:
    x = np.array([0.0, 1, 3, 10, 40])
    mean = np.array([2.0, 2, 2, 5, 20])
    size = np.array([5.0, 5, 5, 50, 3])
    p = size / (size + mean)
    assert np.allclose(nb_upper_tail(x, mean, size), stats.nbinom.sf(x - 1, size, p))
    assert np.allclose(
        nb_upper_tail(x, mean, size, mid=True),
        stats.nbinom.sf(x, size, p) + 0.5 * stats.nbinom.pmf(x, size, p),
    )
    mid = 0.5 * (stats.nbinom.cdf(x - 1, size, p) + stats.nbinom.cdf(x, size, p))
    assert np.allclose(nb_mid_quantile(x, mean, size), mid)


def test_tiny_tails_keep_precision() -> None:
    tail = nb_upper_tail(np.array([60.0]), np.array([2.0]), np.array([1e6]))
    assert 0 < tail[0] < 1e-40
    assert score_of(tail)[0] > 40


def test_beta_binomial_tail_matches_scipy() -> None:
    s = np.array([1, 3, 8, 20])
    n = np.array([5, 10, 10, 40])
    a = np.array([1.0, 2, 2, 5])
    b = np.array([3.0, 8, 8, 15])
    assert np.allclose(bb_upper_tail(s, n, a, b), stats.betabinom.sf(s - 1, n, a, b))


def test_size_from_variance_is_poisson_like_without_excess() -> None:
    assert nb_size(np.array([4.0]), np.array([4.0]))[0] > 1e6
    assert np.isclose(nb_size(np.array([4.0]), np.array([8.0]))[0], 4.0)
