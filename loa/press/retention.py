"""Retention of personal data in closed press work (legal-requirements §5; Personal Data Protection Law
91/2025/QH15, Decree 356/2025/NĐ-CP, TBC): the service that edits `RetentionRule` rows and the run that
anonymises or deletes what is due.

What is personal here and what is not:
- requester contact details (journalist's name, e-mail, phone) of a press request: personal, purged;
- attachments the requester sent: may hold anything (press cards, letters), deleted as whole files;
- the outlet, subject, body, response and timestamps: kept. The annual report (K3, K6) lists requests by
  reference and subject and counts them by receipt, classification and reply, so they must not change;
- spokespersons' contact details: public by law while in office, outside these rules;
- audit events: append-only evidence, never rewritten. Press services record states, outlets and counts
  in them, not the requester's contact details; actor labels are staff usernames.

Default periods (seeded, legal basis TBC until the department confirms):
- requester contact details are anonymised 5 years after closing. A request can come back within that
  time: complaints and denunciations it announced run their own procedures, the inspection of press work
  looks back over a term, and the outlet may ask again about the same case; handlers then need to know
  whom they answered. Five years covers those without keeping identities indefinitely;
- attachments are deleted 2 years after closing: the reply and its legal clock are settled well before,
  and the request keeps the kind and size of what was received (the same horizon as monitored articles).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext

from loa.core import audit
from loa.organisations.access import is_admin
from loa.press.models import PressAttachment, PressRequest, RetentionRule

# Stored data, not interface text: the record reads the same in every interface language.
ANONYMISED_NAME = "Đã ẩn danh"
BATCH_SIZE = 500
RULE_FIELDS = ("record_type", "days_after_closing", "action", "legal_basis", "valid_from")

_BASIS = "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; Nghị định 356/2025/NĐ-CP — thời hạn cần xác nhận (TBC)"
_IN_FORCE = date(2026, 1, 1)
RecordType = RetentionRule.RecordType
Action = RetentionRule.Action

SEED_RULES: tuple[dict[str, Any], ...] = (
    {
        "record_type": RecordType.REQUESTER_CONTACT,
        "days_after_closing": 5 * 365,
        "action": Action.ANONYMISE,
        "legal_basis": _BASIS,
        "valid_from": _IN_FORCE,
    },
    {
        "record_type": RecordType.ATTACHMENTS,
        "days_after_closing": 2 * 365,
        "action": Action.DELETE,
        "legal_basis": _BASIS,
        "valid_from": _IN_FORCE,
    },
)


@transaction.atomic
def seed_retention_rules(actor: Any = None) -> int:
    """Add a seed rule for each record type without any rule; never overwrite an administrator's edit."""
    existing = set(RetentionRule.objects.values_list("record_type", flat=True))
    created = RetentionRule.objects.bulk_create(
        RetentionRule(**seed) for seed in SEED_RULES if seed["record_type"] not in existing
    )
    if created:
        audit.record(
            actor,
            "retention_rule.seed",
            None,
            object_type="press.retentionrule",
            object_repr=f"{len(created)} quy tắc lưu giữ",
            changes={"created": [rule.record_type for rule in created]},
        )
    return len(created)


@transaction.atomic
def retention_rule_save(actor: Any, rule: RetentionRule) -> RetentionRule:
    """Create or update a retention rule (administrators only), audited old → new."""
    if not is_admin(actor):
        raise PermissionDenied(gettext("Chỉ quản trị viên được sửa quy tắc lưu giữ dữ liệu cá nhân."))
    rule.full_clean()
    before = RetentionRule.objects.filter(pk=rule.pk).first() if rule.pk else None
    values = {name: getattr(rule, name) for name in RULE_FIELDS}
    if before is None:
        rule.save()
        audit.record(actor, "retention_rule.create", rule, changes=values)
        return rule
    changes = audit.diff(before, values)
    rule.save()
    if changes:
        audit.record(actor, "retention_rule.update", rule, changes=changes)
    return rule


def rules_in_force(day: date) -> dict[str, RetentionRule]:
    """For each record type, the rule with the latest start not after `day`. A record type that has no
    row yet gets its (unsaved) seed, so a dry run on a fresh database shows what the first run will do."""
    known = set(RetentionRule.objects.values_list("record_type", flat=True))
    rules = {
        seed["record_type"]: RetentionRule(**seed)
        for seed in SEED_RULES
        if seed["record_type"] not in known and seed["valid_from"] <= day
    }
    for rule in RetentionRule.objects.filter(valid_from__lte=day).order_by("record_type", "valid_from"):
        rules[rule.record_type] = rule
    return rules


@dataclass
class RetentionReport:
    now: datetime
    dry_run: bool
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: int = 0  # press requests whose contact details were (or would be) purged
    attachments: int = 0  # attachment rows purged
    files: int = 0  # files deleted from storage (0 in a dry run)

    def as_dict(self) -> dict[str, Any]:
        return {
            "now": self.now.isoformat(),
            "dry_run": self.dry_run,
            "rules": self.rules,
            "requests": self.requests,
            "attachments": self.attachments,
            "files": self.files,
        }


def _closed_before(cutoff: datetime, prefix: str = "") -> dict[str, Any]:
    # Only "closed" and "redirected" set `closed_at`; the state check keeps a reopened record out.
    closed = [PressRequest.State.CLOSED, PressRequest.State.REDIRECTED]
    return {f"{prefix}state__in": closed, f"{prefix}closed_at__lt": cutoff}


def _purge_contacts(rule: RetentionRule, now: datetime, dry_run: bool, batch_size: int) -> int:
    cutoff = now - timedelta(days=rule.days_after_closing)
    due = PressRequest.objects.filter(anonymised_at__isnull=True, **_closed_before(cutoff))
    if dry_run:
        return due.count()
    # A request opened from a monitored article has no requester: its empty name stays empty.
    name: Any = Value("")
    if rule.action == Action.ANONYMISE:
        name = Case(When(journalist="", then=Value("")), default=Value(ANONYMISED_NAME))
    done = 0
    while chunk := list(due.values_list("pk", flat=True)[:batch_size]):
        with transaction.atomic():
            PressRequest.objects.filter(pk__in=chunk).update(
                journalist=name, contact_email="", contact_phone="", anonymised_at=now
            )
        done += len(chunk)
    return done


def _purge_attachments(rule: RetentionRule, now: datetime, dry_run: bool, batch_size: int) -> tuple[int, int]:
    cutoff = now - timedelta(days=rule.days_after_closing)
    due = PressAttachment.objects.filter(purged_at__isnull=True, **_closed_before(cutoff, "press_request__"))
    if dry_run:
        return due.count(), 0
    storage = PressAttachment._meta.get_field("file").storage
    rows = files = 0
    while chunk := list(due.values_list("pk", "file")[:batch_size]):
        # Files first, rows after: a run stopped in between deletes nothing twice and marks the rows next time.
        for _, name in chunk:
            if name and storage.exists(name):
                storage.delete(name)
                files += 1
        with transaction.atomic():
            PressAttachment.objects.filter(pk__in=[pk for pk, _ in chunk]).update(
                file="", name="", purged_at=now
            )
        rows += len(chunk)
    return rows, files


def apply_retention(
    now: datetime | None = None, *, dry_run: bool = False, actor: Any = None, batch_size: int = BATCH_SIZE
) -> RetentionReport:
    """Anonymise or delete the personal data that the rules in force say is due. Idempotent: purged rows
    are marked and skipped next time. A real run records one audit event with the rules and counts (never
    the data itself); a dry run writes nothing, not even the seed rules."""
    now = now or timezone.now()
    if not dry_run:
        seed_retention_rules(actor)
    rules = rules_in_force(timezone.localdate(now))
    report = RetentionReport(now=now, dry_run=dry_run)
    for record_type, rule in rules.items():
        report.rules[record_type] = {
            "rule": rule.pk,
            "days_after_closing": rule.days_after_closing,
            "action": rule.action,
            "cutoff": (now - timedelta(days=rule.days_after_closing)).isoformat(),
        }
    if contact_rule := rules.get(RecordType.REQUESTER_CONTACT):
        report.requests = _purge_contacts(contact_rule, now, dry_run, batch_size)
    if attachment_rule := rules.get(RecordType.ATTACHMENTS):
        report.attachments, report.files = _purge_attachments(attachment_rule, now, dry_run, batch_size)
    if not dry_run:
        audit.record(
            actor or "lưu giữ dữ liệu",
            "retention.apply",
            None,
            object_type="press.retentionrule",
            object_repr=f"{report.requests} yêu cầu, {report.attachments} tệp đính kèm",
            changes=report.as_dict(),
        )
    return report
