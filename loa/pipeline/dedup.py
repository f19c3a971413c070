"""Duplicate detection for monitored articles: canonical URLs, exact copies and near-duplicate stories.

Three levels, cheapest first (see docs/reference anchors §2, Media Cloud and datasketch):

1. URL. :func:`canonical_url` lowercases the host, drops ``www.``/``m.``/``amp.`` prefixes, default
   ports, tracking parameters, fragments and trailing slashes; :func:`url_hash` is the SHA-256 of that
   form without the scheme (an http and an https link to one page are one page).
2. Exact content. :func:`fingerprint` hashes the folded word sequence of the body after outlet tags and
   credits are removed, so copies that differ only in tone-mark placement (hoà/hòa), Unicode form (NFD),
   punctuation, spacing or a "(TTXVN)" tag hash alike.
3. Near-duplicates. MinHash over 3-syllable shingles of the same folded words (128 of datasketch's
   affine permutations, applied with numpy); datasketch's MinHashLSH proposes candidates;
   :class:`StoryIndex` accepts the best candidate when
   - the estimated Jaccard similarity is high, or the smaller text is estimated to be contained in the
     larger one (a republication with paragraphs added or cut), and
   - the *specifics* of the two texts agree: the numbers, and separately the capitalised names, of the
     smaller text are mostly found in the larger one. Shingles alone cannot tell two press releases
     written from one template apart (same wording, another commune, other figures); specifics can.

A new article joins the story of its best accepted candidate, otherwise it opens a story named after
itself; when it is accepted by articles of several stories, those merge (union-find) under the oldest.
Story ids are the id of the first article of the story, deterministic for a given order of arrival.
Measured by loa.pipeline.dedup_eval (pairwise F1 on republished variants with hard negatives).
Nothing here reads a clock, the network or a database.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

import numpy as np
from datasketch import MinHash, MinHashLSH

from loa.pipeline.tokens import fold_token, fold_tokens
from loa.text import VIETNAMESE_LETTERS, normalize

# --------------------------------------------------------------------------------------------- URLs

_DROPPED_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "zarsrc",  # Zalo share links
        "amp",  # AMP marker, not content
    }
)
_TRACKING_PREFIXES = ("utm_",)
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters left as they are when the path is re-quoted: RFC 3986 reserved and unreserved ones.
_PATH_SAFE = "/:@!$&'()*+,;=-._~"


def canonical_url(url: str) -> str:
    """Identity form of a link: the same article behind tracking, mobile or AMP variants gives one string.

    Meaningful query parameters (``?id=123``) are kept, sorted by name; the scheme is kept (lowercase),
    a link without one is read as http.
    """
    raw = url.strip()
    if "://" not in raw:
        raw = "http://" + raw.lstrip("/")
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    stripped = True
    while stripped:
        stripped = False
        for prefix in _HOST_PREFIXES:
            if host.startswith(prefix) and host.count(".") > 1:
                host = host[len(prefix) :]
                stripped = True
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    path = quote(unquote(parts.path), safe=_PATH_SAFE)
    segments = [segment for segment in path.split("/") if segment]
    if segments and segments[-1].lower() == "amp":
        segments.pop()
    if segments and segments[0].lower() == "amp":
        segments.pop(0)
    path = "/" + "/".join(segments)
    query = urlencode(
        sorted(
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if key.lower() not in _DROPPED_PARAMS and not key.lower().startswith(_TRACKING_PREFIXES)
        )
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def url_hash(url: str) -> str:
    """SHA-256 (hex) of the canonical URL without its scheme: the document id of a link."""
    canonical = canonical_url(url)
    return hashlib.sha256(canonical.split("://", 1)[1].encode("utf-8")).hexdigest()


# ------------------------------------------------------------------------------------- fingerprints

# Outlet tags, credits and bylines that republishers add. Matched on normalised text; the words inside
# are compared folded, so "(Báo Thái Nguyên)", "(BAO THAI NGUYEN)" and "(bao thai nguyen)" are one tag.
_OUTLETS = frozenset(
    {
        "ttxvn", "vna", "vov", "vtv", "vtc", "vtc news", "tto", "nld", "pv", "ctv", "vietnamplus",
        "dan tri", "tuoi tre", "tuoi tre online", "thanh nien", "vnexpress", "vietnamnet", "nhan dan",
        "tien phong", "lao dong", "nguoi lao dong", "zing", "zingnews", "znews", "bao tin tuc", "tin tuc",
        "cand", "qdnd", "sggp", "plo", "voh", "baochinhphu", "baochinhphu vn", "baothainguyen vn",
    }
)  # fmt: skip
# First words of a parenthesis that is a credit or a source: (Theo ...), (Ảnh: ...), (Báo ...).
_TAG_OPENINGS = (
    ("theo",), ("nguon",), ("anh",), ("bai",), ("video",), ("clip",), ("tin",), ("bao",), ("dai",),
    ("do", "hoa"), ("thiet", "ke"), ("tap", "chi"), ("cong", "thong", "tin"), ("truyen", "hinh"),
)  # fmt: skip
_CREDIT_WORDS = frozenset({"anh", "nguon", "video", "clip", "hoa", "ke"})  # "Ảnh:", "Đồ họa:", "Thiết kế:"
_PAREN = re.compile(r"\(([^()\n]{0,60})\)([ \t]*[-\u2013\u2014]+)?")
# Starts with the literal acronyms so the regex engine can skip ahead; word boundaries checked in code.
_ACRONYM_TAG = re.compile(r"(?:TTXVN|VOV|VTV|VTC|TTO|VNA)\d?(?![^\W_])")
_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"\d+(?:[.,/:-]\d+)*")
_UPPER = "".join(sorted(c for c in VIETNAMESE_LETTERS if c.isupper()))
_LOWER = "".join(sorted(c for c in VIETNAMESE_LETTERS if c.islower()))
_CAPITALISED = re.compile(rf"[{_UPPER}][{_LOWER}]*(?![^\W_])")
# Bylines: a last line this short without a full stop is a name, not content.
_BYLINE_MAX_WORDS = 5
_DATELINE_MAX_WORDS = 4

FINGERPRINT_VERSION = 1
_HEADER = struct.Struct("<B32sIHH")  # version, content hash, shingle count, num_perm, specifics count
_MAX_SPECIFICS = 4096
_NUMBER_BIT = 0x80000000  # numbers and names hash into the two halves of the 32-bit range
# Mixing constants for 3-token shingle hashes (odd 64-bit multipliers from splitmix64/xxhash).
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))


@dataclass(frozen=True)
class DedupParams:
    """Thresholds of the near-duplicate test. Fixed when an index is created and stored with it.

    ``lsh_bands`` x ``lsh_rows`` permutations form the LSH bands: 20 x 3 gives a candidate with
    probability 0.73 at Jaccard 0.4, 0.93 at 0.5 and 0.99 at 0.6, at about 6 kB of index per article.
    """

    num_perm: int = 128
    shingle: int = 3
    lsh_bands: int = 20
    lsh_rows: int = 3
    jaccard: float = 0.5  # accept above this estimated Jaccard similarity ...
    containment: float = 0.65  # ... or when this share of the smaller text is in the larger one
    min_containment_size: int = 40  # shingles; very short texts are contained in anything
    names: float = 0.7  # share of the smaller text's capitalised names found in the other text
    numbers: float = 0.7  # same for its numbers (dates, counts, amounts)
    min_missing: int = 2  # a single unmatched name or number (a byline, a caption) never splits a story
    title_below: int = 30  # words: shorter bodies are fingerprinted together with their title


DEFAULT_PARAMS = DedupParams()


@dataclass(frozen=True, eq=False)
class Fingerprint:
    """What the story index keeps of an article; :meth:`to_bytes` is what the database stores."""

    content_hash: bytes  # SHA-256 of the folded, tag-free word sequence
    signature: np.ndarray  # MinHash values, uint32[num_perm]
    size: int  # distinct shingles
    specifics: np.ndarray  # sorted distinct uint32 hashes: names below _NUMBER_BIT, numbers above

    @property
    def empty(self) -> bool:
        return self.size == 0

    def names_and_numbers(self) -> tuple[np.ndarray, np.ndarray]:
        split = int(np.searchsorted(self.specifics, _NUMBER_BIT))
        return self.specifics[:split], self.specifics[split:]

    def to_bytes(self) -> bytes:
        header = _HEADER.pack(
            FINGERPRINT_VERSION, self.content_hash, self.size, len(self.signature), len(self.specifics)
        )
        return (
            header
            + self.signature.astype("<u4", copy=False).tobytes()
            + self.specifics.astype("<u4").tobytes()
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint:
        version, content_hash, size, num_perm, n_specifics = _HEADER.unpack_from(data)
        if version != FINGERPRINT_VERSION:
            raise ValueError(f"unsupported fingerprint version {version}")
        offset = _HEADER.size
        end = offset + 4 * (num_perm + n_specifics)
        if len(data) != end:
            raise ValueError("truncated or oversized fingerprint")
        signature = np.frombuffer(data, dtype="<u4", count=num_perm, offset=offset).astype(np.uint32)
        specifics = np.frombuffer(data, dtype="<u4", count=n_specifics, offset=offset + 4 * num_perm)
        return cls(content_hash, signature, size, specifics.astype(np.uint32))


_permutations: dict[int, np.ndarray] = {}


def _permutations_for(num_perm: int) -> np.ndarray:
    # datasketch's affine32 permutations (a odd, b), drawn once per size from its seeded RandomState.
    permutations = _permutations.get(num_perm)
    if permutations is None:
        permutations = _permutations[num_perm] = MinHash(num_perm=num_perm, seed=1).permutations
    return permutations


def _minhash(num_perm: int, hashvalues: np.ndarray) -> MinHash:
    """A datasketch MinHash around stored hash values, for MinHashLSH insert and query."""
    return MinHash(
        num_perm=num_perm,
        seed=1,
        hashvalues=hashvalues,
        permutations=_permutations_for(num_perm),
        scheme="affine32",
    )


def _signature(shingles: np.ndarray, num_perm: int) -> np.ndarray:
    """MinHash values: min over shingles of a*h+b mod 2**32, the affine32 scheme of datasketch applied to
    shingle hashes that are already mixed (so datasketch's per-item hashing loop is not needed)."""
    a, b = _permutations_for(num_perm)
    signature = np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    for start in range(0, len(shingles), 2048):  # bounded temporary: 2048 x num_perm
        chunk = shingles[start : start + 2048, None]
        np.minimum(signature, (chunk * a + b).min(axis=0), out=signature)
    return signature


_CACHE_LIMIT = 200_000
_crcs: dict[str, int] = {}


def _crc(token: str) -> int:
    value = _crcs.get(token)
    if value is None:
        if len(_crcs) >= _CACHE_LIMIT:
            _crcs.clear()
        value = _crcs[token] = zlib.crc32(token.encode("utf-8"))
    return value


def _tag_span(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """The span to cut for a parenthesis that is an outlet tag or credit, else None."""
    inner = fold_tokens(_WORD.findall(match.group(1)))
    start = match.start()
    if match.group(2) is not None and len(inner) <= 6:
        # Dateline "Thái Nguyên (TTXVN) -": the place before the tag goes too when it opens a paragraph.
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        if "." not in before and len(_WORD.findall(before)) <= _DATELINE_MAX_WORDS:
            start = line_start
        return start, match.end()
    if not inner:
        return None
    if " ".join(inner) in _OUTLETS or any(tuple(inner[: len(o)]) == o for o in _TAG_OPENINGS):
        return start, match.end()
    return None


def _credit_spans(text: str) -> list[tuple[int, int]]:
    """'Ảnh: Minh Hằng', 'Nguồn: Sở Y tế' up to the end of the sentence (at most 60 characters)."""
    spans = []
    colon = text.find(":")
    while colon != -1:
        word = _WORD.findall(text[max(0, colon - 12) : colon])
        if word and fold_token(word[-1]) in _CREDIT_WORDS:
            start = text.rfind(word[-1], 0, colon)
            if len(word) > 1 and fold_token(word[-1]) in ("hoa", "ke"):
                start = text.rfind(word[-2], 0, start)
            stop = colon + 1
            while stop < len(text) and stop - colon <= 60 and text[stop] not in ".\n":
                stop += 1
            spans.append((start, stop))
        colon = text.find(":", colon + 1)
    return spans


def strip_boilerplate(text: str) -> str:
    """Normalised text without outlet tags, credit lines and a trailing byline."""
    spans = [span for match in _PAREN.finditer(text) if (span := _tag_span(text, match))]
    spans += _credit_spans(text)
    for match in _ACRONYM_TAG.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        if text[max(0, start - 5) : start] in ("Theo ", "theo "):
            start -= 5
        spans.append((start, match.end()))
    if spans:
        pieces, position = [], 0
        for start, stop in sorted(spans):
            if start > position:
                pieces.append(text[position:start])
            position = max(position, stop)
        pieces.append(text[position:])
        text = " ".join(pieces)
    lines = text.rstrip().split("\n")
    if len(lines) > 1:
        last = lines[-1].strip()
        if len(_WORD.findall(last)) <= _BYLINE_MAX_WORDS and last[-1:] not in '.!?"”':
            lines.pop()
    return "\n".join(lines)


def _specifics(text: str) -> np.ndarray:
    """Hashes of numbers and of capitalised words that do not open a sentence (names, places)."""
    found = {
        _crc(match.group().replace(".", "").replace(",", "")) | _NUMBER_BIT
        for match in _NUMBER.finditer(text)
    }
    for match in _CAPITALISED.finditer(text):
        start = match.start()
        # A capital after "word " or ", " is a name; after a full stop, quote or line break it says nothing.
        # All-caps words never match: acronyms (UBND) are shared by every release.
        if start >= 2 and text[start - 1] == " " and (text[start - 2].isalnum() or text[start - 2] == ","):
            found.add(_crc(fold_token(match.group())) & ~_NUMBER_BIT)
    return np.array(sorted(found)[:_MAX_SPECIFICS], dtype=np.uint32)


def _shingle_hashes(words: list[str], k: int) -> np.ndarray:
    cache = _crcs
    tokens = np.array([cache.get(word) or _crc(word) for word in words], dtype=np.uint64)
    if len(tokens) < k:
        mixed = tokens * _MIX[0] if len(tokens) else tokens
    else:
        mixed = np.zeros(len(tokens) - k + 1, dtype=np.uint64)
        for offset in range(k):
            mixed += tokens[offset : offset + len(mixed)] * _MIX[offset % len(_MIX)]
    return np.unique((mixed >> np.uint64(32)) ^ (mixed & np.uint64(0xFFFFFFFF))).astype(np.uint32)


def fingerprint_normalized(
    text: str, title: str | None = None, params: DedupParams = DEFAULT_PARAMS
) -> Fingerprint:
    """:func:`fingerprint` of text (and title) that already went through :func:`loa.text.normalize`."""
    body = strip_boilerplate(text)
    words = fold_tokens(_WORD.findall(body))
    if title and len(words) < params.title_below:
        title_body = strip_boilerplate(title)
        words = fold_tokens(_WORD.findall(title_body)) + words
        body = title_body + ".\n" + body
    content_hash = hashlib.sha256(" ".join(words).encode("utf-8")).digest()
    shingles = _shingle_hashes(words, params.shingle)
    return Fingerprint(content_hash, _signature(shingles, params.num_perm), len(shingles), _specifics(body))


def fingerprint(text: str, title: str | None = None, params: DedupParams = DEFAULT_PARAMS) -> Fingerprint:
    """Fingerprint of an article body; the title counts only when the body is very short."""
    return fingerprint_normalized(normalize(text), normalize(title) if title else None, params)


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the folded, tag-free word sequence of ``text``: equal for exact republications."""
    return fingerprint(text).content_hash.hex()


# -------------------------------------------------------------------------------------------- stories


@dataclass(frozen=True)
class Match:
    """Why an article joined a story: the earlier article it matched and the estimates that decided."""

    article_id: str
    story_id: str
    jaccard: float
    containment: float
    names: float
    numbers: float
    exact: bool


def _specifics_overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, int]:
    """Share of the smaller set found in the other one, and how many of its items are missing there."""
    smaller = min(len(a), len(b))
    if smaller == 0:
        return 1.0, 0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / smaller, smaller - shared


@dataclass(frozen=True)
class Assignment:
    """Outcome of adding an article: its story, the match that decided it, and the stories that the
    article joined together (their ids are retired; rows that carry them now belong to ``story_id``)."""

    story_id: str
    match: Match | None
    merged: tuple[str, ...]


class StoryIndex:
    """Incremental story assignment over MinHash LSH.

    A new article joins the story of its best accepted candidate. When it is accepted by articles of
    several stories (two variants that each opened a story before the original arrived), those stories
    merge (union-find) under the id of the oldest one, so a story id is always the id of its first article.

    ``max_articles`` bounds memory (about 7 kB per article): beyond it the oldest articles leave the
    index, so a copy arriving much later opens a new story. Persist with :meth:`to_bytes` /
    :meth:`from_bytes`, or keep :meth:`Fingerprint.to_bytes` per article in the database and rebuild
    with :meth:`from_records`.
    """

    def __init__(self, params: DedupParams = DEFAULT_PARAMS, max_articles: int | None = None) -> None:
        if params.lsh_bands * params.lsh_rows > params.num_perm:
            raise ValueError("lsh_bands * lsh_rows must not exceed num_perm")
        self.params = params
        self.max_articles = max_articles
        self._lsh = MinHashLSH(num_perm=params.num_perm, params=(params.lsh_bands, params.lsh_rows))
        # article id -> (arrival number, story id when inserted, fingerprint), oldest first (evicted first).
        self._articles: OrderedDict[str, tuple[int, str, Fingerprint]] = OrderedDict()
        self._arrivals = 0
        self._exact: dict[bytes, str] = {}
        # live story id -> [arrival of its first article, articles in the index]
        self._stories: dict[str, list[int]] = {}
        # retired story id -> the story it was merged into (union-find parent)
        self._parent: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._articles)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

    def _find(self, story_id: str) -> str:
        root = story_id
        while root in self._parent:
            root = self._parent[root]
        while story_id != root:  # path compression
            self._parent[story_id], story_id = root, self._parent[story_id]
        return root

    def canonical(self, story_id: str) -> str:
        """The id a story goes by now: itself, or the story it was merged into."""
        return self._find(story_id)

    def story_of(self, article_id: str) -> str | None:
        entry = self._articles.get(article_id)
        return self._find(entry[1]) if entry else None

    def add(self, article_id: str, text: str, title: str | None = None) -> str:
        """Index an article and return its story id (the id of the story's first article)."""
        return self.assign(article_id, fingerprint(text, title, self.params)).story_id

    def add_fingerprint(self, article_id: str, fp: Fingerprint) -> str:
        return self.assign(article_id, fp).story_id

    def assign(self, article_id: str, fp: Fingerprint) -> Assignment:
        """Index an article; an id seen before keeps its story."""
        if article_id in self._articles:
            return Assignment(self._find(self._articles[article_id][1]), None, ())
        matches = self.matches(fp)
        if not matches:
            self.insert(article_id, article_id, fp)
            return Assignment(article_id, None, ())
        stories = sorted({m.story_id for m in matches}, key=lambda story: self._stories[story][0])
        oldest = stories[0]
        for retired in stories[1:]:
            self._parent[retired] = oldest
            self._stories[oldest][1] += self._stories.pop(retired)[1]
        self.insert(article_id, oldest, fp)
        return Assignment(oldest, matches[0], tuple(stories[1:]))

    def matches(self, fp: Fingerprint) -> list[Match]:
        """Every indexed article that ``fp`` duplicates, best first. Does not change the index."""
        if fp.empty:
            return []
        ranked: list[tuple[tuple[float, float, int], Match]] = []
        exact_id = self._exact.get(fp.content_hash)
        if exact_id is not None:
            arrival, story_id, _ = self._articles[exact_id]
            ranked.append(
                ((2.0, 1.0, -arrival), Match(exact_id, self._find(story_id), 1.0, 1.0, 1.0, 1.0, True))
            )
        # Near-duplicates are looked up even after an exact hit: they may belong to other stories to merge.
        for candidate_id in self._lsh.query(_minhash(self.params.num_perm, fp.signature)):
            if candidate_id == exact_id:
                continue
            arrival, story_id, other = self._articles[candidate_id]
            verdict = self._verify(fp, other)
            if verdict is None:
                continue
            jaccard, containment, names, numbers = verdict
            match = Match(
                candidate_id, self._find(story_id), jaccard, containment, names, numbers, exact=False
            )
            # Ties go to the earlier article, so the result never depends on set iteration order.
            ranked.append(((jaccard, containment, -arrival), match))
        ranked.sort(key=lambda pair: pair[0], reverse=True)
        return [match for _, match in ranked]

    def _verify(self, fp: Fingerprint, other: Fingerprint) -> tuple[float, float, float, float] | None:
        params = self.params
        jaccard = float(np.count_nonzero(fp.signature == other.signature)) / len(fp.signature)
        smaller = min(fp.size, other.size)
        shared = jaccard * (fp.size + other.size) / (1.0 + jaccard)
        containment = min(1.0, shared / smaller) if smaller else 0.0
        similar = jaccard >= params.jaccard or (
            containment >= params.containment and smaller >= params.min_containment_size
        )
        if not similar:
            return None
        names_a, numbers_a = fp.names_and_numbers()
        names_b, numbers_b = other.names_and_numbers()
        names, missing_names = _specifics_overlap(names_a, names_b)
        if missing_names >= params.min_missing and names < params.names:
            return None
        numbers, missing_numbers = _specifics_overlap(numbers_a, numbers_b)
        if missing_numbers >= params.min_missing and numbers < params.numbers:
            return None
        return jaccard, containment, names, numbers

    def insert(self, article_id: str, story_id: str, fp: Fingerprint) -> None:
        """Put an article with a known story into the index (rebuilding from stored records)."""
        if article_id in self._articles:
            return
        if len(fp.signature) != self.params.num_perm:
            raise ValueError("fingerprint made with another number of permutations")
        story_id = self._find(story_id)
        self._articles[article_id] = (self._arrivals, story_id, fp)
        self._stories.setdefault(story_id, [self._arrivals, 0])[1] += 1
        self._arrivals += 1
        if not fp.empty:
            self._exact.setdefault(fp.content_hash, article_id)
            self._lsh.insert(
                article_id, _minhash(self.params.num_perm, fp.signature), check_duplication=False
            )
        if self.max_articles is not None:
            while len(self._articles) > self.max_articles:
                self._evict()

    def _evict(self) -> None:
        article_id, (_, story_id, fp) = self._articles.popitem(last=False)
        story = self._find(story_id)
        self._stories[story][1] -= 1
        if not self._stories[story][1]:
            del self._stories[story]
        if not fp.empty:
            self._lsh.remove(article_id)
            if self._exact.get(fp.content_hash) == article_id:
                del self._exact[fp.content_hash]

    def records(self) -> Iterable[tuple[str, str, bytes]]:
        """(article id, story id, fingerprint bytes) in arrival order."""
        for article_id, (_, story_id, fp) in self._articles.items():
            yield article_id, self._find(story_id), fp.to_bytes()

    @classmethod
    def from_records(
        cls,
        records: Iterable[tuple[str, str, bytes]],
        params: DedupParams = DEFAULT_PARAMS,
        max_articles: int | None = None,
    ) -> StoryIndex:
        """Rebuild an index from stored (article id, story id, fingerprint bytes), oldest first."""
        index = cls(params, max_articles)
        for article_id, story_id, data in records:
            index.insert(article_id, story_id, Fingerprint.from_bytes(data))
        return index

    # Serialised form: magic, the parameters, then length-prefixed records.
    _MAGIC = b"LOASTORY1"
    _PARAMS = struct.Struct("<HHHHddIddIIi")
    _LEN = struct.Struct("<I")

    def to_bytes(self) -> bytes:
        p = self.params
        chunks = [
            self._MAGIC,
            self._PARAMS.pack(
                p.num_perm,
                p.shingle,
                p.lsh_bands,
                p.lsh_rows,
                p.jaccard,
                p.containment,
                p.min_containment_size,
                p.names,
                p.numbers,
                p.min_missing,
                p.title_below,
                -1 if self.max_articles is None else self.max_articles,
            ),
        ]
        for article_id, story_id, data in self.records():
            for field in (article_id.encode("utf-8"), story_id.encode("utf-8"), data):
                chunks.append(self._LEN.pack(len(field)))
                chunks.append(field)
        return b"".join(chunks)

    @classmethod
    def from_bytes(cls, data: bytes) -> StoryIndex:
        if not data.startswith(cls._MAGIC):
            raise ValueError("not a serialised StoryIndex")
        offset = len(cls._MAGIC)
        values = cls._PARAMS.unpack_from(data, offset)
        offset += cls._PARAMS.size
        params = DedupParams(*values[:11])
        index = cls(params, None if values[11] < 0 else values[11])
        fields: list[bytes] = []
        while offset < len(data):
            (length,) = cls._LEN.unpack_from(data, offset)
            offset += cls._LEN.size
            fields.append(data[offset : offset + length])
            offset += length
            if len(fields) == 3:
                index.insert(
                    fields[0].decode("utf-8"), fields[1].decode("utf-8"), Fingerprint.from_bytes(fields[2])
                )
                fields = []
        if fields:
            raise ValueError("truncated StoryIndex")
        return index


def assign_stories(
    items: Iterable[tuple[str, str, str | None]], params: DedupParams = DEFAULT_PARAMS
) -> dict[str, str]:
    """Story id of each (id, text, title), taken in the given order: pass them oldest first."""
    index = StoryIndex(params)
    ids = []
    for article_id, text, title in items:
        index.add(article_id, text, title)
        ids.append(article_id)
    # Later articles can merge earlier stories: read every story id back at the end.
    return {article_id: index.story_of(article_id) or article_id for article_id in ids}
