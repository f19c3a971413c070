"""Detection quality on a small synthetic set with a fixed seed (the full benchmark is
loa/bench/trends_bench.py). Bounds are looser than the benchmark's so the test stays robust."""

from loa.pipeline.trends.calendar import vietnam_holidays
from loa.pipeline.trends.detect import detect
from loa.pipeline.trends.evaluate import evaluate, naive_flags
from loa.pipeline.trends.synthetic import generate


def test_recall_and_false_alarms_on_a_synthetic_set() -> None:
    holidays = vietnam_holidays(range(2023, 2027))
    truth = generate(seed=20260101, n_keys=80, holidays=holidays)
    index = {key: k for k, key in enumerate(truth.series.keys)}
    flags = [
        (index[a.key], (a.date - truth.series.start).days, a.kind) for a in detect(truth.series, holidays)
    ]
    ours = evaluate(truth, flags)
    naive = evaluate(truth, naive_flags(truth.series))
    assert ours["events"] > 300
    assert ours["recall"] >= 0.85
    assert ours["false_alarms_per_key_year"] <= 3.0
    assert naive["false_alarms_per_key_year"] > 3 * ours["false_alarms_per_key_year"]
