"""Topic classifier: held-out accuracy, artefact size and articles per second on one core.

Accuracy is recomputed on the deduplicated held-out split of VNTC when ../shared/data is present (the
split is re-derived, see loa.pipeline.topic_data), otherwise read from the metrics file written at
training time. Throughput is articles per CPU second of this process (CPU time adds up every thread, so this is the
rate of one core), ``predict`` on raw article texts with tokenising included, median of REPEATS runs.
"""

from __future__ import annotations

import gzip
import json
import random
import statistics
import time
from pathlib import Path
from typing import Any

from loa.pipeline.topic import DEFAULT_PATH, TopicClassifier
from loa.pipeline.topic_data import prepare
from loa.pipeline.topic_training import evaluate

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "vntc" / "train.jsonl.gz"
ARTICLES = 2000
REPEATS = 5


def _texts(classifier: TopicClassifier) -> tuple[list[str], str]:
    if CORPUS.is_file():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle]
        return random.Random(7).sample(texts, ARTICLES), f"VNTC sample ({ARTICLES})"
    # Without the corpus: pseudo-articles of VNTC's median length (about 400 syllables) drawn from the
    # model's own vocabulary, which is enough to time the code path.
    rng = random.Random(7)
    words = classifier.featurizer.vocabulary
    texts = [" ".join(rng.choices(words, k=400)) for _ in range(ARTICLES)]
    return texts, f"generated ({ARTICLES} x 400 syllables, no ../shared/data)"


def run() -> dict[str, Any]:
    started = time.process_time()
    classifier = TopicClassifier.load()
    load_seconds = time.process_time() - started
    recorded = json.loads(DEFAULT_PATH.with_suffix(".metrics.json").read_text(encoding="utf-8"))
    texts, source = _texts(classifier)
    timings = []
    classifier.predict(texts[:50])  # warm the syllable cache as a running pipeline would have it
    for _ in range(REPEATS):
        begun = time.process_time()
        classifier.predict(texts)
        timings.append(time.process_time() - begun)
    seconds = statistics.median(timings)
    result: dict[str, Any] = {
        "artefact_mb": round(DEFAULT_PATH.stat().st_size / 1e6, 2),
        "features": classifier.featurizer.n_features,
        "load_cpu_s": round(load_seconds, 2),
        "throughput_input": source,
        "mean_characters": round(sum(map(len, texts)) / len(texts)),
        "articles_per_s_one_core": round(len(texts) / seconds),
        "ms_per_article": round(1000 * seconds / len(texts), 3),
        "recorded_accuracy": recorded["held_out"]["accuracy"],
        "recorded_macro_f1": recorded["held_out"]["macro_f1"],
    }
    if CORPUS.is_file():
        corpus = prepare(CORPUS)
        scores = evaluate(classifier, corpus)
        result.update(
            held_out_articles=len(corpus.test),
            accuracy=scores["accuracy"],
            macro_f1=scores["macro_f1"],
            accuracy_source="recomputed on the re-derived held-out split",
        )
    else:
        result.update(
            accuracy=recorded["held_out"]["accuracy"],
            macro_f1=recorded["held_out"]["macro_f1"],
            accuracy_source="metrics file (../shared/data absent)",
        )
    return result
