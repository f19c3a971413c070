"""/api/press/: spokespersons, statements and press requests, with the same scopes and rules as the pages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from loa.deadlines import services as deadline_services
from loa.deadlines.models import DeadlineOverride
from loa.organisations.models import Agency
from loa.press import selectors, services
from loa.press.models import CorrectionRequest, PressRequest, Spokesperson, Statement

router = Router(tags=["press"])


class SpokespersonOut(Schema):
    id: int
    agency_id: int
    agency: str
    kind: str
    full_name: str
    position: str
    phone: str
    email: str
    decision_number: str
    valid_from: date
    valid_to: date | None
    published_at: datetime | None
    publish_due_at: datetime | None


class StatementOut(Schema):
    id: int
    agency: str
    kind: str
    title: str
    body: str
    state: str
    published_at: datetime | None


class DeadlineOverrideOut(Schema):
    kind: str
    rule_key: str
    due_at: datetime | None
    reason: str
    author: str
    created_at: datetime
    # False once the record has moved to another rule: the override then no longer applies.
    active: bool


class PressRequestOut(Schema):
    id: int
    reference: str
    channel: str
    outlet: str
    subject: str
    body: str
    received_at: datetime
    classification: str
    agency_id: int | None
    agency: str | None
    state: str
    rule: str
    due_at: datetime | None
    due_explanation: str
    deadline_override: DeadlineOverrideOut | None
    sent_at: datetime | None
    answered: bool
    overdue: bool
    allowed_actions: list[str]


class DeadlineOverrideIn(Schema):
    reason: str
    rule_key: str = ""
    due_at: datetime | None = None


class CorrectionOut(Schema):
    id: int
    round: int
    # The number of rounds allowed by the rule in force on the first round's date (None: not limited).
    round_limit: int | None
    round_limit_basis: str
    label: str
    outlet_kind: str
    text: str
    sent_at: datetime
    due_at: datetime | None
    outcome: str
    corrected_at: datetime | None


class CorrectionRoundIn(Schema):
    text: str
    outlet_kind: str = ""
    sent_at: datetime | None = None


class PressRequestIn(Schema):
    outlet: str
    subject: str
    body: str = ""
    journalist: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    requested_agency_text: str = ""
    received_at: datetime | None = None
    article_url: str = ""


class TransitionIn(Schema):
    action: str
    classification: str | None = None
    agency_id: int | None = None
    agency_name: str | None = None
    response: str | None = None
    note: str | None = None
    reason: str | None = None
    ground: str | None = None
    outlet_kind: str | None = None
    correction_text: str | None = None
    published_url: str | None = None
    sent_at: datetime | None = None
    published_at: datetime | None = None
    accepted_at: datetime | None = None
    conclusion_at: datetime | None = None


def _spokesperson(p: Spokesperson) -> SpokespersonOut:
    return SpokespersonOut(
        id=p.pk,
        agency_id=p.agency_id,
        agency=p.agency.name,
        kind=p.kind,
        full_name=p.full_name,
        position=p.position,
        phone=p.phone,
        email=p.email,
        decision_number=p.decision_number,
        valid_from=p.valid_from,
        valid_to=p.valid_to,
        published_at=p.published_at,
        publish_due_at=p.due_at,
    )


def _statement(s: Statement) -> StatementOut:
    return StatementOut(
        id=s.pk,
        agency=s.agency.name,
        kind=s.kind,
        title=s.title,
        body=s.body,
        state=s.state,
        published_at=s.published_at,
    )


def _override(row: DeadlineOverride | None, r: PressRequest) -> DeadlineOverrideOut | None:
    if row is None:
        return None
    return DeadlineOverrideOut(
        kind=row.kind,
        rule_key=row.rule_key,
        due_at=row.due_at,
        reason=row.reason,
        author=row.author,
        created_at=row.created_at,
        active=row.applies_to(r),
    )


def _request(r: PressRequest, override: DeadlineOverride | None = None) -> PressRequestOut:
    return PressRequestOut(
        id=r.pk,
        reference=r.reference or "",
        channel=r.channel,
        outlet=r.outlet,
        subject=r.subject,
        body=r.body,
        received_at=r.received_at,
        classification=r.classification,
        agency_id=r.agency_id,
        agency=r.agency.name if r.agency else None,
        state=r.state,
        rule=r.rule_key,
        due_at=r.due_at,
        due_explanation=r.due_explanation,
        deadline_override=_override(override, r),
        sent_at=r.sent_at,
        answered=r.answered,
        overdue=r.is_overdue(),
        allowed_actions=services.allowed_actions(r),
    )


def _detail(r: PressRequest) -> PressRequestOut:
    return _request(r, r.deadline_override)


def _correction(row: selectors.CorrectionRound) -> CorrectionOut:
    c, limit = row.correction, row.limit
    return CorrectionOut(
        id=c.pk,
        round=c.round,
        round_limit=limit.amount if limit is not None else None,
        round_limit_basis=limit.legal_basis if limit is not None else "",
        label=row.label,
        outlet_kind=c.outlet_kind,
        text=c.text,
        sent_at=c.sent_at,
        due_at=c.due_at,
        outcome=c.outcome,
        corrected_at=c.corrected_at,
    )


def _refused(exc: Exception) -> HttpError:
    if isinstance(exc, ValidationError):
        return HttpError(400, "; ".join(exc.messages))
    return HttpError(400, str(exc))


@router.get("/spokespersons", response=list[SpokespersonOut])
def list_spokespersons(request: HttpRequest) -> list[SpokespersonOut]:
    """Spokespersons in office today (unpublished entries only for their own agency)."""
    return [_spokesperson(p) for p in selectors.spokespersons_for(request.user, current_only=True)]


@router.get("/statements", response=list[StatementOut])
def list_statements(request: HttpRequest) -> list[StatementOut]:
    return [_statement(s) for s in selectors.statements_for(request.user)[:200]]


@router.get("/requests", response=list[PressRequestOut])
def list_requests(request: HttpRequest, state: str = "", open_only: bool = False) -> list[PressRequestOut]:
    rows = selectors.press_requests_for(request.user, state=state, open_only=open_only)
    return [
        _request(r, r.deadline_override)
        for r in rows.prefetch_related("deadline_overrides__created_by")[:500]
    ]


@router.get("/requests/{request_id}", response=PressRequestOut)
def get_request(request: HttpRequest, request_id: int) -> PressRequestOut:
    return _detail(get_object_or_404(selectors.press_requests_for(request.user), pk=request_id))


@router.post("/requests", response={201: PressRequestOut})
def create_request(request: HttpRequest, payload: PressRequestIn) -> tuple[int, PressRequestOut]:
    try:
        created = services.press_request_receive(
            request.user, channel=PressRequest.Channel.API, **payload.dict()
        )
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    return 201, _request(created)


@router.post("/requests/{request_id}/transition", response=PressRequestOut)
def transition(request: HttpRequest, request_id: int, payload: TransitionIn) -> PressRequestOut:
    item = get_object_or_404(selectors.press_requests_for(request.user), pk=request_id)
    params: dict[str, Any] = {
        k: v for k, v in payload.dict().items() if k != "action" and v not in (None, "")
    }
    if "agency_id" in params:
        params["agency"] = get_object_or_404(Agency, pk=params.pop("agency_id"))
    try:
        services.press_request_transition(request.user, item, payload.action, **params)
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    return _detail(item)


@router.post("/requests/{request_id}/deadline-override", response=PressRequestOut)
def deadline_override_set(
    request: HttpRequest, request_id: int, payload: DeadlineOverrideIn
) -> PressRequestOut:
    """Run the request on another generation of its rule (`rule_key`) or on a fixed `due_at`, with a
    mandatory reason (coordinators and administrators)."""
    item = get_object_or_404(selectors.press_requests_for(request.user), pk=request_id)
    try:
        deadline_services.deadline_override_set(
            request.user, item, reason=payload.reason, rule_key=payload.rule_key, due_at=payload.due_at
        )
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    item.refresh_from_db()
    return _detail(item)


@router.delete("/requests/{request_id}/deadline-override", response=PressRequestOut)
def deadline_override_remove(request: HttpRequest, request_id: int, note: str = "") -> PressRequestOut:
    """Remove the override: the deadline computed by the rules applies again (coordinators and
    administrators)."""
    item = get_object_or_404(selectors.press_requests_for(request.user), pk=request_id)
    try:
        deadline_services.deadline_override_remove(request.user, item, note=note)
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    item.refresh_from_db()
    return _detail(item)


@router.get("/requests/{request_id}/corrections", response=list[CorrectionOut])
def corrections(request: HttpRequest, request_id: int) -> list[CorrectionOut]:
    item = get_object_or_404(selectors.press_requests_for(request.user), pk=request_id)
    return [_correction(row) for row in selectors.correction_rounds(item).rounds]


@router.post("/requests/{request_id}/corrections/next-round", response={201: CorrectionOut})
def correction_next_round(request: HttpRequest, request_id: int, payload: CorrectionRoundIn) -> Status:
    """Send the outlet another round of the correction request after it declined the previous one,
    within the number of rounds the rule in force on the first round's date allows."""
    item = get_object_or_404(selectors.press_requests_for(request.user), pk=request_id)
    try:
        created: CorrectionRequest = services.correction_next_round(request.user, item, **payload.dict())
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    rounds = selectors.correction_rounds(item)
    return Status(201, _correction(next(row for row in rounds.rounds if row.correction.pk == created.pk)))
