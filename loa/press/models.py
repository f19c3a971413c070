"""Spokespersons and the press (legal-requirements §3.B–3.E): the spokesperson registry, the press
calendar, statements, urgent events, press requests with their correction requests, the annual report.

Records on a legal clock inherit `DeadlineTracked`, so an announced day off or an edited rule moves
their deadlines.
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loa.deadlines.models import DeadlineTracked
from loa.organisations.models import Agency


class Spokesperson(DeadlineTracked):
    """One assignment of a person to speak for a unit: the head, the regular spokesperson, or a person
    authorised in writing for one case and a limited time (Decree 09 Art. 3; Decree 244 Art. 2–3)."""

    deadline_met_field = "published_at"

    class Kind(models.TextChoices):
        HEAD = "head", _("Người đứng đầu")
        REGULAR = "regular", _("Người phát ngôn thường xuyên")
        AUTHORISED = "authorised", _("Người được ủy quyền phát ngôn")

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="spokespersons")
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    full_name = models.CharField(_("họ và tên"), max_length=160)
    position = models.CharField(_("chức vụ"), max_length=200)
    phone = models.CharField(_("điện thoại"), max_length=40)
    email = models.EmailField(_("thư điện tử công vụ"))
    decision_number = models.CharField(_("số quyết định, văn bản"), max_length=80)
    decision_date = models.DateField(_("ngày ký"))
    signed_at = models.DateTimeField(_("thời điểm ký"))
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    scope = models.TextField(_("phạm vi, vụ việc được ủy quyền"), blank=True)
    authorised_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="authorisations",
        verbose_name=_("người ủy quyền"),
    )
    document = models.FileField(_("văn bản"), upload_to="press/spokespersons/%Y/", blank=True)
    training = models.TextField(_("bồi dưỡng nghiệp vụ"), blank=True)
    published_at = models.DateTimeField(_("công bố trên cổng lúc"), null=True, blank=True)
    ended_at = models.DateTimeField(_("thôi nhiệm vụ lúc"), null=True, blank=True)
    end_reason = models.CharField(_("lý do thôi"), max_length=300, blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency__name", "kind", "-valid_from"]
        verbose_name = _("người phát ngôn")
        verbose_name_plural = _("người phát ngôn")

    def __str__(self) -> str:
        return f"{self.full_name} — {self.get_kind_display()} — {self.agency}"

    @classmethod
    def deadline_open_q(cls) -> Q:
        return Q(ended_at__isnull=True)

    def is_current(self, day: date | None = None) -> bool:
        day = day or timezone.localdate()
        return (
            self.ended_at is None
            and self.valid_from <= day
            and (self.valid_to is None or day <= self.valid_to)
        )

    def is_expired(self, day: date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.valid_to is not None and self.valid_to < day


class PressEvent(models.Model):
    """A press conference, a monthly information release or a press briefing on the calendar."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Họp báo")
        MONTHLY = "monthly_information", _("Cung cấp thông tin định kỳ")
        BRIEFING = "briefing", _("Giao ban báo chí")
        INTERVIEW = "interview", _("Trả lời phỏng vấn")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        HELD = "held", _("Đã tổ chức")
        CANCELLED = "cancelled", _("Hủy")

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="press_events")
    kind = models.CharField(_("loại"), max_length=24, choices=Kind.choices)
    title = models.CharField(_("tiêu đề"), max_length=300)
    scheduled_at = models.DateTimeField(_("thời gian dự kiến"))
    place = models.CharField(_("địa điểm, hình thức"), max_length=300, blank=True)
    speaker = models.ForeignKey(
        Spokesperson, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    held_at = models.DateTimeField(_("đã tổ chức lúc"), null=True, blank=True)
    summary = models.TextField(_("kết quả, nội dung"), blank=True)
    is_public = models.BooleanField(_("công bố lịch"), default=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-scheduled_at"]
        verbose_name = _("sự kiện báo chí")
        verbose_name_plural = _("sự kiện báo chí")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title} ({self.scheduled_at:%d/%m/%Y})"


class UrgentEvent(DeadlineTracked):
    """An incident or a divided public opinion that needs a first statement within the legal clock.
    Occurrence, receipt and finding are stored separately: the rule in force says which one starts it."""

    deadline_met_field = "first_statement_at"

    class Kind(models.TextChoices):
        INCIDENT = "incident", _("Sự kiện, vấn đề cần thông tin ban đầu")
        DIVIDED = "divided_opinion", _("Dư luận trái chiều")

    class State(models.TextChoices):
        DETECTED = "detected", _("Phát hiện")
        CLOCK_STARTED = "clock_started", _("Đang tính giờ")
        DRAFTED = "drafted", _("Đã có dự thảo")
        APPROVED = "approved", _("Đã duyệt")
        PUBLISHED = "published", _("Đã phát ngôn")
        FOLLOW_UP = "follow_up", _("Theo dõi tiếp")
        CLOSED = "closed", _("Kết thúc")

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="urgent_events")
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("sự kiện, vấn đề"), max_length=300)
    description = models.TextField(_("mô tả"), blank=True)
    occurred_at = models.DateTimeField(_("xảy ra lúc"), null=True, blank=True)
    received_at = models.DateTimeField(_("tiếp nhận thông tin lúc"), null=True, blank=True)
    found_at = models.DateTimeField(_("phát hiện tác động dư luận lúc"), null=True, blank=True)
    first_statement_at = models.DateTimeField(_("phát ngôn đầu tiên lúc"), null=True, blank=True)
    state = models.CharField(_("trạng thái"), max_length=16, choices=State.choices, default=State.DETECTED)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sự kiện cần phát ngôn")
        verbose_name_plural = _("sự kiện cần phát ngôn")

    def __str__(self) -> str:
        return self.title

    @classmethod
    def deadline_open_q(cls) -> Q:
        return ~Q(state=cls.State.CLOSED)

    @property
    def trigger_at(self) -> datetime | None:
        """The earliest recorded moment: it decides which generation of the rule applies."""
        moments = [m for m in (self.occurred_at, self.received_at, self.found_at) if m is not None]
        return min(moments) if moments else None


class Statement(models.Model):
    """A press release or statement: drafted, approved by the spokesperson, published on public pages."""

    class Kind(models.TextChoices):
        RELEASE = "press_release", _("Thông cáo báo chí")
        STATEMENT = "statement", _("Phát ngôn, cung cấp thông tin")
        WRITTEN_REPLY = "written_reply", _("Trả lời bằng văn bản")

    class State(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        APPROVED = "approved", _("Đã duyệt")
        PUBLISHED = "published", _("Đã công bố")
        WITHDRAWN = "withdrawn", _("Đã gỡ")

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="statements")
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices, default=Kind.STATEMENT)
    title = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"))
    state = models.CharField(_("trạng thái"), max_length=12, choices=State.choices, default=State.DRAFT)
    spokesperson = models.ForeignKey(
        Spokesperson, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    urgent_event = models.ForeignKey(
        UrgentEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    press_event = models.ForeignKey(
        PressEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("thông cáo, phát ngôn")
        verbose_name_plural = _("thông cáo, phát ngôn")

    def __str__(self) -> str:
        return self.title


class PressRequest(DeadlineTracked):
    """An issue raised by the press (phản hồi thông tin báo chí phản ánh) from receipt to closing."""

    deadline_met_field = "sent_at"

    class Channel(models.TextChoices):
        FORM = "form", _("Nhập nội bộ")
        PUBLIC_FORM = "public_form", _("Biểu mẫu công khai")
        EMAIL = "email", _("Thư điện tử")
        ARTICLE = "article", _("Bài báo theo dõi")
        API = "api", _("API")

    class Classification(models.TextChoices):
        ANSWER_ON_PRESS = "answer_on_press", _("Yêu cầu trả lời trên báo chí")
        PETITION = "petition", _("Ý kiến, kiến nghị, phản ánh, phê bình")
        COMPLAINT = "complaint", _("Khiếu nại")
        DENUNCIATION = "denunciation", _("Tố cáo")
        FALSE_REPORT = "false_report", _("Thông tin sai sự thật")

    class State(models.TextChoices):
        RECEIVED = "received", _("Tiếp nhận")
        CLASSIFIED = "classified", _("Đã phân loại")
        ASSIGNED = "assigned", _("Đã giao xử lý")
        DRAFTED = "drafted", _("Đã có dự thảo, chờ duyệt")
        APPROVED = "approved", _("Người phát ngôn đã duyệt")
        SENT = "sent", _("Đã gửi trả lời")
        PUBLISHED = "published", _("Báo chí đã đăng")
        CLOSED = "closed", _("Kết thúc")
        AWAITING_CONCLUSION = "awaiting_conclusion", _("Đã thụ lý, chờ kết luận")
        NOT_ACCEPTED = "not_accepted", _("Không thụ lý")
        REFUSED = "refused", _("Từ chối cung cấp thông tin")
        REDIRECTED = "redirected", _("Chuyển cơ quan khác")

    reference = models.CharField(_("mã hồ sơ"), max_length=20, unique=True, null=True, blank=True)
    channel = models.CharField(_("kênh tiếp nhận"), max_length=12, choices=Channel.choices)
    outlet = models.CharField(_("cơ quan báo chí"), max_length=200)
    journalist = models.CharField(_("phóng viên, người gửi"), max_length=160, blank=True)
    contact_email = models.EmailField(_("thư điện tử liên hệ"), blank=True)
    contact_phone = models.CharField(_("điện thoại liên hệ"), max_length=40, blank=True)
    subject = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)
    requested_agency_text = models.CharField(_("cơ quan được đề nghị (như ghi)"), max_length=300, blank=True)
    article_url = models.URLField(_("đường dẫn bài báo"), max_length=1000, blank=True)
    article_published_at = models.DateTimeField(_("bài đăng lúc"), null=True, blank=True)
    source_article_id = models.CharField(max_length=64, blank=True, db_index=True)
    received_at = models.DateTimeField(_("nhận lúc"))
    classification = models.CharField(
        _("phân loại"), max_length=16, choices=Classification.choices, blank=True
    )
    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="press_requests",
        verbose_name=_("cơ quan xử lý"),
    )
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.RECEIVED)
    response = models.TextField(_("nội dung trả lời"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("gửi trả lời lúc"), null=True, blank=True)
    published_at = models.DateTimeField(_("báo chí đăng lúc"), null=True, blank=True)
    published_url = models.URLField(_("đường dẫn bài đăng trả lời"), max_length=1000, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    refusal_ground = models.CharField(_("căn cứ từ chối"), max_length=40, blank=True)
    refusal_reason = models.TextField(_("lý do từ chối"), blank=True)
    redirect_note = models.TextField(_("chuyển đến, lý do"), blank=True)
    accepted_at = models.DateTimeField(_("thụ lý lúc"), null=True, blank=True)
    conclusion_at = models.DateTimeField(_("có kết luận lúc"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("báo chí phản ánh lên cấp trên lúc"), null=True, blank=True)
    escalation_note = models.TextField(blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    # Set by the retention run (`loa.press.retention`): the requester's contact details are gone.
    anonymised_at = models.DateTimeField(_("ẩn danh hóa lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("yêu cầu của báo chí")
        verbose_name_plural = _("yêu cầu của báo chí")

    def __str__(self) -> str:
        return f"{self.reference or '—'}: {self.subject}"

    @classmethod
    def deadline_open_q(cls) -> Q:
        return ~Q(state__in=[cls.State.CLOSED, cls.State.REDIRECTED])

    @property
    def answered(self) -> bool:
        return self.sent_at is not None or self.accepted_at is not None


class PressAttachment(models.Model):
    press_request = models.ForeignKey(PressRequest, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="press/requests/%Y/%m/")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=12)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # Set by the retention run: the file is deleted from storage and `file`, `name` are blank; kind and
    # size stay so the record still says what was received.
    purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.name


class CorrectionRequest(DeadlineTracked):
    """Written feedback with grounds asking an outlet to correct false information, and the outlet's
    correction deadline (Press Law 2016 Art. 42.5, 43.2; Decree 237 Art. 19.3, 21)."""

    deadline_met_field = "corrected_at"

    class OutletKind(models.TextChoices):
        ONLINE = "online", _("Báo điện tử")
        DAILY = "daily", _("Báo in hằng ngày, phát thanh, truyền hình")
        PERIODICAL = "periodical", _("Loại hình khác (số tiếp theo)")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Chờ cải chính")
        CORRECTED = "corrected", _("Đã cải chính")
        DECLINED = "declined", _("Báo chí không cải chính")

    press_request = models.ForeignKey(PressRequest, on_delete=models.CASCADE, related_name="corrections")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    outlet_kind = models.CharField(_("loại hình báo chí"), max_length=12, choices=OutletKind.choices)
    text = models.TextField(_("nội dung đề nghị cải chính"))
    round = models.PositiveSmallIntegerField(_("lần"), default=1)
    sent_at = models.DateTimeField(_("gửi lúc"))
    corrected_at = models.DateTimeField(_("cải chính lúc"), null=True, blank=True)
    correction_url = models.URLField(max_length=1000, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default=Outcome.PENDING)

    class Meta:
        ordering = ["sent_at"]
        verbose_name = _("đề nghị cải chính")
        verbose_name_plural = _("đề nghị cải chính")

    def __str__(self) -> str:
        return f"{self.press_request} — lần {self.round}"

    @classmethod
    def deadline_open_q(cls) -> Q:
        return Q(outcome=cls.Outcome.PENDING)


class AnnualReport(DeadlineTracked):
    """The province's annual report on press statements to the Ministry of Culture, Sports and Tourism
    (Decree 244/2026 Art. 10, TBC): counts from the records plus difficulties and proposals."""

    deadline_met_field = "sent_at"

    year = models.PositiveSmallIntegerField(_("năm"), unique=True)
    number = models.CharField(_("số, ký hiệu"), max_length=40, default="/BC-UBND")
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    signer_name = models.CharField(_("người ký"), max_length=160, blank=True)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=80, default="PHÓ CHỦ TỊCH")
    recipients = models.TextField(
        _("nơi nhận (mỗi dòng một nơi)"),
        default="Bộ Văn hóa, Thể thao và Du lịch (Cục Báo chí)\nThường trực Tỉnh ủy\nChủ tịch, các Phó Chủ tịch UBND tỉnh",
    )
    sent_at = models.DateTimeField(_("gửi Bộ lúc"), null=True, blank=True)
    snapshot = models.JSONField(_("số liệu khi gửi"), default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("báo cáo năm về phát ngôn")
        verbose_name_plural = _("báo cáo năm về phát ngôn")

    def __str__(self) -> str:
        return f"Báo cáo công tác phát ngôn năm {self.year}"


class RefusalGround(models.Model):
    """A ground on which a spokesperson may refuse to provide information to the press (Press Law 2016
    Art. 38.2; Press Law 126/2025 Art. 31.2, TBC). Administrators edit the rows (audited by the service);
    a refusal records the code of a ground in force on the day it is made."""

    class Verification(models.TextChoices):
        CONFIRMED = "confirmed", _("Đã xác nhận")
        TBC = "TBC", _("Cần xác nhận (TBC)")

    code = models.CharField(_("mã"), max_length=40, unique=True)
    label = models.TextField(_("căn cứ"))
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    verification = models.CharField(_("xác minh"), max_length=12, choices=Verification.choices)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        ordering = ["valid_from", "code"]
        verbose_name = _("căn cứ từ chối cung cấp thông tin")
        verbose_name_plural = _("căn cứ từ chối cung cấp thông tin")

    def __str__(self) -> str:
        return self.display

    def clean(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết hiệu lực trước ngày bắt đầu.")})

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def display(self) -> str:
        suffix = " (TBC)" if self.verification == self.Verification.TBC else ""
        return f"{self.legal_basis}{suffix}: {self.label}"


class RetentionRule(models.Model):
    """How long personal data of one record type is kept after its press request is closed, and what
    happens then (Personal Data Protection Law 91/2025/QH15, Decree 356/2025/NĐ-CP; legal-requirements
    §5, TBC). Administrators edit the rows (audited by `loa.press.retention`); the rule with the latest
    `valid_from` not after the day of the run applies. The request row itself is never deleted: the
    annual report counts K3 and K6 from it."""

    class RecordType(models.TextChoices):
        REQUESTER_CONTACT = "press_request.requester_contact", _("Thông tin liên hệ của người gửi yêu cầu")
        ATTACHMENTS = "press_request.attachments", _("Tệp đính kèm của yêu cầu")

    class Action(models.TextChoices):
        ANONYMISE = "anonymise", _("Ẩn danh hóa")
        DELETE = "delete", _("Xóa")

    record_type = models.CharField(_("loại dữ liệu"), max_length=40, choices=RecordType.choices)
    days_after_closing = models.PositiveIntegerField(_("số ngày lưu sau khi kết thúc hồ sơ"))
    action = models.CharField(_("xử lý khi hết hạn"), max_length=12, choices=Action.choices)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300)
    valid_from = models.DateField(_("hiệu lực từ"))
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        ordering = ["record_type", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["record_type", "valid_from"], name="press_retention_one_per_day")
        ]
        verbose_name = _("quy tắc lưu giữ dữ liệu cá nhân")
        verbose_name_plural = _("quy tắc lưu giữ dữ liệu cá nhân")

    def __str__(self) -> str:
        return (
            f"{self.get_record_type_display()}: {self.days_after_closing} ngày, {self.get_action_display()}"
        )

    def clean(self) -> None:
        # A file cannot be anonymised: its content is unknown. Contact details can be replaced by a
        # placeholder (anonymise) or blanked (delete); the request row stays either way.
        if self.record_type == self.RecordType.ATTACHMENTS and self.action == self.Action.ANONYMISE:
            raise ValidationError({"action": _("Tệp đính kèm chỉ có thể xóa.")})
