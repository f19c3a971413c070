"""Trends, early warning and response: series per key counted by story, the alerts found in them, the
rules that deliver alerts, and the cases (vụ việc) that answer them.

Keys name a slice of the monitored stream (`loa.trends.keys`): "all", "topic:<label>", "sector:<id>",
"commune:<code>", "agency:<id>", "search:<id>".
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from loa.deadlines.models import DeadlineTracked
from loa.monitoring.models import Article, SavedSearch, Story
from loa.organisations.models import Agency

KEY_LENGTH = 160


class SeriesMember(models.Model):
    """One counting unit (a story, or an article that belongs to none) in one key's series, on the day
    and hour of its first copy. Bucket counts are recomputed from these rows, which makes every update
    idempotent; `story_ref`/`article_ref` are plain ids (no foreign key) so that a story merged away or
    an article deleted leaves rows a sweep can find and remove."""

    unit = models.CharField(max_length=24)
    story_ref = models.BigIntegerField(null=True, blank=True, db_index=True)
    article_ref = models.BigIntegerField(null=True, blank=True, db_index=True)
    key = models.CharField(max_length=KEY_LENGTH)
    day = models.DateField(db_index=True)
    hour = models.DateTimeField()
    negative = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "key"], name="uniq_trends_member")]
        indexes = [
            models.Index(fields=["key", "day"], name="trends_member_key_day"),
            models.Index(fields=["key", "hour"], name="trends_member_key_hour"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} ∈ {self.key} @ {self.day}"


class SeriesPoint(models.Model):
    """Stories (count) and negative stories per key and local day or hour."""

    class Granularity(models.TextChoices):
        DAY = "day", _("ngày")
        HOUR = "hour", _("giờ")

    key = models.CharField(max_length=KEY_LENGTH)
    granularity = models.CharField(max_length=4, choices=Granularity.choices)
    start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)
    negative = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["key", "granularity", "start"]
        constraints = [
            models.UniqueConstraint(fields=["key", "granularity", "start"], name="uniq_trends_point")
        ]
        indexes = [models.Index(fields=["granularity", "start"], name="trends_point_gran_start")]

    def __str__(self) -> str:
        return f"{self.key} {self.granularity} {self.start:%Y-%m-%d %H:%M}: {self.count}/{self.negative}"


class ForecastPoint(models.Model):
    """The latest seven-day forecast per key (replaced by each forecast run)."""

    key = models.CharField(max_length=KEY_LENGTH)
    date = models.DateField()
    forecast = models.FloatField()
    lower = models.FloatField()
    upper = models.FloatField()
    interval = models.FloatField()
    threshold = models.FloatField()
    p_exceed = models.FloatField()
    method = models.CharField(max_length=12)
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["key", "date"]
        constraints = [models.UniqueConstraint(fields=["key", "date"], name="uniq_trends_forecast")]

    def __str__(self) -> str:
        return f"{self.key} {self.date}: {self.forecast:.1f}"


class AlertRule(models.Model):
    """Who hears about which alerts, how, and how often."""

    class Target(models.TextChoices):
        KEY = "key", _("Một chuỗi (chủ đề, lĩnh vực, địa bàn, cơ quan, toàn tỉnh)")
        SEARCH = "search", _("Một tìm kiếm đã lưu")
        AGENCY = "agency", _("Mọi chuỗi thuộc một cơ quan")
        ROUTED = "routed", _("Mọi cảnh báo, gửi cơ quan phụ trách")

    class Condition(models.TextChoices):
        SURGE = "surge", _("Bất kỳ tăng đột biến nào")
        THRESHOLD = "threshold", _("Vượt ngưỡng số tin trong ngày")

    class Metric(models.TextChoices):
        COUNT = "count", _("số tin")
        NEGATIVE = "negative", _("số tin tiêu cực")

    name = models.CharField(_("tên quy tắc"), max_length=160)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alert_rules",
        verbose_name=_("cơ quan quản lý quy tắc"),
    )
    target = models.CharField(_("theo dõi"), max_length=8, choices=Target.choices, default=Target.KEY)
    key = models.CharField(_("chuỗi"), max_length=KEY_LENGTH, blank=True)
    saved_search = models.ForeignKey(
        SavedSearch,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alert_rules",
        verbose_name=_("tìm kiếm đã lưu"),
    )
    watch_agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("cơ quan được theo dõi"),
    )
    condition = models.CharField(
        _("điều kiện"), max_length=10, choices=Condition.choices, default=Condition.SURGE
    )
    kinds = models.JSONField(_("loại cảnh báo"), default=list, blank=True)
    threshold = models.PositiveIntegerField(_("ngưỡng (tin/ngày)"), null=True, blank=True)
    metric = models.CharField(_("đếm"), max_length=10, choices=Metric.choices, default=Metric.COUNT)
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("người nhận")
    )
    recipient_agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("cơ quan nhận"),
    )
    in_app = models.BooleanField(_("thông báo trong Loa"), default=True)
    email = models.BooleanField(_("thư điện tử"), default=False)
    webhook_url = models.URLField(_("webhook (URL)"), max_length=500, blank=True)
    webhook_secret = models.CharField(_("khóa ký webhook"), max_length=80, blank=True)
    webhook_failing_since = models.DateTimeField(_("webhook lỗi từ"), null=True, blank=True)
    group_hours = models.PositiveSmallIntegerField(_("gộp cảnh báo lặp lại trong (giờ)"), default=6)
    quiet_start = models.TimeField(_("giờ yên lặng từ"), null=True, blank=True)
    quiet_end = models.TimeField(_("giờ yên lặng đến"), null=True, blank=True)
    is_active = models.BooleanField(_("đang bật"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("quy tắc cảnh báo")
        verbose_name_plural = _("quy tắc cảnh báo")

    def __str__(self) -> str:
        return self.name


class Alert(models.Model):
    """A flagged (key, date, kind), explained. Detector alerts are unique per (key, date, kind); a
    threshold alert belongs to the rule whose threshold it crossed."""

    class Kind(models.TextChoices):
        VOLUME = "volume", _("Số tin tăng đột biến")
        NEGATIVE = "negative", _("Tỷ lệ tin tiêu cực tăng")
        FORECAST = "forecast", _("Dự báo vượt ngưỡng")
        THRESHOLD = "threshold", _("Vượt ngưỡng quy tắc")

    key = models.CharField(max_length=KEY_LENGTH, db_index=True)
    date = models.DateField(db_index=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    score = models.FloatField(default=0.0)
    expected = models.FloatField(default=0.0)
    observed = models.FloatField(default=0.0)
    count = models.PositiveIntegerField(default=0)
    negative = models.PositiveIntegerField(default=0)
    window_days = models.PositiveSmallIntegerField(default=1)
    holiday = models.BooleanField(default=False)
    # Set when the alert was raised on a partial day (the moment the count was taken).
    partial_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("giải thích"))
    rule = models.ForeignKey(AlertRule, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    agencies = models.ManyToManyField(Agency, blank=True, related_name="trend_alerts")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-score", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "date", "kind"], condition=Q(rule__isnull=True), name="uniq_trends_alert"
            ),
            models.UniqueConstraint(
                fields=["rule", "key", "date"], condition=Q(rule__isnull=False), name="uniq_trends_rule_alert"
            ),
        ]
        verbose_name = _("cảnh báo")
        verbose_name_plural = _("cảnh báo")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.key} {self.date:%d/%m/%Y}"


class NoticeGroup(models.Model):
    """Repeated alerts of one rule on one key within `group_hours`: told once, with a count."""

    rule = models.ForeignKey(AlertRule, on_delete=models.CASCADE, related_name="groups")
    key = models.CharField(max_length=KEY_LENGTH)
    opened_at = models.DateTimeField()
    last_at = models.DateTimeField()
    count = models.PositiveIntegerField(default=1)
    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="+")
    notifications = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        indexes = [models.Index(fields=["rule", "key", "opened_at"], name="trends_group_rule_key")]

    def __str__(self) -> str:
        return f"{self.rule} · {self.key} · {self.count}"


class RuleMatch(models.Model):
    """A rule matched an alert (once: re-scoring the same alert does not notify again)."""

    rule = models.ForeignKey(AlertRule, on_delete=models.CASCADE, related_name="matches")
    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="matches")
    group = models.ForeignKey(NoticeGroup, on_delete=models.CASCADE, related_name="matches")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["rule", "alert"], name="uniq_trends_match")]

    def __str__(self) -> str:
        return f"{self.rule} → {self.alert}"


class Delivery(models.Model):
    """One e-mail or webhook call for a notice group; deferred by quiet hours, retried with backoff."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("Thư điện tử")
        WEBHOOK = "webhook", "Webhook"

    class State(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENDING = "sending", _("Đang gửi")
        RETRYING = "retrying", _("Gửi lại sau")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Thất bại")

    group = models.ForeignKey(NoticeGroup, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    due_at = models.DateTimeField()
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("lượt gửi cảnh báo")
        verbose_name_plural = _("lượt gửi cảnh báo")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} #{self.pk}: {self.get_state_display()}"


class Case(DeadlineTracked):
    """A matter raised by an alert or an article, answered by one agency on a legal clock: drafted
    response, approval, publication (the link where it appeared), closure."""

    deadline_met_field = "responded_at"

    class Kind(models.TextChoices):
        URGENT = "urgent", _("Sự kiện cần thông tin ban đầu (24 giờ)")
        DIVIDED = "divided_opinion", _("Dư luận trái chiều")
        PETITION = "press_petition", _("Phản ánh, kiến nghị qua báo chí")
        OTHER = "other", _("Khác (không có thời hạn luật định)")

    class State(models.TextChoices):
        OPEN = "open", _("Đã giao xử lý")
        DRAFTED = "drafted", _("Đã có dự thảo, chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        PUBLISHED = "published", _("Đã phản hồi, công bố")
        CLOSED = "closed", _("Kết thúc")

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="trend_cases")
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices, default=Kind.URGENT)
    title = models.CharField(_("vụ việc"), max_length=300)
    description = models.TextField(_("mô tả"), blank=True)
    key = models.CharField(_("chuỗi theo dõi"), max_length=KEY_LENGTH, blank=True)
    alert = models.ForeignKey(Alert, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases")
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="trend_cases"
    )
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="trend_cases"
    )
    state = models.CharField(_("trạng thái"), max_length=10, choices=State.choices, default=State.OPEN)
    response = models.TextField(_("nội dung phản hồi"), blank=True)
    statement = models.ForeignKey(
        "press.Statement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trend_cases",
        verbose_name=_("thông cáo, phát ngôn"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_url = models.URLField(_("đường dẫn nơi đăng phản hồi"), max_length=1000, blank=True)
    responded_at = models.DateTimeField(_("phản hồi lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closing_note = models.TextField(_("ghi chú kết thúc"), blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("vụ việc")
        verbose_name_plural = _("vụ việc")

    def __str__(self) -> str:
        return self.title

    @classmethod
    def deadline_open_q(cls) -> Q:
        return ~Q(state=cls.State.CLOSED)
