"""Reads for plans and tasks, scoped by the viewer: coordinators and administrators see every plan; an
agency's people see the tasks their agency leads or coordinates and those tasks' obligations.

Dashboard counts are computed in SQL (one grouped query per table), never row by row. Status buckets
are disjoint: on time / late (reported, by the first submission date against the due date), returned,
missing (open past the due date), pending (not yet due), cancelled left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext_noop

from loa.organisations.access import Scope, scope_for
from loa.organisations.models import Agency
from loa.plans.models import (
    BudgetEstimate,
    Course,
    CourseParticipation,
    Obligation,
    Plan,
    PlanImport,
    Task,
    TaskAgency,
    UnitRole,
)

State = Obligation.State
# Vietnamese labels (the .xlsx/.docx reports quote them); templates translate them for the screen.
BUCKETS: tuple[tuple[str, str], ...] = (
    ("on_time", gettext_noop("Đúng hạn")),
    ("late", gettext_noop("Trễ hạn")),
    ("returned", gettext_noop("Bị trả lại")),
    ("missing", gettext_noop("Quá hạn, chưa báo cáo")),
    ("pending", gettext_noop("Chưa đến hạn")),
)
BUCKET_LABELS = dict(BUCKETS)


def bucket_q(bucket: str, today: date) -> Q:
    submitted = Q(state__in=Obligation.SUBMITTED_STATES)
    open_states = Q(state__in=[State.ASSIGNED, State.IN_PROGRESS])
    return {
        "on_time": submitted & Q(reported_on__lte=F("due_date")),
        "late": submitted & Q(reported_on__gt=F("due_date")),
        "returned": Q(state=State.RETURNED),
        "missing": open_states & Q(due_date__lt=today),
        "pending": (open_states & Q(due_date__gte=today)) | Q(state=State.PLANNED),
        "awaiting": Q(state=State.REPORTED),
    }[bucket]


def bucket_of(obligation: Obligation, today: date) -> str:
    if obligation.state in Obligation.SUBMITTED_STATES:
        return "late" if obligation.reported_late else "on_time"
    if obligation.state == State.RETURNED:
        return "returned"
    if obligation.state == State.CANCELLED:
        return "cancelled"
    if obligation.state != State.PLANNED and obligation.due_date < today:
        return "missing"
    return "pending"


def _counts(today: date) -> dict[str, Count]:
    annotations = {name: Count("pk", filter=bucket_q(name, today)) for name, _label in BUCKETS}
    annotations["awaiting"] = Count("pk", filter=bucket_q("awaiting", today))
    annotations["total"] = Count("pk")
    return annotations


@dataclass
class Counts:
    on_time: int = 0
    late: int = 0
    returned: int = 0
    missing: int = 0
    pending: int = 0
    awaiting: int = 0
    total: int = 0

    @property
    def due(self) -> int:
        """Obligations whose due date has come: the base of the on-time rate."""
        return self.on_time + self.late + self.returned + self.missing

    @property
    def on_time_rate(self) -> float | None:
        return round(100 * self.on_time / self.due, 1) if self.due else None

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Counts:
        return cls(**{name: row.get(name) or 0 for name in cls.__dataclass_fields__})

    @classmethod
    def sum(cls, parts: Iterable[Counts]) -> Counts:
        """The total of disjoint groups: cheaper than counting the whole set again."""
        total = cls()
        for part in parts:
            for name in cls.__dataclass_fields__:
                setattr(total, name, getattr(total, name) + getattr(part, name))
        return total


# --- scope -------------------------------------------------------------------------------------------


def _assigned(scope: Scope, task_ref: str = "pk", role: str | None = None) -> Exists:
    rows = TaskAgency.objects.filter(task=OuterRef(task_ref), agency_id__in=scope.agency_ids)
    if role:
        rows = rows.filter(role=role)
    return Exists(rows)


def plans_for(viewer: Any) -> QuerySet[Plan]:
    scope = scope_for(viewer)
    plans = Plan.objects.select_related("owner_agency")
    if scope.sees_all:
        return plans
    if not scope.agency_ids:
        return plans.none()
    return plans.filter(
        Exists(TaskAgency.objects.filter(task__plan=OuterRef("pk"), agency_id__in=scope.agency_ids))
    )


def plan_for(viewer: Any, pk: int) -> Plan:
    plan = plans_for(viewer).filter(pk=pk).first()
    if plan is None:
        if Plan.objects.filter(pk=pk).exists():
            raise PermissionDenied("Kế hoạch này không giao nhiệm vụ cho cơ quan của bạn.")
        raise Http404("Không có kế hoạch này.")
    return plan


def tasks_for(viewer: Any, plan: Plan | None = None) -> QuerySet[Task]:
    scope = scope_for(viewer)
    tasks = Task.objects.select_related("plan")
    if plan is not None:
        tasks = tasks.filter(plan=plan)
    if scope.sees_all:
        return tasks
    if not scope.agency_ids:
        return tasks.none()
    return tasks.filter(_assigned(scope))


def task_for(viewer: Any, pk: int) -> Task:
    task = tasks_for(viewer).filter(pk=pk).first()
    if task is None:
        if Task.objects.filter(pk=pk).exists():
            raise PermissionDenied("Nhiệm vụ này không giao cho cơ quan của bạn.")
        raise Http404("Không có nhiệm vụ này.")
    return task


def obligations_for(viewer: Any) -> QuerySet[Obligation]:
    """Obligations the viewer may read: their agency's own, and those of tasks it coordinates."""
    scope = scope_for(viewer)
    rows = Obligation.objects.all()
    if scope.sees_all:
        return rows
    if not scope.agency_ids:
        return rows.none()
    # IN (subquery) is evaluated once; an EXISTS per obligation row would run for every row.
    coordinated = TaskAgency.objects.filter(
        agency_id__in=scope.agency_ids, role=UnitRole.COORDINATING
    ).values("task_id")
    return rows.filter(Q(agency_id__in=scope.agency_ids) | Q(task_id__in=coordinated))


def obligation_for(viewer: Any, pk: int) -> Obligation:
    obligation = (
        obligations_for(viewer)
        .select_related("task", "plan", "agency", "plan__owner_agency")
        .filter(pk=pk)
        .first()
    )
    if obligation is None:
        if Obligation.objects.filter(pk=pk).exists():
            raise PermissionDenied("Báo cáo này không thuộc cơ quan của bạn.")
        raise Http404("Không có nghĩa vụ báo cáo này.")
    return obligation


def pending_imports(viewer: Any) -> QuerySet[PlanImport]:
    if not scope_for(viewer).sees_all:
        return PlanImport.objects.none()
    return PlanImport.objects.filter(status=PlanImport.Status.PENDING).select_related("created_by", "plan")


def import_for(viewer: Any, pk: int) -> PlanImport:
    if not scope_for(viewer).sees_all:
        raise PermissionDenied("Chỉ cán bộ điều phối nhập và rà soát văn bản.")
    record = PlanImport.objects.select_related("plan").filter(pk=pk).first()
    if record is None:
        raise Http404("Không có bản rà soát này.")
    return record


# --- filters and dashboard ---------------------------------------------------------------------------


@dataclass
class Filters:
    plan: int | None = None
    task: int | None = None
    agency: int | None = None
    period: str = ""
    cadence: str = ""
    status: str = ""
    year: int | None = None

    @classmethod
    def from_query(cls, query: Any) -> Filters:
        def number(name: str) -> int | None:
            raw = str(query.get(name, "")).strip()
            return int(raw) if raw.isdigit() else None

        status = str(query.get("status", ""))
        return cls(
            plan=number("plan"),
            task=number("task"),
            agency=number("agency"),
            period=str(query.get("period", ""))[:24],
            cadence=str(query.get("cadence", ""))[:12],
            status=status if status in BUCKET_LABELS or status == "awaiting" else "",
            year=number("year"),
        )

    def apply(self, rows: QuerySet[Obligation], today: date) -> QuerySet[Obligation]:
        rows = rows.exclude(state=State.CANCELLED)
        if self.plan:
            rows = rows.filter(plan_id=self.plan)
        if self.task:
            rows = rows.filter(task_id=self.task)
        if self.agency:
            rows = rows.filter(agency_id=self.agency)
        if self.period:
            rows = rows.filter(period_key=self.period)
        if self.cadence:
            rows = rows.filter(task__cadence=self.cadence)
        if self.year:
            rows = rows.filter(due_date__year=self.year)
        if self.status:
            rows = rows.filter(bucket_q(self.status, today))
        return rows

    def query_string(self, **override: Any) -> str:
        from urllib.parse import urlencode

        values = {
            "plan": self.plan,
            "task": self.task,
            "agency": self.agency,
            "period": self.period,
            "cadence": self.cadence,
            "status": self.status,
            "year": self.year,
            **override,
        }
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})


def counts(rows: QuerySet[Obligation], today: date) -> Counts:
    return Counts.of(rows.aggregate(**_counts(today)))


@dataclass
class Row:
    key: Any
    label: str
    counts: Counts
    obj: Any = None


def by_plan(rows: QuerySet[Obligation], today: date) -> dict[int, Counts]:
    grouped = rows.order_by().values("plan_id").annotate(**_counts(today))
    return {row["plan_id"]: Counts.of(row) for row in grouped}


def by_task(rows: QuerySet[Obligation], today: date) -> list[Row]:
    grouped = list(rows.order_by().values("task_id").annotate(**_counts(today)))
    tasks = Task.objects.in_bulk([row["task_id"] for row in grouped])
    result = [
        Row(row["task_id"], str(tasks[row["task_id"]]), Counts.of(row), tasks[row["task_id"]])
        for row in grouped
    ]
    return sorted(result, key=lambda r: (r.obj.plan_id, r.obj.position, r.obj.pk))


def by_agency(rows: QuerySet[Obligation], today: date) -> list[Row]:
    grouped = list(rows.order_by().values("agency_id").annotate(**_counts(today)))
    agencies = Agency.objects.in_bulk([row["agency_id"] for row in grouped])
    result = [
        Row(row["agency_id"], agencies[row["agency_id"]].name, Counts.of(row), agencies[row["agency_id"]])
        for row in grouped
    ]
    # The agencies most behind first: missing, then returned, then late.
    return sorted(result, key=lambda r: (-r.counts.missing, -r.counts.returned, -r.counts.late, r.label))


def by_period(rows: QuerySet[Obligation], today: date) -> list[Row]:
    grouped = (
        rows.order_by()
        .values("period_key", "period_label")
        .annotate(start=Min("period_start"), **_counts(today))
    )
    ordered = sorted(grouped, key=lambda row: (row["start"], row["period_key"]))
    return [Row(row["period_key"], row["period_label"], Counts.of(row), row["start"]) for row in ordered]


def obligation_rows(rows: QuerySet[Obligation]) -> QuerySet[Obligation]:
    """Obligations with what a list shows, in one query."""
    # Ordered by indexed columns: a page of a 60,000-row plan is read from the index, not sorted.
    return rows.select_related("task", "agency", "plan").order_by("due_date", "task_id", "agency_id")


def task_units(task: Task) -> dict[str, list[Any]]:
    units: dict[str, list[Any]] = {UnitRole.LEAD: [], UnitRole.COORDINATING: []}
    for unit in task.units.prefetch_related("assignments__agency"):
        units[unit.role].append(unit)
    return units


def periods_of(rows: QuerySet[Obligation]) -> list[tuple[str, str]]:
    """Distinct (key, label) of the periods present, for the filter."""
    return sorted(set(rows.order_by().values_list("period_key", "period_label").distinct()))


def agencies_of(rows: QuerySet[Obligation]) -> QuerySet[Agency]:
    return Agency.objects.filter(pk__in=rows.order_by().values("agency_id").distinct()).order_by(
        "role", "name"
    )


def tasks_without_lead(plan: Plan) -> QuerySet[Task]:
    """Tasks no lead agency was matched to: nothing can be tracked for them."""
    leads = TaskAgency.objects.filter(task=OuterRef("pk"), role=UnitRole.LEAD)
    return plan.tasks.filter(is_cancelled=False).exclude(Exists(leads))


# --- training and budget ---------------------------------------------------------------------------


@dataclass
class TrainingProgress:
    task: Task
    year: int
    courses: int
    attended: int
    target: int | None

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.courses >= self.target


def training_progress(tasks: QuerySet[Task], year: int) -> list[TrainingProgress]:
    """Courses held in `year` against each training task's target (e.g. 01 lớp/năm)."""
    tasks = tasks.filter(is_training=True, is_cancelled=False)
    held = dict(
        Course.objects.filter(task__in=tasks, held_on__year=year)
        .order_by()
        .values("task_id")
        .annotate(n=Count("pk"))
        .values_list("task_id", "n")
    )
    people = dict(
        CourseParticipation.objects.filter(course__task__in=tasks, course__held_on__year=year)
        .order_by()
        .values("course__task_id")
        .annotate(n=Sum("attended"))
        .values_list("course__task_id", "n")
    )
    return [
        TrainingProgress(task, year, held.get(task.pk, 0), people.get(task.pk) or 0, task.target_count)
        for task in tasks.select_related("plan").order_by("plan_id", "position")
    ]


def courses_for(task: Task) -> QuerySet[Course]:
    return task.courses.prefetch_related("participations__agency").select_related("organiser")


def budgets_for(
    viewer: Any, *, plan: Plan | None = None, year: int | None = None
) -> QuerySet[BudgetEstimate]:
    """Coordinators and the finance department see every estimate; an agency sees its own."""
    from loa.plans.services import is_finance

    rows = BudgetEstimate.objects.select_related("task", "task__plan", "agency")
    if plan is not None:
        rows = rows.filter(task__plan=plan)
    if year is not None:
        rows = rows.filter(year=year)
    if is_finance(viewer):
        return rows
    scope = scope_for(viewer)
    return scope.filter(rows)


def budget_totals(rows: QuerySet[BudgetEstimate]) -> list[dict[str, Any]]:
    """Sums per agency and year (the finance department's consolidated view)."""
    return [
        dict(row)
        for row in rows.order_by()
        .values("year", "agency_id", "agency__name")
        .annotate(
            amount=Sum("amount"),
            appraised=Sum("appraised_amount"),
            allocated=Sum("allocated_amount"),
            spent=Sum("spent_amount"),
            estimates=Count("pk"),
        )
        .order_by("year", "agency__name")
    ]
