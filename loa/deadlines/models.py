"""The database copy of the legal rules and of the announced calendar, and the abstract model of every
record that runs on a legal clock.

The engine (`rules`, `calendar`, `engine`) stays pure: these models hand it plain `Rule` objects and a
`WorkingCalendar` built from rows administrators edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loa.deadlines.engine import Deadline
from loa.deadlines.rules import CONFIRMED, TBC, UNITS, Rule

UNIT_LABELS = {
    "hours": _("giờ"),
    "calendar_days": _("ngày (lịch)"),
    "working_days": _("ngày làm việc"),
    "months": _("tháng"),
    "immediately": _("ngay"),
    "next_issue": _("số báo, chương trình tiếp theo"),
    "before_day_of_year": _("trước một ngày trong năm"),
    "none": _("không quy định thời hạn"),
    "rounds": _("vòng (giới hạn số lần)"),
}


class LegalRule(models.Model):
    """One generation of a legal deadline (legal-requirements §1). Edits are audited by the service."""

    class Verification(models.TextChoices):
        CONFIRMED = CONFIRMED, _("Đã xác nhận")
        TBC = TBC, _("Cần xác nhận (TBC)")

    rule_id = models.CharField(_("mã quy tắc"), max_length=80, db_index=True)
    title_vi = models.CharField(_("nghĩa vụ"), max_length=300)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    trigger = models.CharField(_("mốc bắt đầu tính"), max_length=300)
    amount = models.PositiveIntegerField(_("số lượng"), null=True, blank=True)
    unit = models.CharField(_("đơn vị"), max_length=24, choices=[(u, UNIT_LABELS[u]) for u in UNITS])
    anchor_month = models.PositiveSmallIntegerField(_("tháng mốc"), null=True, blank=True)
    anchor_day = models.PositiveSmallIntegerField(_("ngày mốc"), null=True, blank=True)
    applies_to = models.JSONField(_("áp dụng cho (vai trò cơ quan)"), default=list, blank=True)
    on_breach = models.TextField(_("khi quá hạn"), blank=True)
    verification = models.CharField(_("xác minh"), max_length=12, choices=Verification.choices)
    superseded_by = models.CharField(_("được thay bởi"), max_length=100, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        ordering = ["rule_id", "valid_from"]
        constraints = [models.UniqueConstraint(fields=["rule_id", "valid_from"], name="uniq_rule_generation")]
        verbose_name = _("quy tắc thời hạn")
        verbose_name_plural = _("quy tắc thời hạn")

    def __str__(self) -> str:
        return f"{self.rule_id}@{self.valid_from.isoformat()}"

    def to_rule(self) -> Rule:
        anchor = (self.anchor_month, self.anchor_day) if self.anchor_month and self.anchor_day else None
        return Rule(
            id=self.rule_id,
            title_vi=self.title_vi,
            legal_basis=self.legal_basis,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            trigger=self.trigger,
            amount=self.amount,
            unit=self.unit,
            applies_to=tuple(self.applies_to or ()),
            on_breach=self.on_breach,
            verification=self.verification,
            superseded_by=self.superseded_by or None,
            anchor=anchor,
            note=self.note,
        )

    @classmethod
    def fields_from_rule(cls, rule: Rule) -> dict[str, Any]:
        return {
            "rule_id": rule.id,
            "title_vi": rule.title_vi,
            "legal_basis": rule.legal_basis,
            "valid_from": rule.valid_from,
            "valid_to": rule.valid_to,
            "trigger": rule.trigger,
            "amount": rule.amount,
            "unit": rule.unit,
            "anchor_month": rule.anchor[0] if rule.anchor else None,
            "anchor_day": rule.anchor[1] if rule.anchor else None,
            "applies_to": list(rule.applies_to),
            "on_breach": rule.on_breach,
            "verification": rule.verification,
            "superseded_by": rule.superseded_by or "",
            "note": rule.note,
        }

    def clean(self) -> None:
        if not isinstance(self.applies_to, list) or not all(isinstance(v, str) for v in self.applies_to):
            raise ValidationError(
                {"applies_to": _('Cần một danh sách JSON các vai trò, ví dụ ["department"].')}
            )
        try:
            self.to_rule()
        except (ValueError, TypeError) as exc:
            raise ValidationError(str(exc)) from exc
        if self.valid_from is None:
            return
        others = LegalRule.objects.filter(rule_id=self.rule_id).exclude(pk=self.pk)
        for other in others:
            starts_before_other_ends = other.valid_to is None or self.valid_from <= other.valid_to
            ends_after_other_starts = self.valid_to is None or other.valid_from <= self.valid_to
            if starts_before_other_ends and ends_after_other_starts:
                raise ValidationError(
                    _("Thời gian hiệu lực chồng lên thế hệ %(other)s; sửa ngày hiệu lực của một trong hai.")
                    % {"other": other}
                )


class CalendarDay(models.Model):
    """A day the government announced off, or a weekend day announced as a make-up working day."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Ngày nghỉ")
        WORKING_DAY = "working_day", _("Ngày làm bù")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    label = models.CharField(_("tên, lý do"), max_length=200, blank=True)
    legal_basis = models.CharField(_("văn bản công bố"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), editable=False, db_index=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày nghỉ, ngày làm bù công bố")
        verbose_name_plural = _("ngày nghỉ, ngày làm bù công bố")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} — {self.get_kind_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.year = self.date.year
        super().save(*args, **kwargs)

    @property
    def calendar_label(self) -> str:
        """The reason the engine prints in explanations: the label and the notice that announced it."""
        label = self.label or str(self.get_kind_display())
        return f"{label} ({self.legal_basis})" if self.legal_basis else label


class DeadlineTracked(models.Model):
    """A record whose obligation runs on a legal clock: which rule, from when, due when, and why.

    Concrete subclasses name the timestamp that stops their clock (`deadline_met_field`) and may narrow
    which rows are still open (`deadline_open_q`). `loa.deadlines.services.recompute_open_deadlines`
    finds every concrete subclass, so a newly announced day off moves all open deadlines without any
    registration step.
    """

    deadline_met_field: ClassVar[str]

    rule_id = models.CharField(_("quy tắc thời hạn"), max_length=80, blank=True)
    rule_key = models.CharField(_("thế hệ quy tắc áp dụng"), max_length=100, blank=True, editable=False)
    clock_start = models.DateTimeField(_("bắt đầu tính hạn"), null=True, blank=True)
    due_at = models.DateTimeField(_("hạn"), null=True, blank=True, db_index=True)
    due_explanation = models.TextField(_("cách tính hạn"), blank=True)
    # No column: deleting a tracked record deletes its override with it.
    deadline_overrides = GenericRelation("deadlines.DeadlineOverride")

    class Meta:
        abstract = True

    @property
    def deadline_override(self) -> DeadlineOverride | None:
        """The override recorded on this record, if any (from `prefetch_related("deadline_overrides")`
        when the caller prefetched it, else one query)."""
        if self.pk is None:
            return None
        return next(iter(self.deadline_overrides.all()), None)

    @classmethod
    def deadline_open_q(cls) -> Q:
        return Q()

    @classmethod
    def open_deadlines(cls) -> QuerySet[Any]:
        return cls._default_manager.filter(
            Q(clock_start__isnull=False)
            & Q(**{f"{cls.deadline_met_field}__isnull": True})
            & cls.deadline_open_q()
        )

    @property
    def deadline_met_at(self) -> datetime | None:
        value: datetime | None = getattr(self, self.deadline_met_field)
        return value

    def apply_deadline(self, deadline: Deadline | None, explanation: str = "") -> list[str]:
        """Copy a computed deadline onto the row; returns the names of the fields that changed."""
        return self.apply_due(
            deadline.rule.key if deadline else "",
            deadline.due if deadline else None,
            deadline.explanation if deadline else explanation,
        )

    def apply_due(self, rule_key: str, due_at: datetime | None, explanation: str) -> list[str]:
        """Set the applied generation, due moment and explanation; returns the fields that changed."""
        values = {"rule_key": rule_key, "due_at": due_at, "due_explanation": explanation}
        changed = [name for name, value in values.items() if getattr(self, name) != value]
        for name in changed:
            setattr(self, name, values[name])
        return changed

    def is_overdue(self, now: datetime | None = None) -> bool:
        if self.due_at is None:
            return False
        return (self.deadline_met_at or now or timezone.now()) > self.due_at

    @property
    def met_on_time(self) -> bool | None:
        """True/False once the clock stopped on a computable deadline; None otherwise."""
        met = self.deadline_met_at
        if met is None or self.due_at is None:
            return None
        return met <= self.due_at

    def seconds_left(self, now: datetime | None = None) -> int | None:
        if self.due_at is None or self.deadline_met_at is not None:
            return None
        return int((self.due_at - (now or timezone.now())).total_seconds())


class DeadlineOverride(models.Model):
    """A coordinator's or administrator's decision, with its reason, to run one tracked record on another
    generation of its rule or on a fixed due moment (legal-requirements §1: a case straddling a change
    keeps its trigger-date rule unless overridden with a recorded reason).

    It overrides the obligation named by `rule_id` only: when the record moves to another rule (a complaint
    concluded, a request reclassified) the override lapses and the computed deadline applies again.
    Deleting the override restores the computed deadline; the audit log keeps its history.
    """

    class Kind(models.TextChoices):
        RULE = "rule", _("Áp dụng thế hệ quy tắc khác")
        FIXED = "fixed", _("Ấn định hạn cụ thể")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    rule_id = models.CharField(_("quy tắc được điều chỉnh"), max_length=80)
    kind = models.CharField(_("cách điều chỉnh"), max_length=8, choices=Kind.choices)
    rule_key = models.CharField(_("thế hệ quy tắc áp dụng"), max_length=100, blank=True)
    due_at = models.DateTimeField(_("hạn ấn định"), null=True, blank=True)
    reason = models.TextField(_("lý do điều chỉnh"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("điều chỉnh lúc"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="uniq_deadline_override"),
            models.CheckConstraint(
                condition=(Q(kind="rule") & ~Q(rule_key="") & Q(due_at__isnull=True))
                | (Q(kind="fixed") & Q(rule_key="") & Q(due_at__isnull=False)),
                name="deadline_override_kind_fields",
            ),
        ]
        verbose_name = _("điều chỉnh thời hạn")
        verbose_name_plural = _("điều chỉnh thời hạn")

    def __str__(self) -> str:
        return f"{self.content_type.model}:{self.object_id} — {self.get_kind_display()}"

    def applies_to(self, obj: DeadlineTracked) -> bool:
        """Whether it still overrides `obj`'s obligation (not after the record moved to another rule)."""
        return self.rule_id == obj.rule_id

    @property
    def author(self) -> str:
        user = self.created_by
        if user is None:
            return "(không rõ)"
        return user.get_full_name() or user.get_username()
