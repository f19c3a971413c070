"""Sources and feeds (validation, discovery, health against the fault server, flagging), sector rules,
saved-search notices, retention and press requests from articles."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import timezone

from loa.core.models import AuditEvent, Notification
from loa.monitoring import polling, services
from loa.monitoring.models import Article, Feed, IngestItem, SavedSearch, Source, Story
from loa.monitoring.runtime import policy_for, raw_archive
from loa.press.models import PressRequest
from tests.monitoring.conftest import fault_source, ingest_newsroom, register

pytestmark = pytest.mark.django_db


def _poll(source: Source, now=None):
    feed = source.feeds.get()
    result = polling.poll_feed(feed, now=now, enqueue=False)
    source.refresh_from_db()
    feed.refresh_from_db()
    return result, feed


class TestRegistry:
    def test_addresses_are_checked(self, province, users):
        with pytest.raises(ValidationError, match="không hợp lệ"):
            services.source_create(users["coordinator"], name="Báo A", feeds=["ftp://bao.vn/rss"])
        with pytest.raises(ValidationError, match="ít nhất một luồng"):
            services.source_create(users["coordinator"], name="Báo A", homepage="https://bao.vn/")
        with (
            override_settings(LOA_MONITORING_ALLOW_PRIVATE_HOSTS=False),
            pytest.raises(ValidationError, match="nội bộ"),
        ):
            services.source_create(users["coordinator"], name="Báo A", feeds=["http://127.0.0.1:9/rss"])
        source = services.source_create(users["coordinator"], name="Báo A", feeds=["https://bao.vn/rss"])
        assert source.feeds.get().next_poll_at is not None
        with pytest.raises(ValidationError, match="đã thuộc nguồn"):
            services.source_create(users["coordinator"], name="Báo B", feeds=["https://bao.vn/rss"])
        assert AuditEvent.objects.filter(action="monitoring.source_create", object_id=str(source.pk)).exists()

    def test_only_coordinators_register_sources(self, province, users):
        for who in ("justice", "viewer", "spokesperson"):
            with pytest.raises(PermissionDenied):
                services.source_create(users[who], name="Báo A", feeds=["https://bao.vn/rss"])

    def test_feeds_are_discovered_from_the_homepage(self, newsroom, province, users):
        source = services.source_create(
            users["coordinator"], name="Báo TN", homepage=f"{newsroom.url}/bao-thai-nguyen/", discover=True
        )
        assert [f.url for f in source.feeds.all()] == [f"{newsroom.url}/bao-thai-nguyen/rss/tin-moi.rss"]

    def test_update_switches_feeds_off_and_on(self, province, users):
        source = services.source_create(users["coordinator"], name="Báo A", feeds=["https://bao.vn/rss"])
        services.source_update(
            users["coordinator"],
            source,
            feeds=["https://bao.vn/sitemap.xml"],
            name="Báo A mới",
            fetch_min_delay=2.0,
        )
        feeds = {f.url: f for f in source.feeds.all()}
        assert not feeds["https://bao.vn/rss"].is_active
        assert (
            feeds["https://bao.vn/sitemap.xml"].is_active
            and feeds["https://bao.vn/sitemap.xml"].kind == "sitemap"
        )
        source.refresh_from_db()
        assert (source.name, source.fetch_min_delay) == ("Báo A mới", 2.0)
        assert policy_for(source, "https://bao.vn/").per_host_min_delay == 2.0


class TestHealth:
    def test_each_faulty_source_fails_alone_with_a_clear_status_and_backs_off(
        self, newsroom, faults, province
    ):
        good = register(newsroom, ("cong-ttdt",))[0]
        faulty = {
            "/always/503": ("http_5xx", "Máy chủ gặp lỗi"),
            "/slow?delay=2": ("timeout", "Hết thời gian chờ"),
            "/redirect/loop/a": ("redirect_loop", "vòng lặp"),
            "/big?mb=50": ("too_large", "quá lớn"),
            "/feed/html.xml": ("feed_not_a_feed", "không phải RSS"),
        }
        sources = {path: fault_source(faults, path) for path in faulty}
        now = timezone.now()
        result, feed = _poll(good, now)
        assert result.ok and feed.health == "ok" and result.new_item_ids
        for path, (kind, words) in faulty.items():
            result, feed = _poll(sources[path], now)
            assert not result.ok and result.status == kind, path
            assert words in feed.last_error, path
            assert feed.health == "backing_off" and words in feed.health_reason
            assert feed.next_poll_at is not None and feed.next_poll_at >= now + timedelta(minutes=10)
            assert sources[path].health == "backing_off" and sources[path].flagged_at is None
        good.refresh_from_db()
        assert good.health == "ok"

    def test_three_failures_flag_the_source_once_and_recovery_clears_it(
        self, newsroom, faults, province, users
    ):
        source = fault_source(faults, "/always/503")
        now = timezone.now()
        intervals = []
        for poll in range(4):
            _result, feed = _poll(source, now + timedelta(hours=poll))
            intervals.append(feed.interval_seconds)
        assert intervals == sorted(intervals) and intervals[0] < intervals[-1]  # exponential backoff
        assert source.health == "failing" and "Lỗi 4 lần liên tiếp" in source.health_reason
        assert source.flagged_at is not None
        notices = Notification.objects.filter(title__contains=source.name)
        assert {n.user for n in notices} >= {users["coordinator"], users["admin"]}
        assert users["viewer"] not in {n.user for n in notices}
        assert notices.count() == len({n.user_id for n in notices})  # told once, not at every failure
        assert AuditEvent.objects.filter(action="monitoring.source_flagged").count() == 1

        Feed.objects.filter(pk=feed.pk).update(url=f"{newsroom.url}/cong-ttdt/atom.xml")
        _result, feed = _poll(source, timezone.now())
        assert feed.health == "ok" and source.health == "ok" and source.flagged_at is None

    def test_a_malformed_feed_is_read_as_far_as_it_goes(self, faults, province):
        result, feed = _poll(fault_source(faults, "/feed/broken.xml"))
        assert result.ok and result.status == "malformed" and len(result.new_item_ids) == 3
        assert "sai cú pháp" in feed.last_error and feed.consecutive_failures == 0

    def test_a_feed_that_stops_publishing_turns_silent(self, newsroom, province):
        source = register(newsroom, ("cong-ttdt",))[0]
        _result, feed = _poll(source)
        assert feed.health == "ok" and feed.typical_gap_seconds
        later = timezone.now() + timedelta(days=20)
        _result, feed = _poll(source, later)  # 304: nothing new for 20 days
        assert feed.health == "silent" and "Không có bài mới" in feed.health_reason
        assert source.health == "silent" and source.flagged_at == later

    def test_interval_adapts_within_the_source_bounds(self, newsroom, province):
        source = register(newsroom, ("cong-ttdt",))[0]
        Source.objects.filter(pk=source.pk).update(min_interval_seconds=60, max_interval_seconds=600)
        source.refresh_from_db()
        now = timezone.now()
        for minutes in (0, 5, 10):
            _result, feed = _poll(source, now + timedelta(minutes=minutes))
            assert 60 <= feed.interval_seconds <= 600
        assert [h["ok"] for h in feed.history] == [True, True, True]
        assert feed.history[0]["new"] > 0 and feed.history[1]["new"] == 0


class TestSectors:
    def test_rules_that_match_everything_are_refused_in_vietnamese(self, province, users):
        coordinator = users["coordinator"]
        with pytest.raises(ValidationError, match="khớp gần như mọi bài"):
            services.sector_save(coordinator, name="Tất cả", query="NOT lũ", agency=None)
        with pytest.raises(ValidationError) as error:
            services.sector_save(coordinator, name="Hỏng", query='"sạt lở', agency=None)
        assert error.value.message_dict["query"]
        with pytest.raises(PermissionDenied):
            services.sector_save(users["justice"], name="Y tế", query="bệnh viện", agency=None)

    def test_a_rule_matching_nearly_every_recent_article_is_refused(self, province, users):
        source = Source.objects.create(name="Báo mẫu")
        for n in range(25):
            Article.objects.create(
                source=source, url=f"http://x.vn/{n}", url_hash=f"h{n}", content_hash=f"c{n}",
                title=f"Tin số {n}", text="Ủy ban nhân dân tỉnh họp bàn kế hoạch.",
            )  # fmt: skip
        preview = services.sector_preview("ủy ban")
        assert (preview.matched, preview.total) == (25, 25)
        with pytest.raises(ValidationError, match="25/25"):
            services.sector_save(users["coordinator"], name="Ủy ban", query='"ủy ban"', agency=None)
        assert services.sector_preview("bệnh viện").matched == 0


def test_saved_search_notices_new_matches_once(newsroom, province, users):
    owner = users["justice"]
    saved = services.saved_search_create(owner, name="Bắc Kạn", query="bac kan", filters={}, notify=True)
    assert services.notify_saved_searches() == 0
    ingest_newsroom(newsroom, ("tin-mien-nui",))
    assert services.notify_saved_searches() == 1
    notice = Notification.objects.get(user=owner)
    assert "khớp “Bắc Kạn”" in notice.title and notice.url.startswith("/monitoring/?q=bac+kan")
    assert services.notify_saved_searches() == 0
    saved.refresh_from_db()
    assert saved.last_article_id == Article.objects.order_by("-pk").values_list("pk", flat=True)[0]
    with pytest.raises(PermissionDenied):
        services.saved_search_delete(users["finance"], saved)
    services.saved_search_delete(owner, saved)
    assert not SavedSearch.objects.exists()


def test_retention_purges_old_articles_items_stories_and_archived_pages(newsroom, province):
    ingest_newsroom(newsroom, ("cong-ttdt",))
    total = Article.objects.count()
    old = list(Article.objects.order_by("pk")[:5])
    digests = [a.raw_sha256 for a in old]
    long_ago = timezone.now() - timedelta(days=800)
    Article.objects.filter(pk__in=[a.pk for a in old]).update(published_at=long_ago)
    IngestItem.objects.filter(article__in=old).update(created_at=long_ago)
    with override_settings(LOA_MONITORING_RETENTION_DAYS=730):
        report = services.purge_expired()
    assert (report.articles, report.items) == (5, 5)
    assert Article.objects.count() == total - 5
    assert not any(raw_archive().has(d) for d in digests)
    assert not Story.objects.filter(articles__isnull=True).exists()
    assert AuditEvent.objects.filter(action="monitoring.purge").exists()
    assert services.purge_expired().articles == 0


def test_press_request_from_an_article(newsroom, province, users):
    ingest_newsroom(newsroom, ("cong-ttdt",))
    article = Article.objects.select_related("source").first()
    assert article is not None
    with pytest.raises(PermissionDenied):
        services.press_request_for_article(users["viewer"], article)
    request = services.press_request_for_article(users["coordinator"], article)
    assert request.source_article_id == str(article.pk) and request.subject == article.title[:300]
    assert services.press_request_for_article(users["coordinator"], article).pk == request.pk
    assert PressRequest.objects.count() == 1
