"""Legal rules and the working-day calendar from the database, and the clocks of open records.

`db_rules()` and `db_calendar()` hand the pure engine what administrators maintain; `compute_deadline`
is the one entry point other contexts use. Editing a rule or announcing a day recomputes the deadline of
every open `DeadlineTracked` row (press requests, urgent events, spokesperson publications, and whatever
other contexts add), each move recorded in the audit log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from loa.core import audit
from loa.deadlines.calendar import VIETNAM_STATUTORY, WorkingCalendar, format_day, to_vietnam_time
from loa.deadlines.engine import Deadline, compute, due
from loa.deadlines.models import CalendarDay, DeadlineOverride, DeadlineTracked, LegalRule
from loa.deadlines.rules import SEED_RULES, Rule, RuleLookupError
from loa.organisations.access import require_coordinator

log = logging.getLogger(__name__)

EDITABLE_RULE_FIELDS = (
    "rule_id",
    "title_vi",
    "legal_basis",
    "valid_from",
    "valid_to",
    "trigger",
    "amount",
    "unit",
    "anchor_month",
    "anchor_day",
    "applies_to",
    "on_breach",
    "verification",
    "superseded_by",
    "note",
)


@transaction.atomic
def seed_rules(actor: Any = None) -> int:
    """Add the seed generations missing from the database; never overwrite an administrator's edit."""
    existing = set(LegalRule.objects.values_list("rule_id", "valid_from"))
    created = [
        LegalRule(**LegalRule.fields_from_rule(rule))
        for rule in SEED_RULES
        if (rule.id, rule.valid_from) not in existing
    ]
    LegalRule.objects.bulk_create(created)
    if created:
        audit.record(
            actor,
            "legal_rule.seed",
            None,
            object_type="deadlines.legalrule",
            object_repr=f"{len(created)} thế hệ quy tắc",
            changes={"created": [f"{r.rule_id}@{r.valid_from.isoformat()}" for r in created]},
        )
    return len(created)


def db_rules() -> list[Rule]:
    """Every rule generation in the database (seeded on first use)."""
    rows = list(LegalRule.objects.all())
    if not rows:
        seed_rules()
        rows = list(LegalRule.objects.all())
    return [row.to_rule() for row in rows]


def db_calendar() -> WorkingCalendar:
    """Statutory holidays from the `holidays` package plus the days administrators announced."""
    days_off: dict[date, str] = {}
    working: dict[date, str] = {}
    for row in CalendarDay.objects.all():
        target = days_off if row.kind == CalendarDay.Kind.DAY_OFF else working
        target[row.date] = row.calendar_label
    return WorkingCalendar(days_off=days_off, working_days=working, statutory=VIETNAM_STATUTORY)


def compute_deadline(
    rule_id: str,
    start: datetime,
    *,
    rules: list[Rule] | None = None,
    calendar: WorkingCalendar | None = None,
) -> Deadline:
    """The deadline of `rule_id` for an event at `start`, with the generation in force on that date.

    Raises `RuleLookupError` for an unknown id or a date no generation covers.
    """
    return compute(
        rules if rules is not None else db_rules(),
        rule_id,
        start,
        calendar if calendar is not None else db_calendar(),
    )


def start_clock(
    obj: DeadlineTracked,
    rule_id: str,
    start: datetime | None,
    *,
    rules: list[Rule] | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[str]:
    """Set the rule, clock and deadline on `obj` (not saved); returns the changed fields.

    A rule that has no generation in force on the start date leaves no due date and says why. A recorded
    override of this rule (`DeadlineOverride`) replaces the computed deadline and the explanation says
    what the computed one would have been.
    """
    changed = []
    if obj.rule_id != rule_id:
        obj.rule_id = rule_id
        changed.append("rule_id")
    if obj.clock_start != start:
        obj.clock_start = start
        changed.append("clock_start")
    if not rule_id or start is None:
        changed += obj.apply_deadline(None)
        return changed
    rules = rules if rules is not None else db_rules()
    calendar = calendar if calendar is not None else db_calendar()
    try:
        computed: Deadline | None = compute_deadline(rule_id, start, rules=rules, calendar=calendar)
        lookup_error = ""
    except RuleLookupError as exc:
        computed, lookup_error = None, str(exc.args[0] if exc.args else exc)
    override = obj.deadline_override
    if override is not None and override.applies_to(obj):
        changed += obj.apply_due(*_overridden(override, computed, lookup_error, start, rules, calendar))
    elif computed is None:
        changed += obj.apply_deadline(None, explanation=lookup_error)
    else:
        changed += obj.apply_deadline(computed)
    return changed


def _when(moment: datetime) -> str:
    local = to_vietnam_time(moment)
    return f"{local:%H:%M:%S} ngày {format_day(local.date())}"


def _overridden(
    override: DeadlineOverride,
    computed: Deadline | None,
    lookup_error: str,
    start: datetime,
    rules: list[Rule],
    calendar: WorkingCalendar,
) -> tuple[str, datetime | None, str]:
    """The (applied generation, due moment, explanation) of an overridden record."""
    made = to_vietnam_time(override.created_at)
    lines = [
        f"ĐIỀU CHỈNH THỜI HẠN: {override.author} quyết định lúc {made:%H:%M} ngày {format_day(made.date())}.",
        f"Lý do: {override.reason}",
    ]
    computed_line = (
        f"Nếu không điều chỉnh, hạn tính theo quy tắc ({computed.rule.key}) là "
        + (_when(computed.due) if computed.due else "không có hạn tính được")
        + "."
        if computed is not None
        else f"Nếu không điều chỉnh: {lookup_error}"
    )
    chosen = next((rule for rule in rules if rule.key == override.rule_key), None)
    if override.kind == DeadlineOverride.Kind.RULE and chosen is not None:
        applied = due(chosen, start, calendar)
        lines += [
            f"Áp dụng thế hệ quy tắc {chosen.key} ({chosen.legal_basis}) thay cho thế hệ có hiệu lực "
            "vào ngày bắt đầu tính hạn. Ngày nghỉ, ngày làm bù công bố sau này vẫn dời hạn theo quy tắc này.",
            computed_line,
            "Gỡ điều chỉnh thì hạn trở lại hạn tính theo quy tắc.",
            "",
            applied.explanation,
        ]
        return chosen.key, applied.due, "\n".join(lines)
    if override.kind == DeadlineOverride.Kind.RULE:
        # The chosen generation was deleted since: the computed deadline applies until someone decides again.
        lines.append(
            f"Thế hệ quy tắc đã chọn ({override.rule_key}) không còn: áp dụng hạn tính theo quy tắc."
        )
        lines += ["", computed.explanation if computed is not None else lookup_error]
        return (computed.rule.key if computed else ""), (computed.due if computed else None), "\n".join(lines)
    assert override.due_at is not None
    lines += [
        f"Hạn ấn định: {_when(override.due_at)} (giờ Việt Nam). Đây là hạn cố định: ngày nghỉ, ngày làm bù "
        "công bố sau này không dời hạn này.",
        computed_line,
        "Gỡ điều chỉnh thì hạn trở lại hạn tính theo quy tắc.",
    ]
    if computed is not None:
        lines += ["", "Cách tính theo quy tắc (không áp dụng):", computed.explanation]
    return (computed.rule.key if computed else ""), override.due_at, "\n".join(lines)


def tracked_models() -> list[type[DeadlineTracked]]:
    """Every installed concrete model that runs on a legal clock."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, DeadlineTracked) and not model._meta.abstract and not model._meta.proxy
    ]


@dataclass
class RecomputeReport:
    checked: int = 0
    moved: list[dict[str, str]] = field(default_factory=list)


def recompute_open_deadlines(actor: Any = None, *, reason: str = "") -> RecomputeReport:
    """Recompute the deadline of every open tracked record; moves are audited with old and new dates."""
    rules = db_rules()
    calendar = db_calendar()
    report = RecomputeReport()
    for model in tracked_models():
        rows = model.open_deadlines().exclude(rule_id="").prefetch_related("deadline_overrides__created_by")
        for obj in rows:
            report.checked += 1
            old_due = obj.due_at
            changed = start_clock(obj, obj.rule_id, obj.clock_start, rules=rules, calendar=calendar)
            if not changed:
                continue
            model._default_manager.filter(pk=obj.pk).update(**{name: getattr(obj, name) for name in changed})
            if old_due != obj.due_at:
                move = {
                    "object": f"{model._meta.label_lower}:{obj.pk}",
                    "old": to_vietnam_time(old_due).isoformat() if old_due else "",
                    "new": to_vietnam_time(obj.due_at).isoformat() if obj.due_at else "",
                }
                report.moved.append(move)
                audit.record(
                    actor,
                    "deadline.recompute",
                    obj,
                    changes={"due_at": [move["old"], move["new"]], "reason": reason},
                    agency_id=getattr(obj, "agency_id", None),
                )
    return report


@transaction.atomic
def rule_save(actor: Any, rule: LegalRule) -> RecomputeReport:
    """Create or update one rule generation (validated), audit old → new, then move open deadlines."""
    rule.full_clean()
    before = LegalRule.objects.filter(pk=rule.pk).first() if rule.pk else None
    if before is None:
        rule.save()
        audit.record(
            actor,
            "legal_rule.create",
            rule,
            changes={name: getattr(rule, name) for name in EDITABLE_RULE_FIELDS},
        )
    else:
        changes = audit.diff(before, {name: getattr(rule, name) for name in EDITABLE_RULE_FIELDS})
        rule.save()
        if not changes:
            return RecomputeReport()
        audit.record(actor, "legal_rule.update", rule, changes=changes)
    return recompute_open_deadlines(actor, reason=f"quy tắc {rule} thay đổi")


@transaction.atomic
def rule_delete(actor: Any, rule: LegalRule) -> RecomputeReport:
    snapshot = {name: getattr(rule, name) for name in EDITABLE_RULE_FIELDS}
    audit.record(actor, "legal_rule.delete", rule, changes=snapshot)
    rule.delete()
    return recompute_open_deadlines(actor, reason=f"xóa quy tắc {snapshot['rule_id']}")


@transaction.atomic
def announce_day(
    actor: Any, day: date, kind: str, *, label: str = "", legal_basis: str = ""
) -> tuple[CalendarDay, RecomputeReport]:
    """Record an announced day off or make-up working day (replacing what was said about that date)."""
    if kind not in CalendarDay.Kind.values:
        raise ValueError(f"Loại ngày không hợp lệ: {kind!r}")
    row = CalendarDay.objects.filter(date=day).first()
    fields = {"kind": kind, "label": label, "legal_basis": legal_basis}
    if row is None:
        row = CalendarDay.objects.create(date=day, **fields)
        audit.record(actor, "calendar_day.create", row, changes=fields)
    else:
        changes = audit.diff(row, fields)
        for name, value in fields.items():
            setattr(row, name, value)
        row.save()
        if not changes:
            return row, RecomputeReport()
        audit.record(actor, "calendar_day.update", row, changes=changes)
    report = recompute_open_deadlines(actor, reason=f"công bố ngày {format_day(day)}: {row.calendar_label}")
    return row, report


@transaction.atomic
def remove_day(actor: Any, day: date) -> RecomputeReport:
    row = CalendarDay.objects.filter(date=day).first()
    if row is None:
        return RecomputeReport()
    audit.record(
        actor,
        "calendar_day.delete",
        row,
        changes={"kind": row.kind, "label": row.label, "legal_basis": row.legal_basis},
    )
    row.delete()
    return recompute_open_deadlines(actor, reason=f"hủy công bố ngày {format_day(day)}")


# --- per-record overrides (legal-requirements §1) ------------------------------------------------------


def _iso(moment: datetime | None) -> str:
    return to_vietnam_time(moment).isoformat() if moment else ""


def _save_clock(obj: DeadlineTracked, changed: list[str]) -> None:
    if changed:
        type(obj)._default_manager.filter(pk=obj.pk).update(**{name: getattr(obj, name) for name in changed})


@transaction.atomic
def deadline_override_set(
    actor: Any,
    obj: DeadlineTracked,
    *,
    reason: str,
    rule_key: str = "",
    due_at: datetime | None = None,
) -> DeadlineOverride:
    """Run `obj` on another generation of its rule (`rule_key`) or on a fixed due moment (`due_at`).

    Coordinators and administrators only; officers of an agency cannot move their own deadlines. The
    reason is mandatory. Replaces an earlier override of the same record; audited with the deadline
    before and after and the one computed by the rules.
    """
    require_coordinator(actor)
    reason = reason.strip()
    errors: dict[str, str] = {}
    if not reason:
        errors["reason"] = gettext("Ghi lý do điều chỉnh thời hạn (bắt buộc).")
    if bool(rule_key) == (due_at is not None):
        errors["rule_key"] = gettext("Chọn một thế hệ quy tắc khác hoặc ấn định một hạn cụ thể.")
    if not obj.rule_id or obj.clock_start is None:
        errors["rule_key"] = gettext("Hồ sơ chưa chạy theo quy tắc thời hạn nào: không có hạn để điều chỉnh.")
    rules = db_rules()
    if rule_key and not errors:
        generation = next((rule for rule in rules if rule.key == rule_key), None)
        if generation is None or generation.id != obj.rule_id:
            errors["rule_key"] = gettext("Thế hệ quy tắc %(key)s không thuộc quy tắc %(rule)s của hồ sơ.") % {
                "key": rule_key,
                "rule": obj.rule_id,
            }
    if errors:
        raise ValidationError(errors)
    if due_at is not None and timezone.is_naive(due_at):
        due_at = timezone.make_aware(due_at)
    content_type = ContentType.objects.get_for_model(obj)
    before = obj.deadline_override
    old_key, old_due = obj.rule_key, obj.due_at
    kind = DeadlineOverride.Kind.RULE if rule_key else DeadlineOverride.Kind.FIXED
    override, _ = DeadlineOverride.objects.update_or_create(
        content_type=content_type,
        object_id=obj.pk,
        defaults={
            "rule_id": obj.rule_id,
            "kind": kind,
            "rule_key": rule_key,
            "due_at": due_at,
            "reason": reason,
            "created_by": actor if getattr(actor, "is_authenticated", False) else None,
            "created_at": timezone.now(),
        },
    )
    calendar = db_calendar()
    changed = start_clock(obj, obj.rule_id, obj.clock_start, rules=rules, calendar=calendar)
    _save_clock(obj, changed)
    computed = _computed_due(obj, rules, calendar)
    audit.record(
        actor,
        "deadline.override",
        obj,
        changes={
            "kind": kind,
            "rule_key": [old_key, obj.rule_key],
            "due_at": [_iso(old_due), _iso(obj.due_at)],
            "computed_due": _iso(computed),
            "reason": reason,
            "replaces": before.reason if before else None,
        },
        agency_id=getattr(obj, "agency_id", None),
    )
    return override


def _computed_due(obj: DeadlineTracked, rules: list[Rule], calendar: WorkingCalendar) -> datetime | None:
    assert obj.clock_start is not None
    try:
        return compute_deadline(obj.rule_id, obj.clock_start, rules=rules, calendar=calendar).due
    except RuleLookupError:
        return None


@transaction.atomic
def deadline_override_remove(actor: Any, obj: DeadlineTracked, *, note: str = "") -> None:
    """Remove the override of `obj`: the deadline computed by the rules applies again (audited)."""
    require_coordinator(actor)
    override = obj.deadline_override
    if override is None:
        raise ValidationError(gettext("Hồ sơ không có điều chỉnh thời hạn."))
    snapshot = {"kind": override.kind, "rule_key": override.rule_key, "due_at": _iso(override.due_at)}
    old_key, old_due = obj.rule_key, obj.due_at
    override.delete()
    changed = start_clock(obj, obj.rule_id, obj.clock_start)
    _save_clock(obj, changed)
    audit.record(
        actor,
        "deadline.override_remove",
        obj,
        changes={
            "override": snapshot,
            "reason": override.reason,
            "rule_key": [old_key, obj.rule_key],
            "due_at": [_iso(old_due), _iso(obj.due_at)],
            "note": note.strip(),
        },
        agency_id=getattr(obj, "agency_id", None),
    )
