"""Ingest end to end against the sample newsroom and the fault server on loopback: articles, stories,
places, sectors, item states, conditional GET, failures with reasons, idempotency and resumption."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from loa.demo.newsroom import newsroom_of
from loa.monitoring import ingest, polling, services
from loa.monitoring.models import Article, ArticlePlace, Feed, IngestItem, Sector, Story, StoryAlias
from loa.monitoring.runtime import raw_archive, runtime
from loa.pipeline.fetch import Fetcher
from loa.text import fold
from tests.monitoring.conftest import TWO_OUTLETS, ingest_newsroom

pytestmark = pytest.mark.django_db
State = IngestItem.State


def _expected(newsroom, slugs=TWO_OUTLETS):
    articles = [a for a in newsroom_of(newsroom).articles if a.outlet in slugs]
    return {newsroom.url + a.path: a for a in articles}


def test_newsroom_ingested_end_to_end(newsroom, province):
    flood = services.sector_save(None, name="Thiên tai", query='"sạt lở" OR "lũ quét" OR ngập', agency=None)
    result = ingest_newsroom(newsroom)
    expected = _expected(newsroom)

    assert result.articles == len(expected)
    assert Counter(IngestItem.objects.values_list("state", flat=True)) == {State.DONE: len(expected)}
    assert set(Article.objects.values_list("url", flat=True)) == set(expected)
    assert all(item.article_id and item.raw_sha256 for item in IngestItem.objects.all())
    assert raw_archive().has(IngestItem.objects.all()[0].raw_sha256)

    # Copies of one story across the two outlets are one Story row, with its count and earliest date.
    by_url = {a.url: a for a in Article.objects.select_related("story")}
    truth: dict[str, set[int]] = {}
    for url, sample in expected.items():
        truth.setdefault(sample.story_key, set()).add(by_url[url].story_id or 0)
    assert all(len(story_ids) == 1 for story_ids in truth.values())
    copied = [key for key in truth if sum(s.story_key == key for s in expected.values()) > 1]
    assert len(copied) >= 10
    for story in Story.objects.filter(article_count__gt=1):
        rows = list(story.articles.order_by("published_at", "pk"))
        assert story.article_count == len(rows) >= 2
        assert story.first_published_at == rows[0].published_at
        assert story.title == rows[0].title
    assert Story.objects.count() == len(truth)

    # Places: old names ("Bắc Kạn", "huyện Bạch Thông", ...) resolved to today's units of Thái Nguyên.
    legacy = ArticlePlace.objects.filter(legacy=True).select_related("province", "commune")
    assert legacy.exists()
    assert {p.province.name for p in legacy} == {"Tỉnh Thái Nguyên"}
    assert ArticlePlace.objects.filter(commune__isnull=False).exists()
    assert Article.objects.filter(relevance__gt=0.5).exists()

    # Sector rules applied; topic, sentiment and its cues stored.
    flooded = [a for a in Article.objects.all() if "sạt lở" in a.text.lower()]
    assert flooded and all(flood in a.sectors.all() for a in flooded)
    assert set(Article.objects.values_list("sentiment", flat=True)) <= {"negative", "neutral", "positive"}
    assert Article.objects.filter(sentiment="negative").exclude(sentiment_cues=[]).exists()
    assert not Article.objects.filter(topic="").exists()

    # Health after a good poll; the second poll is conditional and creates nothing.
    assert set(Feed.objects.values_list("health", flat=True)) == {"ok"}
    etags = dict(Feed.objects.values_list("pk", "etag"))
    assert all(etags.values())
    feeds = list(Feed.objects.select_related("source"))
    results = [polling.poll_feed(feed, enqueue=False) for feed in feeds]
    assert {r.status for r in results} == {"not_modified"}
    assert all(not r.new_item_ids for r in results)
    assert IngestItem.objects.count() == len(expected)


def test_same_batch_twice_and_the_same_feed_twice_change_nothing(newsroom, province):
    from loa.monitoring.commands import poll_cycle

    ingest_newsroom(newsroom, ("cong-ttdt",))
    ids = list(IngestItem.objects.values_list("pk", flat=True))
    before = (Article.objects.count(), Story.objects.count(), ArticlePlace.objects.count())
    assert ingest.process_items(ids) == Counter()
    Feed.objects.update(etag="", last_modified="")  # a full GET this time: same links, no new items
    assert poll_cycle(poll_all=True, report=lambda line: None)["new_items"] == 0
    assert (Article.objects.count(), Story.objects.count(), ArticlePlace.objects.count()) == before


def test_worker_killed_after_fetching_resumes_from_the_archive(newsroom, province, monkeypatch):
    from tests.monitoring.conftest import register as register_sources

    register_sources(newsroom, ("cong-ttdt",))
    feed = Feed.objects.select_related("source").get()
    ids = list(polling.poll_feed(feed, enqueue=False).new_item_ids)

    def killed(*args, **kwargs):
        raise SystemExit("worker killed")

    monkeypatch.setattr(ingest, "_save", killed)
    with pytest.raises(SystemExit):
        ingest.process_items(ids)
    assert set(IngestItem.objects.values_list("state", flat=True)) == {State.FETCHED}
    assert not Article.objects.exists()
    monkeypatch.undo()

    fetched = []
    original = Fetcher.fetch_request

    def counting(self, request):
        fetched.append(request)
        return original(self, request)

    monkeypatch.setattr(Fetcher, "fetch_request", counting)
    later = timezone.now() + timedelta(hours=1)
    with override_settings(CELERY_TASK_ALWAYS_EAGER=True):
        resumed = ingest.resume_stale_items(later, enqueue=False)
    assert sorted(resumed) == sorted(ids)
    counts = ingest.process_items(resumed)
    assert counts == {"done": len(ids)}
    assert fetched == []  # nothing fetched twice: the pages came from the archive
    assert Article.objects.count() == len(ids) == len(set(Article.objects.values_list("url_hash", flat=True)))


def test_a_worker_finishing_a_batch_another_already_finished_changes_nothing(newsroom, province):
    """Two workers on the same items (a redelivered task): the slower one neither duplicates articles
    nor turns the done items back into fetched or duplicate ones."""
    from tests.monitoring.conftest import register as register_sources

    register_sources(newsroom, ("cong-ttdt",))
    feed = Feed.objects.select_related("source").get()
    ids = list(polling.poll_feed(feed, enqueue=False).new_item_ids)
    stale = list(IngestItem.objects.select_related("source").filter(pk__in=ids))
    assert ingest.process_items(ids) == {"done": len(ids)}
    before = Article.objects.count()
    now = timezone.now()
    slow: Counter[str] = Counter()
    works = ingest._fetch_and_extract(stale, now, slow)
    ingest._save(works, now, slow)
    assert set(IngestItem.objects.values_list("state", flat=True)) == {State.DONE}
    assert Article.objects.count() == before


def test_article_without_text_and_fetch_errors_are_kept_with_reasons(faults, province):
    source = services.source_create(None, name="Nguồn thử lỗi", feeds=[faults.url + "/feed/broken.xml"])
    paths = {
        "/feed/html.xml": ("failed", "no_text"),
        "/always/404": ("failed", "http_4xx"),
        "/big?mb=50": ("failed", "too_large"),
        "/redirect/loop/a": ("failed", "redirect_loop"),
        "/always/503": ("queued", "http_5xx"),
        "/slow?delay=2": ("queued", "timeout"),
    }
    ids = services.enqueue_urls(None, source, [faults.url + p for p in paths], enqueue=False)
    counts = ingest.process_items(ids)
    assert counts == {"failed": 4, "retry": 2}
    items = {i.url.removeprefix(faults.url): i for i in IngestItem.objects.all()}
    for path, (state, kind) in paths.items():
        assert (items[path].state, items[path].error_kind) == (state, kind), path
        assert items[path].reason
    assert "không có nội dung" in items["/feed/html.xml"].reason
    retry = items["/always/503"]
    assert retry.next_attempt_at is not None and retry.next_attempt_at > timezone.now()
    assert "thử lại" in retry.reason
    assert not Article.objects.exists()

    # Waiting items are left alone until due; then retried; after the last attempt they fail for good.
    assert ingest.process_items([retry.pk]) == Counter()
    with override_settings(LOA_MONITORING_MAX_ATTEMPTS=2):
        counts = ingest.process_items([retry.pk], now=timezone.now() + timedelta(hours=2))
    retry.refresh_from_db()
    assert counts == {"failed": 1} and retry.state == State.FAILED and retry.attempts == 2


def _page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


PARAGRAPHS = [
    "Sáng 12/11, UBND xã Ba Bể tổ chức hội nghị triển khai kế hoạch trồng 120 ha rừng gỗ lớn tại các thôn "
    "Pác Ngòi, Bó Lù và Cốc Tộc, với sự tham gia của 86 hộ dân và Hạt Kiểm lâm khu vực Ba Bể.",
    "Theo ông Hoàng Văn Thắm, Chủ tịch UBND xã, mỗi hộ tham gia được hỗ trợ 8 triệu đồng mỗi héc-ta tiền "
    "cây giống và phân bón trong ba năm đầu, cán bộ khuyến nông hướng dẫn kỹ thuật tại chỗ.",
    "Kế hoạch năm 2026 đặt mục tiêu nâng tỷ lệ che phủ rừng của xã lên 74,5%, đồng thời liên kết với "
    "Công ty Lâm nghiệp Bắc Kạn để bao tiêu gỗ, bảo đảm đầu ra ổn định cho người trồng rừng.",
    "Tại hội nghị, bà Dương Thị Nhung, thôn Bó Lù, cho biết gia đình đăng ký trồng 3 ha keo và mỡ, mong "
    "được vay thêm vốn ưu đãi từ Ngân hàng Chính sách xã hội để mở rộng diện tích vào năm sau.",
    "Hạt Kiểm lâm khu vực Ba Bể cam kết phối hợp tuần tra, phòng cháy chữa cháy rừng trong mùa khô, "
    "xử lý nghiêm các trường hợp chặt phá rừng trái phép trên địa bàn giáp ranh hồ Ba Bể.",
    "Dự kiến đến tháng 3/2026, toàn bộ 120 ha sẽ được trồng xong, UBND xã sẽ tổ chức sơ kết rút kinh "
    "nghiệm, nhân rộng mô hình ra các thôn Nà Hai, Khuổi Luông và Nà Nọc trong giai đoạn tiếp theo.",
]


def test_an_article_that_bridges_two_stories_merges_them_across_processes(province, monkeypatch):
    """The full report joins two partial copies saved earlier by other worker processes (the index is
    rebuilt from the database each time): one story remains and the retired key becomes an alias."""
    source = services.source_create(None, name="Báo thử", feeds=["http://bao.example.vn/rss"])
    archive = raw_archive()
    pages = {
        "http://bao.example.vn/a": _page("Ba Bể trồng rừng gỗ lớn (phần 1)", PARAGRAPHS[:3]),
        "http://bao.example.vn/b": _page("Ba Bể liên kết bao tiêu gỗ (phần 2)", PARAGRAPHS[3:]),
        "http://bao.example.vn/c": _page("Xã Ba Bể triển khai trồng 120 ha rừng gỗ lớn", PARAGRAPHS),
    }
    story_of = {}
    for url, html in pages.items():
        item = IngestItem.objects.create(
            url=url,
            url_hash=url,
            source=source,
            state=State.FETCHED,
            raw_sha256=archive.put(html),
            final_url=url,
            content_type="text/html; charset=utf-8",
        )
        runtime().forget_database()  # as in another worker process: the index comes from the DB
        assert ingest.process_items([item.pk]) == {"done": 1}
        story = Article.objects.get(url=url).story
        assert story is not None
        story_of[url] = story
    first, second, _full = (story_of[u] for u in pages)
    assert first.pk != second.pk
    stories = Story.objects.all()
    assert stories.count() == 1
    merged = stories.get()
    assert merged.article_count == 3 and merged.pk == first.pk
    assert StoryAlias.objects.filter(key=second.key, story=merged).exists()
    assert set(Article.objects.values_list("story", flat=True)) == {merged.pk}


def test_sector_rules_follow_the_database(newsroom, province):
    rule = services.sector_save(None, name="Dịch vụ công", query='"dịch vụ công" OR "một cửa"', agency=None)
    Sector.objects.create(name="Cũ, sai cú pháp", query='"không đóng ngoặc', is_active=True)  # the admin
    ingest_newsroom(newsroom, ("cong-ttdt",))
    tagged = Article.objects.filter(sectors=rule)
    assert tagged.exists()
    for article in Article.objects.all():
        folded = fold(f"{article.title} {article.text}")
        assert (article in tagged) == ("dich vu cong" in folded or "mot cua" in folded)
