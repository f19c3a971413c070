"""Monitored sources, their feeds, the items moving through the pipeline, and what came out of it:
articles grouped into stories, with places, topic, sentiment and sectors.

Responsible use: only public content; analysis at the level of articles, stories, topics and places.
No author or commenter is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loa.organisations.models import Agency, Commune, Province


class Source(models.Model):
    class Kind(models.TextChoices):
        PRESS = "press", _("Báo, tạp chí")
        PORTAL = "portal", _("Cổng/trang thông tin điện tử")
        PAGE = "page", _("Trang công khai")

    class Health(models.TextChoices):
        OK = "ok", _("Hoạt động tốt")
        SILENT = "silent", _("Im lặng bất thường")
        FAILING = "failing", _("Lỗi liên tiếp")
        BACKING_OFF = "backing_off", _("Đang giãn lịch")
        NEW = "new", _("Mới thêm")

    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.PRESS)
    homepage = models.URLField(_("trang chủ"), max_length=500, blank=True)
    is_active = models.BooleanField(_("đang theo dõi"), default=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    health = models.CharField(_("tình trạng"), max_length=12, choices=Health.choices, default=Health.NEW)
    health_reason = models.CharField(_("lý do"), max_length=300, blank=True)
    last_article_at = models.DateTimeField(_("bài mới nhất lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the source was flagged (silent or failing); cleared when it recovers, so people hear once.
    flagged_at = models.DateTimeField(_("cảnh báo lúc"), null=True, blank=True)
    # Politeness towards this source's host; empty means the defaults in settings.
    fetch_concurrency = models.PositiveSmallIntegerField(
        _("số kết nối đồng thời tối đa"), null=True, blank=True
    )
    fetch_min_delay = models.FloatField(
        _("giãn cách tối thiểu giữa hai lần tải (giây)"), null=True, blank=True
    )
    min_interval_seconds = models.PositiveIntegerField(
        _("chu kỳ lấy tin ngắn nhất (giây)"), null=True, blank=True
    )
    max_interval_seconds = models.PositiveIntegerField(
        _("chu kỳ lấy tin dài nhất (giây)"), null=True, blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("nguồn tin")
        verbose_name_plural = _("nguồn tin")

    def __str__(self) -> str:
        return self.name


class Feed(models.Model):
    class Kind(models.TextChoices):
        RSS = "rss", "RSS/Atom"
        SITEMAP = "sitemap", "Sitemap"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField(_("địa chỉ"), max_length=800, unique=True)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.RSS)
    is_active = models.BooleanField(_("đang theo dõi"), default=True)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    interval_seconds = models.PositiveIntegerField(_("chu kỳ (giây)"), default=900)
    next_poll_at = models.DateTimeField(_("lần lấy tin tới"), null=True, blank=True, db_index=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_new_item_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    last_status = models.CharField(max_length=40, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    # Recent poll outcomes (new-item counts) that drive the adaptive interval.
    history = models.JSONField(default=list, blank=True)
    title = models.CharField(_("tên luồng"), max_length=300, blank=True)
    health = models.CharField(
        _("tình trạng"), max_length=12, choices=Source.Health.choices, default=Source.Health.NEW
    )
    health_reason = models.CharField(_("lý do"), max_length=300, blank=True)
    backoff_until = models.DateTimeField(_("tạm dừng đến"), null=True, blank=True)
    typical_gap_seconds = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["source__name", "url"]
        verbose_name = _("luồng tin")
        verbose_name_plural = _("luồng tin")

    def __str__(self) -> str:
        return self.url


class IngestItem(models.Model):
    """One URL moving through fetch → extract → analyze; the pipeline's progress, visible to users."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        FETCHED = "fetched", _("Đã tải")
        DONE = "done", _("Hoàn tất")
        DUPLICATE = "duplicate", _("Trùng lặp")
        FAILED = "failed", _("Lỗi")

    url = models.URLField(max_length=1000)
    url_hash = models.CharField(max_length=64, unique=True)
    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="items")
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED, db_index=True)
    reason = models.CharField(_("lý do"), max_length=500, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    feed_title = models.CharField(max_length=500, blank=True)
    feed_published_at = models.DateTimeField(null=True, blank=True)
    raw_sha256 = models.CharField(max_length=64, blank=True)
    final_url = models.URLField(max_length=1000, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    error_kind = models.CharField(_("loại lỗi"), max_length=30, blank=True, db_index=True)
    # A retryable failure waits until then; the resume task picks the item up again.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    article = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="ingest_items"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "updated_at"])]
        verbose_name = _("mục đang xử lý")
        verbose_name_plural = _("mục đang xử lý")

    def __str__(self) -> str:
        return f"{self.get_state_display()}: {self.url}"


class Story(models.Model):
    """Copies of one story republished by several outlets."""

    key = models.CharField(max_length=64, unique=True)
    title = models.CharField(_("tiêu đề"), max_length=500)
    first_published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_published_at = models.DateTimeField(null=True, blank=True)
    article_count = models.PositiveIntegerField(default=0)
    topic = models.CharField(max_length=40, blank=True)
    sentiment = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["-first_published_at"]
        verbose_name = _("câu chuyện")
        verbose_name_plural = _("câu chuyện")

    def __str__(self) -> str:
        return self.title


class StoryAlias(models.Model):
    """The key of a story that was merged into another: articles analysed later may still name it."""

    key = models.CharField(max_length=64, unique=True)
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="aliases")

    def __str__(self) -> str:
        return f"{self.key} → {self.story.key}"


class Sector(models.Model):
    """An editable Boolean keyword rule (AND/OR/NOT, phrases, NEAR/n; diacritic-insensitive), routed
    to the agency responsible for that sector."""

    name = models.CharField(_("lĩnh vực"), max_length=120, unique=True)
    query = models.TextField(_("biểu thức"))
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="sectors"
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("lĩnh vực theo dõi")
        verbose_name_plural = _("lĩnh vực theo dõi")

    def __str__(self) -> str:
        return self.name


class BatchRun(models.Model):
    """A job over the stored articles, done batch by batch in article id order; a batch moves the
    cursor, its counts and its changes in one transaction (see :mod:`loa.monitoring.runs`)."""

    class State(models.TextChoices):
        RUNNING = "running", _("Đang chạy")
        DONE = "done", _("Hoàn tất")

    state = models.CharField(max_length=10, choices=State.choices, default=State.RUNNING)
    cursor = models.BigIntegerField(default=0)  # articles up to this id are done
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["state", "updated_at"])]

    def is_at(self, cursor: int) -> bool:
        """Whether the batch after ``cursor`` is this run's next one (a redelivered message is not)."""
        return self.state == self.State.RUNNING and self.cursor == cursor

    def advance(self, ids: list[int], batch_size: int) -> bool:
        """Count a batch of ``ids`` (in order) and move the cursor past it; whether it was the last."""
        self.processed += len(ids)
        self.total = max(self.total, self.processed)
        if ids:
            self.cursor = ids[-1]
        return len(ids) < batch_size

    def mark_done(self) -> None:
        self.state = self.State.DONE
        self.finished_at = timezone.now()
        self.save()


class SectorRetag(BatchRun):
    """A saved (or disabled, or deleted) sector rule being applied to the articles already stored (see
    :mod:`loa.monitoring.retag`). A sector has at most one: saving it again replaces the run."""

    sector = models.ForeignKey(Sector, on_delete=models.CASCADE, related_name="retags")
    # Articles published (or, undated, ingested) since then are evaluated; labelled ones at any age.
    since = models.DateTimeField()
    gained = models.PositiveIntegerField(default=0)
    lost = models.PositiveIntegerField(default=0)
    # The sector's agency changed: the series of every labelled article are refreshed, not only changes.
    refresh_labelled = models.BooleanField(default=False)
    # The sector is deleted once its labels are gone.
    delete_sector = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.sector}: {self.processed}/{self.total}"


class ReprocessRun(BatchRun):
    """Understanding re-run over stored articles, from their text or their archived page (see
    :mod:`loa.monitoring.reprocess`)."""

    # Options: articles published (or, undated, ingested) since that day; of one source; pages re-read.
    since = models.DateField(null=True, blank=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    re_extract = models.BooleanField(default=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    # The first failures, [{"article": id, "reason": text}], for people to see.
    failures = models.JSONField(default=list, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.get_state_display()}: {self.processed}/{self.total}"


class Sentiment(models.TextChoices):
    NEGATIVE = "negative", _("Tiêu cực")
    NEUTRAL = "neutral", _("Trung tính")
    POSITIVE = "positive", _("Tích cực")


class Article(models.Model):
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="articles")
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    url = models.URLField(max_length=1000)
    url_hash = models.CharField(max_length=64, unique=True)
    content_hash = models.CharField(max_length=64, db_index=True)
    title = models.CharField(_("tiêu đề"), max_length=500)
    text = models.TextField(_("nội dung"))
    published_at = models.DateTimeField(_("ngày đăng"), null=True, blank=True, db_index=True)
    ingested_at = models.DateTimeField(_("ngày thu thập"), auto_now_add=True, db_index=True)
    raw_sha256 = models.CharField(max_length=64, blank=True)
    topic = models.CharField(_("chủ đề"), max_length=40, blank=True, db_index=True)
    sentiment = models.CharField(
        _("sắc thái"), max_length=10, choices=Sentiment.choices, blank=True, db_index=True
    )
    sentiment_score = models.FloatField(default=0.0)
    sentiment_cues = models.JSONField(default=list, blank=True)
    relevance = models.FloatField(_("mức liên quan tới tỉnh"), default=0.0)
    minhash = models.BinaryField(null=True, blank=True)
    is_sample = models.BooleanField(default=False)
    sectors = models.ManyToManyField(Sector, blank=True, related_name="articles")

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["source", "-published_at"])]
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")

    def __str__(self) -> str:
        return self.title

    @staticmethod
    def analysed_title(title: str, url: str) -> str:
        """The title the ingest analysed: none when it stored the address for want of one."""
        return "" if title == url else title


class ArticlePlace(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="places")
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    commune = models.ForeignKey(Commune, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    mention = models.CharField(max_length=200)
    legacy = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["commune", "article"]), models.Index(fields=["province", "article"])]

    def __str__(self) -> str:
        return f"{self.mention} → {self.commune or self.province}"


class SavedSearch(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("tên"), max_length=120)
    query = models.CharField(_("từ khóa"), max_length=300, blank=True)
    filters = models.JSONField(default=dict, blank=True)
    notify = models.BooleanField(_("báo khi có bài mới"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Articles up to this id have been notified (or existed when notification was switched on).
    last_article_id = models.BigIntegerField(default=0)
    last_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tìm kiếm đã lưu")
        verbose_name_plural = _("tìm kiếm đã lưu")

    def __str__(self) -> str:
        return self.name
