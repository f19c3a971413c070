"""Feed and sitemap parsing (including malformed input), adaptive polling and source health."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta

import pytest

from loa.demo.faults import BROKEN_FEED, HTML_FEED, TRUNCATED_FEED
from loa.pipeline.feeds import (
    FeedError,
    PollingBounds,
    PollRecord,
    SourceStats,
    feed_links,
    format_duration_vi,
    health,
    next_interval,
    parse_feed,
    parse_w3c_datetime,
    typical_gap,
)

BASE = "https://bao.invalid/rss/tin-moi.rss"
NOW = datetime(2025, 11, 20, 3, 0, tzinfo=UTC)

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Báo Mẫu</title>
<item><title>  Khánh thành cầu   Bản Ỏm </title><link>/xa-hoi/cau-ban-om-1.html</link><guid isPermaLink="false">bm-1</guid>
<pubDate>Tue, 18 Nov 2025 09:15:00 +0700</pubDate><description>Cầu mới nối hai xã.</description></item>
<item><title>Tin không có ngày</title><link>https://bao.invalid/b.html</link></item>
<item><title>Trùng địa chỉ</title><link>https://bao.invalid/b.html</link></item>
<item><title>Không có link</title></item>
<item><title>Link lạ</title><link>javascript:alert(1)</link></item>
</channel></rss>""".encode()

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Cổng mẫu</title><id>tag:x</id><updated>2025-11-19T08:00:00+07:00</updated>
<entry><title>Thông báo lịch tiếp dân</title><link rel="alternate" href="https://cong.invalid/tb-1"/>
<id>tag:cong,2025:1</id><published>2025-11-19T08:00:00+07:00</published><updated>2025-11-19T09:00:00+07:00</updated>
<summary>Lịch tiếp công dân tháng 12.</summary></entry>
<entry><title>Chỉ có updated</title><link href="https://cong.invalid/tb-2"/><id>tag:cong,2025:2</id>
<updated>2025-11-18T10:00:00Z</updated></entry>
</feed>""".encode()

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://bao.invalid/a-1.html</loc><news:news><news:publication><news:name>B</news:name>
<news:language>vi</news:language></news:publication><news:publication_date>2025-11-19T07:30:00+07:00</news:publication_date>
<news:title>S\xe1\xba\xa1t l\xe1\xbb\x9f \xe1\xbb\x9f v\xc3\xb9ng cao</news:title></news:news></url>
<url><loc>https://bao.invalid/a-2.html</loc><lastmod>2025-11-18</lastmod></url>
</urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://bao.invalid/sitemap-1.xml</loc></sitemap><sitemap><loc>/sitemap-news.xml</loc></sitemap>
</sitemapindex>"""


class TestParseFeed:
    def test_rss_entries_are_cleaned_resolved_and_deduplicated(self) -> None:
        feed = parse_feed(RSS, BASE)
        assert feed.kind == "rss" and feed.title == "Báo Mẫu" and not feed.malformed
        assert [e.url for e in feed.entries] == [
            "https://bao.invalid/xa-hoi/cau-ban-om-1.html",
            "https://bao.invalid/b.html",
        ]
        first = feed.entries[0]
        assert first.title == "Khánh thành cầu Bản Ỏm"
        assert first.published == datetime(2025, 11, 18, 2, 15, tzinfo=UTC)
        assert first.guid == "bm-1" and first.summary == "Cầu mới nối hai xã."
        assert feed.entries[1].published is None

    def test_atom_uses_published_then_updated(self) -> None:
        feed = parse_feed(ATOM, "https://cong.invalid/atom.xml")
        assert feed.kind == "atom"
        assert [e.published for e in feed.entries] == [
            datetime(2025, 11, 19, 1, 0, tzinfo=UTC),
            datetime(2025, 11, 18, 10, 0, tzinfo=UTC),
        ]
        assert feed.entries[0].guid == "tag:cong,2025:1"

    def test_broken_xml_salvages_the_good_items_with_a_warning(self) -> None:
        feed = parse_feed(BROKEN_FEED, BASE)
        assert feed.malformed and feed.warning_vi is not None and "sai cú pháp" in feed.warning_vi
        titles = [e.title for e in feed.entries]
        assert titles[:3] == ["Tin thử số 1", "Tin thử số 2", "Tin thử số 3"]

    def test_truncated_feed_keeps_complete_items(self) -> None:
        feed = parse_feed(TRUNCATED_FEED, BASE)
        assert feed.malformed
        assert [e.url for e in feed.entries] == [f"http://example.invalid/tin-{i}.html" for i in (1, 2, 3)]

    def test_html_instead_of_a_feed_is_an_error_that_points_to_the_real_feed(self) -> None:
        page = b'<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head></html>'
        with pytest.raises(FeedError) as caught:
            parse_feed(page, "https://bao.invalid/")
        assert caught.value.kind == "not_a_feed"
        assert caught.value.alternates == ("https://bao.invalid/rss.xml",)
        assert "https://bao.invalid/rss.xml" in caught.value.message_vi
        with pytest.raises(FeedError, match="trang HTML"):
            parse_feed(HTML_FEED, BASE)

    @pytest.mark.parametrize("body", [b"", b"  \n", b"\xef\xbb\xbf"])
    def test_empty_body(self, body: bytes) -> None:
        with pytest.raises(FeedError) as caught:
            parse_feed(body, BASE)
        assert caught.value.kind == "empty"

    def test_garbage_is_not_a_feed(self) -> None:
        with pytest.raises(FeedError):
            parse_feed(b"<<<< not xml at all >>>>", BASE)

    def test_news_sitemap(self) -> None:
        feed = parse_feed(NEWS_SITEMAP, "https://bao.invalid/sitemap-news.xml")
        assert feed.kind == "news_sitemap"
        first, second = feed.entries
        assert first.title == "Sạt lở ở vùng cao"
        assert first.published == datetime(2025, 11, 19, 0, 30, tzinfo=UTC)
        assert second.title is None
        assert second.published == datetime(
            2025, 11, 17, 17, 0, tzinfo=UTC
        )  # a bare date is Vietnam midnight

    def test_sitemap_index_and_gzip(self) -> None:
        feed = parse_feed(gzip.compress(SITEMAP_INDEX), "https://bao.invalid/sitemap.xml.gz")
        assert feed.kind == "sitemap_index"
        assert feed.sitemaps == ("https://bao.invalid/sitemap-1.xml", "https://bao.invalid/sitemap-news.xml")

    def test_sitemap_without_namespace_and_with_broken_tail(self) -> None:
        body = b"<urlset><url><loc>https://bao.invalid/x</loc></url><url><loc>https://bao.invalid/y</loc></ur"
        feed = parse_feed(body, "https://bao.invalid/sitemap.xml")
        assert [e.url for e in feed.entries][:1] == ["https://bao.invalid/x"]
        assert feed.malformed

    def test_bad_gzip(self) -> None:
        with pytest.raises(FeedError):
            parse_feed(b"\x1f\x8bnot really gzip", BASE)


def test_feed_links_and_w3c_dates() -> None:
    html = b'<link type="application/atom+xml" rel="alternate" href="https://x.invalid/a.atom">'
    assert feed_links(html, "https://x.invalid/") == ("https://x.invalid/a.atom",)
    assert parse_w3c_datetime("2025-11-18T10:00:00Z") == datetime(2025, 11, 18, 10, 0, tzinfo=UTC)
    assert parse_w3c_datetime("hôm qua") is None
    assert parse_w3c_datetime(None) is None


class TestNextInterval:
    bounds = PollingBounds(minimum=300, maximum=6 * 3600, default=1800)

    def polls(self, gaps_minutes: list[int], new: list[int], ok: bool = True) -> list[PollRecord]:
        at = NOW
        records = []
        for gap, count in zip(gaps_minutes, new, strict=True):
            at = at + timedelta(minutes=gap)
            records.append(PollRecord(at, ok, count))
        return records

    def test_no_history_gives_the_default(self) -> None:
        assert next_interval([], self.bounds) == 1800

    def test_busy_feed_is_polled_often_but_not_below_the_minimum(self) -> None:
        history = self.polls([10] * 10, [5] * 10)
        assert next_interval(history, self.bounds) == 300

    def test_rate_sets_the_interval(self) -> None:
        history = self.polls([30] * 9, [1] * 9)  # one new entry per 30 minutes
        assert next_interval(history, self.bounds) == pytest.approx(1800)
        slower = self.polls([60] * 9, [1] * 9)
        assert next_interval(slower, self.bounds) == pytest.approx(3600)

    def test_silent_feed_backs_off_up_to_the_maximum(self) -> None:
        history = self.polls([60] * 10, [0] * 10)
        assert next_interval(history, self.bounds) == 2 * 3600
        very_quiet = self.polls([300] * 10, [0] * 10)
        assert next_interval(very_quiet, self.bounds) == 6 * 3600

    def test_failures_back_off_exponentially(self) -> None:
        history = self.polls([30] * 5, [1] * 5)
        one = [*history, PollRecord(history[-1].at + timedelta(minutes=30), False)]
        three = [*one, *(PollRecord(one[-1].at + timedelta(minutes=i), False) for i in (10, 20))]
        assert next_interval(one, self.bounds) == 600
        assert next_interval(three, self.bounds) == 2400
        many = [*three, *(PollRecord(three[-1].at + timedelta(hours=i), False) for i in range(1, 10))]
        assert next_interval(many, self.bounds) == 6 * 3600

    def test_unsorted_history_is_accepted(self) -> None:
        history = self.polls([30] * 9, [1] * 9)
        assert next_interval(list(reversed(history)), self.bounds) == pytest.approx(1800)


class TestHealth:
    def test_ok(self) -> None:
        stats = SourceStats(last_success_at=NOW, last_new_entry_at=NOW - timedelta(minutes=35))
        result = health(stats, NOW)
        assert result.status == "ok"
        assert result.reason_vi == "Hoạt động bình thường; bài mới nhất cách đây 35 phút"

    def test_silent_relative_to_the_usual_rhythm(self) -> None:
        stats = SourceStats(
            last_success_at=NOW,
            last_new_entry_at=NOW - timedelta(days=3, hours=4),
            typical_gap=timedelta(hours=2),
        )
        result = health(stats, NOW)
        assert result.status == "silent"
        assert result.reason_vi == "Không có bài mới trong 3 ngày 4 giờ (bình thường khoảng 2 giờ có một bài)"

    def test_slow_source_is_not_silent_within_its_rhythm(self) -> None:
        stats = SourceStats(
            last_success_at=NOW, last_new_entry_at=NOW - timedelta(days=5), typical_gap=timedelta(days=2)
        )
        assert health(stats, NOW).status == "ok"

    def test_failing(self) -> None:
        stats = SourceStats(
            last_success_at=datetime(2025, 11, 18, 1, 0, tzinfo=UTC),
            consecutive_failures=4,
            last_error_message_vi="Máy chủ gặp lỗi (HTTP 503)",
        )
        result = health(stats, NOW)
        assert result.status == "failing"
        assert result.reason_vi == (
            "Lỗi 4 lần liên tiếp: Máy chủ gặp lỗi (HTTP 503) (lần thành công cuối lúc 08:00 18/11/2025)"
        )
        assert "chưa lần nào" in health(SourceStats(consecutive_failures=3), NOW).reason_vi

    def test_backing_off(self) -> None:
        stats = SourceStats(
            last_success_at=NOW - timedelta(hours=1),
            consecutive_failures=1,
            backoff_until=NOW + timedelta(minutes=30),
            last_error_message_vi="Máy chủ yêu cầu giảm tần suất truy cập (429)",
        )
        result = health(stats, NOW)
        assert result.status == "backing_off"
        assert (
            result.reason_vi
            == "Tạm dừng lấy tin đến 10:30 20/11/2025: Máy chủ yêu cầu giảm tần suất truy cập (429)"
        )

    def test_transient_error_is_mentioned_but_still_ok(self) -> None:
        stats = SourceStats(
            last_success_at=NOW, consecutive_failures=1, last_error_message_vi="Hết thời gian chờ"
        )
        result = health(stats, NOW)
        assert result.status == "ok" and "lỗi tạm thời 1 lần: Hết thời gian chờ" in result.reason_vi

    def test_new_source(self) -> None:
        assert health(SourceStats(), NOW).status == "ok"
        assert health(SourceStats(created_at=NOW - timedelta(days=3)), NOW).status == "silent"


def test_typical_gap_and_durations() -> None:
    times = [NOW - timedelta(hours=h) for h in (0, 1, 3, 4, 10)]
    assert typical_gap(times) == timedelta(hours=1, minutes=30)
    assert typical_gap(times[:2]) is None
    assert format_duration_vi(timedelta(days=2)) == "2 ngày"
    assert format_duration_vi(timedelta(hours=2, minutes=15)) == "2 giờ 15 phút"
    assert format_duration_vi(timedelta(hours=3)) == "3 giờ"
    assert format_duration_vi(timedelta(seconds=20)) == "dưới 1 phút"
