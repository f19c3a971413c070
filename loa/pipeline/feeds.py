"""Feeds and sitemaps into entries; when to poll a source next; whether a source is healthy.

* :func:`parse_feed` reads RSS/Atom (feedparser) and sitemaps, Google News sitemaps and sitemap
  indexes (lxml, no entity resolution, no network). A malformed feed is not an error as long as
  something parses: the entries that survived come back with ``warning_vi`` set (feedparser's
  "bozo" flag). Only when nothing is usable does it raise :class:`FeedError`.
* :func:`next_interval` adapts the polling interval to how often a source publishes, within bounds.
* :func:`health` classifies a source as ok / silent / failing / backing_off with a reason in
  Vietnamese: a feed that quietly stops publishing is the complaint monitoring users raise most.

Pure: bytes and clocks come in, nothing is fetched here.
"""

from __future__ import annotations

import itertools
import re
import statistics
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Literal
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from loa.text import normalize_line

VIETNAM = timezone(timedelta(hours=7), "ICT")
FeedKind = Literal["rss", "atom", "rdf", "sitemap", "news_sitemap", "sitemap_index"]
FeedErrorKind = Literal["empty", "not_a_feed", "malformed", "too_large"]
_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
_MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed
_ALTERNATE = re.compile(rb"<link[^>]+type=[\"']application/(?:rss|atom)\+xml[\"'][^>]*>", re.IGNORECASE)
# feedparser flags these but reads the document fine: not worth a warning to the operator.
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_HREF = re.compile(rb"href=[\"']([^\"']+)[\"']", re.IGNORECASE)


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None
    published: datetime | None  # aware, UTC
    guid: str | None
    summary: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    kind: FeedKind
    title: str | None
    entries: tuple[FeedEntry, ...]
    sitemaps: tuple[str, ...] = ()  # children of a sitemap index
    warning_vi: str | None = None  # set when the document was malformed and only partly read

    @property
    def malformed(self) -> bool:
        return self.warning_vi is not None


class FeedError(Exception):
    """Nothing usable in the document. ``alternates`` lists feed links found in an HTML page."""

    def __init__(self, kind: FeedErrorKind, message_vi: str, alternates: tuple[str, ...] = ()) -> None:
        super().__init__(message_vi)
        self.kind = kind
        self.message_vi = message_vi
        self.alternates = alternates


# --- parsing -------------------------------------------------------------------------------------


def _clean_url(raw: str | None, base_url: str) -> str | None:
    if not raw:
        return None
    url = urljoin(base_url, raw.strip())
    return url if urlsplit(url).scheme in ("http", "https") else None


def _clean_text(raw: object) -> str | None:
    if not isinstance(raw, str):
        return None
    text = normalize_line(raw)
    return text or None


def _from_struct(value: object) -> datetime | None:
    """feedparser's parsed dates are UTC ``time.struct_time``."""
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime(
            value.tm_year, value.tm_mon, value.tm_mday, value.tm_hour, value.tm_min, value.tm_sec, tzinfo=UTC
        )
    except ValueError:
        return None


def parse_w3c_datetime(value: str | None) -> datetime | None:
    """Sitemap dates ("2025-11-20", "2025-11-20T08:30+07:00", "...Z") as aware UTC; no offset = Vietnam."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(UTC)


def feed_links(html: bytes, base_url: str) -> tuple[str, ...]:
    """RSS/Atom links announced by an HTML page (``<link rel="alternate" type="application/rss+xml">``)."""
    links = []
    for tag in _ALTERNATE.findall(html[:200_000]):
        href = _HREF.search(tag)
        url = _clean_url(href.group(1).decode("utf-8", "replace"), base_url) if href else None
        if url and url not in links:
            links.append(url)
    return tuple(links)


def _looks_like_html(head: bytes) -> bool:
    lowered = head.lower()
    return (b"<html" in lowered or b"<!doctype html" in lowered) and not any(
        marker in lowered for marker in (b"<rss", b"<feed", b"<rdf:rdf", b"<urlset", b"<sitemapindex")
    )


def _gunzip(body: bytes) -> bytes:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = decompressor.decompress(body, _MAX_SITEMAP_BYTES + 1)
    except zlib.error as exc:
        raise FeedError("malformed", f"Tệp nén gzip bị hỏng: {exc}") from exc
    if len(data) > _MAX_SITEMAP_BYTES:
        raise FeedError("too_large", "Sitemap vượt quá 50 MB sau khi giải nén")
    return data


def _parse_sitemap(body: bytes, base_url: str) -> ParsedFeed:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError("malformed", f"Sitemap không đọc được: {exc}") from exc
    if root is None:
        raise FeedError("malformed", "Sitemap không đọc được")
    warning = "Sitemap sai cú pháp XML; chỉ lấy được phần đọc được" if len(parser.error_log) else None
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        locs = (_clean_url(loc.text, base_url) for loc in root.iter(f"{{{_SITEMAP_NS}}}loc", "loc"))
        return ParsedFeed("sitemap_index", None, (), tuple(u for u in locs if u), warning)
    entries = []
    is_news = False
    for node in root.iter(f"{{{_SITEMAP_NS}}}url", "url"):
        loc = node.find(f"{{{_SITEMAP_NS}}}loc")
        if loc is None:
            loc = node.find("loc")
        url = _clean_url(loc.text if loc is not None else None, base_url)
        if url is None:
            continue
        news = node.find(f"{{{_NEWS_NS}}}news")
        title = published = None
        if news is not None:
            is_news = True
            title = _clean_text(news.findtext(f"{{{_NEWS_NS}}}title"))
            published = parse_w3c_datetime(news.findtext(f"{{{_NEWS_NS}}}publication_date"))
        if published is None:
            published = parse_w3c_datetime(
                node.findtext(f"{{{_SITEMAP_NS}}}lastmod") or node.findtext("lastmod")
            )
        entries.append(FeedEntry(url, title, published, None))
    if not entries and warning:
        raise FeedError("malformed", "Sitemap sai cú pháp, không đọc được địa chỉ nào")
    return ParsedFeed("news_sitemap" if is_news else "sitemap", None, tuple(entries), (), warning)


def _parse_syndication(body: bytes, base_url: str) -> ParsedFeed:
    # Bytes only: given a string, feedparser would treat it as a URL or a path and fetch it.
    parsed = feedparser.parse(
        body, response_headers={"content-location": base_url, "content-type": "application/xml"}
    )
    entries = []
    seen: set[str] = set()
    for item in parsed.entries:
        url = _clean_url(item.get("link"), base_url)
        if url is None or url in seen:
            continue
        seen.add(url)
        published = _from_struct(item.get("published_parsed")) or _from_struct(item.get("updated_parsed"))
        entries.append(
            FeedEntry(
                url=url,
                title=_clean_text(item.get("title")),
                published=published,
                guid=item.get("id") or None,
                summary=_clean_text(item.get("summary")),
            )
        )
    version = parsed.get("version") or ""
    kind: FeedKind = "atom" if version.startswith("atom") else "rdf" if version.startswith("rss09") else "rss"
    warning = None
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(problem, _BENIGN):
        if not entries:
            raise FeedError("malformed", f"Nguồn tin sai cú pháp, không đọc được bài nào ({problem})")
        warning = f"Nguồn tin sai cú pháp ({problem}); chỉ lấy được {len(entries)} bài đọc được"
    elif not version:
        raise FeedError("not_a_feed", "Tài liệu không phải RSS/Atom")
    title = _clean_text(parsed.get("feed", {}).get("title"))
    return ParsedFeed(kind, title, tuple(entries), (), warning)


def parse_feed(body: bytes, base_url: str) -> ParsedFeed:
    """Entries of an RSS/Atom feed or a (news) sitemap; gzip-compressed sitemaps are accepted.

    Raises :class:`FeedError` when nothing usable is found (empty, an HTML page, unreadable XML).
    """
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body)
    stripped = body.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped:
        raise FeedError("empty", "Nguồn tin trả về nội dung rỗng")
    head = stripped[:2048]
    if _looks_like_html(head):
        alternates = feed_links(stripped, base_url)
        hint = f"; trang có RSS/Atom tại {', '.join(alternates)}" if alternates else ""
        raise FeedError(
            "not_a_feed", f"Địa chỉ nguồn trả về trang HTML, không phải RSS/Atom{hint}", alternates
        )
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _parse_sitemap(stripped, base_url)
    return _parse_syndication(stripped, base_url)


# --- polling -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PollRecord:
    at: datetime
    ok: bool
    new_entries: int = 0


@dataclass(frozen=True)
class PollingBounds:
    minimum: float = 300.0  # 5 minutes
    maximum: float = 6 * 3600.0
    default: float = 1800.0  # for a source without history
    target_new_per_poll: float = 1.0
    window: int = 20  # recent polls used to estimate the publishing rate


def next_interval(history: Sequence[PollRecord], bounds: PollingBounds = PollingBounds()) -> float:
    """Seconds until the next poll.

    Failing sources back off exponentially from ``minimum`` (5, 10, 20 min ...). Publishing sources are
    polled so that about ``target_new_per_poll`` new entries arrive per poll, from the rate seen over
    the recent window. A source that published nothing in the window waits twice its last gap.
    Always within [minimum, maximum].
    """

    def clamp(seconds: float) -> float:
        return max(bounds.minimum, min(bounds.maximum, seconds))

    recent = sorted(history, key=lambda r: r.at)[-bounds.window :]
    if not recent:
        return bounds.default
    failures = 0
    for record in reversed(recent):
        if record.ok:
            break
        failures += 1
    if failures:
        return clamp(bounds.minimum * 2.0**failures)
    ok = [r for r in recent if r.ok]
    if len(ok) < 2:
        return bounds.default
    span = (ok[-1].at - ok[0].at).total_seconds()
    if span <= 0:
        return bounds.default
    new = sum(r.new_entries for r in ok[1:])
    if new == 0:
        last_gap = (ok[-1].at - ok[-2].at).total_seconds()
        return clamp(max(2 * last_gap, bounds.default))
    return clamp(bounds.target_new_per_poll * span / new)


# --- health --------------------------------------------------------------------------------------

HealthStatus = Literal["ok", "silent", "failing", "backing_off"]


@dataclass(frozen=True)
class SourceStats:
    """What the caller knows about a source; every field is optional for a brand-new source."""

    created_at: datetime | None = None
    last_attempt_at: datetime | None = None
    last_success_at: datetime | None = None
    last_new_entry_at: datetime | None = None
    consecutive_failures: int = 0
    last_error_message_vi: str | None = None
    backoff_until: datetime | None = None
    typical_gap: timedelta | None = None  # see typical_gap()


@dataclass(frozen=True)
class SourceHealth:
    status: HealthStatus
    reason_vi: str


def typical_gap(published: Sequence[datetime]) -> timedelta | None:
    """Median time between consecutive entries (at least three entries needed)."""
    moments = sorted(published)
    if len(moments) < 3:
        return None
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(moments)]
    return timedelta(seconds=statistics.median(gaps))


def format_duration_vi(span: timedelta) -> str:
    """ "3 ngày 4 giờ", "2 giờ 15 phút", "40 phút", "dưới 1 phút"."""
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} ngày {hours} giờ" if hours else f"{days} ngày"
    if hours:
        return f"{hours} giờ {mins} phút" if mins else f"{hours} giờ"
    return f"{mins} phút" if mins else "dưới 1 phút"


def _when(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")


def health(
    stats: SourceStats,
    now: datetime,
    *,
    failing_after: int = 3,
    silent_after: timedelta = timedelta(hours=48),
    silent_factor: float = 4.0,
) -> SourceHealth:
    """ok / silent / failing / backing_off, with the reason in Vietnamese.

    failing: ``failing_after`` failed polls in a row. backing_off: waiting on purpose (Retry-After,
    error backoff) with fewer failures than that. silent: polls work but no new entry for longer than
    ``silent_factor`` times the source's usual gap, and never less than ``silent_after``.
    """
    error = f": {stats.last_error_message_vi}" if stats.last_error_message_vi else ""
    if stats.consecutive_failures >= failing_after:
        since = (
            f"lần thành công cuối lúc {_when(stats.last_success_at)}"
            if stats.last_success_at
            else "chưa lần nào lấy tin thành công"
        )
        return SourceHealth("failing", f"Lỗi {stats.consecutive_failures} lần liên tiếp{error} ({since})")
    if stats.backoff_until is not None and stats.backoff_until > now:
        return SourceHealth("backing_off", f"Tạm dừng lấy tin đến {_when(stats.backoff_until)}{error}")
    reference = stats.last_new_entry_at or stats.created_at or stats.last_success_at
    if reference is not None:
        threshold = silent_after
        usual = ""
        if stats.typical_gap is not None:
            threshold = max(silent_after, stats.typical_gap * silent_factor)
            usual = f" (bình thường khoảng {format_duration_vi(stats.typical_gap)} có một bài)"
        quiet = now - reference
        if quiet > threshold:
            return SourceHealth("silent", f"Không có bài mới trong {format_duration_vi(quiet)}{usual}")
    if stats.last_success_at is None:
        return SourceHealth("ok", "Chưa lấy tin lần nào")
    latest = (
        f"; bài mới nhất cách đây {format_duration_vi(now - stats.last_new_entry_at)}"
        if stats.last_new_entry_at
        else ""
    )
    transient = (
        f"; lỗi tạm thời {stats.consecutive_failures} lần{error}" if stats.consecutive_failures else ""
    )
    return SourceHealth("ok", f"Hoạt động bình thường{latest}{transient}")


__all__ = [
    "FeedEntry",
    "FeedError",
    "ParsedFeed",
    "PollRecord",
    "PollingBounds",
    "SourceHealth",
    "SourceStats",
    "feed_links",
    "format_duration_vi",
    "health",
    "next_interval",
    "parse_feed",
    "parse_w3c_datetime",
    "typical_gap",
]
