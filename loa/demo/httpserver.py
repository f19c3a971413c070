"""Run a stdlib HTTP server in a background thread (tests, benchmarks, `loa run`)."""

from __future__ import annotations

import ipaddress
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


class QuietServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that does not wait for keep-alive connections when it is closed.

    Clients that hang up early (the fetcher aborting a 50 MB page, a timeout) are normal here, so the
    resulting connection errors are not printed.
    """

    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class QuietHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 (keep-alive) handler base that does not log every request to stderr."""

    protocol_version = "HTTP/1.1"
    timeout = 30  # idle keep-alive connections end instead of holding a thread forever
    # Headers and body leave in separate writes; with Nagle on, keep-alive clients stall 40 ms on each.
    disable_nagle_algorithm = True
    server_version = "LoaDemo/0.1"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:
        return

    def send_body(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class RunningServer:
    """A server serving from a daemon thread; use as a context manager or call :meth:`stop`."""

    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        host, port = server.server_address[:2]
        self.host = str(host)
        self.port = int(port)
        self.url = f"http://{self.host}:{self.port}"
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name=f"http-{self.port}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
