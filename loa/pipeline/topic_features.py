"""Features of the topic classifier: syllable unigrams and bigrams of normalised text, sublinear TF-IDF.

Training and prediction share this module, so a model sees at prediction time exactly the features it
was trained on. Syllables are mapped to integer ids once; a bigram is the integer ``id1 * n + id2`` and
is looked up in a sorted array, so the vocabulary stays compact (no strings for bigrams) and a batch of
articles is featurised in a handful of numpy calls.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from loa.text import VIETNAMESE_LETTERS
from loa.text import syllables as text_syllables

# Text made only of these characters is already in canonical form except for tone placement, which is
# a matter of each word alone. Anything else (NFD marks, zero-width characters, look-alike letters...)
# goes through loa.text.syllables whole.
_PLAIN = re.compile(
    "[^\t\n\r -~"
    + re.escape("".join(sorted(ch for ch in VIETNAMESE_LETTERS if not ch.isascii())) + "“”‘’–—…•·°×")
    + "]"
)
_WORD = re.compile(r"[^\W_]+")
_CACHE_LIMIT = 200_000
_canonical: dict[str, str] = {}


def _canonical_word(word: str) -> str:
    if len(_canonical) >= _CACHE_LIMIT:
        _canonical.clear()
    value = _canonical[word] = text_syllables(word)[0]
    return value


def syllables(text: str) -> list[str]:
    """The same list as :func:`loa.text.syllables`, about 1.6 times faster on ordinary news text.

    loa.text.syllables canonicalises the whole text before splitting it; here plain text is split first
    and each distinct word is canonicalised once (news text has a few tens of thousands of them).
    """
    if _PLAIN.search(text):
        return text_syllables(text)
    words = _WORD.findall(text.lower())
    known = list(map(_canonical.get, words))
    if None in known:
        return [value or _canonical_word(word) for value, word in zip(known, words, strict=True)]
    return known  # type: ignore[return-value]  # no None left


@dataclass(frozen=True, eq=False)
class Featurizer:
    """Maps token lists to L2-normalised rows of (1 + log tf) * idf.

    Feature ``i < len(vocabulary)`` is the unigram of syllable ``vocabulary[i]``; feature
    ``len(vocabulary) + k`` is the bigram ``bigrams[k]`` (``id1 * len(vocabulary) + id2``, sorted).
    """

    vocabulary: tuple[str, ...]
    bigrams: np.ndarray  # int64, sorted
    idf: np.ndarray  # float32, one per feature

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ids", {syllable: i for i, syllable in enumerate(self.vocabulary)})

    @property
    def n_features(self) -> int:
        return len(self.vocabulary) + len(self.bigrams)

    def counts(self, token_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """Raw term counts, one row per token list."""
        ids: dict[str, int] = self._ids  # type: ignore[attr-defined]
        lengths = np.fromiter((len(tokens) for tokens in token_lists), dtype=np.int64, count=len(token_lists))
        flat = np.fromiter(
            map(ids.get, itertools.chain.from_iterable(token_lists), itertools.repeat(-1)),
            dtype=np.int64,
            count=int(lengths.sum()),
        )
        rows = np.repeat(np.arange(len(token_lists), dtype=np.int64), lengths)
        known = flat >= 0
        pair = known[:-1] & known[1:] & (rows[:-1] == rows[1:])
        keys = flat[:-1][pair] * len(self.vocabulary) + flat[1:][pair]
        position = np.minimum(np.searchsorted(self.bigrams, keys), max(len(self.bigrams) - 1, 0))
        hit = self.bigrams[position] == keys if len(self.bigrams) else np.zeros(len(keys), dtype=bool)
        columns = np.concatenate([flat[known], len(self.vocabulary) + position[hit]])
        owners = np.concatenate([rows[known], rows[:-1][pair][hit]])
        matrix = sparse.csr_matrix(
            (np.ones(len(columns), dtype=np.float32), (owners, columns)),
            shape=(len(token_lists), self.n_features),
        )
        matrix.sum_duplicates()
        return matrix

    def weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        """(1 + log tf) * idf, rows scaled to unit length (empty rows stay empty)."""
        matrix = counts.copy()
        matrix.data = (1.0 + np.log(matrix.data)) * self.idf[matrix.indices]
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        matrix.data /= np.repeat(norms, np.diff(matrix.indptr)).astype(np.float32)
        return matrix

    def transform(self, token_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        return self.weigh(self.counts(token_lists))
