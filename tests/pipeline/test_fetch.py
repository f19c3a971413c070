"""The fetcher against the fault-injecting server on loopback, and against httpx.MockTransport."""

from __future__ import annotations

import random
import socket
from collections.abc import Callable, Iterator

import httpx
import pytest

from loa.demo.faults import (
    CONDITIONAL_ETAG,
    CONDITIONAL_LAST_MODIFIED,
    TCVN3_TEXT,
    VIETNAMESE_SAMPLE,
    FaultServer,
    encode_cp1258,
    fault_server_of,
    start_fault_server,
)
from loa.demo.httpserver import RunningServer
from loa.pipeline.fetch import Fetcher, FetchError, FetchPolicy, FetchRequest, FetchResult, decode_body

MB = 1024 * 1024
TINY = FetchPolicy(
    connect_timeout=0.5,
    read_timeout=0.3,
    total_timeout=1.0,
    max_bytes=1 * MB,
    max_retries=2,
    backoff_base=0.001,
    backoff_max=0.01,
    per_host_concurrency=4,
    per_host_min_delay=0.0,
    trust_env=False,
)


@pytest.fixture(scope="module")
def running() -> Iterator[RunningServer]:
    with start_fault_server() as server:
        yield server


@pytest.fixture
def faults(running: RunningServer) -> FaultServer:
    return fault_server_of(running)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(TINY) as instance:
        yield instance


def ok(outcome: FetchResult | FetchError) -> FetchResult:
    assert isinstance(outcome, FetchResult), outcome
    return outcome


def err(outcome: FetchResult | FetchError) -> FetchError:
    assert isinstance(outcome, FetchError), outcome
    return outcome


class TestFaultServer:
    def test_plain_page(self, fetcher: Fetcher, running: RunningServer) -> None:
        result = ok(fetcher.fetch(f"{running.url}/ok"))
        assert result.status == 200 and result.encoding == "utf-8"
        assert VIETNAMESE_SAMPLE in result.text
        assert result.content_type == "text/html"
        assert result.final_url == result.url and result.attempts == 1 and result.elapsed >= 0

    def test_conditional_get_yields_not_modified(self, fetcher: Fetcher, running: RunningServer) -> None:
        first = ok(fetcher.fetch(f"{running.url}/conditional"))
        assert (first.etag, first.last_modified) == (CONDITIONAL_ETAG, CONDITIONAL_LAST_MODIFIED)
        again = ok(fetcher.fetch(first.url, etag=first.etag, last_modified=first.last_modified))
        assert again.not_modified and again.status == 304 and again.body == b"" and again.text == ""
        assert again.etag == CONDITIONAL_ETAG
        by_date = ok(fetcher.fetch(first.url, last_modified=CONDITIONAL_LAST_MODIFIED))
        assert by_date.not_modified and by_date.last_modified == CONDITIONAL_LAST_MODIFIED
        stale = ok(fetcher.fetch(first.url, etag='"old"'))
        assert not stale.not_modified and VIETNAMESE_SAMPLE in stale.text

    @pytest.mark.parametrize("length", ["1", "0"])
    def test_50_mb_page_is_aborted_at_the_cap(
        self, fetcher: Fetcher, running: RunningServer, faults: FaultServer, length: str
    ) -> None:
        path = f"/big?mb=50&length={length}"
        error = err(fetcher.fetch(running.url + path))
        assert error.kind == "too_large" and error.attempts == 1
        # Socket buffers let the server write a little past the cap; nowhere near 50 MB.
        assert faults.bytes_sent(path) < 20 * MB

    def test_redirect_loop_is_detected(self, fetcher: Fetcher, running: RunningServer) -> None:
        error = err(fetcher.fetch(f"{running.url}/redirect/loop/a"))
        assert error.kind == "redirect_loop" and error.message_vi == "Chuyển hướng vòng lặp"

    def test_redirect_limit(self, fetcher: Fetcher, running: RunningServer) -> None:
        followed = ok(fetcher.fetch(f"{running.url}/redirect/chain/3"))
        assert followed.final_url == f"{running.url}/ok" and len(followed.redirects) == 4
        assert err(fetcher.fetch(f"{running.url}/redirect/chain/9")).kind == "too_many_redirects"

    def test_5xx_burst_is_retried_then_succeeds(
        self, fetcher: Fetcher, running: RunningServer, faults: FaultServer
    ) -> None:
        result = ok(fetcher.fetch(f"{running.url}/flaky?key=recover&fail=2"))
        assert result.attempts == 3
        assert VIETNAMESE_SAMPLE in result.text

    def test_5xx_burst_is_retried_then_fails(
        self, fetcher: Fetcher, running: RunningServer, faults: FaultServer
    ) -> None:
        before = faults.hits("/flaky")
        error = err(fetcher.fetch(f"{running.url}/flaky?key=down&fail=100&status=502"))
        assert error.kind == "http_5xx" and error.status == 502 and error.attempts == 3
        assert faults.hits("/flaky") - before == 3
        assert "HTTP 502" in error.message_vi

    def test_4xx_is_not_retried(self, fetcher: Fetcher, running: RunningServer) -> None:
        error = err(fetcher.fetch(f"{running.url}/always/404"))
        assert (error.kind, error.status, error.attempts) == ("http_4xx", 404, 1)

    def test_robots_disallow_is_honoured_and_cached(
        self, fetcher: Fetcher, running: RunningServer, faults: FaultServer
    ) -> None:
        before = faults.hits("/robots.txt")
        error = err(fetcher.fetch(f"{running.url}/private/report"))
        assert error.kind == "robots"
        assert err(fetcher.fetch(f"{running.url}/redirect/to-private")).kind == "robots"
        assert faults.hits("/private/report") == 0 and faults.hits("/private/secret") == 0
        ok(fetcher.fetch(f"{running.url}/ok"))
        assert faults.hits("/robots.txt") - before == 1

    def test_robots_can_be_switched_off(self, running: RunningServer) -> None:
        with Fetcher(FetchPolicy(respect_robots=False, trust_env=False)) as fetcher:
            ok(fetcher.fetch(f"{running.url}/private/report"))

    def test_slow_headers_time_out(self, fetcher: Fetcher, running: RunningServer) -> None:
        error = err(fetcher.fetch(f"{running.url}/slow?delay=0.6"))
        assert error.kind == "timeout" and error.attempts == 3

    def test_dripping_body_hits_the_total_timeout(self, running: RunningServer) -> None:
        policy = FetchPolicy(
            read_timeout=0.5, total_timeout=0.3, max_retries=0, per_host_min_delay=0, trust_env=False
        )
        with Fetcher(policy) as fetcher:
            error = err(fetcher.fetch(f"{running.url}/trickle?chunks=20&interval=0.05"))
        assert error.kind == "timeout" and "total" in error.detail

    def test_429_retry_after_is_honoured(self, running: RunningServer) -> None:
        waits: list[float] = []
        with Fetcher(TINY, sleep=waits.append) as fetcher:
            result = ok(fetcher.fetch(f"{running.url}/ratelimit?key=honour&fail=1&retry_after=7"))
        assert result.attempts == 2
        assert max(waits) >= 7

    def test_long_retry_after_is_returned_not_slept(self, running: RunningServer) -> None:
        waits: list[float] = []
        with Fetcher(TINY, sleep=waits.append) as fetcher:
            error = err(fetcher.fetch(f"{running.url}/ratelimit?key=long&fail=5&retry_after=3600"))
        assert error.kind == "http_429" and error.retry_after == 3600 and error.attempts == 1
        assert all(w < 3600 for w in waits)

    @pytest.mark.parametrize("path", ["/gzip", "/deflate"])
    def test_compressed_bodies(self, fetcher: Fetcher, running: RunningServer, path: str) -> None:
        result = ok(fetcher.fetch(running.url + path))
        assert result.headers["content-encoding"] in ("gzip", "deflate")
        assert VIETNAMESE_SAMPLE in result.text

    def test_broken_compression_is_not_retried(self, fetcher: Fetcher, running: RunningServer) -> None:
        error = err(fetcher.fetch(f"{running.url}/bad-gzip"))
        assert error.kind == "compression" and error.attempts == 1

    def test_refused_connection(self, fetcher: Fetcher) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        error = err(fetcher.fetch(f"http://127.0.0.1:{port}/tin"))
        assert error.kind == "refused" and error.attempts == 3
        assert error.message_vi == "Máy chủ từ chối kết nối"

    def test_fetch_many(self, fetcher: Fetcher, running: RunningServer) -> None:
        requests = [FetchRequest(f"{running.url}/ok"), FetchRequest(f"{running.url}/always/410")]
        outcomes = dict(fetcher.fetch_many(requests, workers=2))
        assert isinstance(outcomes[requests[0]], FetchResult)
        assert err(outcomes[requests[1]]).status == 410


class TestCharsets:
    def test_windows_1258_without_any_declaration(self, fetcher: Fetcher, running: RunningServer) -> None:
        result = ok(fetcher.fetch(f"{running.url}/charset/cp1258"))
        assert result.encoding == "cp1258"
        assert VIETNAMESE_SAMPLE in result.text  # NFC, precomposed

    def test_windows_1258_declared_in_meta(self, fetcher: Fetcher, running: RunningServer) -> None:
        result = ok(fetcher.fetch(f"{running.url}/charset/meta-cp1258"))
        assert result.encoding == "cp1258" and VIETNAMESE_SAMPLE in result.text

    def test_header_claiming_cp1252_over_utf8_is_not_believed(
        self, fetcher: Fetcher, running: RunningServer
    ) -> None:
        result = ok(fetcher.fetch(f"{running.url}/charset/cp1252-lie"))
        assert result.encoding == "utf-8" and VIETNAMESE_SAMPLE in result.text

    def test_tcvn3_text_is_repaired(self, fetcher: Fetcher, running: RunningServer) -> None:
        result = ok(fetcher.fetch(f"{running.url}/charset/tcvn3"))
        assert result.encoding.endswith("+tcvn3")
        assert TCVN3_TEXT in result.text

    def test_decode_body_cases(self) -> None:
        assert decode_body("Xin chào".encode("utf-16"), "text/plain") == ("Xin chào", "utf-16")
        assert decode_body(b"\xef\xbb\xbfXin ch\xc3\xa0o", None) == ("Xin chào", "utf-8")
        assert decode_body(b"", "text/html") == ("", "utf-8")
        xml = b'<?xml version="1.0" encoding="windows-1258"?><rss/>' + encode_cp1258("Hòa Bình")
        text, encoding = decode_body(xml, "application/xml") or ("", "")
        assert encoding == "cp1258" and text.endswith("Hòa Bình")
        rng = random.Random(7)
        garbage = bytes(rng.randrange(256) for _ in range(4000))
        assert decode_body(garbage, "text/html") is None


def _mock(handler: Callable[[httpx.Request], httpx.Response], **policy: object) -> Fetcher:
    settings = {"max_retries": 0, "per_host_min_delay": 0.0, "trust_env": False, **policy}
    return Fetcher(FetchPolicy(**settings), transport=httpx.MockTransport(handler))  # type: ignore[arg-type]


class TestWithMockTransport:
    def test_dns_failure(self) -> None:
        def handler(request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

        with _mock(handler) as fetcher:
            error = err(fetcher.fetch("https://bao-khong-ton-tai.invalid/tin"))
        assert error.kind == "dns" and error.message_vi == "Không tìm thấy tên miền (lỗi DNS)"

    def test_robots_server_error_disallows_everything(self) -> None:
        def handler(request: httpx.Request) -> httpx.Response:
            return httpx.Response(503 if request.url.path == "/robots.txt" else 200, text="x")

        with _mock(handler) as fetcher:
            assert err(fetcher.fetch("https://a.invalid/tin")).kind == "robots"

    def test_missing_robots_allows_everything(self) -> None:
        def handler(request: httpx.Request) -> httpx.Response:
            if request.url.path == "/robots.txt":
                return httpx.Response(404)
            return httpx.Response(
                200, text="<p>Xin chào</p>", headers={"content-type": "text/html; charset=utf-8"}
            )

        with _mock(handler) as fetcher:
            assert ok(fetcher.fetch("https://a.invalid/tin")).text == "<p>Xin chào</p>"

    def test_robots_cache_expires(self) -> None:
        calls: list[str] = []
        now = [0.0]

        def handler(request: httpx.Request) -> httpx.Response:
            calls.append(request.url.path)
            return httpx.Response(200, text="User-agent: *\nAllow: /\n")

        policy = FetchPolicy(max_retries=0, per_host_min_delay=0.0, trust_env=False, robots_ttl=60)
        with Fetcher(policy, transport=httpx.MockTransport(handler), clock=lambda: now[0]) as fetcher:
            fetcher.fetch("https://a.invalid/1")
            fetcher.fetch("https://a.invalid/2")
            now[0] = 61.0
            fetcher.fetch("https://a.invalid/3")
        assert calls.count("/robots.txt") == 2

    def test_per_host_delay_and_crawl_delay(self) -> None:
        waits: list[float] = []

        def handler(request: httpx.Request) -> httpx.Response:
            if request.url.path == "/robots.txt":
                return httpx.Response(200, text="User-agent: *\nCrawl-delay: 4\n")
            return httpx.Response(200, text="ok")

        policy = FetchPolicy(per_host_min_delay=1.0, max_retries=0, trust_env=False)
        with Fetcher(
            policy, transport=httpx.MockTransport(handler), clock=lambda: 100.0, sleep=waits.append
        ) as f:
            for i in range(3):
                ok(f.fetch(f"https://a.invalid/{i}"))
            ok(f.fetch("https://b.invalid/other-host"))
        # a.invalid: robots.txt at t=100, pages at 101 (the 1 s delay, set before robots.txt was read),
        # 105 and 109 (Crawl-delay 4); b.invalid has its own gate: robots.txt at 100, its page at 101.
        assert waits == [1.0, 5.0, 9.0, 1.0]

    def test_retries_back_off_with_jitter(self) -> None:
        waits: list[float] = []

        def handler(request: httpx.Request) -> httpx.Response:
            return httpx.Response(404 if request.url.path == "/robots.txt" else 500)

        policy = FetchPolicy(max_retries=3, backoff_base=1.0, per_host_min_delay=0.0, trust_env=False)
        transport = httpx.MockTransport(handler)
        with Fetcher(policy, transport=transport, sleep=waits.append, rng=random.Random(1)) as fetcher:
            error = err(fetcher.fetch("https://a.invalid/x"))
        assert error.attempts == 4
        assert [0.5 <= waits[0] <= 1, 1 <= waits[1] <= 2, 2 <= waits[2] <= 4] == [True, True, True]

    def test_non_text_content_is_kept_as_bytes(self) -> None:
        png = b"\x89PNG\r\n\x1a\n" + bytes(100)

        def handler(request: httpx.Request) -> httpx.Response:
            if request.url.path == "/robots.txt":
                return httpx.Response(404)
            return httpx.Response(200, content=png, headers={"content-type": "image/png"})

        with _mock(handler) as fetcher:
            result = ok(fetcher.fetch("https://a.invalid/anh.png"))
        assert (result.body, result.text, result.encoding) == (png, "", "")

    def test_undecodable_text_is_bad_encoding(self) -> None:
        rng = random.Random(3)
        garbage = bytes(rng.randrange(256) for _ in range(4000))

        def handler(request: httpx.Request) -> httpx.Response:
            if request.url.path == "/robots.txt":
                return httpx.Response(404)
            return httpx.Response(200, content=garbage, headers={"content-type": "text/html"})

        with _mock(handler) as fetcher:
            assert err(fetcher.fetch("https://a.invalid/x")).kind == "bad_encoding"

    @pytest.mark.parametrize("url", ["ftp://a.invalid/x", "not a url", "http:///nohost"])
    def test_bad_urls(self, url: str) -> None:
        with _mock(lambda request: httpx.Response(200)) as fetcher:
            assert err(fetcher.fetch(url)).kind == "bad_url"

    def test_user_agent_and_conditional_headers(self) -> None:
        seen: list[httpx.Request] = []

        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return httpx.Response(404 if request.url.path == "/robots.txt" else 304)

        with _mock(handler) as fetcher:
            result = ok(
                fetcher.fetch(
                    "https://a.invalid/feed", etag='"e1"', last_modified="Mon, 03 Nov 2025 08:00:00 GMT"
                )
            )
        page = seen[-1]
        assert page.headers["user-agent"].startswith("LoaBot/0.1")
        assert page.headers["if-none-match"] == '"e1"'
        assert page.headers["if-modified-since"] == "Mon, 03 Nov 2025 08:00:00 GMT"
        assert result.not_modified and result.etag == '"e1"'
