"""Topic of a news article: one of the ten VNTC labels, from a linear model over syllable n-grams.

    TopicClassifier.load().predict(["Đội tuyển Việt Nam thắng 2-0 ...", ...]) -> ["The thao", ...]

The shipped artefact (``models/topic.joblib``, see ``models/TOPIC_MODEL_CARD.md``) holds only weights
and a vocabulary: syllables, bigrams as integer pairs, idf and float16 coefficients. It is trained by
:mod:`loa.pipeline.topic_training`. Labels are the VNTC keys: "Chinh tri Xa hoi", "Doi song",
"Khoa hoc", "Kinh doanh", "Phap luat", "Suc khoe", "The gioi", "The thao", "Van hoa", "Vi tinh".
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import joblib
import numpy as np

from loa.pipeline.topic_features import Featurizer, syllables

DEFAULT_PATH = Path(__file__).resolve().parent / "models" / "topic.joblib"
ARTEFACT_VERSION = 1
_BATCH = 512  # articles featurised together: large enough for numpy, small enough for the cache


class TopicClassifier:
    def __init__(
        self, featurizer: Featurizer, labels: Sequence[str], coef: np.ndarray, intercept: np.ndarray
    ) -> None:
        """``coef`` is (n_features, n_labels), the layout the artefact stores."""
        if coef.shape != (featurizer.n_features, len(labels)) or intercept.shape != (len(labels),):
            raise ValueError("coefficients do not match the features and labels")
        self.featurizer = featurizer
        self.labels: tuple[str, ...] = tuple(str(label) for label in labels)  # not numpy strings
        self._coef = coef.astype(np.float32)
        self._intercept = intercept.astype(np.float32)
        self._stored = coef

    @classmethod
    def from_model(
        cls, featurizer: Featurizer, labels: Sequence[str], coef: np.ndarray, intercept: np.ndarray
    ) -> TopicClassifier:
        """From scikit-learn's (n_labels, n_features) weights, rounded to the stored precision now so
        that what is evaluated is exactly what is shipped."""
        return cls(featurizer, labels, np.ascontiguousarray(coef.T, dtype=np.float16), intercept)

    @classmethod
    def load(cls, path: Path | None = None) -> TopicClassifier:
        """The artefact at ``path``, or the shipped one; each file is read once per process."""
        return _load(Path(path or DEFAULT_PATH).resolve())

    def save(self, path: Path) -> None:
        state = {
            "version": ARTEFACT_VERSION,
            "labels": list(self.labels),
            "vocabulary": "\n".join(self.featurizer.vocabulary),
            "bigrams": self.featurizer.bigrams.astype(np.int64),
            "idf": self.featurizer.idf.astype(np.float16),
            "coef": self._stored.astype(np.float16),
            "intercept": self._intercept,
        }
        joblib.dump(state, path, compress=("zlib", 6))

    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """(n_texts, n_labels) scores; the largest wins."""
        return self._scores([syllables(text) for text in texts])

    def predict(self, texts: Sequence[str]) -> list[str]:
        """Label of each text (title and body of an article; raw or normalised, both work)."""
        return self._labels(self._scores([syllables(text) for text in texts]))

    def predict_tokens(self, token_lists: Sequence[Sequence[str]]) -> list[str]:
        """Like :meth:`predict` for texts already split by :func:`loa.pipeline.topic_features.syllables`."""
        return self._labels(self._scores(token_lists))

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """(n_texts, n_labels) in the order of :attr:`labels`; rows sum to 1.

        The one-vs-rest modified-Huber estimate of scikit-learn: (clip(score, -1, 1) + 1) / 2, rescaled.
        Good for ranking and for "unsure" cut-offs; not calibrated probabilities.
        """
        scores = np.clip(self.decision_function(texts), -1.0, 1.0)
        scores = (scores + 1.0) / 2.0
        totals = scores.sum(axis=1, keepdims=True)
        uniform = np.full_like(scores, 1.0 / len(self.labels))
        return np.where(totals > 0, scores / np.where(totals > 0, totals, 1.0), uniform)

    def _scores(self, token_lists: Sequence[Sequence[str]]) -> np.ndarray:
        out = np.empty((len(token_lists), len(self.labels)), dtype=np.float32)
        for start in range(0, len(token_lists), _BATCH):
            features = self.featurizer.transform(token_lists[start : start + _BATCH])
            out[start : start + _BATCH] = features @ self._coef + self._intercept
        return out

    def _labels(self, scores: np.ndarray) -> list[str]:
        return [self.labels[i] for i in scores.argmax(axis=1)]


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> TopicClassifier:
    state: dict[str, Any] = joblib.load(path)
    if state.get("version") != ARTEFACT_VERSION:
        raise ValueError(f"{path}: topic model version {state.get('version')}, expected {ARTEFACT_VERSION}")
    featurizer = Featurizer(
        tuple(state["vocabulary"].split("\n")), state["bigrams"], state["idf"].astype(np.float32)
    )
    return TopicClassifier(featurizer, state["labels"], state["coef"], state["intercept"])
