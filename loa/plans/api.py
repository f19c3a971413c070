"""/api/plans/: plans, tasks, obligations and progress reports, with the same scopes and rules as the pages.

A lead agency's officer submits a report (`POST /obligations/{id}/report`); the coordinating officer
accepts or returns it (`POST /obligations/{id}/accept`, `/return`).
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from loa.plans import selectors, services
from loa.plans.models import Obligation, Plan, ProgressReport, Task

router = Router(tags=["plans"])


class CountsOut(Schema):
    on_time: int
    late: int
    returned: int
    missing: int
    pending: int
    awaiting: int
    total: int


class PlanOut(Schema):
    id: int
    kind: str
    number: str
    issuer: str
    title: str
    issued_on: date | None
    status: str
    owner_agency: str
    ongoing_period: str
    tracking_from: date
    tracking_to: date | None
    counts: CountsOut


class UnitOut(Schema):
    role: str
    written: str
    via: str
    agency_ids: list[int]


class TaskOut(Schema):
    id: int
    plan_id: int
    ref: str
    title: str
    content: str
    cadence: str
    due_date: date | None
    target: str
    is_training: bool
    is_cancelled: bool
    units: list[UnitOut]


class ObligationOut(Schema):
    id: int
    plan_id: int
    task_id: int
    task_ref: str
    agency_id: int
    agency: str
    period_key: str
    period_label: str
    period_start: date
    period_end: date
    due_date: date
    state: str
    status: str
    progress: str
    reported_on: date | None
    accepted_at: datetime | None


class ReportOut(Schema):
    id: int
    obligation_id: int
    version: int
    text: str
    progress: str
    figures: dict[str, float]
    submitted_at: datetime | None
    decision: str
    review_comment: str


class ReportIn(Schema):
    text: str
    progress: str
    figures: dict[str, float] = {}
    submit: bool = True


class ReviewIn(Schema):
    comment: str = ""


class ContributionIn(Schema):
    text: str
    figures: dict[str, float] = {}


class ContributionOut(Schema):
    id: int
    obligation_id: int
    agency: str
    text: str
    figures: dict[str, float]
    created_at: datetime


def _counts(counts: selectors.Counts) -> CountsOut:
    return CountsOut(**{name: getattr(counts, name) for name in CountsOut.model_fields})


def _plan(plan: Plan, counts: selectors.Counts) -> PlanOut:
    return PlanOut(
        id=plan.pk,
        kind=plan.kind,
        number=plan.number,
        issuer=plan.issuer,
        title=plan.title,
        issued_on=plan.issued_on,
        status=plan.status,
        owner_agency=plan.owner_agency.name,
        ongoing_period=plan.ongoing_period,
        tracking_from=plan.tracking_from,
        tracking_to=plan.tracking_to,
        counts=_counts(counts),
    )


def _task(task: Task) -> TaskOut:
    return TaskOut(
        id=task.pk,
        plan_id=task.plan_id,
        ref=task.ref,
        title=task.title,
        content=task.content,
        cadence=task.cadence,
        due_date=task.due_date,
        target=task.target,
        is_training=task.is_training,
        is_cancelled=task.is_cancelled,
        units=[
            UnitOut(
                role=unit.role,
                written=unit.written,
                via=unit.via,
                agency_ids=[a.agency_id for a in unit.assignments.all()],
            )
            for unit in task.units.all()
        ],
    )


def _obligation(obligation: Obligation) -> ObligationOut:
    return ObligationOut(
        id=obligation.pk,
        plan_id=obligation.plan_id,
        task_id=obligation.task_id,
        task_ref=obligation.task.ref,
        agency_id=obligation.agency_id,
        agency=obligation.agency.name,
        period_key=obligation.period_key,
        period_label=obligation.period_label,
        period_start=obligation.period_start,
        period_end=obligation.period_end,
        due_date=obligation.due_date,
        state=obligation.state,
        status=selectors.bucket_of(obligation, timezone.localdate()),
        progress=obligation.progress,
        reported_on=obligation.reported_on,
        accepted_at=obligation.accepted_at,
    )


def _report(report: ProgressReport) -> ReportOut:
    return ReportOut(
        id=report.pk,
        obligation_id=report.obligation_id,
        version=report.version,
        text=report.text,
        progress=report.progress,
        figures=report.figures,
        submitted_at=report.submitted_at,
        decision=report.decision,
        review_comment=report.review_comment,
    )


def _refused(exc: Exception) -> HttpError:
    if isinstance(exc, ValidationError):
        return HttpError(400, "; ".join(exc.messages))
    if isinstance(exc, services.TransitionError):
        return HttpError(409, str(exc))
    return HttpError(400, str(exc))


@router.get("/", response=list[PlanOut])
def list_plans(request: HttpRequest) -> list[PlanOut]:
    today = timezone.localdate()
    plans = list(selectors.plans_for(request.user))
    counts = selectors.by_plan(selectors.obligations_for(request.user).exclude(state="cancelled"), today)
    return [_plan(plan, counts.get(plan.pk, selectors.Counts())) for plan in plans]


@router.get("/{int:plan_id}", response=PlanOut)
def get_plan(request: HttpRequest, plan_id: int) -> PlanOut:
    plan = selectors.plan_for(request.user, plan_id)
    rows = selectors.obligations_for(request.user).filter(plan=plan).exclude(state="cancelled")
    return _plan(plan, selectors.counts(rows, timezone.localdate()))


@router.get("/{int:plan_id}/tasks", response=list[TaskOut])
def list_tasks(request: HttpRequest, plan_id: int) -> list[TaskOut]:
    plan = selectors.plan_for(request.user, plan_id)
    tasks = selectors.tasks_for(request.user, plan).prefetch_related("units__assignments")
    return [_task(task) for task in tasks]


@router.get("/tasks/{int:task_id}", response=TaskOut)
def get_task(request: HttpRequest, task_id: int) -> TaskOut:
    return _task(selectors.task_for(request.user, task_id))


@router.get("/obligations", response=list[ObligationOut])
def list_obligations(
    request: HttpRequest,
    plan: int | None = None,
    task: int | None = None,
    agency: int | None = None,
    period: str = "",
    status: str = "",
    limit: int = 200,
    offset: int = 0,
) -> list[ObligationOut]:
    """Obligations the caller may read; `status` is on_time, late, returned, missing, pending or awaiting."""
    filters = selectors.Filters.from_query(
        {"plan": plan or "", "task": task or "", "agency": agency or "", "period": period, "status": status}
    )
    rows = filters.apply(selectors.obligations_for(request.user), timezone.localdate())
    limit = max(1, min(limit, 1000))
    return [_obligation(o) for o in selectors.obligation_rows(rows)[offset : offset + limit]]


@router.get("/obligations/{int:obligation_id}", response=ObligationOut)
def get_obligation(request: HttpRequest, obligation_id: int) -> ObligationOut:
    return _obligation(selectors.obligation_for(request.user, obligation_id))


@router.get("/obligations/{int:obligation_id}/reports", response=list[ReportOut])
def list_reports(request: HttpRequest, obligation_id: int) -> list[ReportOut]:
    obligation = selectors.obligation_for(request.user, obligation_id)
    return [_report(r) for r in obligation.reports.filter(submitted_at__isnull=False)]


@router.post("/obligations/{int:obligation_id}/report", response={201: ReportOut})
def submit_report(request: HttpRequest, obligation_id: int, payload: ReportIn) -> Status[ReportOut]:
    obligation = selectors.obligation_for(request.user, obligation_id)
    try:
        report = services.report_save(
            request.user,
            obligation,
            text=payload.text,
            progress=payload.progress,
            figures=payload.figures,
            submit=payload.submit,
        )
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    return Status(201, _report(report))


def _review(request: HttpRequest, obligation_id: int, decision: str, comment: str) -> ObligationOut:
    obligation = selectors.obligation_for(request.user, obligation_id)
    try:
        updated = services.report_review(request.user, obligation, decision=decision, comment=comment)
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    return _obligation(updated)


@router.post("/obligations/{int:obligation_id}/accept", response=ObligationOut)
def accept_report(request: HttpRequest, obligation_id: int, payload: ReviewIn) -> ObligationOut:
    return _review(request, obligation_id, ProgressReport.Decision.ACCEPTED, payload.comment)


@router.post("/obligations/{int:obligation_id}/return", response=ObligationOut)
def return_report(request: HttpRequest, obligation_id: int, payload: ReviewIn) -> ObligationOut:
    return _review(request, obligation_id, ProgressReport.Decision.RETURNED, payload.comment)


@router.post("/obligations/{int:obligation_id}/contributions", response={201: ContributionOut})
def add_contribution(
    request: HttpRequest, obligation_id: int, payload: ContributionIn
) -> Status[ContributionOut]:
    obligation = selectors.obligation_for(request.user, obligation_id)
    try:
        item = services.contribution_add(request.user, obligation, text=payload.text, figures=payload.figures)
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    return Status(
        201,
        ContributionOut(
            id=item.pk,
            obligation_id=obligation.pk,
            agency=item.agency.name,
            text=item.text,
            figures=item.figures,
            created_at=item.created_at,
        ),
    )
