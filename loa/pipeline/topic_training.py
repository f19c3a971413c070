"""Train the topic classifier on VNTC and write the shipped artefact plus its metrics.

    python -m loa.pipeline.topic_training --data ../shared/data/vntc/train.jsonl.gz \\
        --out loa/pipeline/models/topic.joblib

Steps: read, normalise, deduplicate and split the corpus (:mod:`loa.pipeline.topic_data`); count
syllable unigrams and bigrams of the training part; fit a linear model (SGD, modified Huber loss) on
sublinear TF-IDF; keep the features with the largest weights and fit again on those alone, so that the
model is small and its features at prediction time are exactly the ones it was trained on; score the
held-out part; write ``topic.joblib`` and ``topic.metrics.json``. Everything is seeded: two runs give the
same artefact.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, f1_score

from loa.pipeline.topic import ARTEFACT_VERSION, TopicClassifier
from loa.pipeline.topic_data import LABELS, TEST_SHARE, Corpus, prepare
from loa.pipeline.topic_features import Featurizer

SEED = 13
MIN_DF = 2  # unigrams and bigrams seen in fewer training articles are noise (and most of the vocabulary)
ALPHA = 2e-5
LOSS = "modified_huber"
EPOCHS = 30
KEEP_FEATURES = 200_000


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    # np.unique's hash table is much slower than a sort on tens of millions of int64.
    values = np.sort(values)
    return values[np.concatenate([[True], values[1:] != values[:-1]])] if len(values) else values


def count_vocabulary(token_lists: Sequence[Sequence[str]], min_df: int) -> Featurizer:
    """All unigrams and bigrams in at least ``min_df`` token lists, with smoothed idf
    (ln((1 + n) / (1 + df)) + 1, as scikit-learn)."""
    seen: dict[str, int] = {}
    lengths = np.array([len(tokens) for tokens in token_lists], dtype=np.int64)
    flat = np.fromiter(
        (seen.setdefault(token, len(seen)) for token in itertools.chain.from_iterable(token_lists)),
        dtype=np.int64,
        count=int(lengths.sum()),
    )
    n_docs, size = len(token_lists), len(seen)
    rows = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
    unigram_df = np.bincount(_sorted_unique(rows * size + flat) % size, minlength=size)
    same = rows[:-1] == rows[1:]
    pairs = _sorted_unique(rows[:-1][same] * size * size + flat[:-1][same] * size + flat[1:][same])
    bigram_keys, bigram_df = _counts(np.sort(pairs % (size * size)))

    keep_bigrams = bigram_df >= min_df
    bigram_keys, bigram_df = bigram_keys[keep_bigrams], bigram_df[keep_bigrams]
    used = unigram_df >= min_df
    used[bigram_keys // size] = True
    used[bigram_keys % size] = True
    names = np.array(list(seen), dtype=object)
    order = np.argsort(names[used].astype(str), kind="stable")  # a vocabulary in string order
    old_ids = np.flatnonzero(used)[order]
    new_id = np.full(size, -1, dtype=np.int64)
    new_id[old_ids] = np.arange(len(old_ids))
    n = len(old_ids)
    remapped = new_id[bigram_keys // size] * n + new_id[bigram_keys % size]
    by_key = np.argsort(remapped)
    df = np.concatenate([unigram_df[old_ids], bigram_df[by_key]]).astype(np.float64)
    # Rounded to the float16 the artefact stores, so training sees the shipped values.
    idf = (np.log((1 + n_docs) / (1 + df)) + 1).astype(np.float16).astype(np.float32)
    return Featurizer(tuple(names[old_ids].tolist()), remapped[by_key], idf)


def _counts(sorted_values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    starts = np.flatnonzero(np.concatenate([[True], sorted_values[1:] != sorted_values[:-1]]))
    return sorted_values[starts], np.diff(np.append(starts, len(sorted_values)))


def select(featurizer: Featurizer, weights: np.ndarray, keep: int) -> Featurizer:
    """The ``keep`` features with the largest absolute weight for any class (plus the unigrams their
    bigrams need), same idf."""
    strength = np.abs(weights).max(axis=0)
    chosen = np.zeros(featurizer.n_features, dtype=bool)
    chosen[np.argsort(-strength, kind="stable")[:keep]] = True
    n = len(featurizer.vocabulary)
    bigrams = featurizer.bigrams[chosen[n:]]
    syllables = chosen[:n].copy()
    syllables[bigrams // n] = True
    syllables[bigrams % n] = True
    new_id = np.cumsum(syllables) - 1
    m = int(syllables.sum())
    remapped = new_id[bigrams // n] * m + new_id[bigrams % n]  # order-preserving: stays sorted
    idf = np.concatenate([featurizer.idf[:n][syllables], featurizer.idf[n:][chosen[n:]]])
    vocabulary = tuple(word for word, kept in zip(featurizer.vocabulary, syllables, strict=True) if kept)
    return Featurizer(vocabulary, remapped, idf)


def fit_model(
    featurizer: Featurizer, token_lists: Sequence[Sequence[str]], labels: Sequence[str]
) -> SGDClassifier:
    model = SGDClassifier(loss=LOSS, alpha=ALPHA, max_iter=EPOCHS, tol=None, random_state=SEED)
    model.fit(featurizer.transform(token_lists), list(labels))
    return model


def train(corpus: Corpus, keep: int = KEEP_FEATURES) -> tuple[TopicClassifier, dict[str, Any]]:
    train_tokens = [corpus.tokens[i] for i in corpus.train]
    train_labels = [corpus.articles[i].label for i in corpus.train]
    started = time.process_time()
    full = count_vocabulary(train_tokens, MIN_DF)
    first = fit_model(full, train_tokens, train_labels)
    featurizer = select(full, first.coef_, keep)
    model = fit_model(featurizer, train_tokens, train_labels)
    classifier = TopicClassifier.from_model(featurizer, list(model.classes_), model.coef_, model.intercept_)
    info = {
        "features_counted": full.n_features,
        "features_kept": featurizer.n_features,
        "syllables_kept": len(featurizer.vocabulary),
        "training_cpu_seconds": round(time.process_time() - started, 1),
    }
    return classifier, info


def evaluate(classifier: TopicClassifier, corpus: Corpus) -> dict[str, Any]:
    truth = [corpus.articles[i].label for i in corpus.test]
    predicted = classifier.predict_tokens([corpus.tokens[i] for i in corpus.test])
    return {
        "accuracy": round(float(accuracy_score(truth, predicted)), 4),
        "macro_f1": round(float(f1_score(truth, predicted, average="macro")), 4),
        "per_class": {
            label: {k: round(v, 4) for k, v in scores.items()}
            for label, scores in classification_report(
                truth, predicted, labels=list(LABELS), output_dict=True, zero_division=0
            ).items()
            if label in LABELS
        },
        "confusion": {
            "labels": list(LABELS),
            "matrix": confusion_matrix(truth, predicted, labels=list(LABELS)).tolist(),
        },
        "report": classification_report(truth, predicted, labels=list(LABELS), digits=4, zero_division=0),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="VNTC train.jsonl.gz")
    parser.add_argument("--out", type=Path, required=True, help="artefact path (.joblib)")
    parser.add_argument("--keep", type=int, default=KEEP_FEATURES, help="features kept after selection")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"{args.data} not found (VNTC lives in ../shared/data, see its README)")

    started = time.perf_counter()
    corpus = prepare(args.data)
    print(f"corpus: {asdict(corpus.report)}; train {len(corpus.train)}, held out {len(corpus.test)}")
    classifier, info = train(corpus, args.keep)
    scores = evaluate(classifier, corpus)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    classifier.save(args.out)
    metrics = {
        "artefact": args.out.name,
        "artefact_version": ARTEFACT_VERSION,
        "artefact_bytes": args.out.stat().st_size,
        "data": {"file": args.data.name, **asdict(corpus.report)},
        "split": {
            "rule": "per label, smallest salted BLAKE2b of id",
            "test_share": TEST_SHARE,
            "train": len(corpus.train),
            "test": len(corpus.test),
        },
        "model": {"seed": SEED, "min_df": MIN_DF, "alpha": ALPHA, "epochs": EPOCHS, **info},
        "held_out": {k: v for k, v in scores.items() if k != "report"},
        "wall_seconds": round(time.perf_counter() - started, 1),
        "environment": {
            "python": platform.python_version(),
            "scikit-learn": sklearn.__version__,
            "numpy": np.__version__,
        },
    }
    metrics_path = args.out.with_suffix(".metrics.json")
    metrics_path.write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(scores["report"])
    print(
        f"accuracy {scores['accuracy']:.4f}  macro-F1 {scores['macro_f1']:.4f}  "
        f"features {info['features_kept']:,}  artefact {metrics['artefact_bytes'] / 1e6:.1f} MB  "
        f"({args.out}, {metrics_path.name})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
