"""A loopback HTTP server that misbehaves on purpose, for fetcher and feed tests.

Every way real sites have broken Loa's collectors gets an endpoint:

* feeds: ``/feed/broken.xml`` (bad XML after three good items), ``/feed/html.xml`` (an HTML page
  served as RSS), ``/feed/truncated.xml`` (cut off mid-item)
* charsets: ``/charset/cp1258`` (Windows-1258, no charset anywhere), ``/charset/cp1252-lie`` (UTF-8
  body, header says windows-1252), ``/charset/tcvn3`` (legacy TCVN3 text served as ISO-8859-1),
  ``/charset/meta-cp1258`` (charset only in ``<meta>``)
* size: ``/big?mb=50`` (streamed in 64 KiB chunks, never held in memory; ``&length=0`` omits
  Content-Length so the client must count); :meth:`FaultServer.bytes_sent` tells how much went out
* redirects: ``/redirect/loop/a`` ↔ ``/redirect/loop/b``, ``/redirect/chain/<n>``,
  ``/redirect/to-private`` (into a robots-disallowed path)
* timing: ``/slow?delay=2`` (headers late), ``/trickle?chunks=20&interval=0.1`` (body drips)
* errors: ``/flaky?key=k&fail=3&status=503`` (fails ``fail`` times then works), ``/always/<status>``,
  ``/ratelimit?key=k&fail=1&retry_after=1`` (429 with Retry-After, then works)
* caching: ``/conditional`` (ETag and Last-Modified; 304 on a match)
* encodings: ``/gzip``, ``/deflate``, ``/bad-gzip`` (says gzip, is not)
* robots: ``/robots.txt`` disallows ``/private/``; ``/ok`` is a plain UTF-8 page

:meth:`FaultServer.hits` counts requests per path, so tests can see retries and robots caching.
"""

from __future__ import annotations

import gzip
import threading
import time
import unicodedata
import zlib
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from loa.demo.httpserver import QuietHandler, QuietServer, RunningServer

VIETNAMESE_SAMPLE = (
    "Ủy ban nhân dân tỉnh Thái Nguyên thông báo: người dân xã Ba Bể có thể nộp hồ sơ trực tuyến, "
    "được hướng dẫn tận tình tại bộ phận một cửa. Đường giao thông liên xã đã được sửa chữa."
)
# The same announcement as an old office PC would have typed it with the .VnTime (TCVN3) fonts.
TCVN3_TEXT = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam. Thông báo của Sở Nội vụ tỉnh Thái Nguyên về việc tuyển dụng "
    "công chức cấp xã năm nay: thí sinh nộp hồ sơ trực tiếp tại bộ phận một cửa."
)
TCVN3_BYTES = (
    b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam. Th\xabng b\xb8o c\xf1a S\xeb N\xe9i v\xf4 t\xd8nh "
    b"Th\xb8i Nguy\xaan v\xd2 vi\xd6c tuy\xd3n d\xf4ng c\xabng ch\xf8c c\xcap x\xb7 n\xa8m nay: th\xdd sinh n\xe9p "
    b"h\xe5 s\xac tr\xf9c ti\xd5p t\xb9i b\xe9 ph\xcbn m\xe9t c\xf6a."
)
_TONES = "\u0300\u0301\u0303\u0309\u0323"
CONDITIONAL_ETAG = '"loa-fault-v1"'
CONDITIONAL_LAST_MODIFIED = "Mon, 03 Nov 2025 08:00:00 GMT"
_CHUNK = 64 * 1024


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: precomposed base letters, tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out += (base + tone).encode("cp1258")
    return bytes(out)


def _page(body: str, charset_meta: str = "") -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return f"<!DOCTYPE html><html lang='vi'><head>{meta}<title>Trang thử</title></head><body><p>{body}</p></body></html>"


def _rss_items(count: int) -> str:
    return "".join(
        f"<item><title>Tin thử số {i}</title><link>http://example.invalid/tin-{i}.html</link>"
        f"<guid>tin-{i}</guid><pubDate>Mon, 03 Nov 2025 0{i}:00:00 +0700</pubDate></item>"
        for i in range(1, count + 1)
    )


BROKEN_FEED = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Nguồn lỗi</title>'
    + _rss_items(3)
    + "<item><title>Tin hỏng & không thoát ký tự <b></title><link>http://example.invalid/hong</item>"
    + "</channel></rss>"
).encode()
TRUNCATED_FEED = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Nguồn bị cắt</title>'
    + _rss_items(3)
    + "<item><title>Tin bị cắt ngang</ti"
).encode()
HTML_FEED = _page("Trang chủ của báo (không phải RSS). Mời bạn đọc xem tin mới nhất.", "utf-8").encode()


class FaultHandler(QuietHandler):
    server: FaultServer

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.server.record(path)
        route = _ROUTES.get(path)
        if route is not None:
            route(self, query)
        elif path.startswith("/redirect/chain/"):
            remaining = int(path.rsplit("/", 1)[1] or 0)
            target = "/ok" if remaining <= 0 else f"/redirect/chain/{remaining - 1}"
            self._redirect(target)
        elif path.startswith("/always/"):
            status = int(path.rsplit("/", 1)[1])
            self.send_body(status, f"lỗi {status}".encode(), "text/plain; charset=utf-8")
        elif path.startswith("/private/"):
            self.send_body(200, _page("Trang riêng tư.", "utf-8").encode(), "text/html; charset=utf-8")
        else:
            self.send_body(404, b"not found", "text/plain")

    def _redirect(self, target: str, status: int = 302) -> None:
        self.send_body(status, b"", "text/plain", {"Location": target})

    # -- routes --

    def robots(self, _q: dict[str, str]) -> None:
        self.send_body(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")

    def ok(self, _q: dict[str, str]) -> None:
        self.send_body(200, _page(VIETNAMESE_SAMPLE, "utf-8").encode(), "text/html; charset=utf-8")

    def broken_feed(self, _q: dict[str, str]) -> None:
        self.send_body(200, BROKEN_FEED, "application/rss+xml; charset=utf-8")

    def html_feed(self, _q: dict[str, str]) -> None:
        self.send_body(200, HTML_FEED, "application/rss+xml; charset=utf-8")

    def truncated_feed(self, _q: dict[str, str]) -> None:
        self.send_body(200, TRUNCATED_FEED, "application/rss+xml; charset=utf-8")

    def cp1258(self, _q: dict[str, str]) -> None:
        self.send_body(200, encode_cp1258(_page(VIETNAMESE_SAMPLE)), "text/html")

    def meta_cp1258(self, _q: dict[str, str]) -> None:
        self.send_body(200, encode_cp1258(_page(VIETNAMESE_SAMPLE, "windows-1258")), "text/html")

    def cp1252_lie(self, _q: dict[str, str]) -> None:
        self.send_body(200, _page(VIETNAMESE_SAMPLE).encode("utf-8"), "text/html; charset=windows-1252")

    def tcvn3(self, _q: dict[str, str]) -> None:
        body = b"<html><body><font face='.VnTime'><p>" + TCVN3_BYTES + b"</p></font></body></html>"
        self.send_body(200, body, "text/html; charset=iso-8859-1")

    def big(self, q: dict[str, str]) -> None:
        total = int(float(q.get("mb", "50")) * 1024 * 1024)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if q.get("length", "1") == "1":
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        chunk = (b"<p>" + VIETNAMESE_SAMPLE.encode() + b"</p>\n") * (_CHUNK // 300)
        sent = 0
        try:
            while sent < total:
                piece = chunk[: total - sent]
                self.wfile.write(piece)
                sent += len(piece)
                self.server.count_bytes(self.path, len(piece))
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    def loop_a(self, _q: dict[str, str]) -> None:
        self._redirect("/redirect/loop/b")

    def loop_b(self, _q: dict[str, str]) -> None:
        self._redirect("/redirect/loop/a", 301)

    def to_private(self, _q: dict[str, str]) -> None:
        self._redirect("/private/secret")

    def slow(self, q: dict[str, str]) -> None:
        time.sleep(float(q.get("delay", "2")))
        self.ok(q)

    def trickle(self, q: dict[str, str]) -> None:
        chunks, interval = int(q.get("chunks", "20")), float(q.get("interval", "0.1"))
        piece = b"<p>" + VIETNAMESE_SAMPLE.encode() + b"</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(piece) * chunks))
        self.end_headers()
        try:
            for _ in range(chunks):
                self.wfile.write(piece)
                self.wfile.flush()
                time.sleep(interval)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    def flaky(self, q: dict[str, str]) -> None:
        seen = self.server.bump(f"flaky:{q.get('key', '')}")
        if seen <= int(q.get("fail", "3")):
            status = int(q.get("status", "503"))
            self.send_body(status, b"temporarily broken", "text/plain")
        else:
            self.ok(q)

    def ratelimit(self, q: dict[str, str]) -> None:
        seen = self.server.bump(f"ratelimit:{q.get('key', '')}")
        if seen <= int(q.get("fail", "1")):
            self.send_body(429, b"slow down", "text/plain", {"Retry-After": q.get("retry_after", "1")})
        else:
            self.ok(q)

    def conditional(self, _q: dict[str, str]) -> None:
        validators = {"ETag": CONDITIONAL_ETAG, "Last-Modified": CONDITIONAL_LAST_MODIFIED}
        match = self.headers.get("If-None-Match") == CONDITIONAL_ETAG
        unchanged = self.headers.get("If-Modified-Since") == CONDITIONAL_LAST_MODIFIED
        if match or (self.headers.get("If-None-Match") is None and unchanged):
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_body(
            200, _page(VIETNAMESE_SAMPLE, "utf-8").encode(), "text/html; charset=utf-8", validators
        )

    def gzip_page(self, _q: dict[str, str]) -> None:
        body = gzip.compress(_page(VIETNAMESE_SAMPLE, "utf-8").encode())
        self.send_body(200, body, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})

    def deflate_page(self, _q: dict[str, str]) -> None:
        body = zlib.compress(_page(VIETNAMESE_SAMPLE, "utf-8").encode())
        self.send_body(200, body, "text/html; charset=utf-8", {"Content-Encoding": "deflate"})

    def bad_gzip(self, _q: dict[str, str]) -> None:
        self.send_body(200, b"this is not gzip at all" * 10, "text/html", {"Content-Encoding": "gzip"})


_ROUTES = {
    "/robots.txt": FaultHandler.robots,
    "/ok": FaultHandler.ok,
    "/feed/broken.xml": FaultHandler.broken_feed,
    "/feed/html.xml": FaultHandler.html_feed,
    "/feed/truncated.xml": FaultHandler.truncated_feed,
    "/charset/cp1258": FaultHandler.cp1258,
    "/charset/meta-cp1258": FaultHandler.meta_cp1258,
    "/charset/cp1252-lie": FaultHandler.cp1252_lie,
    "/charset/tcvn3": FaultHandler.tcvn3,
    "/big": FaultHandler.big,
    "/redirect/loop/a": FaultHandler.loop_a,
    "/redirect/loop/b": FaultHandler.loop_b,
    "/redirect/to-private": FaultHandler.to_private,
    "/slow": FaultHandler.slow,
    "/trickle": FaultHandler.trickle,
    "/flaky": FaultHandler.flaky,
    "/ratelimit": FaultHandler.ratelimit,
    "/conditional": FaultHandler.conditional,
    "/gzip": FaultHandler.gzip_page,
    "/deflate": FaultHandler.deflate_page,
    "/bad-gzip": FaultHandler.bad_gzip,
}


class FaultServer(QuietServer):
    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, FaultHandler)
        self._lock = threading.Lock()
        self._hits: Counter[str] = Counter()
        self._counters: Counter[str] = Counter()
        self._bytes: Counter[str] = Counter()

    def record(self, path: str) -> None:
        with self._lock:
            self._hits[path] += 1

    def bump(self, key: str) -> int:
        with self._lock:
            self._counters[key] += 1
            return self._counters[key]

    def count_bytes(self, request_path: str, size: int) -> None:
        with self._lock:
            self._bytes[request_path] += size

    def hits(self, path: str) -> int:
        with self._lock:
            return self._hits[path]

    def bytes_sent(self, request_path: str) -> int:
        """Body bytes written for a request path (query included), e.g. "/big?mb=50"."""
        with self._lock:
            return self._bytes[request_path]


def start_fault_server(host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Serve the faults from a background thread on loopback; ``port=0`` picks a free port."""
    return RunningServer(FaultServer((host, port)))


def fault_server_of(running: RunningServer) -> FaultServer:
    if not isinstance(running.server, FaultServer):
        raise TypeError("not a fault server")
    return running.server
