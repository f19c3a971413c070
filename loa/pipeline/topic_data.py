"""The VNTC corpus for the topic classifier: reading, duplicate removal and the held-out split.

Training (:mod:`loa.pipeline.topic_training`), the tests and the benchmark all call :func:`prepare`, so
they see exactly the same held-out articles without any list of ids being stored.

VNTC holds the same story several times (one outlet copying another, a story filed under two sections),
sometimes under different labels. Left in, such copies end up on both sides of a random split and the
held-out score measures memory instead of generalisation. So, before splitting:

1. Exact duplicates: articles with the same sequence of normalised syllables.
2. Near duplicates: MinHash (datasketch's affine32 scheme, 64 permutations) over 3-syllable shingles;
   LSH banding (32 bands of 2 rows) proposes candidate pairs; a pair is a duplicate when the exact Jaccard
   similarity of the shingle sets is at least 0.25, or when at least half of the smaller article's
   shingles (30 or more) are in the larger one (a copy with paragraphs added or cut).
3. Duplicates are joined transitively into groups. A group keeps one article: the first id, in id order,
   among those carrying the group's most frequent label. A group whose labels tie is dropped entirely:
   its label is a coin toss that no model can learn or be scored on.

Each label's surviving articles are then ordered by a salted BLAKE2b hash of their id and the first 15 %
are held out: a stratified split that does not depend on any random number generator. Because every
duplicate group is already down to one article, no held-out article has a (near-)duplicate in training.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from datasketch import MinHash

from loa.pipeline.topic_features import syllables

LABELS: tuple[str, ...] = (
    "Chinh tri Xa hoi",
    "Doi song",
    "Khoa hoc",
    "Kinh doanh",
    "Phap luat",
    "Suc khoe",
    "The gioi",
    "The thao",
    "Van hoa",
    "Vi tinh",
)

TEST_SHARE = 0.15
SPLIT_SALT = b"loa-topic-v1"  # changing it changes the held-out split: retrain and re-measure after
SHINGLE = 3
NUM_PERM = 64
# A pair becomes a candidate with probability 0.87 at Jaccard 0.25, 0.95 at 0.3, 0.99 at 0.4.
LSH_BANDS = 32
LSH_ROWS = 2  # candidate_pairs packs a band into one 64-bit key: two 32-bit rows
NEAR_JACCARD = 0.25
NEAR_CONTAINMENT = 0.5
MIN_CONTAINED = 30  # shingles: a very short text is "contained" in too many others

_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))
_LOW32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    label: str
    source: str
    text: str


@dataclass(frozen=True)
class DedupReport:
    articles: int
    exact_duplicates: int  # articles removed because an identical one was kept
    near_duplicates: int  # articles removed because a near-identical one was kept
    conflicting_groups: int  # groups dropped because their labels tie
    conflicting_articles: int
    kept: int


@dataclass(frozen=True)
class Corpus:
    articles: list[Article]
    tokens: list[list[str]]  # normalised syllables of each article (loa.text.syllables)
    train: list[int]  # indexes into articles
    test: list[int]
    report: DedupReport


def read_corpus(path: Path) -> list[Article]:
    """VNTC as gzip JSON lines with fields id, label, source, text; labels must be the ten VNTC keys."""
    articles = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["label"] not in LABELS:
                raise ValueError(f"{path}: unknown label {row['label']!r} for {row['id']}")
            articles.append(Article(row["id"], row["label"], row["source"].strip(), row["text"]))
    return articles


def shingle_sets(tokens: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """Per article, the sorted distinct 32-bit hashes of its 3-syllable shingles (of its syllables when it
    has fewer than 3). Articles are hashed a few thousand at a time in a few numpy calls each: one call
    per article would cost more than the hashing, the whole corpus at once over a gigabyte."""
    crc: dict[str, int] = {}
    sets: list[np.ndarray] = []
    for start in range(0, len(tokens), 4096):
        sets.extend(_shingle_chunk(tokens[start : start + 4096], crc))
    return sets


def _shingle_chunk(tokens: Sequence[Sequence[str]], crc: dict[str, int]) -> list[np.ndarray]:
    lengths = np.array([len(words) for words in tokens], dtype=np.int64)
    every = list(itertools.chain.from_iterable(tokens))
    crc.update((token, zlib.crc32(token.encode("utf-8"))) for token in set(every).difference(crc))
    flat = np.fromiter(map(crc.__getitem__, every), dtype=np.uint64, count=len(every))
    doc = np.repeat(np.arange(len(tokens), dtype=np.uint64), lengths)
    mixed = flat[:-2] * _MIX[0] + flat[1:-1] * _MIX[1] + flat[2:] * _MIX[2]
    inside = doc[:-2] == doc[2:]
    short = np.repeat(lengths < SHINGLE, lengths)
    hashes = np.concatenate([mixed[inside], flat[short] * _MIX[0]])
    owners = np.concatenate([doc[:-2][inside], doc[short]])
    folded = (hashes >> np.uint64(32)) ^ (hashes & _LOW32)
    keys = np.sort((owners << np.uint64(32)) | folded)  # np.unique's hash table is far slower here
    keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])]
    bounds = np.searchsorted(keys >> np.uint64(32), np.arange(len(tokens) + 1, dtype=np.uint64))
    values = (keys & _LOW32).astype(np.uint32)
    return [values[bounds[i] : bounds[i + 1]] for i in range(len(tokens))]


def _permutations() -> np.ndarray:
    return MinHash(num_perm=NUM_PERM, seed=1).permutations


def signatures(sets: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash values (one row per set) in datasketch's affine32 scheme: min over shingles of a*h+b mod
    2**32. The shingle hashes are already mixed, so datasketch's per-item hashing loop is not needed.
    Empty sets keep the all-ones row."""
    a, b = _permutations()
    out = np.full((len(sets), NUM_PERM), 0xFFFFFFFF, dtype=np.uint32)
    rows = [i for i, s in enumerate(sets) if len(s)]
    for start in range(0, len(rows), 8):  # a few thousand shingles x 64 permutations: stays in cache
        chunk = rows[start : start + 8]
        values = np.concatenate([sets[i] for i in chunk])[:, None] * a + b
        offsets = np.cumsum([0] + [len(sets[i]) for i in chunk[:-1]])
        out[chunk] = np.minimum.reduceat(values, offsets, axis=0)
    return out


def candidate_pairs(sigs: np.ndarray) -> set[tuple[int, int]]:
    """Pairs (i < j) that agree on all rows of at least one band: MinHashLSH banding, done with one sort
    per band instead of datasketch's MinHashLSH tables, which take seconds per ten thousand articles."""
    filled = np.flatnonzero((sigs != 0xFFFFFFFF).any(axis=1))
    pairs: set[tuple[int, int]] = set()
    for band in range(LSH_BANDS):
        # The two 32-bit rows of a band make one 64-bit bucket key.
        rows = sigs[filled, band * LSH_ROWS : (band + 1) * LSH_ROWS].astype(np.uint64)
        keys = (rows[:, 0] << np.uint64(32)) | rows[:, 1]
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
        ends = np.append(starts[1:], len(ordered))
        for start, end in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
            members = sorted(filled[order[start:end]].tolist())
            pairs.update(itertools.combinations(members, 2))
    return pairs


def is_near_duplicate(a: np.ndarray, b: np.ndarray) -> bool:
    """The duplicate test on two shingle sets (see the module docstring)."""
    common = len(np.intersect1d(a, b, assume_unique=True))
    if not common:
        return False
    smaller = min(len(a), len(b))
    if common / (len(a) + len(b) - common) >= NEAR_JACCARD:
        return True
    return smaller >= MIN_CONTAINED and common / smaller >= NEAR_CONTAINMENT


class _Groups:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def deduplicate(
    articles: Sequence[Article], tokens: Sequence[Sequence[str]]
) -> tuple[list[int], DedupReport]:
    """Indexes of the articles that survive duplicate removal (sorted), and what was removed."""
    groups = _Groups(len(articles))
    keys = [hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest() for words in tokens]
    first: dict[bytes, int] = {}
    for i, key in enumerate(keys):
        groups.join(first.setdefault(key, i), i)
    shingles = shingle_sets(tokens)
    for i, j in sorted(candidate_pairs(signatures(shingles))):
        if groups.find(i) != groups.find(j) and is_near_duplicate(shingles[i], shingles[j]):
            groups.join(i, j)

    members: dict[int, list[int]] = {}
    for i in range(len(articles)):
        members.setdefault(groups.find(i), []).append(i)
    kept, conflicting_groups, conflicting_articles, exact_removed, near_removed = [], 0, 0, 0, 0
    for group in members.values():
        labels = Counter(articles[i].label for i in group).most_common()
        if len(labels) > 1 and labels[0][1] == labels[1][1]:
            conflicting_groups += 1
            conflicting_articles += len(group)
            continue
        keep = min((i for i in group if articles[i].label == labels[0][0]), key=lambda i: articles[i].id)
        kept.append(keep)
        exact_removed += sum(keys[i] == keys[keep] for i in group) - 1
        near_removed += sum(keys[i] != keys[keep] for i in group)
    kept.sort()
    report = DedupReport(
        articles=len(articles),
        exact_duplicates=exact_removed,
        near_duplicates=near_removed,
        conflicting_groups=conflicting_groups,
        conflicting_articles=conflicting_articles,
        kept=len(kept),
    )
    return kept, report


def _split_key(article: Article) -> bytes:
    return hashlib.blake2b(article.id.encode("utf-8"), digest_size=16, key=SPLIT_SALT).digest()


def split(articles: Sequence[Article], indexes: Sequence[int]) -> tuple[list[int], list[int]]:
    """(train, test) indexes: per label, the TEST_SHARE of articles with the smallest salted id hash."""
    by_label: dict[str, list[int]] = {}
    for i in indexes:
        by_label.setdefault(articles[i].label, []).append(i)
    train: list[int] = []
    test: list[int] = []
    for members in by_label.values():
        members.sort(key=lambda i: _split_key(articles[i]))
        cut = round(len(members) * TEST_SHARE)
        test.extend(members[:cut])
        train.extend(members[cut:])
    return sorted(train), sorted(test)


def prepare(path: Path) -> Corpus:
    """Read, normalise, deduplicate and split the corpus at ``path``."""
    articles = read_corpus(path)
    tokens = [syllables(article.text) for article in articles]
    kept, report = deduplicate(articles, tokens)
    train, test = split(articles, kept)
    return Corpus(articles, tokens, train, test, report)
