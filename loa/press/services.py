"""Writes for spokespersons and the press. Each function checks the actor's right, changes the rows in one
transaction, starts or stops the legal clock through `loa.deadlines.services`, and records an audit event.

Press requests move through an explicit state machine (`TRANSITIONS`): an action not allowed from the
current state raises `TransitionError` with the allowed actions spelled out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from loa.core import audit
from loa.core.models import AuditEvent
from loa.core.uploads import ATTACHMENT_KINDS, DOCUMENT_KINDS, check_upload
from loa.deadlines.calendar import format_day, to_vietnam_time
from loa.deadlines.rules import TBC, RuleLookupError, select_rule
from loa.deadlines.services import db_rules, start_clock
from loa.organisations.access import (
    EDITOR_ROLES,
    is_admin,
    is_coordinator,
    membership_of,
    require_coordinator,
    role_of,
)
from loa.organisations.models import Agency, Membership, Role
from loa.organisations.selectors import home_province, resolve_agency_name
from loa.press import legal, selectors
from loa.press.access import require_act, require_approver
from loa.press.intake import parse_pasted_email
from loa.press.models import (
    AnnualReport,
    CorrectionRequest,
    PressAttachment,
    PressEvent,
    PressRequest,
    RefusalGround,
    Spokesperson,
    Statement,
    UrgentEvent,
)

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 5


class TransitionError(ValueError):
    """An action that the current state does not allow."""


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _check_files(
    files: Iterable[Any], *, allowed: frozenset[str], max_bytes: int
) -> list[tuple[Any, str, int]]:
    checked = []
    for upload in files:
        result = check_upload(upload, allowed=allowed, max_bytes=max_bytes)
        checked.append((upload, result.kind, result.size))
    return checked


# --- spokesperson registry (§3.B) ------------------------------------------------------------------


@transaction.atomic
def spokesperson_register(
    actor: Any,
    *,
    agency: Agency,
    kind: str,
    full_name: str,
    position: str,
    phone: str,
    email: str,
    decision_number: str,
    signed_at: datetime,
    valid_from: date | None = None,
    valid_to: date | None = None,
    scope: str = "",
    authorised_by: Spokesperson | None = None,
    document: UploadedFile | IO[bytes] | None = None,
    training: str = "",
    is_sample: bool = False,
) -> Spokesperson:
    """Register who speaks for `agency` from a signed decision or written authorisation.

    An authorisation is written, for one case, time-limited and given by the head or the regular
    spokesperson of the same unit; an authorised person cannot authorise anyone (Decree 09 Art. 3.7,
    Decree 244 Art. 3.6). A new head or regular spokesperson ends the previous one's assignment.
    """
    require_act(actor, agency)
    if kind not in Spokesperson.Kind.values:
        raise ValidationError(f"Loại người phát ngôn không hợp lệ: {kind!r}")
    signed_day = to_vietnam_time(signed_at).date()
    valid_from = valid_from or signed_day
    errors: dict[str, str] = {}
    if valid_to is not None and valid_to < valid_from:
        errors["valid_to"] = "Ngày hết hiệu lực trước ngày bắt đầu."
    if kind == Spokesperson.Kind.AUTHORISED:
        if authorised_by is None:
            errors["authorised_by"] = (
                "Cần ghi người ủy quyền (người đứng đầu hoặc người phát ngôn thường xuyên)."
            )
        elif authorised_by.kind == Spokesperson.Kind.AUTHORISED:
            errors["authorised_by"] = (
                "Người được ủy quyền không được ủy quyền tiếp cho người khác "
                "(Nghị định 09/2017 Điều 3.7; Nghị định 244/2026 Điều 3.6)."
            )
        elif authorised_by.agency_id != agency.pk:
            errors["authorised_by"] = "Người ủy quyền phải thuộc cùng cơ quan."
        elif not authorised_by.is_current(signed_day):
            errors["authorised_by"] = "Người ủy quyền không còn nhiệm vụ phát ngôn vào ngày ký."
        if valid_to is None:
            errors["valid_to"] = "Ủy quyền phát ngôn phải có thời hạn."
        if not scope.strip():
            errors["scope"] = "Ủy quyền phát ngôn theo từng vụ việc: ghi rõ vụ việc, vấn đề."
    elif authorised_by is not None:
        errors["authorised_by"] = "Chỉ người được ủy quyền mới có người ủy quyền."
    if errors:
        raise ValidationError(errors)
    checked = _check_files(
        [document] if document else [], allowed=DOCUMENT_KINDS, max_bytes=ATTACHMENT_MAX_BYTES
    )

    replaced = []
    if kind in (Spokesperson.Kind.HEAD, Spokesperson.Kind.REGULAR):
        for previous in Spokesperson.objects.filter(agency=agency, kind=kind, ended_at__isnull=True):
            previous.ended_at = signed_at
            previous.end_reason = f"Thay bằng {full_name} ({decision_number})"
            previous.save(update_fields=["ended_at", "end_reason"])
            replaced.append(previous)
            audit.record(
                actor,
                "spokesperson.end",
                previous,
                changes={"reason": previous.end_reason},
                agency_id=agency.pk,
            )
    person = Spokesperson(
        agency=agency,
        kind=kind,
        full_name=full_name.strip(),
        position=position.strip(),
        phone=phone.strip(),
        email=email.strip(),
        decision_number=decision_number.strip(),
        decision_date=signed_day,
        signed_at=signed_at,
        valid_from=valid_from,
        valid_to=valid_to,
        scope=scope.strip(),
        authorised_by=authorised_by,
        training=training,
        is_sample=is_sample,
    )
    if checked:
        person.document = checked[0][0]
    start_clock(person, legal.PUBLISH_RULES[kind], signed_at)
    person.full_clean(exclude=["document"])
    person.save()
    audit.record(
        actor,
        "spokesperson.register",
        person,
        changes={
            "kind": kind,
            "decision": decision_number,
            "valid": [valid_from, valid_to],
            "publish_due": person.due_at,
            "replaces": [str(p) for p in replaced],
        },
        agency_id=agency.pk,
    )
    return person


@transaction.atomic
def spokesperson_publish(actor: Any, person: Spokesperson, *, now: datetime | None = None) -> Spokesperson:
    """Record that the contact details (or the authorisation) are on the public directory."""
    require_act(actor, person.agency)
    if person.ended_at is not None:
        raise TransitionError("Người này đã thôi nhiệm vụ phát ngôn; không công bố.")
    if person.published_at is not None:
        raise TransitionError("Thông tin đã được công bố.")
    person.published_at = _now(now)
    person.save(update_fields=["published_at"])
    audit.record(
        actor,
        "spokesperson.publish",
        person,
        changes={"published_at": person.published_at, "due_at": person.due_at, "on_time": person.met_on_time},
        agency_id=person.agency_id,
    )
    return person


@transaction.atomic
def spokesperson_end(
    actor: Any, person: Spokesperson, *, reason: str, now: datetime | None = None
) -> Spokesperson:
    require_act(actor, person.agency)
    if person.ended_at is not None:
        raise TransitionError("Người này đã thôi nhiệm vụ phát ngôn.")
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do thôi nhiệm vụ phát ngôn."})
    person.ended_at = _now(now)
    person.end_reason = reason.strip()
    person.save(update_fields=["ended_at", "end_reason"])
    audit.record(
        actor, "spokesperson.end", person, changes={"reason": person.end_reason}, agency_id=person.agency_id
    )
    return person


# --- press calendar (§3.C) ---------------------------------------------------------------------------


@transaction.atomic
def event_schedule(
    actor: Any,
    *,
    agency: Agency,
    kind: str,
    title: str,
    scheduled_at: datetime,
    place: str = "",
    speaker: Spokesperson | None = None,
    is_public: bool = True,
    is_sample: bool = False,
) -> PressEvent:
    require_act(actor, agency)
    if speaker is not None and speaker.agency_id != agency.pk and not is_coordinator(actor):
        raise ValidationError({"speaker": "Người phát ngôn phải thuộc cơ quan tổ chức."})
    event = PressEvent(
        agency=agency,
        kind=kind,
        title=title.strip(),
        scheduled_at=scheduled_at,
        place=place.strip(),
        speaker=speaker,
        is_public=is_public,
        is_sample=is_sample,
    )
    event.full_clean()
    event.save()
    audit.record(
        actor,
        "press_event.schedule",
        event,
        changes={"kind": kind, "scheduled_at": scheduled_at},
        agency_id=agency.pk,
    )
    return event


@transaction.atomic
def event_hold(
    actor: Any, event: PressEvent, *, held_at: datetime | None = None, summary: str = ""
) -> PressEvent:
    require_act(actor, event.agency)
    if event.status != PressEvent.Status.PLANNED:
        raise TransitionError(
            f"Sự kiện đang ở trạng thái “{event.get_status_display()}”; không ghi nhận được."
        )
    event.status = PressEvent.Status.HELD
    event.held_at = held_at or event.scheduled_at
    event.summary = summary
    event.save(update_fields=["status", "held_at", "summary"])
    audit.record(
        actor, "press_event.hold", event, changes={"held_at": event.held_at}, agency_id=event.agency_id
    )
    return event


@transaction.atomic
def event_cancel(actor: Any, event: PressEvent, *, reason: str) -> PressEvent:
    require_act(actor, event.agency)
    if event.status != PressEvent.Status.PLANNED:
        raise TransitionError("Chỉ hủy được sự kiện đang dự kiến.")
    event.status = PressEvent.Status.CANCELLED
    event.summary = reason
    event.save(update_fields=["status", "summary"])
    audit.record(actor, "press_event.cancel", event, changes={"reason": reason}, agency_id=event.agency_id)
    return event


# --- urgent events (§3.C) ----------------------------------------------------------------------------


def urgent_clock(event: UrgentEvent) -> tuple[str, datetime | None]:
    """The rule id and the clock start of an urgent event: the generation in force on the earliest
    recorded moment says, by its trigger wording, which timestamp counts."""
    rule_id = legal.URGENT_RULES[event.kind]
    trigger = event.trigger_at
    if trigger is None:
        return rule_id, None
    try:
        rule = select_rule(db_rules(), rule_id, trigger)
    except RuleLookupError:
        return rule_id, trigger
    wording = rule.trigger.lower()
    for word, field_name in legal.URGENT_CLOCK_WORDS:
        if word in wording:
            return rule_id, getattr(event, field_name) or trigger
    return rule_id, trigger


@transaction.atomic
def urgent_open(
    actor: Any,
    *,
    agency: Agency,
    kind: str,
    title: str,
    description: str = "",
    occurred_at: datetime | None = None,
    received_at: datetime | None = None,
    found_at: datetime | None = None,
) -> UrgentEvent:
    require_act(actor, agency)
    if kind not in UrgentEvent.Kind.values:
        raise ValidationError({"kind": "Loại sự kiện không hợp lệ."})
    if not (occurred_at or received_at or found_at):
        raise ValidationError("Ghi ít nhất một thời điểm: xảy ra, tiếp nhận thông tin hoặc phát hiện.")
    event = UrgentEvent(
        agency=agency,
        kind=kind,
        title=title.strip(),
        description=description,
        occurred_at=occurred_at,
        received_at=received_at,
        found_at=found_at,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    rule_id, clock = urgent_clock(event)
    start_clock(event, rule_id, clock)
    event.state = UrgentEvent.State.CLOCK_STARTED if event.due_at else UrgentEvent.State.DETECTED
    event.full_clean()
    event.save()
    audit.record(
        actor,
        "urgent_event.open",
        event,
        changes={"rule": event.rule_key, "clock_start": event.clock_start, "due_at": event.due_at},
        agency_id=agency.pk,
    )
    return event


URGENT_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "follow_up": (frozenset({UrgentEvent.State.PUBLISHED}), UrgentEvent.State.FOLLOW_UP),
    "close": (
        frozenset(
            {
                UrgentEvent.State.DETECTED,
                UrgentEvent.State.CLOCK_STARTED,
                UrgentEvent.State.DRAFTED,
                UrgentEvent.State.APPROVED,
                UrgentEvent.State.PUBLISHED,
                UrgentEvent.State.FOLLOW_UP,
            }
        ),
        UrgentEvent.State.CLOSED,
    ),
}


@transaction.atomic
def urgent_transition(
    actor: Any, event: UrgentEvent, action: str, *, note: str = "", now: datetime | None = None
) -> UrgentEvent:
    require_act(actor, event.agency)
    if action not in URGENT_TRANSITIONS:
        raise TransitionError(f"Thao tác không hợp lệ: {action!r}")
    sources, target = URGENT_TRANSITIONS[action]
    if event.state not in sources:
        raise TransitionError(f"Không thể “{action}” khi sự kiện ở trạng thái “{event.get_state_display()}”.")
    if action == "close" and event.first_statement_at is None and not note.strip():
        raise ValidationError({"note": "Kết thúc khi chưa phát ngôn: ghi rõ lý do."})
    old = event.state
    event.state = target
    if target == UrgentEvent.State.CLOSED:
        event.closed_at = _now(now)
    event.save(update_fields=["state", "closed_at"])
    audit.record(
        actor,
        f"urgent_event.{action}",
        event,
        changes={"state": [old, target], "note": note},
        agency_id=event.agency_id,
    )
    return event


# --- statements and press releases (§3.C) ----------------------------------------------------------


STATEMENT_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "approve": (frozenset({Statement.State.DRAFT}), Statement.State.APPROVED),
    "return": (frozenset({Statement.State.APPROVED}), Statement.State.DRAFT),
    "publish": (frozenset({Statement.State.APPROVED}), Statement.State.PUBLISHED),
    "withdraw": (
        frozenset({Statement.State.DRAFT, Statement.State.APPROVED, Statement.State.PUBLISHED}),
        Statement.State.WITHDRAWN,
    ),
}
_URGENT_STATE_FOR_STATEMENT: dict[str, str] = {
    Statement.State.DRAFT: UrgentEvent.State.DRAFTED,
    Statement.State.APPROVED: UrgentEvent.State.APPROVED,
}


def _follow_statement(event: UrgentEvent | None, statement: Statement) -> None:
    """Move the urgent event along with its statement; the first publication stops its clock."""
    if event is None or event.state in (UrgentEvent.State.FOLLOW_UP, UrgentEvent.State.CLOSED):
        return
    if statement.state == Statement.State.PUBLISHED:
        if event.first_statement_at is None:
            event.first_statement_at = statement.published_at
        event.state = UrgentEvent.State.PUBLISHED
    elif event.state != UrgentEvent.State.PUBLISHED and statement.state in _URGENT_STATE_FOR_STATEMENT:
        event.state = _URGENT_STATE_FOR_STATEMENT[statement.state]
    event.save(update_fields=["state", "first_statement_at"])


@transaction.atomic
def statement_draft(
    actor: Any,
    *,
    agency: Agency,
    title: str,
    body: str,
    kind: str = Statement.Kind.STATEMENT,
    spokesperson: Spokesperson | None = None,
    urgent_event: UrgentEvent | None = None,
    press_event: PressEvent | None = None,
) -> Statement:
    require_act(actor, agency)
    if urgent_event is not None and urgent_event.agency_id != agency.pk:
        raise ValidationError({"urgent_event": "Sự kiện thuộc cơ quan khác."})
    statement = Statement(
        agency=agency,
        kind=kind,
        title=title.strip(),
        body=body.strip(),
        spokesperson=spokesperson,
        urgent_event=urgent_event,
        press_event=press_event,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    statement.full_clean()
    statement.save()
    _follow_statement(urgent_event, statement)
    audit.record(actor, "statement.draft", statement, changes={"kind": kind}, agency_id=agency.pk)
    return statement


@transaction.atomic
def statement_update(actor: Any, statement: Statement, *, title: str, body: str) -> Statement:
    require_act(actor, statement.agency)
    if statement.state != Statement.State.DRAFT:
        raise TransitionError("Chỉ sửa được dự thảo; nội dung đã duyệt cần trả lại để sửa.")
    changes = audit.diff(statement, {"title": title.strip(), "body": body.strip()})
    statement.title, statement.body = title.strip(), body.strip()
    statement.full_clean()
    statement.save(update_fields=["title", "body"])
    if changes:
        audit.record(actor, "statement.update", statement, changes=changes, agency_id=statement.agency_id)
    return statement


@transaction.atomic
def statement_transition(
    actor: Any, statement: Statement, action: str, *, note: str = "", now: datetime | None = None
) -> Statement:
    if action not in STATEMENT_TRANSITIONS:
        raise TransitionError(f"Thao tác không hợp lệ: {action!r}")
    if action in ("approve", "return"):
        require_approver(actor, statement.agency)
    else:
        require_act(actor, statement.agency)
    sources, target = STATEMENT_TRANSITIONS[action]
    if statement.state not in sources:
        raise TransitionError(
            f"Không thể “{action}” khi nội dung ở trạng thái “{statement.get_state_display()}”."
        )
    moment = _now(now)
    old = statement.state
    statement.state = target
    if action == "approve":
        statement.approved_by, statement.approved_at = actor, moment
    elif action == "return":
        statement.approved_by, statement.approved_at = None, None
    elif action == "publish":
        statement.published_at = moment
    statement.save()
    _follow_statement(statement.urgent_event, statement)
    audit.record(
        actor,
        f"statement.{action}",
        statement,
        changes={"state": [old, target], "note": note},
        agency_id=statement.agency_id,
    )
    return statement


# --- press requests (§3.D) ----------------------------------------------------------------------------


@transaction.atomic
def press_request_receive(
    actor: Any,
    *,
    channel: str,
    outlet: str,
    subject: str,
    body: str = "",
    journalist: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    requested_agency_text: str = "",
    received_at: datetime | None = None,
    article_url: str = "",
    article_published_at: datetime | None = None,
    source_article_id: str = "",
    attachments: Sequence[Any] = (),
    is_sample: bool = False,
) -> PressRequest:
    """Log an incoming press request. From the public form the actor is None; inside Loa the actor must
    be able to edit, and an agency's own officer logs it for their agency."""
    agency = None
    # Journalists on the public form and the monitoring pipeline (a task, no user) log without an actor.
    system_intake = channel == PressRequest.Channel.PUBLIC_FORM or (
        channel == PressRequest.Channel.ARTICLE and actor is None
    )
    if not system_intake:
        if role_of(actor) not in EDITOR_ROLES:
            raise PermissionDenied("Bạn không có quyền tiếp nhận yêu cầu của báo chí.")
        if not is_coordinator(actor):
            membership = membership_of(actor)
            agency = membership.agency if membership else None
    if len(attachments) > MAX_ATTACHMENTS:
        raise ValidationError({"attachments": f"Tối đa {MAX_ATTACHMENTS} tệp đính kèm."})
    checked = _check_files(attachments, allowed=ATTACHMENT_KINDS, max_bytes=ATTACHMENT_MAX_BYTES)
    request = PressRequest(
        channel=channel,
        outlet=outlet.strip()[:200],
        journalist=journalist.strip()[:160],
        contact_email=contact_email.strip(),
        contact_phone=contact_phone.strip()[:40],
        subject=subject.strip()[:300],
        body=body.strip(),
        requested_agency_text=requested_agency_text.strip()[:300],
        received_at=received_at or timezone.now(),
        article_url=article_url,
        article_published_at=article_published_at,
        source_article_id=source_article_id,
        agency=agency,
        is_sample=is_sample,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    request.full_clean(exclude=["reference"])
    request.save()
    request.reference = f"YC-{to_vietnam_time(request.received_at).year}-{request.pk:05d}"
    request.save(update_fields=["reference"])
    for upload, kind, size in checked:
        PressAttachment.objects.create(
            press_request=request,
            file=upload,
            name=str(getattr(upload, "name", "tệp"))[:200],
            kind=kind,
            size=size,
        )
    audit.record(
        actor
        or (
            "theo dõi báo chí" if channel == PressRequest.Channel.ARTICLE else "báo chí (biểu mẫu công khai)"
        ),
        "press_request.receive",
        request,
        changes={"channel": channel, "outlet": request.outlet, "attachments": len(checked)},
        agency_id=agency.pk if agency else None,
    )
    return request


def press_request_from_email(actor: Any, raw: str, *, received_at: datetime | None = None) -> PressRequest:
    """Log a request from a pasted raw e-mail: sender, subject, date and body come from the message."""
    message = parse_pasted_email(raw)
    if not message.subject and not message.body:
        raise ValidationError("Thư không có tiêu đề và nội dung.")
    return press_request_receive(
        actor,
        channel=PressRequest.Channel.EMAIL,
        outlet=message.sender_name or message.sender_domain or "(không rõ)",
        journalist=message.sender_name,
        contact_email=message.sender_email,
        subject=message.subject or message.body[:120],
        body=message.body,
        received_at=received_at or message.sent_at,
    )


def press_request_from_article(
    article_id: str | int,
    actor: Any,
    *,
    outlet: str,
    title: str,
    url: str = "",
    published: datetime | None = None,
    excerpt: str = "",
) -> PressRequest:
    """Open a press request from a monitored article (called by the monitoring capability, from a view
    with the user as `actor` or from a task with `actor=None`).

    Idempotent per article: a second call returns the request already opened.
    """
    existing = PressRequest.objects.filter(source_article_id=str(article_id)).first()
    if existing is not None:
        return existing
    return press_request_receive(
        actor,
        channel=PressRequest.Channel.ARTICLE,
        outlet=outlet,
        subject=title,
        body=excerpt,
        article_url=url,
        article_published_at=published,
        source_article_id=str(article_id),
    )


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str | None  # None: the state does not change
    who: str  # "coordinator" | "editor" | "approver"
    label: str


S = PressRequest.State
_OPEN_WORK = frozenset({S.CLASSIFIED, S.ASSIGNED, S.DRAFTED, S.APPROVED, S.AWAITING_CONCLUSION})

# Forward steps first (the page opens the first allowed one), side steps after.
TRANSITIONS: dict[str, Transition] = {
    "assign": Transition(
        frozenset({S.CLASSIFIED, S.ASSIGNED}), S.ASSIGNED, "coordinator", gettext_noop("Giao cơ quan xử lý")
    ),
    "classify": Transition(
        frozenset({S.RECEIVED, S.CLASSIFIED}), S.CLASSIFIED, "coordinator", gettext_noop("Phân loại")
    ),
    "draft": Transition(
        frozenset({S.ASSIGNED, S.DRAFTED}), S.DRAFTED, "editor", gettext_noop("Lưu dự thảo, trình duyệt")
    ),
    "approve": Transition(frozenset({S.DRAFTED}), S.APPROVED, "approver", gettext_noop("Duyệt trả lời")),
    "send": Transition(frozenset({S.APPROVED}), S.SENT, "editor", gettext_noop("Gửi trả lời")),
    "publish": Transition(
        frozenset({S.SENT}), S.PUBLISHED, "editor", gettext_noop("Ghi nhận báo chí đã đăng")
    ),
    "close": Transition(
        frozenset({S.SENT, S.PUBLISHED, S.REFUSED, S.NOT_ACCEPTED}),
        S.CLOSED,
        "editor",
        gettext_noop("Kết thúc"),
    ),
    "accept": Transition(
        frozenset({S.ASSIGNED, S.DRAFTED}), S.AWAITING_CONCLUSION, "editor", gettext_noop("Thụ lý")
    ),
    "not_accept": Transition(
        frozenset({S.ASSIGNED, S.DRAFTED}), S.NOT_ACCEPTED, "editor", gettext_noop("Không thụ lý")
    ),
    "conclude": Transition(
        frozenset({S.AWAITING_CONCLUSION}), S.ASSIGNED, "editor", gettext_noop("Đã có kết luận")
    ),
    "return": Transition(
        frozenset({S.DRAFTED, S.APPROVED}), S.ASSIGNED, "approver", gettext_noop("Trả lại để sửa")
    ),
    "refuse": Transition(
        frozenset({S.ASSIGNED, S.DRAFTED, S.APPROVED}),
        S.REFUSED,
        "approver",
        gettext_noop("Từ chối cung cấp thông tin"),
    ),
    "redirect": Transition(
        frozenset({S.RECEIVED, S.CLASSIFIED, S.ASSIGNED}),
        S.REDIRECTED,
        "coordinator",
        gettext_noop("Chuyển cơ quan khác"),
    ),
    "escalated": Transition(_OPEN_WORK, None, "coordinator", gettext_noop("Báo chí phản ánh lên cấp trên")),
}
COMPLAINT_CLASSES = frozenset(
    {PressRequest.Classification.COMPLAINT, PressRequest.Classification.DENUNCIATION}
)


def allowed_actions(request: PressRequest) -> list[str]:
    """Actions the state machine allows from the request's state (before checking who asks)."""
    actions = [name for name, t in TRANSITIONS.items() if request.state in t.sources]
    if request.classification not in COMPLAINT_CLASSES:
        actions = [a for a in actions if a not in ("accept", "not_accept")]
    return actions


def _require(actor: Any, request: PressRequest, who: str) -> None:
    if who == "coordinator":
        require_coordinator(actor)
    elif who == "approver":
        require_approver(actor, request.agency)
    elif request.agency is None:
        require_coordinator(actor)
    else:
        require_act(actor, request.agency)


def _text(params: dict[str, Any], name: str, message: str) -> str:
    value = str(params.get(name) or "").strip()
    if not value:
        raise ValidationError({name: message})
    return value


def _moment(params: dict[str, Any], name: str, default: datetime) -> datetime:
    value = params.get(name)
    if value is None or value == "":
        return default
    if not isinstance(value, datetime):
        raise ValidationError({name: "Thời điểm không hợp lệ."})
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def _resolve_agency(params: dict[str, Any]) -> Agency:
    agency = params.get("agency")
    if isinstance(agency, Agency):
        return agency
    name = str(params.get("agency_name") or "").strip()
    province = home_province()
    if not name or province is None:
        raise ValidationError({"agency": "Chọn cơ quan xử lý."})
    match = resolve_agency_name(province, name)
    if len(match.agencies) != 1:
        raise ValidationError({"agency": f"“{name}” không xác định một cơ quan duy nhất ({match.note})."})
    return match.agencies[0]


@transaction.atomic
def press_request_transition(
    actor: Any, request: PressRequest, action: str, *, now: datetime | None = None, **params: Any
) -> PressRequest:
    """Apply one action of the state machine; every change is audited with the old and new state."""
    if action not in TRANSITIONS:
        raise TransitionError(f"Thao tác không tồn tại: {action!r}.")
    transition = TRANSITIONS[action]
    _require(actor, request, transition.who)
    allowed = allowed_actions(request)
    if action not in allowed:
        names = ", ".join(TRANSITIONS[a].label for a in allowed) or "không có"
        raise TransitionError(
            f"Không thể “{transition.label}” khi hồ sơ ở trạng thái “{request.get_state_display()}”. "
            f"Thao tác được phép: {names}."
        )
    moment = _now(now)
    old_state = request.state
    changes: dict[str, Any] = {}

    if action == "classify":
        classification = str(params.get("classification") or "")
        if classification not in PressRequest.Classification.values:
            raise ValidationError({"classification": "Chọn loại yêu cầu."})
        request.classification = classification
        start_clock(request, legal.RESPONSE_RULES[classification], request.received_at)
        if classification == PressRequest.Classification.FALSE_REPORT:
            request.due_explanation = legal.false_report_note(to_vietnam_time(request.received_at).date())
        changes.update(classification=classification, rule=request.rule_key, due_at=request.due_at)
    elif action == "assign":
        agency = _resolve_agency(params)
        changes["agency"] = [request.agency, agency]
        request.agency = agency
    elif action == "redirect":
        request.redirect_note = _text(params, "note", "Ghi cơ quan có thẩm quyền và lý do chuyển.")
        request.closed_at = moment
        changes["note"] = request.redirect_note
    elif action == "draft":
        request.response = _text(params, "response", "Nhập nội dung trả lời.")
        changes["response"] = request.response
    elif action == "return":
        request.approved_by, request.approved_at = None, None
        changes["note"] = str(params.get("note") or "")
    elif action == "approve":
        request.approved_by, request.approved_at = actor, moment
    elif action == "send":
        request.sent_at = _moment(params, "sent_at", moment)
        changes.update(sent_at=request.sent_at, due_at=request.due_at, on_time=request.met_on_time)
        if request.classification == PressRequest.Classification.FALSE_REPORT:
            correction = _correction_create(actor, request, params, request.sent_at)
            changes["correction"] = correction.pk
    elif action == "publish":
        request.published_at = _moment(params, "published_at", moment)
        request.published_url = str(params.get("published_url") or "")
        changes.update(published_at=request.published_at, url=request.published_url)
    elif action == "refuse":
        code = str(params.get("ground") or "")
        refusal_day = to_vietnam_time(moment).date()
        in_force = {g.code for g in selectors.refusal_grounds_in_force(refusal_day)}
        if code not in in_force:
            raise ValidationError(
                {"ground": "Từ chối chỉ trên căn cứ pháp luật báo chí đang có hiệu lực: chọn một căn cứ."}
            )
        request.refusal_ground = code
        request.refusal_reason = _text(params, "reason", "Nêu rõ lý do từ chối để trả lời báo chí.")
        request.sent_at = moment
        changes.update(ground=code, reason=request.refusal_reason, on_time=request.met_on_time)
    elif action == "accept":
        request.accepted_at = request.sent_at = _moment(params, "accepted_at", moment)
        changes.update(accepted_at=request.accepted_at, on_time=request.met_on_time)
    elif action == "not_accept":
        request.response = _text(params, "response", "Nêu lý do không thụ lý để thông báo cho báo chí.")
        request.sent_at = moment
        changes.update(response=request.response, on_time=request.met_on_time)
    elif action == "conclude":
        request.conclusion_at = _moment(params, "conclusion_at", moment)
        request.sent_at = None
        request.approved_by, request.approved_at = None, None
        start_clock(request, legal.CONCLUSION_RULE, request.conclusion_at)
        changes.update(conclusion_at=request.conclusion_at, rule=request.rule_key, due_at=request.due_at)
    elif action == "escalated":
        request.escalated_at = moment
        request.escalation_note = str(params.get("note") or "")
        changes["note"] = request.escalation_note
    elif action == "close":
        request.closed_at = moment

    if transition.target is not None:
        request.state = transition.target
    request.save()
    changes["state"] = [old_state, request.state]
    audit.record(actor, f"press_request.{action}", request, changes=changes, agency_id=request.agency_id)
    return request


def _correction_create(
    actor: Any, request: PressRequest, params: dict[str, Any], sent_at: datetime
) -> CorrectionRequest:
    outlet_kind = str(params.get("outlet_kind") or "")
    if outlet_kind not in CorrectionRequest.OutletKind.values:
        raise ValidationError({"outlet_kind": "Chọn loại hình báo chí để tính hạn cải chính."})
    return _correction_send(
        actor,
        request,
        outlet_kind=outlet_kind,
        text=str(params.get("correction_text") or request.response),
        round_number=request.corrections.count() + 1,
        sent_at=sent_at,
    )


def _correction_send(
    actor: Any, request: PressRequest, *, outlet_kind: str, text: str, round_number: int, sent_at: datetime
) -> CorrectionRequest:
    assert request.agency is not None
    correction = CorrectionRequest(
        press_request=request,
        agency=request.agency,
        outlet_kind=outlet_kind,
        text=text,
        round=round_number,
        sent_at=sent_at,
    )
    start_clock(correction, legal.CORRECTION_RULES[outlet_kind], sent_at)
    correction.save()
    audit.record(
        actor,
        "correction_request.send",
        correction,
        changes={"outlet_kind": outlet_kind, "round": round_number, "due_at": correction.due_at},
        agency_id=request.agency_id,
    )
    return correction


@transaction.atomic
def correction_next_round(
    actor: Any,
    request: PressRequest,
    *,
    text: str,
    outlet_kind: str = "",
    sent_at: datetime | None = None,
    now: datetime | None = None,
) -> CorrectionRequest:
    """Send the outlet a new round of the correction request after it disagreed with the previous one.

    The number of rounds is limited by the rule in force on the date the first round was sent
    (`press.correction.max_rounds`: 3 under the Press Law 2016, 2 under Decree 237/2026 Art. 21.1);
    a round beyond the limit is refused with its legal basis.
    """
    require_act(actor, request.agency)
    rounds = selectors.correction_rounds(request)
    last = rounds.last
    if last is None:
        raise TransitionError(
            gettext(
                "Chưa có đề nghị cải chính lần đầu: gửi phản hồi bằng văn bản kèm đề nghị cải chính trước."
            )
        )
    if last.outcome != CorrectionRequest.Outcome.DECLINED:
        raise TransitionError(
            gettext(
                "Chỉ gửi vòng tiếp theo khi cơ quan báo chí không đồng ý cải chính ở vòng trước "
                "(vòng %(round)s: %(outcome)s)."
            )
            % {"round": last.round, "outcome": last.get_outcome_display()}
        )
    limit = rounds.limit
    if limit is not None and not rounds.within_limit:
        raise ValidationError(
            gettext(
                "Đã đủ %(limit)s vòng trao đổi không thống nhất với cơ quan báo chí theo %(basis)s "
                "(quy định có hiệu lực ngày gửi đề nghị cải chính lần đầu, %(start)s): không ghi được vòng "
                "%(next)s. Có thể đề nghị cơ quan quản lý báo chí xem xét."
            )
            % {
                "limit": limit.amount,
                "basis": limit.legal_basis + (" (TBC)" if limit.verification == TBC else ""),
                "start": format_day(to_vietnam_time(rounds.rounds[0].correction.sent_at).date()),
                "next": last.round + 1,
            }
        )
    outlet_kind = outlet_kind or last.outlet_kind
    if outlet_kind not in CorrectionRequest.OutletKind.values:
        raise ValidationError({"outlet_kind": gettext("Chọn loại hình báo chí để tính hạn cải chính.")})
    if not text.strip():
        raise ValidationError({"text": gettext("Nhập nội dung đề nghị cải chính của vòng này.")})
    return _correction_send(
        actor,
        request,
        outlet_kind=outlet_kind,
        text=text.strip(),
        round_number=last.round + 1,
        sent_at=sent_at or _now(now),
    )


@transaction.atomic
def correction_record_outcome(
    actor: Any, correction: CorrectionRequest, *, outcome: str, at: datetime | None = None, url: str = ""
) -> CorrectionRequest:
    require_act(actor, correction.agency)
    if correction.outcome != CorrectionRequest.Outcome.PENDING:
        raise TransitionError("Kết quả cải chính đã được ghi nhận.")
    if outcome not in (CorrectionRequest.Outcome.CORRECTED, CorrectionRequest.Outcome.DECLINED):
        raise ValidationError({"outcome": "Chọn kết quả: đã cải chính hoặc không cải chính."})
    correction.outcome = outcome
    correction.correction_url = url
    if outcome == CorrectionRequest.Outcome.CORRECTED:
        correction.corrected_at = at or timezone.now()
    correction.save()
    audit.record(
        actor,
        "correction_request.outcome",
        correction,
        changes={
            "outcome": outcome,
            "corrected_at": correction.corrected_at,
            "on_time": correction.met_on_time,
        },
        agency_id=correction.agency_id,
    )
    return correction


# --- refusal grounds (§3.C: Press Law 2016 Art. 38.2; Press Law 126/2025 Art. 31.2) ------------------------

REFUSAL_GROUND_FIELDS = ("code", "label", "legal_basis", "valid_from", "valid_to", "verification")


@transaction.atomic
def seed_refusal_grounds(actor: Any = None) -> int:
    """Add the seed grounds missing from the table; never overwrite an administrator's edit."""
    existing = set(RefusalGround.objects.values_list("code", flat=True))
    created = RefusalGround.objects.bulk_create(
        RefusalGround(**{name: getattr(seed, name) for name in REFUSAL_GROUND_FIELDS})
        for seed in legal.SEED_REFUSAL_GROUNDS
        if seed.code not in existing
    )
    if created:
        audit.record(
            actor,
            "refusal_ground.seed",
            None,
            object_type="press.refusalground",
            object_repr=f"{len(created)} căn cứ từ chối",
            changes={"created": [ground.code for ground in created]},
        )
    return len(created)


def _require_admin(actor: Any) -> None:
    if not is_admin(actor):
        raise PermissionDenied(gettext("Chỉ quản trị viên được sửa căn cứ pháp lý."))


@transaction.atomic
def refusal_ground_save(actor: Any, ground: RefusalGround) -> RefusalGround:
    """Create or update a refusal ground (administrators), audited old → new. The code of a ground already
    cited by a refusal cannot change: the refusal keeps pointing at it."""
    _require_admin(actor)
    ground.full_clean()
    before = RefusalGround.objects.filter(pk=ground.pk).first() if ground.pk else None
    values = {name: getattr(ground, name) for name in REFUSAL_GROUND_FIELDS}
    if before is None:
        ground.save()
        audit.record(actor, "refusal_ground.create", ground, changes=values)
        return ground
    if before.code != ground.code and selectors.refusal_ground_cited(before.code):
        raise ValidationError({"code": gettext("Căn cứ đã được dùng để từ chối: không đổi mã được.")})
    changes = audit.diff(before, values)
    ground.save()
    if changes:
        audit.record(actor, "refusal_ground.update", ground, changes=changes)
    return ground


@transaction.atomic
def refusal_ground_delete(actor: Any, ground: RefusalGround) -> None:
    """Delete a ground never cited by a refusal; a cited one ends with `valid_to` instead."""
    _require_admin(actor)
    if selectors.refusal_ground_cited(ground.code):
        raise ValidationError(
            gettext("Căn cứ đã được dùng để từ chối: không xóa được, hãy ghi ngày hết hiệu lực.")
        )
    audit.record(
        actor,
        "refusal_ground.delete",
        ground,
        changes={name: getattr(ground, name) for name in REFUSAL_GROUND_FIELDS},
    )
    ground.delete()


# --- annual report (§3.E) ------------------------------------------------------------------------------


@transaction.atomic
def annual_report_for(actor: Any, year: int) -> AnnualReport:
    """The report of `year`, created on first use with its legal deadline (before 20 December)."""
    require_coordinator(actor)
    report = AnnualReport.objects.filter(year=year).first()
    if report is not None:
        return report
    report = AnnualReport(year=year)
    # The clock starts when the data window closes (14 December); the rule is "before 20 December".
    last_day = datetime.combine(date(year, 12, 14), time(23, 59, 59), tzinfo=timezone.get_default_timezone())
    start_clock(report, legal.ANNUAL_REPORT_RULE, last_day)
    report.save()
    audit.record(actor, "annual_report.create", report, changes={"due_at": report.due_at})
    return report


REPORT_FIELDS = ("number", "difficulties", "proposals", "signer_name", "signer_position", "recipients")


@transaction.atomic
def annual_report_update(actor: Any, report: AnnualReport, **fields: Any) -> AnnualReport:
    require_coordinator(actor)
    unknown = set(fields) - set(REPORT_FIELDS)
    if unknown:
        raise ValidationError(f"Không sửa được: {', '.join(sorted(unknown))}")
    if report.sent_at is not None:
        raise TransitionError("Báo cáo đã gửi Bộ; không sửa được.")
    changes = audit.diff(report, fields)
    for name, value in fields.items():
        setattr(report, name, value)
    report.full_clean()
    report.save()
    if changes:
        audit.record(actor, "annual_report.update", report, changes=changes)
    return report


@transaction.atomic
def annual_report_send(
    actor: Any, report: AnnualReport, counts: dict[str, Any], *, now: datetime | None = None
) -> AnnualReport:
    """Freeze the counts as sent to the ministry and stop the report's clock."""
    require_coordinator(actor)
    if report.sent_at is not None:
        raise TransitionError("Báo cáo đã gửi Bộ.")
    report.sent_at = _now(now)
    report.snapshot = counts
    report.save(update_fields=["sent_at", "snapshot"])
    audit.record(
        actor,
        "annual_report.send",
        report,
        changes={"sent_at": report.sent_at, "on_time": report.met_on_time},
    )
    return report


# --- reminders ---------------------------------------------------------------------------------------------


def _reminder_recipients(agency: Agency | None) -> list[str]:
    """The agency's officers and spokespersons; the coordinators when the agency has no address on file
    (or for unassigned work and the province's calendar)."""
    members = Membership.objects.select_related("user").filter(user__is_active=True).exclude(user__email="")
    if agency is not None:
        emails = [
            m.user.email for m in members.filter(agency=agency, role__in=[Role.OFFICER, Role.SPOKESPERSON])
        ]
        if emails:
            return sorted(set(emails))
    return sorted({m.user.email for m in members.filter(role__in=[Role.COORDINATOR, Role.ADMIN])})


def send_reminders(*, now: datetime | None = None) -> int:
    """E-mail each agency the press work due soon or overdue, and the coordinators the province's calendar
    warnings. Idempotent: the same list is sent once a day (a new or changed item sends a new one)."""
    moment = _now(now)
    groups: dict[Agency | None, list[str]] = {}
    for item in selectors.due_soon(moment):
        status = "QUÁ HẠN" if item.overdue else "sắp đến hạn"
        when = timezone.localtime(item.due_at).strftime("%H:%M %d/%m/%Y")
        line = f"- [{status}] {item.label} — hạn {when}: {settings.LOA_SITE_URL}{item.path}"
        groups.setdefault(item.agency, []).append(line)
    for cadence in selectors.cadences(moment):
        if cadence.status != "ok":
            groups.setdefault(None, []).append(f"- {cadence.label}: {cadence.message}")
    sent = 0
    today = timezone.localdate(moment)
    for agency, lines in groups.items():
        digest = hashlib.sha1("\n".join(sorted(lines)).encode()).hexdigest()[:12]
        key = f"{agency.pk if agency else 'coordinators'}:{today.isoformat()}:{digest}"
        recipients = _reminder_recipients(agency)
        if not recipients or AuditEvent.objects.filter(action="press.reminder", object_id=key).exists():
            continue
        unit = agency.name if agency else "Cán bộ điều phối"
        send_mail(
            f"[Loa] Nhắc hạn công tác phát ngôn, báo chí — {unit}",
            "Các việc sau sắp đến hạn hoặc đã quá hạn theo quy định:\n\n" + "\n".join(lines),
            None,
            recipients,
        )
        audit.record(
            "celery",
            "press.reminder",
            None,
            object_type="press.reminder",
            object_id=key,
            object_repr=f"Nhắc hạn: {unit} ({len(lines)} việc)",
            changes={"to": recipients, "items": lines},
            agency_id=agency.pk if agency else None,
        )
        sent += 1
    return sent
