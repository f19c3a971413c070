"""Plans, their tasks, and the reporting work they create.

A plan (kế hoạch, quyết định, chỉ thị, công văn) is imported from its document and reviewed before it is
saved. Each task keeps its unit names as written (`TaskUnit`) and the agencies they resolve to
(`TaskAgency`). Each lead agency owes one `Obligation` per reporting period of the task's cadence; it is
met by a `ProgressReport` the coordinating officer accepts or returns. Coordinating agencies add
`Contribution`s. Training tasks record `Course`s; tasks are costed in `BudgetEstimate`s.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loa.organisations.models import Agency, Province


class Cadence(models.TextChoices):
    ONGOING = "ongoing", _("Thường xuyên")
    YEARLY = "yearly", _("Hằng năm")
    HALF_YEARLY = "half_yearly", _("6 tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    MONTHLY = "monthly", _("Hằng tháng")
    ONCE = "once", _("Một lần, có thời hạn")
    ON_REQUEST = "on_request", _("Khi có yêu cầu")


class PeriodKind(models.TextChoices):
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    HALF_YEARLY = "half_yearly", _("6 tháng")
    YEARLY = "yearly", _("Hằng năm")


class DocumentKind(models.TextChoices):
    KH = "KH", _("Kế hoạch")
    CV = "CV", _("Công văn")
    QD = "QD", _("Quyết định")
    CT = "CT", _("Chỉ thị")
    OTHER = "other", _("Văn bản khác")


class UnitRole(models.TextChoices):
    LEAD = "lead", _("Chủ trì")
    COORDINATING = "coordinating", _("Phối hợp")


class Plan(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang theo dõi")
        CLOSED = "closed", _("Đã kết thúc")

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="plans")
    owner_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="owned_plans", verbose_name=_("cơ quan theo dõi")
    )
    kind = models.CharField(_("loại văn bản"), max_length=8, choices=DocumentKind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=80, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    ongoing_period = models.CharField(
        _("kỳ báo cáo của nhiệm vụ thường xuyên"),
        max_length=12,
        choices=PeriodKind.choices,
        default=PeriodKind.QUARTERLY,
    )
    year_start_month = models.PositiveSmallIntegerField(_("tháng bắt đầu kỳ số liệu năm"), default=12)
    year_start_day = models.PositiveSmallIntegerField(_("ngày bắt đầu kỳ số liệu năm"), default=15)
    report_lag_days = models.PositiveSmallIntegerField(_("số ngày làm việc sau kỳ để nộp báo cáo"), default=0)
    tracking_from = models.DateField(_("theo dõi từ ngày"))
    tracking_to = models.DateField(_("theo dõi đến ngày"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=8, choices=Status.choices, default=Status.ACTIVE)
    source_file = models.FileField(_("tệp gốc"), upload_to="plans/sources/%Y/", blank=True)
    source_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    source_format = models.CharField(max_length=8, blank=True)
    source_text = models.TextField(_("nội dung trích xuất"), blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("kế hoạch, văn bản giao nhiệm vụ")
        verbose_name_plural = _("kế hoạch, văn bản giao nhiệm vụ")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number or '(chưa số)'}: {self.title or ''}".strip()

    @property
    def year_start(self) -> tuple[int, int]:
        return (self.year_start_month, self.year_start_day)

    @property
    def source_lines(self) -> list[str]:
        return self.source_text.split("\n") if self.source_text else []


class Task(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField(default=0)
    ref = models.CharField(_("số thứ tự"), max_length=40)
    title = models.CharField(_("tên nhiệm vụ"), max_length=500, blank=True)
    content = models.TextField(_("nội dung"))
    section = models.CharField(_("phần"), max_length=300, blank=True)
    cadence = models.CharField(_("thời gian thực hiện"), max_length=12, choices=Cadence.choices)
    due_date = models.DateField(_("thời hạn"), null=True, blank=True)
    time_text = models.CharField(_("thời gian (nguyên văn)"), max_length=500, blank=True)
    target = models.CharField(_("chỉ tiêu"), max_length=300, blank=True)
    target_count = models.PositiveSmallIntegerField(_("chỉ tiêu (số lượng/năm)"), null=True, blank=True)
    target_unit = models.CharField(_("đơn vị chỉ tiêu"), max_length=40, blank=True)
    product = models.CharField(_("sản phẩm"), max_length=500, blank=True)
    is_training = models.BooleanField(_("nhiệm vụ tập huấn, bồi dưỡng"), default=False)
    first_line = models.PositiveIntegerField(default=0)
    last_line = models.PositiveIntegerField(default=0)
    is_cancelled = models.BooleanField(_("đã bỏ"), default=False)

    class Meta:
        ordering = ["plan", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "ref"], name="uniq_plan_task_ref")]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self) -> str:
        return f"{self.ref}. {self.label}"

    @property
    def label(self) -> str:
        """The title when the document gives one, else the start of the content."""
        if self.title:
            return self.title
        return self.content if len(self.content) <= 160 else self.content[:157].rstrip() + "…"


class TaskUnit(models.Model):
    """A unit name exactly as the document wrote it, and how it was matched to today's agencies."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="units")
    role = models.CharField(max_length=14, choices=UnitRole.choices)
    written = models.CharField(_("tên trong văn bản"), max_length=300)
    via = models.CharField(_("cách khớp"), max_length=16)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["task", "-role", "position"]  # lead units first

    def __str__(self) -> str:
        return self.written


class TaskAgency(models.Model):
    """An agency a task is assigned to (lead or coordinating), through one of its written units."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(TaskUnit, on_delete=models.CASCADE, related_name="assignments")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="plan_assignments")
    role = models.CharField(max_length=14, choices=UnitRole.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["task", "agency", "role"], name="uniq_task_agency_role")
        ]
        indexes = [models.Index(fields=["agency", "role"], name="plans_taskagency_agency_role")]

    def __str__(self) -> str:
        return f"{self.task.ref} — {self.agency} ({self.get_role_display()})"


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa triển khai")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")


class Obligation(models.Model):
    """One lead agency's report on one task for one reporting period."""

    class State(models.TextChoices):
        PLANNED = "planned", _("Chưa đến kỳ")
        ASSIGNED = "assigned", _("Đã giao")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        REPORTED = "reported", _("Đã báo cáo, chờ duyệt")
        ACCEPTED = "accepted", _("Đã chấp nhận")
        RETURNED = "returned", _("Trả lại, cần bổ sung")
        CANCELLED = "cancelled", _("Đã hủy")

    OPEN_STATES = (State.PLANNED, State.ASSIGNED, State.IN_PROGRESS, State.RETURNED)
    # Waiting for the lead agency to act.
    ACTIONABLE_STATES = (State.ASSIGNED, State.IN_PROGRESS, State.RETURNED)
    SUBMITTED_STATES = (State.REPORTED, State.ACCEPTED)

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="obligations")
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="obligations")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="plan_obligations")
    period_kind = models.CharField(_("loại kỳ"), max_length=12)
    period_key = models.CharField(_("mã kỳ"), max_length=24)
    period_label = models.CharField(_("kỳ báo cáo"), max_length=80)
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    nominal_due = models.DateField(_("hạn theo văn bản"))
    due_date = models.DateField(_("hạn báo cáo"), db_index=True)
    state = models.CharField(_("trạng thái"), max_length=12, choices=State.choices, default=State.ASSIGNED)
    progress = models.CharField(_("tiến độ"), max_length=12, choices=Progress.choices, blank=True)
    reported_on = models.DateField(_("ngày báo cáo lần đầu"), null=True, blank=True)
    last_reported_at = models.DateTimeField(_("báo cáo gần nhất"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("chấp nhận lúc"), null=True, blank=True)
    request_note = models.TextField(_("nội dung yêu cầu"), blank=True)
    cancelled_reason = models.CharField(_("lý do hủy"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "task_id", "agency_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "agency", "period_key"], name="uniq_obligation_period")
        ]
        # The dashboard groups a plan's obligations by task, agency or period and counts statuses: each
        # covering index lets SQLite stream one grouping from the index without sorting or table reads; the
        # trailing task/agency columns keep an agency officer's scope inside the index too.
        indexes = [
            models.Index(
                fields=["plan", "task", "state", "due_date", "reported_on", "agency"],
                name="plans_obl_by_task",
            ),
            models.Index(
                fields=["plan", "agency", "state", "due_date", "reported_on", "task"],
                name="plans_obl_by_agency",
            ),
            models.Index(
                fields=[
                    "plan",
                    "period_key",
                    "period_label",
                    "period_start",
                    "state",
                    "due_date",
                    "reported_on",
                    "task",
                    "agency",
                ],
                name="plans_obl_by_period",
            ),
            models.Index(fields=["plan", "due_date", "task", "agency"], name="plans_obl_plan_due"),
            models.Index(fields=["agency", "state"], name="plans_obl_agency_state"),
            models.Index(fields=["task", "period_start"], name="plans_obl_task_period"),
        ]
        verbose_name = _("nghĩa vụ báo cáo")
        verbose_name_plural = _("nghĩa vụ báo cáo")

    def __str__(self) -> str:
        return f"{self.task.ref} — {self.agency} — {self.period_label}"

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    def is_overdue(self, today: Any) -> bool:
        return self.is_open and self.state != self.State.PLANNED and today > self.due_date

    @property
    def reported_late(self) -> bool | None:
        return None if self.reported_on is None else self.reported_on > self.due_date


FIGURES: tuple[tuple[str, Any], ...] = (
    ("participants", _("Số người tham dự")),
    ("articles", _("Số tin, bài, sản phẩm truyền thông")),
    ("events", _("Số hội nghị, lớp, hoạt động")),
    ("budget", _("Kinh phí đã chi (đồng)")),
)


class ProgressReport(models.Model):
    """A version of the lead agency's report: a draft until submitted, then reviewed once."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Chấp nhận")
        RETURNED = "returned", _("Trả lại")

    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="reports")
    version = models.PositiveSmallIntegerField(default=1)
    text = models.TextField(_("kết quả thực hiện"))
    progress = models.CharField(_("tiến độ"), max_length=12, choices=Progress.choices)
    figures = models.JSONField(_("số liệu"), default=dict, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    decision = models.CharField(_("kết quả xem xét"), max_length=10, choices=Decision.choices, blank=True)
    review_comment = models.TextField(_("ý kiến"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["obligation", "-version"]
        constraints = [models.UniqueConstraint(fields=["obligation", "version"], name="uniq_report_version")]
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")

    def __str__(self) -> str:
        return f"{self.obligation} v{self.version}"


class Contribution(models.Model):
    """A coordinating agency's part of a lead agency's report."""

    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="contributions")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="plan_contributions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("nội dung phối hợp"))
    figures = models.JSONField(_("số liệu"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.agency}: {self.text[:40]}"


class Attachment(models.Model):
    report = models.ForeignKey(
        ProgressReport, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    contribution = models.ForeignKey(
        Contribution, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="plans/attachments/%Y/%m/")
    name = models.CharField(max_length=255)
    kind = models.CharField(max_length=12)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class Reminder(models.Model):
    """A reminder sent for an obligation (7, 3, 1 working days before, or overdue): each kind once."""

    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10)
    sent_at = models.DateTimeField()
    due_date = models.DateField()
    recipients = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["obligation", "kind"], name="uniq_reminder_kind")]

    def __str__(self) -> str:
        return f"{self.obligation_id}:{self.kind}"


class PlanImport(models.Model):
    """An uploaded document waiting for the officer's review. The parsed and corrected data live in `data`
    (JSON) so a reload loses nothing; saving turns it into a Plan in one transaction."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ rà soát")
        SAVED = "saved", _("Đã lưu")
        DISCARDED = "discarded", _("Đã hủy")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to="plans/sources/%Y/")
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveIntegerField()
    source_format = models.CharField(max_length=8)
    parse_seconds = models.FloatField(default=0)
    data = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # The plan this import updates (the same document imported again), or the plan it created once saved.
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="imports")
    duplicate_reason = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"


class Course(models.Model):
    """A training course held under a training task."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="courses")
    title = models.CharField(_("tên lớp"), max_length=300)
    held_on = models.DateField(_("ngày tổ chức"))
    ends_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=300)
    organiser = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị tổ chức"),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("lớp tập huấn, bồi dưỡng")
        verbose_name_plural = _("lớp tập huấn, bồi dưỡng")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"


class CourseParticipation(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="participations")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    invited = models.PositiveIntegerField(_("số được triệu tập"), default=0)
    attended = models.PositiveIntegerField(_("số tham dự"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course", "agency"], name="uniq_course_agency")]

    def __str__(self) -> str:
        return f"{self.agency}: {self.attended}/{self.invited}"


class BudgetEstimate(models.Model):
    """An agency's yearly cost estimate for a task (legal-requirements §3.A: estimate → Sở Tài chính
    appraises → the competent authority allocates → spent)."""

    class Source(models.TextChoices):
        STATE_BUDGET = "state_budget", _("Ngân sách nhà nước")
        OTHER = "other", _("Nguồn hợp pháp khác")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SUBMITTED = "submitted", _("Đã gửi Sở Tài chính")
        APPRAISED = "appraised", _("Đã thẩm định")
        ALLOCATED = "allocated", _("Đã bố trí")
        SPENT = "spent", _("Đã chi")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="budgets")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="plan_budgets")
    year = models.PositiveSmallIntegerField(_("năm"))
    source = models.CharField(_("nguồn"), max_length=14, choices=Source.choices, default=Source.STATE_BUDGET)
    amount = models.PositiveBigIntegerField(_("dự toán (đồng)"))
    appraised_amount = models.PositiveBigIntegerField(_("thẩm định (đồng)"), null=True, blank=True)
    allocated_amount = models.PositiveBigIntegerField(_("được bố trí (đồng)"), null=True, blank=True)
    spent_amount = models.PositiveBigIntegerField(_("đã chi (đồng)"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year", "task__position", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "agency", "year", "source"], name="uniq_budget_task_agency_year_source"
            )
        ]
        verbose_name = _("dự toán kinh phí")
        verbose_name_plural = _("dự toán kinh phí")

    def __str__(self) -> str:
        return f"{self.task.ref} — {self.agency} — {self.year}: {self.amount:,} đ"
