"""Reads of press work. Agency-owned rows start from `press_scope(viewer)`; public pages read only what
has been published."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from loa.core.models import AuditEvent
from loa.deadlines.models import DeadlineTracked
from loa.deadlines.rules import CORRECTION_ROUNDS_RULE, Rule, RuleLookupError, select_rule
from loa.deadlines.services import compute_deadline, db_rules
from loa.organisations.access import is_coordinator
from loa.organisations.models import Agency
from loa.organisations.selectors import AgencyMatch, home_province, resolve_agency_name
from loa.press import legal
from loa.press.access import PROVINCIAL_SPEAKER_AGENCY_ROLES, can_act_for, press_scope
from loa.press.models import (
    CorrectionRequest,
    PressEvent,
    PressRequest,
    RefusalGround,
    Spokesperson,
    Statement,
    UrgentEvent,
)

# Units that must have someone speaking for them (Decree 09 Art. 3; Decree 244 Art. 2): the province,
# its departments and its communes. Vertical bodies (police), the office and the press are not counted.
SPOKEN_FOR_ROLES = (
    Agency.Role.PROVINCIAL_COMMITTEE,
    Agency.Role.PRESS_MANAGEMENT,
    Agency.Role.JUSTICE,
    Agency.Role.FINANCE,
    Agency.Role.HOME_AFFAIRS,
    Agency.Role.DEPARTMENT,
    Agency.Role.COMMUNE_COMMITTEE,
)
_ROLE_ORDER: dict[str, int] = {Agency.Role.PROVINCIAL_COMMITTEE: 0, Agency.Role.COMMUNE_COMMITTEE: 2}


def _agency_sort_key(agency: Agency) -> tuple[int, str]:
    return (_ROLE_ORDER.get(agency.role, 1), agency.name)


def editable_agencies(viewer: Any) -> QuerySet[Agency]:
    """Agencies the viewer may act for, for the forms' agency choices."""
    qs = Agency.objects.filter(is_active=True, province__is_home=True)
    if is_coordinator(viewer):
        return qs
    candidates = qs.filter(Q(members__user=viewer) | Q(role=Agency.Role.PROVINCIAL_COMMITTEE))
    return qs.filter(pk__in=[a.pk for a in candidates if can_act_for(viewer, a)])


# --- spokesperson registry -------------------------------------------------------------------------


def spokespersons_for(
    viewer: Any, *, agency: Agency | None = None, current_only: bool = False
) -> QuerySet[Spokesperson]:
    scope = press_scope(viewer)
    qs = Spokesperson.objects.select_related("agency", "authorised_by")
    if not scope.sees_all:
        # Published contact details are public anyway; unpublished entries stay with their agency.
        qs = qs.filter(Q(agency_id__in=scope.agency_ids) | Q(published_at__isnull=False))
    if agency is not None:
        qs = qs.filter(agency=agency)
    if current_only:
        today = timezone.localdate()
        qs = qs.filter(ended_at__isnull=True, valid_from__lte=today).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=today)
        )
    return qs


def public_directory(today: date | None = None) -> list[Spokesperson]:
    """Published spokespersons in office today, the province first, then departments, then communes."""
    today = today or timezone.localdate()
    rows = (
        Spokesperson.objects.select_related("agency", "authorised_by")
        .filter(published_at__isnull=False, ended_at__isnull=True, valid_from__lte=today)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
    )
    return sorted(
        rows, key=lambda p: (*_agency_sort_key(p.agency), p.kind != Spokesperson.Kind.HEAD, p.full_name)
    )


@dataclass
class RegistryKpis:
    units: int
    without_spokesperson: list[Agency]
    late_publications: list[Spokesperson]
    expired_authorisations: list[Spokesperson]
    awaiting_publication: list[Spokesperson]


def registry_kpis(now: datetime | None = None) -> RegistryKpis:
    """Units without a head or regular spokesperson on record, late publications, expired authorisations."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    units = list(Agency.objects.filter(is_active=True, province__is_home=True, role__in=SPOKEN_FOR_ROLES))
    speaking = set(
        Spokesperson.objects.filter(
            kind__in=[Spokesperson.Kind.HEAD, Spokesperson.Kind.REGULAR],
            ended_at__isnull=True,
            valid_from__lte=today,
        )
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .values_list("agency_id", flat=True)
    )
    people = list(Spokesperson.objects.select_related("agency").filter(due_at__isnull=False))
    late = [p for p in people if p.is_overdue(now)]
    expired = list(
        Spokesperson.objects.select_related("agency").filter(
            kind=Spokesperson.Kind.AUTHORISED, ended_at__isnull=True, valid_to__lt=today
        )
    )
    awaiting = list(Spokesperson.open_deadlines().select_related("agency").order_by("due_at"))
    return RegistryKpis(
        units=len(units),
        without_spokesperson=sorted((u for u in units if u.pk not in speaking), key=_agency_sort_key),
        late_publications=late,
        expired_authorisations=expired,
        awaiting_publication=awaiting,
    )


# --- press calendar and statements -------------------------------------------------------------------


def events_for(viewer: Any) -> QuerySet[PressEvent]:
    return press_scope(viewer).filter(PressEvent.objects.select_related("agency", "speaker"))


def public_schedule(now: datetime | None = None) -> dict[str, list[PressEvent]]:
    now = now or timezone.now()
    qs = PressEvent.objects.select_related("agency", "speaker").filter(is_public=True)
    upcoming = qs.filter(status=PressEvent.Status.PLANNED, scheduled_at__gte=now).order_by("scheduled_at")
    held = qs.filter(status=PressEvent.Status.HELD).order_by("-held_at")[:20]
    return {"upcoming": list(upcoming), "held": list(held)}


def statements_for(viewer: Any) -> QuerySet[Statement]:
    return press_scope(viewer).filter(
        Statement.objects.select_related("agency", "spokesperson", "urgent_event")
    )


def public_statements() -> QuerySet[Statement]:
    return (
        Statement.objects.select_related("agency", "spokesperson")
        .filter(state=Statement.State.PUBLISHED)
        .order_by("-published_at")
    )


def urgent_events_for(viewer: Any, *, open_only: bool = False) -> QuerySet[UrgentEvent]:
    qs = press_scope(viewer).filter(UrgentEvent.objects.select_related("agency"))
    return qs.exclude(state=UrgentEvent.State.CLOSED) if open_only else qs


def press_requests_for(viewer: Any, *, state: str = "", open_only: bool = False) -> QuerySet[PressRequest]:
    """Unassigned requests are visible to coordinators (and the province's spokesperson) only."""
    qs = press_scope(viewer).filter(PressRequest.objects.select_related("agency"))
    if state:
        qs = qs.filter(state=state)
    if open_only:
        qs = qs.exclude(state__in=[PressRequest.State.CLOSED, PressRequest.State.REDIRECTED])
    return qs


def corrections_for(viewer: Any) -> QuerySet[CorrectionRequest]:
    return press_scope(viewer).filter(CorrectionRequest.objects.select_related("press_request", "agency"))


def refusal_grounds() -> QuerySet[RefusalGround]:
    """Every refusal ground (legal data, readable by everyone in Loa); seeds an empty table on first use."""
    if not RefusalGround.objects.exists():
        from loa.press.services import seed_refusal_grounds  # services import this module

        seed_refusal_grounds()
    return RefusalGround.objects.all()


def refusal_grounds_in_force(day: date) -> list[RefusalGround]:
    return [ground for ground in refusal_grounds() if ground.in_force_on(day)]


def refusal_ground(code: str) -> RefusalGround | None:
    return refusal_grounds().filter(code=code).first() if code else None


def refusal_ground_cited(code: str) -> bool:
    """Whether a refusal already cites this ground (then it is kept, ended with `valid_to`)."""
    return PressRequest.objects.filter(refusal_ground=code).exists()


def correction_round_limit(first_sent_at: datetime) -> Rule | None:
    """The generation of the rounds limit in force on the day the first correction request was sent;
    None when the rules have none for that day (rounds are then not limited)."""
    try:
        return select_rule(db_rules(), CORRECTION_ROUNDS_RULE, first_sent_at)
    except RuleLookupError:
        return None


@dataclass(frozen=True)
class CorrectionRound:
    correction: CorrectionRequest
    limit: Rule | None

    @property
    def label(self) -> str:
        """“vòng N/M”, or “vòng N” when no limit applies."""
        if self.limit is None:
            return gettext("vòng %(n)s") % {"n": self.correction.round}
        return gettext("vòng %(n)s/%(m)s") % {"n": self.correction.round, "m": self.limit.amount}


@dataclass(frozen=True)
class CorrectionRounds:
    rounds: list[CorrectionRound]
    limit: Rule | None

    @property
    def last(self) -> CorrectionRequest | None:
        return self.rounds[-1].correction if self.rounds else None

    @property
    def within_limit(self) -> bool:
        """The limit in force leaves room for a round after the last one."""
        return self.last is None or self.limit is None or self.last.round < (self.limit.amount or 0)

    @property
    def next_round_open(self) -> bool:
        """The outlet disagreed with the last round and the limit leaves room for another."""
        return (
            self.last is not None
            and self.last.outcome == CorrectionRequest.Outcome.DECLINED
            and self.within_limit
        )

    @property
    def limit_reached(self) -> bool:
        return not self.within_limit


def correction_rounds(request: PressRequest) -> CorrectionRounds:
    """The correction rounds of one request with the limit in force on the first round's date (the caller
    has already checked the viewer may see the request)."""
    corrections = list(request.corrections.order_by("round"))
    limit = correction_round_limit(corrections[0].sent_at) if corrections else None
    return CorrectionRounds([CorrectionRound(c, limit) for c in corrections], limit)


def request_history(request: PressRequest) -> QuerySet[AuditEvent]:
    """The audit trail of one request (the caller has already checked the viewer may see it)."""
    return AuditEvent.objects.filter(object_type="press.pressrequest", object_id=str(request.pk)).order_by(
        "at", "id"
    )


def suggested_agency(request: PressRequest) -> AgencyMatch | None:
    """Today's agency for the name the press wrote (former names and collective phrases resolve)."""
    province = home_province()
    if not request.requested_agency_text or province is None:
        return None
    return resolve_agency_name(province, request.requested_agency_text)


# --- reminders and the dashboard -------------------------------------------------------------------------


@dataclass
class Cadence:
    """A recurring obligation of the province: when it was last met and when it is next due."""

    rule_id: str
    label: str
    last: PressEvent | None
    next_due: datetime | None
    explanation: str
    next_planned: PressEvent | None
    status: str  # "ok" | "warn" | "bad"
    message: str  # Vietnamese: it also goes into the reminder e-mail
    days_left: int | None = None

    @property
    def ui_label(self) -> str:
        return gettext(self.label)

    @property
    def ui_message(self) -> str:
        if self.days_left is not None:
            return gettext(CADENCE_DAYS_LEFT) % {"days": self.days_left}
        return gettext(self.message)


CADENCE_DAYS_LEFT = gettext_noop("Còn %(days)s ngày, chưa có lịch.")


def _cadence(rule_id: str, kind: str, label: str, now: datetime, warn_days: int) -> Cadence:
    provincial = PressEvent.objects.filter(kind=kind, agency__role__in=PROVINCIAL_SPEAKER_AGENCY_ROLES)
    last = provincial.filter(status=PressEvent.Status.HELD).order_by("-held_at").first()
    planned = (
        provincial.filter(status=PressEvent.Status.PLANNED, scheduled_at__gte=now)
        .order_by("scheduled_at")
        .first()
    )
    if last is None or last.held_at is None:
        return Cadence(
            rule_id,
            label,
            None,
            None,
            "",
            planned,
            "bad" if planned is None else "warn",
            gettext_noop("Chưa ghi nhận lần nào."),
        )
    try:
        deadline = compute_deadline(rule_id, last.held_at)
    except RuleLookupError as exc:
        return Cadence(
            rule_id, label, last, None, str(exc), planned, "warn", gettext_noop("Không có quy tắc hiệu lực.")
        )
    due = deadline.due
    assert due is not None
    days_left: int | None = None
    if planned is not None and planned.scheduled_at <= due:
        status, message = "ok", gettext_noop("Đã có lịch trước hạn.")
    elif due < now:
        status, message = "bad", gettext_noop("Quá hạn, chưa có lịch.")
    elif (due - now).days <= warn_days:
        days_left = (due - now).days
        status, message = "warn", CADENCE_DAYS_LEFT % {"days": days_left}
    else:
        status, message = "ok", gettext_noop("Chưa đến hạn.")
    return Cadence(rule_id, label, last, due, deadline.explanation, planned, status, message, days_left)


def cadences(now: datetime | None = None) -> list[Cadence]:
    now = now or timezone.now()
    return [
        _cadence(
            legal.CONFERENCE_RULE,
            PressEvent.Kind.CONFERENCE,
            gettext_noop("Họp báo định kỳ (ít nhất 3 tháng/lần)"),
            now,
            21,
        ),
        _cadence(
            legal.MONTHLY_RULE,
            PressEvent.Kind.MONTHLY,
            gettext_noop("Cung cấp thông tin định kỳ hằng tháng"),
            now,
            7,
        ),
    ]


@dataclass
class OpenItems:
    urgent: list[UrgentEvent] = field(default_factory=list)
    requests: list[PressRequest] = field(default_factory=list)
    corrections: list[CorrectionRequest] = field(default_factory=list)
    publications: list[Spokesperson] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        rows: list[Any] = [*self.urgent, *self.requests, *self.corrections, *self.publications]
        return sum(1 for row in rows if row.is_overdue())


def _by_due(rows: list[Any]) -> list[Any]:
    far = timezone.now() + timedelta(days=36500)
    return sorted(rows, key=lambda row: row.due_at or far)


def open_items(viewer: Any) -> OpenItems:
    """Open work on a legal clock the viewer can see, soonest deadline first."""
    scope = press_scope(viewer)
    return OpenItems(
        urgent=_by_due(list(scope.filter(UrgentEvent.open_deadlines().select_related("agency")))),
        requests=_by_due(list(press_requests_for(viewer, open_only=True).filter(sent_at__isnull=True))),
        corrections=_by_due(
            list(scope.filter(CorrectionRequest.open_deadlines().select_related("press_request")))
        ),
        publications=_by_due(list(scope.filter(Spokesperson.open_deadlines().select_related("agency")))),
    )


# --- reminders ---------------------------------------------------------------------------------------------

# How long before the deadline a reminder goes out; overdue items are reminded of until closed.
REMIND_BEFORE: tuple[tuple[type[DeadlineTracked], timedelta], ...] = (
    (UrgentEvent, timedelta(hours=6)),
    (Spokesperson, timedelta(hours=6)),
    (PressRequest, timedelta(days=3)),
    (CorrectionRequest, timedelta(days=1)),
)


@dataclass(frozen=True)
class DueItem:
    agency: Agency | None
    label: str
    due_at: datetime
    path: str
    overdue: bool


def _describe(obj: Any) -> tuple[str, str]:
    if isinstance(obj, UrgentEvent):
        return f"Phát ngôn ban đầu: {obj.title}", reverse("press:urgent_event", args=[obj.pk])
    if isinstance(obj, Spokesperson):
        return f"Công bố thông tin người phát ngôn {obj.full_name}", reverse(
            "press:spokesperson", args=[obj.pk]
        )
    if isinstance(obj, CorrectionRequest):
        return (
            f"Báo chí cải chính theo đề nghị ({obj.press_request.reference})",
            reverse("press:request", args=[obj.press_request_id]),
        )
    return f"Trả lời báo chí {obj.reference}: {obj.subject}", reverse("press:request", args=[obj.pk])


def due_soon(now: datetime | None = None) -> list[DueItem]:
    """Open work of every agency whose deadline is near or past (for the reminder task, not for a viewer)."""
    now = now or timezone.now()
    items = []
    for model, before in REMIND_BEFORE:
        rows = model.open_deadlines().filter(due_at__isnull=False, due_at__lte=now + before)
        for obj in rows.select_related("agency"):
            label, path = _describe(obj)
            items.append(DueItem(obj.agency, label, obj.due_at, path, obj.due_at < now))
    return sorted(items, key=lambda item: item.due_at)
