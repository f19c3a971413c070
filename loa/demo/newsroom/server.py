"""The sample newsroom: state (articles, planted surges) and the loopback HTTP server that serves it.

Routes (all outlets share one host, each under its own path prefix):

* ``/`` index, ``/robots.txt``, ``/sitemap.xml`` (sitemap index)
* ``/<outlet>/`` home page, ``/<outlet>/<feed>`` RSS or Atom, ``/<outlet>/sitemap.xml``,
  ``/<outlet>/sitemap-news.xml`` (Google News, daily and tabloid layouts)
* article pages at the paths in :class:`~loa.demo.newsroom.catalog.SampleArticle`
* ``POST /_control/plant-surge?commune=Ba%20Bể&count=12`` plants a burst of negative stories;
  ``GET /_control/state`` returns counts. Feeds and sitemaps carry ETag and Last-Modified and
  answer conditional requests with 304.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import parse_qs, urlsplit

from loa.demo.httpserver import QuietHandler, QuietServer, RunningServer, is_loopback
from loa.demo.newsroom import render
from loa.demo.newsroom.catalog import SURGE_FIRST_ID, SampleArticle, build_catalog, build_surge
from loa.demo.newsroom.content import OUTLETS, OUTLETS_BY_SLUG, Outlet

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
MAX_SURGE = 200
_RELATED = 8


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Newsroom:
    """The articles the server publishes. Thread-safe; ``clock`` gives the current time for surges."""

    def __init__(self, now: datetime, clock: Callable[[], datetime] = _utc_now) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._articles: list[SampleArticle] = build_catalog(now)
        self._by_path = {a.path: a for a in self._articles}
        self._next_surge_id = SURGE_FIRST_ID
        self._pages: dict[str, bytes] = {}

    def now(self) -> datetime:
        return self._clock()

    @property
    def articles(self) -> list[SampleArticle]:
        """All articles, newest first."""
        with self._lock:
            return list(self._articles)

    def outlet_articles(self, slug: str) -> list[SampleArticle]:
        with self._lock:
            return [a for a in self._articles if a.outlet == slug]

    def find(self, path: str) -> SampleArticle | None:
        with self._lock:
            return self._by_path.get(path)

    def plant_surge(self, commune: str, count: int, now: datetime | None = None) -> list[SampleArticle]:
        """Publish ``count`` negative stories about ``commune`` right away (see catalog.build_surge)."""
        moment = now or self._clock()
        with self._lock:
            planted = build_surge(commune, count, moment, first_id=self._next_surge_id)
            self._next_surge_id += len(planted)
            self._articles = sorted([*self._articles, *planted], key=lambda a: a.published, reverse=True)
            self._by_path.update((a.path, a) for a in planted)
            self._pages.clear()  # related-stories boxes change
        return planted

    def related(self, article: SampleArticle) -> list[SampleArticle]:
        siblings = [a for a in self.outlet_articles(article.outlet) if a.id != article.id]
        same_theme = [a for a in siblings if a.theme == article.theme]
        others = [a for a in siblings if a.theme != article.theme]
        return (same_theme + others)[:_RELATED]

    def page(self, article: SampleArticle, base_url: str) -> bytes:
        # Community pages show "3 giờ trước", so they are rendered per request; the rest is cached.
        if OUTLETS_BY_SLUG[article.outlet].layout == "community":
            return render.render_article(article, self.related(article), base_url, self._clock())
        key = base_url + article.path
        with self._lock:
            cached = self._pages.get(key)
        if cached is None:
            cached = render.render_article(article, self.related(article), base_url, self._clock())
            with self._lock:
                self._pages[key] = cached
        return cached


def _feed_bytes(newsroom: Newsroom, outlet: Outlet, base_url: str) -> tuple[bytes, str, datetime]:
    articles = newsroom.outlet_articles(outlet.slug)
    now = newsroom.now()
    if outlet.feed_kind == "atom":
        body = render.render_atom(outlet, articles, base_url, now)
        content_type = "application/atom+xml; charset=utf-8"
    else:
        body = render.render_rss(outlet, articles, base_url, now)
        content_type = "application/rss+xml; charset=utf-8"
    return body, content_type, max((a.published for a in articles), default=now)


class NewsroomHandler(QuietHandler):
    server: NewsroomServer

    def _base_url(self) -> str:
        host = self.headers.get("Host")
        if not host:
            address, port = self.server.server_address[:2]
            host = f"{address!s}:{port}"
        return f"http://{host}"

    def _cacheable(self, body: bytes, content_type: str, last_modified: datetime | None) -> None:
        """Send with ETag/Last-Modified, or 304 if the client already has this version."""
        etag = '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest()[:20] + '"'
        headers = {"ETag": etag, "Cache-Control": "max-age=60"}
        if last_modified is not None:
            headers["Last-Modified"] = format_datetime(
                last_modified.astimezone(UTC).replace(microsecond=0), usegmt=True
            )
        if self._not_modified(etag, last_modified):
            self.send_response(304)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_body(200, body, content_type, headers)

    def _not_modified(self, etag: str, last_modified: datetime | None) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since and last_modified is not None:
            try:
                return last_modified.replace(microsecond=0) <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        newsroom = self.server.newsroom
        base_url = self._base_url()
        parts = urlsplit(self.path)
        path = parts.path
        if path == "/":
            self.send_body(200, render.render_index(base_url), "text/html; charset=utf-8")
            return
        if path == "/robots.txt":
            self.send_body(200, render.render_robots(base_url), "text/plain; charset=utf-8")
            return
        if path == "/sitemap.xml":
            self._cacheable(render.render_sitemap_index(base_url), "application/xml; charset=utf-8", None)
            return
        if path == "/_control/state":
            counts = {o.slug: len(newsroom.outlet_articles(o.slug)) for o in OUTLETS}
            state = {"articles": sum(counts.values()), "per_outlet": counts, "sample": True}
            self.send_body(200, json.dumps(state).encode(), "application/json")
            return
        article = newsroom.find(path + (f"?{parts.query}" if parts.query else ""))
        if article is not None:
            self.send_body(200, newsroom.page(article, base_url), "text/html; charset=utf-8")
            return
        slug, _, rest = path.strip("/").partition("/")
        outlet = OUTLETS_BY_SLUG.get(slug)
        if outlet is None:
            self._not_found()
        elif rest == "" and path.endswith("/"):
            home = render.render_outlet_home(outlet, newsroom.outlet_articles(slug)[:50], base_url)
            self.send_body(200, home, "text/html; charset=utf-8")
        elif path == f"/{slug}/{outlet.feed_path}":
            self._cacheable(*_feed_bytes(newsroom, outlet, base_url))
        elif rest == "sitemap.xml":
            articles = newsroom.outlet_articles(slug)
            last = max((a.published for a in articles), default=None)
            self._cacheable(render.render_sitemap(articles, base_url), "application/xml; charset=utf-8", last)
        elif rest == "sitemap-news.xml" and outlet.layout in render.NEWS_SITEMAP_LAYOUTS:
            articles = newsroom.outlet_articles(slug)
            body = render.render_news_sitemap(outlet, articles, base_url, newsroom.now())
            self._cacheable(body, "application/xml; charset=utf-8", None)
        else:
            self._not_found()

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 65536))
        if parts.path != "/_control/plant-surge":
            self._not_found()
            return
        query = parse_qs(parts.query)
        commune = (query.get("commune") or [""])[0].strip()
        try:
            count = int((query.get("count") or ["12"])[0])
        except ValueError:
            count = 0
        if not commune or not 1 <= count <= MAX_SURGE:
            message = {"error": f"cần commune và count trong khoảng 1..{MAX_SURGE}"}
            self.send_body(
                400, json.dumps(message, ensure_ascii=False).encode(), "application/json; charset=utf-8"
            )
            return
        planted = self.server.newsroom.plant_surge(commune, count)
        base_url = self._base_url()
        payload = {
            "planted": [
                {
                    "url": base_url + a.path,
                    "title": a.title,
                    "published": a.published.isoformat(),
                    "outlet": a.outlet,
                }
                for a in planted
            ],
            "commune": planted[0].communes[0],
        }
        self.send_body(
            200, json.dumps(payload, ensure_ascii=False).encode(), "application/json; charset=utf-8"
        )

    def _not_found(self) -> None:
        body = "<!DOCTYPE html><html lang='vi'><body><h1>404 - Không tìm thấy trang</h1></body></html>"
        self.send_body(404, body.encode(), "text/html; charset=utf-8")


class NewsroomServer(QuietServer):
    def __init__(self, address: tuple[str, int], newsroom: Newsroom) -> None:
        self.newsroom = newsroom
        super().__init__(address, NewsroomHandler)


def start_newsroom(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    now: datetime | None = None,
    clock: Callable[[], datetime] = _utc_now,
) -> RunningServer:
    """Serve the sample newsroom from a background thread; ``port=0`` picks a free port.

    Articles are dated relative to ``now`` (default: the clock at start).
    """
    newsroom = Newsroom(now or clock(), clock)
    return RunningServer(NewsroomServer((host, port), newsroom))


def newsroom_of(running: RunningServer) -> Newsroom:
    server = running.server
    if not isinstance(server, NewsroomServer):
        raise TypeError("not a sample newsroom server")
    return server.newsroom


def sources(base_url: str) -> list[dict[str, str]]:
    """The newsroom's outlets as monitoring sources: name, homepage, feed, sitemap(s)."""
    rows = []
    for o in OUTLETS:
        row = {
            "slug": o.slug,
            "name": o.name,
            "homepage": f"{base_url}/{o.slug}/",
            "feed_url": f"{base_url}/{o.slug}/{o.feed_path}",
            "feed_kind": o.feed_kind,
            "sitemap_url": f"{base_url}/{o.slug}/sitemap.xml",
        }
        if o.layout in render.NEWS_SITEMAP_LAYOUTS:
            row["news_sitemap_url"] = f"{base_url}/{o.slug}/sitemap-news.xml"
        rows.append(row)
    return rows


__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "Newsroom",
    "NewsroomServer",
    "is_loopback",
    "newsroom_of",
    "sources",
    "start_newsroom",
]
