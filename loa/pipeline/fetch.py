"""Polite HTTP fetching with a typed outcome: :class:`FetchResult` or :class:`FetchError`, never an exception.

What it does for every URL:

* robots.txt (RFC 9309, read with ``urllib.robotparser``), cached per host for ``robots_ttl``;
  a missing robots.txt (4xx) allows everything, a server error (5xx) disallows everything for
  ``robots_error_ttl``; when the host cannot be reached at all the page gets that network error
  (dns, refused, timeout...), not "robots"; ``Crawl-delay`` lengthens the per-host delay (capped);
* per-host politeness: at most ``per_host_concurrency`` requests in flight and ``per_host_min_delay``
  seconds between request starts;
* conditional GET: ``etag``/``last_modified`` from stored state go out as If-None-Match /
  If-Modified-Since; a 304 comes back as ``FetchResult(not_modified=True)`` with the validators;
* timeouts: connect, read (per chunk) and a total budget per attempt checked while streaming;
* retries with exponential backoff and jitter on timeouts, connection errors, 5xx and 429, honouring
  Retry-After; a wait longer than ``max_retry_wait`` is not slept but returned as ``retry_after``;
* a size cap: Content-Length above it, or a body growing past it, aborts with ``too_large`` without
  reading the rest;
* redirects followed by hand (robots checked at every hop), with a limit and loop detection;
* charset: HTTP header, BOM, ``<meta charset>``/XML declaration, strict UTF-8, then
  charset-normalizer (which recognises Windows-1258); a header claiming a Western single-byte
  charset over a valid UTF-8 body is not believed; TCVN3/VNI text is repaired by
  :func:`loa.text.repair_encoding` (on pages decoded as Latin-1/Windows-1252, or holding no
  Unicode-only Vietnamese letter: legacy text pasted into an otherwise Unicode page stays as it is).

The network is an ``httpx`` transport: pass ``httpx.MockTransport`` to test without sockets. The clock,
``sleep`` and the jitter source are injected too.
"""

from __future__ import annotations

import codecs
import random
import re
import threading
import time
import unicodedata
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

import charset_normalizer
import httpx

from loa.text import repair_encoding

FetchErrorKind = Literal[
    "bad_url",
    "dns",
    "refused",
    "tls",
    "network",
    "timeout",
    "protocol",
    "compression",
    "robots",
    "redirect_loop",
    "too_many_redirects",
    "too_large",
    "http_4xx",
    "http_429",
    "http_5xx",
    "bad_encoding",
]

MESSAGES_VI: dict[FetchErrorKind, str] = {
    "bad_url": "Địa chỉ không hợp lệ",
    "dns": "Không tìm thấy tên miền (lỗi DNS)",
    "refused": "Máy chủ từ chối kết nối",
    "tls": "Lỗi chứng chỉ bảo mật (TLS/SSL)",
    "network": "Kết nối mạng bị gián đoạn",
    "timeout": "Hết thời gian chờ máy chủ phản hồi",
    "protocol": "Máy chủ trả về dữ liệu sai giao thức HTTP",
    "compression": "Dữ liệu nén (gzip/deflate) bị hỏng",
    "robots": "robots.txt của trang không cho phép thu thập địa chỉ này",
    "redirect_loop": "Chuyển hướng vòng lặp",
    "too_many_redirects": "Chuyển hướng quá nhiều lần",
    "too_large": "Trang quá lớn, đã dừng tải",
    "http_4xx": "Trang không tồn tại hoặc không được phép truy cập",
    "http_429": "Máy chủ yêu cầu giảm tần suất truy cập (429)",
    "http_5xx": "Máy chủ gặp lỗi",
    "bad_encoding": "Không xác định được bảng mã của trang",
}

RETRYABLE: frozenset[FetchErrorKind] = frozenset(
    {"dns", "refused", "network", "timeout", "protocol", "http_429", "http_5xx"}
)
TEXT_TYPES = (
    "text/",
    "application/xhtml",
    "application/xml",
    "application/rss",
    "application/atom",
    "application/json",
)
_KEPT_HEADERS = (
    "content-type",
    "content-length",
    "content-encoding",
    "content-language",
    "etag",
    "last-modified",
    "date",
    "cache-control",
    "retry-after",
    "x-robots-tag",
)
# Charsets a server may claim by default while actually sending UTF-8.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_1", "ascii", "iso8859_15"})
# Letters no single-byte Western charset can produce (ă đ ĩ ũ ơ ư and the U+1EA0 block).
_UNICODE_VIETNAMESE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class FetchPolicy:
    """Politeness, limits and identity. Loa's settings build one; tests pass tiny timeouts."""

    user_agent: str = "LoaBot/0.1 (+https://loa.example.vn/bot)"
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 30.0  # per attempt, checked while the body streams
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    max_retries: int = 3  # retries after the first attempt
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    max_retry_wait: float = 30.0  # longer waits are returned as retry_after instead of slept
    per_host_concurrency: int = 2
    per_host_min_delay: float = 1.0
    max_crawl_delay: float = 30.0
    respect_robots: bool = True
    robots_ttl: float = 3600.0
    robots_error_ttl: float = 600.0
    robots_max_bytes: int = 512 * 1024
    max_connections: int = 32
    trust_env: bool = True  # HTTP(S)_PROXY from the environment


@dataclass(frozen=True)
class FetchRequest:
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    headers: Mapping[str, str]  # the subset in _KEPT_HEADERS, lowercase names
    body: bytes  # after transfer decoding (gzip/deflate), before charset decoding
    text: str  # decoded, NFC; "" for non-text content and for 304
    encoding: str  # Python codec name, "+tcvn3"/"+vni" when legacy text was repaired; "" if not text
    etag: str | None
    last_modified: str | None
    not_modified: bool
    elapsed: float  # seconds, all attempts and waits included
    redirects: tuple[str, ...] = ()
    attempts: int = 1

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass(frozen=True)
class FetchError:
    url: str
    kind: FetchErrorKind
    message_vi: str
    retry_after: float | None = None  # seconds the caller should wait before trying again
    status: int | None = None
    attempts: int = 1
    elapsed: float = 0.0
    detail: str = ""  # technical detail for logs (exception text, status line)

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE


Outcome = FetchResult | FetchError


def _error(
    url: str,
    kind: FetchErrorKind,
    detail: str = "",
    *,
    status: int | None = None,
    retry_after: float | None = None,
) -> FetchError:
    message = MESSAGES_VI[kind]
    if status is not None:
        message = f"{message} (HTTP {status})"
    return FetchError(url, kind, message, retry_after=retry_after, status=status, detail=detail)


# --- charset -------------------------------------------------------------------------------------


def _codec(name: str | bytes | None) -> str | None:
    if not name:
        return None
    label = name.decode("ascii", "ignore") if isinstance(name, bytes) else name
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _declared(body: bytes, content_type: str | None) -> list[tuple[str, str]]:
    """Charsets the response declares, strongest first: (codec, where it came from)."""
    found: list[tuple[str, str]] = []
    match = _HEADER_CHARSET.search(content_type or "")
    codec = _codec(match.group(1)) if match else None
    if codec:
        found.append((codec, "header"))
    head = body[:4096]
    for pattern, source in ((_XML_ENCODING, "xml"), (_META_CHARSET, "meta")):
        match_bytes = pattern.search(head)
        codec = _codec(match_bytes.group(1)) if match_bytes else None
        if codec:
            found.append((codec, source))
    return found


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str] | None:
    """(text, encoding) of a textual body, or None when no charset gives sensible text.

    Order: BOM, declared charsets (header, XML declaration, meta) unless a Western single-byte claim
    sits on a valid UTF-8 body, strict UTF-8, charset-normalizer. The text is NFC (Windows-1258
    writes tones as combining marks) and TCVN3/VNI text is converted to Unicode.
    """
    if not body:
        return "", "utf-8"
    text: str | None = None
    encoding = ""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            text, encoding = body.decode(codec, errors="replace"), codec.removesuffix("-sig")
            break
    if text is None:
        has_non_ascii = not body.isascii()
        for codec, _source in _declared(body, content_type):
            if codec in _WESTERN and has_non_ascii and _is_utf8(body):
                continue  # the "cp1252 lie": servers default to Latin-1 while the page is UTF-8
            try:
                text, encoding = body.decode(codec), codec
                break
            except (UnicodeDecodeError, LookupError):
                continue
    if text is None and _is_utf8(body):
        text, encoding = body.decode("utf-8"), "utf-8"
    if text is None:
        best = charset_normalizer.from_bytes(body[: 256 * 1024]).best()
        if best is None:
            return None
        encoding = _codec(best.encoding) or best.encoding
        text = body.decode(encoding, errors="replace")
        if text.count("\ufffd") > max(8, len(text) // 50):
            return None
    text = unicodedata.normalize("NFC", text)
    # TCVN3/VNI arrive disguised as Latin-1. A page decoded with another charset that already holds
    # Unicode-only Vietnamese letters is Unicode Vietnamese: skipping the detector there saves ~4 ms.
    if encoding in _WESTERN or not _UNICODE_VIETNAMESE.search(text):
        repaired, legacy = repair_encoding(text)
        if legacy is not None:
            return repaired, f"{encoding}+{legacy}"
    return text, encoding


# --- politeness ----------------------------------------------------------------------------------


class _HostGate:
    """At most ``concurrency`` requests in flight to one host, starts at least ``delay`` apart."""

    def __init__(
        self, concurrency: int, delay: float, clock: Callable[[], float], sleep: Callable[[float], None]
    ):
        self._slots = threading.BoundedSemaphore(max(1, concurrency))
        self._lock = threading.Lock()
        self._next_start = 0.0
        self.delay = delay
        self._clock = clock
        self._sleep = sleep

    def __enter__(self) -> None:
        self._slots.acquire()
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start)
            self._next_start = start + self.delay
        if start > now:
            self._sleep(start - now)

    def __exit__(self, *exc: object) -> None:
        self._slots.release()


@dataclass
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None  # None with allow_all/deny_all
    allow_all: bool
    expires: float
    detail: str = ""
    unreachable: FetchErrorKind | None = None  # the host itself could not be reached: not cached


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _retry_after(value: str | None, now_epoch: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, moment.timestamp() - now_epoch)


def _classify(exc: httpx.HTTPError) -> FetchErrorKind:
    text = str(exc).lower()
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return "bad_url"
    if isinstance(exc, httpx.ConnectError):
        if any(
            s in text for s in ("name or service", "nodename", "getaddrinfo", "name resolution", "no address")
        ):
            return "dns"
        if "refused" in text or "errno 111" in text or "errno 61" in text:
            return "refused"
        if "ssl" in text or "certificate" in text or "tls" in text:
            return "tls"
        return "network"
    if isinstance(exc, httpx.DecodingError):
        return "compression"
    if isinstance(exc, httpx.ProtocolError):
        return "protocol"
    return "network"


@dataclass
class _Attempt:
    """State of one attempt across redirect hops."""

    url: str
    etag: str | None
    last_modified: str | None
    deadline: float
    redirects: list[str] = field(default_factory=list)


class Fetcher:
    """Thread-safe fetcher; share one per worker process so connections and robots.txt are reused."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._clock = clock
        self._wall_clock = wall_clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._rng_lock = threading.Lock()
        p = self.policy
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(
                connect=p.connect_timeout, read=p.read_timeout, write=p.read_timeout, pool=p.total_timeout
            ),
            limits=httpx.Limits(
                max_connections=p.max_connections, max_keepalive_connections=p.max_connections
            ),
            follow_redirects=False,
            trust_env=p.trust_env,
            headers={
                "User-Agent": p.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                "application/xml;q=0.9,*/*;q=0.8",
                "Accept-Language": "vi,en;q=0.5",
            },
        )
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    # -- lifecycle --

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- public API --

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Outcome:
        """Fetch one URL with retries. Conditional when ``etag``/``last_modified`` are given."""
        start = self._clock()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return _error(url, "bad_url", f"unsupported URL {url!r}")
        attempts = 0
        while True:
            attempts += 1
            outcome = self._attempt(
                _Attempt(url, etag, last_modified, self._clock() + self.policy.total_timeout)
            )
            elapsed = self._clock() - start
            if (
                isinstance(outcome, FetchResult)
                or not outcome.retryable
                or attempts > self.policy.max_retries
            ):
                return replace(outcome, attempts=attempts, elapsed=elapsed)
            wait = self._backoff(attempts)
            if outcome.retry_after is not None:
                wait = max(wait, outcome.retry_after)
            if wait > self.policy.max_retry_wait:
                return replace(outcome, attempts=attempts, elapsed=elapsed, retry_after=wait)
            self._sleep(wait)

    def fetch_request(self, request: FetchRequest) -> Outcome:
        return self.fetch(request.url, etag=request.etag, last_modified=request.last_modified)

    def fetch_many(
        self, requests: Iterable[FetchRequest], workers: int = 8
    ) -> Iterator[tuple[FetchRequest, Outcome]]:
        """Fetch concurrently (threads; per-host limits still apply); yields in completion order."""
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="loa-fetch") as pool:
            futures = {pool.submit(self.fetch_request, r): r for r in requests}
            for future in as_completed(futures):
                yield futures[future], future.result()

    def robots_allowed(self, url: str) -> FetchError | None:
        """None when robots.txt lets LoaBot fetch ``url``, else the error to report."""
        if not self.policy.respect_robots:
            return None
        robots = self._robots_for(url)
        if robots.unreachable is not None:
            return _error(url, robots.unreachable, robots.detail)
        if robots.allow_all:
            return None
        if robots.parser is None:
            return _error(
                url, "robots", robots.detail or "robots.txt unreachable: complete disallow (RFC 9309)"
            )
        if robots.parser.can_fetch(self.policy.user_agent, url):
            return None
        return _error(url, "robots", "disallowed by robots.txt")

    # -- internals --

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.policy.backoff_max, self.policy.backoff_base * 2 ** (attempt - 1))
        with self._rng_lock:
            return ceiling / 2 + self._rng.uniform(0, ceiling / 2)  # "equal jitter"

    def _gate(self, url: str) -> _HostGate:
        key = _host_key(url)
        with self._lock:
            gate = self._gates.get(key)
            if gate is None:
                gate = self._gates[key] = _HostGate(
                    self.policy.per_host_concurrency, self.policy.per_host_min_delay, self._clock, self._sleep
                )
            return gate

    def _robots_for(self, url: str) -> _Robots:
        key = _host_key(url)
        with self._lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:
            cached = self._robots.get(key)
            if cached is not None and cached.expires > self._clock():
                return cached
            robots = self._load_robots(key)
            if robots.unreachable is None:
                self._robots[key] = robots
            return robots

    def _load_robots(self, host: str) -> _Robots:
        p = self.policy
        robots_url = host + "/robots.txt"
        try:
            with self._gate(robots_url):
                response = self._client.get(robots_url, follow_redirects=True)
        except httpx.HTTPError as exc:
            # The host is down or unknown: report that (and let the retry logic work), not "robots".
            return _Robots(None, False, 0.0, f"robots.txt: {type(exc).__name__}: {exc}", _classify(exc))
        if 400 <= response.status_code < 500:
            return _Robots(None, True, self._clock() + p.robots_ttl)
        if response.status_code >= 300:
            detail = f"robots.txt answered HTTP {response.status_code}"
            return _Robots(None, False, self._clock() + p.robots_error_ttl, detail)
        parser = urllib.robotparser.RobotFileParser(robots_url)
        parser.parse(response.content[: p.robots_max_bytes].decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(p.user_agent)
        if delay is not None:
            gate = self._gate(robots_url)
            gate.delay = max(gate.delay, min(float(delay), p.max_crawl_delay))
        return _Robots(parser, False, self._clock() + p.robots_ttl)

    def _attempt(self, state: _Attempt) -> Outcome:
        seen = {_canonical(state.url)}
        current = state.url
        for _hop in range(self.policy.max_redirects + 1):
            refused = self.robots_allowed(current)
            if refused is not None:
                return replace(refused, url=state.url)
            outcome = self._request(current, state)
            if isinstance(outcome, str):  # a redirect target
                target = outcome
                if _canonical(target) in seen:
                    return _error(state.url, "redirect_loop", f"{current} -> {target} was already visited")
                seen.add(_canonical(target))
                state.redirects.append(target)
                current = target
                continue
            return outcome
        return _error(state.url, "too_many_redirects", f"more than {self.policy.max_redirects} redirects")

    def _request(self, url: str, state: _Attempt) -> Outcome | str:
        headers: dict[str, str] = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            with self._gate(url), self._client.stream("GET", url, headers=headers) as response:
                return self._read(url, response, state)
        except httpx.HTTPError as exc:
            return _error(state.url, _classify(exc), f"{type(exc).__name__}: {exc}")

    def _read(self, url: str, response: httpx.Response, state: _Attempt) -> Outcome | str:
        status = response.status_code
        kept = {name: response.headers[name] for name in _KEPT_HEADERS if name in response.headers}
        location = response.headers.get("location")
        if status in (301, 302, 303, 307, 308) and location:
            return urljoin(url, location)
        retry_after = _retry_after(response.headers.get("retry-after"), self._wall_clock())
        if status == 429:
            return _error(state.url, "http_429", f"HTTP 429 at {url}", status=status, retry_after=retry_after)
        if status >= 500:
            return _error(
                state.url, "http_5xx", f"HTTP {status} at {url}", status=status, retry_after=retry_after
            )
        if status >= 400:
            return _error(state.url, "http_4xx", f"HTTP {status} at {url}", status=status)
        etag = response.headers.get("etag") or (state.etag if status == 304 else None)
        last_modified = response.headers.get("last-modified") or (
            state.last_modified if status == 304 else None
        )
        if status == 304:
            return FetchResult(
                state.url, url, 304, kept, b"", "", "", etag, last_modified, True, 0.0, tuple(state.redirects)
            )
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.policy.max_bytes:
            return _error(state.url, "too_large", f"Content-Length {declared} > {self.policy.max_bytes}")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                return _error(state.url, "too_large", f"body passed {self.policy.max_bytes} bytes")
            if self._clock() > state.deadline:
                return _error(state.url, "timeout", f"total time above {self.policy.total_timeout}s")
            chunks.append(chunk)
        body = b"".join(chunks)
        content_type = response.headers.get("content-type", "")
        text, encoding = "", ""
        if not content_type or content_type.split(";")[0].strip().lower().startswith(TEXT_TYPES):
            decoded = decode_body(body, content_type)
            if decoded is None:
                return _error(
                    state.url, "bad_encoding", f"undecodable {content_type or 'untyped'} body at {url}"
                )
            text, encoding = decoded
        return FetchResult(
            state.url,
            url,
            status,
            kept,
            body,
            text,
            encoding,
            etag,
            last_modified,
            False,
            0.0,
            tuple(state.redirects),
        )


def _canonical(url: str) -> str:
    """URL identity for loop detection: scheme and host lowercased, default port and fragment dropped."""
    parts = urlsplit(url)
    netloc = parts.netloc.lower()
    if (parts.scheme, parts.port) in (("http", 80), ("https", 443)):
        netloc = netloc.rsplit(":", 1)[0]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
