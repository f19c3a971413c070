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
from django.db import transaction

from loa.core import audit
from loa.deadlines.calendar import VIETNAM_STATUTORY, WorkingCalendar, format_day, to_vietnam_time
from loa.deadlines.engine import Deadline, compute
from loa.deadlines.models import CalendarDay, DeadlineTracked, LegalRule
from loa.deadlines.rules import SEED_RULES, Rule, RuleLookupError

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
    """Set the rule, clock and computed deadline on `obj` (not saved); returns the changed fields.

    A rule that has no generation in force on the start date leaves no due date and says why.
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
    try:
        deadline = compute_deadline(rule_id, start, rules=rules, calendar=calendar)
    except RuleLookupError as exc:
        changed += obj.apply_deadline(None, explanation=str(exc.args[0] if exc.args else exc))
        return changed
    changed += obj.apply_deadline(deadline)
    return changed


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
        for obj in model.open_deadlines().exclude(rule_id=""):
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
