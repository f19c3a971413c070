"""/api/deadlines/: the rules in force and the deadline calculator (any signed-in user or token)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from loa.deadlines import services
from loa.deadlines.rules import RuleLookupError

router = Router(tags=["deadlines"])


class RuleOut(Schema):
    id: str
    key: str
    title_vi: str
    legal_basis: str
    valid_from: str
    valid_to: str | None
    trigger: str
    amount: int | None
    unit: str
    verification: str
    superseded_by: str | None
    note: str


class DeadlineOut(Schema):
    rule: str
    legal_basis: str
    verification: str
    start: datetime
    due: datetime | None
    explanation: str


@router.get("/rules", response=list[RuleOut])
def list_rules(request: HttpRequest) -> list[RuleOut]:
    rules = sorted(services.db_rules(), key=lambda rule: (rule.id, rule.valid_from))
    return [
        RuleOut(
            id=r.id,
            key=r.key,
            title_vi=r.title_vi,
            legal_basis=r.legal_basis,
            valid_from=r.valid_from.isoformat(),
            valid_to=r.valid_to.isoformat() if r.valid_to else None,
            trigger=r.trigger,
            amount=r.amount,
            unit=r.unit,
            verification=r.verification,
            superseded_by=r.superseded_by,
            note=r.note,
        )
        for r in rules
    ]


@router.get("/due", response=DeadlineOut)
def due(request: HttpRequest, rule: str, start: datetime) -> DeadlineOut:
    """Deadline of `rule` for an event at `start` (ISO 8601; without an offset, Vietnam time)."""
    if timezone.is_naive(start):
        start = timezone.make_aware(start)
    try:
        deadline = services.compute_deadline(rule, start)
    except RuleLookupError as exc:
        raise HttpError(400, str(exc.args[0] if exc.args else exc)) from exc
    return DeadlineOut(
        rule=deadline.rule.key,
        legal_basis=deadline.rule.legal_basis,
        verification=deadline.rule.verification,
        start=deadline.start,
        due=deadline.due,
        explanation=deadline.explanation,
    )
