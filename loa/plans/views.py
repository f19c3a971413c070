"""Pages under /plans/. Views parse input, call one service or selector, and render."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from loa.organisations.access import is_coordinator, require_coordinator, scope_for
from loa.organisations.models import Agency
from loa.organisations.selectors import agencies as province_agencies
from loa.organisations.selectors import home_province
from loa.plans import charts, forms, reports, review, selectors, services
from loa.plans.models import (
    Attachment,
    BudgetEstimate,
    Cadence,
    DocumentKind,
    Obligation,
    PeriodKind,
    PlanImport,
    Task,
)
from loa.plans.schedule import period_containing
from loa.web.responses import DOCX, XLSX, attempt, download, show_error

VIEW_LABELS = {
    "task": gettext_lazy("Theo nhiệm vụ"),
    "agency": gettext_lazy("Theo cơ quan"),
    "period": gettext_lazy("Theo kỳ (lịch sử)"),
    "list": gettext_lazy("Danh sách báo cáo"),
}


def _today() -> date:
    return timezone.localdate()


# --- lists and dashboards ------------------------------------------------------------------------------


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    today = _today()
    plans = list(selectors.plans_for(request.user).filter(status="active"))
    closed = selectors.plans_for(request.user).exclude(status="active")
    visible = selectors.obligations_for(request.user).exclude(state=Obligation.State.CANCELLED)
    per_plan = selectors.by_plan(visible, today)
    scope = scope_for(request.user)
    own = visible.filter(agency_id=scope.agency_id) if scope.agency_id else visible.none()
    return render(
        request,
        "plans/list.html",
        {
            "plans": [(plan, per_plan.get(plan.pk, selectors.Counts())) for plan in plans],
            "closed": closed,
            "total": selectors.Counts.sum(per_plan.values()),
            "own": selectors.counts(own, today),
            "own_open": selectors.obligation_rows(own.filter(state__in=Obligation.ACTIONABLE_STATES))[:10],
            "imports": selectors.pending_imports(request.user),
            "is_coordinator": is_coordinator(request.user),
            "today": today,
        },
    )


def _dashboard_context(
    request: HttpRequest,
    rows: Any,
    filters: selectors.Filters,
    views: tuple[str, ...] = ("task", "agency", "period", "list"),
) -> dict[str, Any]:
    today = _today()
    filtered = filters.apply(rows, today)
    view = request.GET.get("view", views[0])
    if view not in views:
        view = views[0]
    context: dict[str, Any] = {
        "filters": filters,
        "view": view,
        "today": today,
        "buckets": selectors.BUCKETS,
        "periods": selectors.periods_of(rows),
        "agency_choices": selectors.agencies_of(rows),
        "cadences": Cadence.choices,
        "tabs": [(v, VIEW_LABELS[v]) for v in views],
    }
    if view == "task":
        context["rows"] = selectors.by_task(filtered, today)
    elif view == "agency":
        context["rows"] = selectors.by_agency(filtered, today)
    elif view == "period":
        context["rows"] = selectors.by_period(filtered, today)
        context["chart"] = charts.period_bars(context["rows"])
    if view != "list":
        context["total"] = selectors.Counts.sum(row.counts for row in context["rows"])
    else:
        context["total"] = selectors.counts(filtered, today)
        paginator = Paginator(selectors.obligation_rows(filtered), 100)
        paginator.count = context["total"].total  # already counted: spare a second pass over the plan
        page = paginator.get_page(request.GET.get("page"))
        context["page"] = page
        context["page_rows"] = [(o, selectors.bucket_of(o, today)) for o in page]
    return context


def _export(rows: Any, filters: selectors.Filters, fmt: str, name: str) -> HttpResponse:
    today = _today()
    filtered = filters.apply(rows, today)
    listing = selectors.obligation_rows(filtered)
    if fmt == "csv":
        return download(
            reports.obligations_csv(listing.iterator(), today), f"{name}.csv", "text/csv; charset=utf-8"
        )
    data = reports.dashboard_xlsx(
        listing.iterator(),
        today,
        tasks=selectors.by_task(filtered, today),
        agencies=selectors.by_agency(filtered, today),
        periods=selectors.by_period(filtered, today),
    )
    return download(data, f"{name}.xlsx", XLSX)


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for(request.user, pk)
    rows = selectors.obligations_for(request.user).filter(plan=plan)
    filters = selectors.Filters.from_query(request.GET)
    if request.GET.get("format") in ("csv", "xlsx"):
        return _export(rows, filters, request.GET["format"], f"ke-hoach-{plan.pk}-bao-cao")
    context = _dashboard_context(request, rows, filters)
    tasks = selectors.tasks_for(request.user, plan).filter(is_cancelled=False)
    context.update(
        plan=plan,
        task_choices=tasks,
        training=selectors.training_progress(tasks, _today().year),
        is_coordinator=is_coordinator(request.user),
        settings_form=forms.PlanSettingsForm(
            initial={
                "status": plan.status,
                "ongoing_period": plan.ongoing_period,
                "report_lag_days": plan.report_lag_days,
                "tracking_to": plan.tracking_to,
            }
        ),
        unassigned=list(selectors.tasks_without_lead(plan)),
    )
    return render(request, "plans/plan.html", context)


@login_required
@require_POST
def plan_settings(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for(request.user, pk)
    form = forms.PlanSettingsForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.plan_update(request.user, plan, **form.cleaned_data),
            gettext("Đã cập nhật cách theo dõi."),
        )
    else:
        messages.error(request, gettext("Thông tin không hợp lệ."))
    return redirect("plans:plan", pk=plan.pk)


@login_required
def plan_source(request: HttpRequest, pk: int) -> FileResponse:
    plan = selectors.plan_for(request.user, pk)
    if not plan.source_file:
        raise Http404("Kế hoạch không có tệp gốc.")
    return FileResponse(
        plan.source_file.open("rb"), as_attachment=True, filename=plan.source_name or "van-ban"
    )


@login_required
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = province_agencies().filter(pk=pk).first()
    if agency is None:
        raise Http404("Không có cơ quan này.")
    if not scope_for(request.user).can_read_agency(agency.pk):
        raise PermissionDenied("Bạn chỉ xem được nhiệm vụ của cơ quan mình.")
    rows = selectors.obligations_for(request.user).filter(agency=agency)
    filters = selectors.Filters.from_query(request.GET)
    if request.GET.get("format") in ("csv", "xlsx"):
        return _export(rows, filters, request.GET["format"], f"co-quan-{agency.pk}-bao-cao")
    context = _dashboard_context(request, rows, filters, ("task", "period", "list"))
    per_plan = selectors.by_plan(filters.apply(rows, _today()), _today())
    plans = selectors.plans_for(request.user).filter(pk__in=per_plan)
    context.update(agency=agency, per_plan=[(plan, per_plan[plan.pk]) for plan in plans])
    return render(request, "plans/agency.html", context)


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_for(request.user, pk)
    today = _today()
    rows = selectors.obligations_for(request.user).filter(task=task)
    filters = selectors.Filters.from_query(request.GET)
    filtered = filters.apply(rows, today)
    coordinator = is_coordinator(request.user)
    if request.method == "POST":
        require_coordinator(request.user)
        form = forms.OnRequestForm(request.POST)
        if form.is_valid():
            attempt(
                request,
                lambda: services.obligation_open_on_request(request.user, task, **form.cleaned_data),
                gettext("Đã giao báo cáo theo yêu cầu cho cơ quan chủ trì."),
            )
        else:
            messages.error(request, gettext("Nhập hạn và nội dung yêu cầu."))
        return redirect("plans:task", pk=task.pk)
    plan = task.plan
    lines = plan.source_lines
    budgets = selectors.budgets_for(request.user).filter(task=task)
    budget_agencies = scope_for(request.user).filter(
        Agency.objects.filter(plan_assignments__task=task).distinct(), "pk"
    )
    return render(
        request,
        "plans/task.html",
        {
            "task": task,
            "plan": plan,
            "units": selectors.task_units(task),
            "source": lines[max(0, task.first_line - 1) : task.last_line] if task.first_line else [],
            "counts": selectors.counts(filtered, today),
            "periods": selectors.by_period(filtered, today),
            "page_rows": [
                (o, selectors.bucket_of(o, today)) for o in selectors.obligation_rows(filtered)[:300]
            ],
            "filters": filters,
            "buckets": selectors.BUCKETS,
            "is_coordinator": coordinator,
            "on_request_form": forms.OnRequestForm() if coordinator else None,
            "courses": selectors.courses_for(task) if task.is_training else [],
            "training": selectors.training_progress(Task.objects.filter(pk=task.pk), today.year)
            if task.is_training
            else [],
            "budgets": budgets,
            "budget_form": forms.BudgetForm(agencies=budget_agencies, initial={"year": today.year + 1})
            if budget_agencies.exists()
            else None,
            "today": today,
        },
    )


@login_required
def my_obligations(request: HttpRequest) -> HttpResponse:
    today = _today()
    rows = selectors.obligations_for(request.user)
    filters = selectors.Filters.from_query(request.GET)
    if not filters.status and request.GET.get("all") != "1":
        rows = rows.filter(state__in=[*Obligation.ACTIONABLE_STATES, Obligation.State.REPORTED])
    filtered = filters.apply(rows, today)
    page = Paginator(selectors.obligation_rows(filtered), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "plans/obligations.html",
        {
            "page": page,
            "page_rows": [(o, selectors.bucket_of(o, today)) for o in page],
            "filters": filters,
            "buckets": selectors.BUCKETS,
            "plans": selectors.plans_for(request.user),
            "show_all": request.GET.get("all") == "1",
            "today": today,
        },
    )


# --- one obligation: report, contributions, review -----------------------------------------------------


@login_required
def obligation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    obligation = selectors.obligation_for(request.user, pk)
    can_report = services.can_report(request.user, obligation)
    can_contribute = services.can_contribute(request.user, obligation)
    coordinator = is_coordinator(request.user)
    report_form = contribution_form = decision_form = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action in ("draft", "submit"):
            report_form = forms.ReportForm(request.POST, request.FILES)
            if report_form.is_valid():
                data = report_form.cleaned_data
                done = attempt(
                    request,
                    lambda: services.report_save(
                        request.user,
                        obligation,
                        text=data["text"],
                        progress=data["progress"],
                        figures=report_form.figures(),  # type: ignore[union-attr]
                        attachments=data["attachments"],
                        submit=action == "submit",
                    ),
                    gettext("Đã gửi báo cáo.") if action == "submit" else gettext("Đã lưu bản nháp."),
                )
                if done is not None:
                    return redirect("plans:obligation", pk=obligation.pk)
        elif action == "contribute":
            contribution_form = forms.ContributionForm(request.POST, request.FILES)
            if contribution_form.is_valid():
                data = contribution_form.cleaned_data
                done = attempt(
                    request,
                    lambda: services.contribution_add(
                        request.user,
                        obligation,
                        text=data["text"],
                        figures=contribution_form.figures(),
                        attachments=data["attachments"],
                    ),
                    gettext("Đã gửi nội dung phối hợp."),
                )
                if done is not None:
                    return redirect("plans:obligation", pk=obligation.pk)
        elif action == "review":
            decision_form = forms.ReviewDecisionForm(request.POST)
            if decision_form.is_valid():
                done = attempt(
                    request,
                    lambda: services.report_review(request.user, obligation, **decision_form.cleaned_data),
                    gettext("Đã ghi nhận kết quả xem xét."),
                )
                if done is not None:
                    return redirect("plans:obligation", pk=obligation.pk)
        elif action == "cancel":
            cancel = forms.CancelForm(request.POST)
            if cancel.is_valid():
                attempt(
                    request,
                    lambda: services.obligation_cancel(request.user, obligation, **cancel.cleaned_data),
                    gettext("Đã hủy nghĩa vụ báo cáo."),
                )
            return redirect("plans:obligation", pk=obligation.pk)
        else:
            raise PermissionDenied("Thao tác không hợp lệ.")
        obligation = selectors.obligation_for(request.user, pk)
    draft = obligation.reports.filter(submitted_at__isnull=True).first()
    if report_form is None:
        initial: dict[str, Any] = {"progress": obligation.progress or "in_progress"}
        if draft is not None:
            initial.update(text=draft.text, progress=draft.progress)
            initial.update({f"figure_{k}": v for k, v in draft.figures.items()})
        report_form = forms.ReportForm(initial=initial)
    reports_list = (
        obligation.reports.filter(submitted_at__isnull=False)
        .prefetch_related("attachments")
        .select_related("author", "reviewed_by")
    )
    today = _today()
    return render(
        request,
        "plans/obligation.html",
        {
            "obligation": obligation,
            "task": obligation.task,
            "bucket": selectors.bucket_of(obligation, today),
            "overdue": obligation.is_overdue(today),
            "reports": reports_list,
            "draft": draft,
            "contributions": obligation.contributions.select_related("agency", "author").prefetch_related(
                "attachments"
            ),
            "can_report": can_report and obligation.state in ("assigned", "in_progress", "returned"),
            "can_contribute": can_contribute and obligation.state not in ("cancelled", "accepted"),
            "can_review": coordinator and obligation.state == "reported",
            "can_cancel": coordinator and obligation.is_open,
            "report_form": report_form,
            "contribution_form": contribution_form or forms.ContributionForm(),
            "decision_form": decision_form or forms.ReviewDecisionForm(),
            "reminders": obligation.reminders.order_by("sent_at"),
            "figure_labels": dict(reports.FIGURE_LABELS),
        },
    )


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = Attachment.objects.select_related("report", "contribution").filter(pk=pk).first()
    if attachment is None:
        raise Http404("Không có tệp này.")
    owner = attachment.report or attachment.contribution
    assert owner is not None
    selectors.obligation_for(request.user, owner.obligation_id)  # raises when the viewer may not read it
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


# --- import and review ---------------------------------------------------------------------------------


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    form = forms.UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.import_document(request.user, form.cleaned_data["file"])
        except ValidationError as exc:
            show_error(request, exc)
        else:
            if record.plan is not None:
                messages.warning(
                    request,
                    gettext(
                        "Văn bản này đã được nhập thành “%(plan)s”. Rà soát bên dưới để cập nhật kế hoạch đã lưu."
                    )
                    % {"plan": record.plan},
                )
            return redirect("plans:import_review", pk=record.pk)
    return render(
        request,
        "plans/import.html",
        {"form": form, "imports": selectors.pending_imports(request.user)},
    )


@login_required
def import_review(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.import_for(request.user, pk)
    if record.status != PlanImport.Status.PENDING:
        if record.status == PlanImport.Status.SAVED and record.plan is not None:
            return redirect("plans:plan", pk=record.plan.pk)
        raise Http404("Bản rà soát đã bị hủy.")
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "discard":
            services.import_discard(request.user, record)
            messages.info(request, gettext("Đã hủy bản rà soát; không có gì được lưu."))
            return redirect("plans:list")
        errors = services.import_correct(request.user, record, request.POST, action=action)
        for error in errors:
            messages.error(request, error)
        if action == "confirm" and not errors:
            try:
                plan = services.import_confirm(request.user, record)
            except (ValidationError, services.TransitionError) as exc:
                show_error(request, exc)
            else:
                messages.success(
                    request,
                    gettext("Đã lưu “%(plan)s” với %(tasks)s nhiệm vụ.")
                    % {"plan": plan, "tasks": plan.tasks.filter(is_cancelled=False).count()},
                )
                return redirect("plans:plan", pk=plan.pk)
        elif not errors:
            messages.success(request, gettext("Đã lưu các chỉnh sửa (chưa lưu kế hoạch)."))
        page = request.POST.get("page", "1")
        if action.startswith("goto:"):  # another page of tasks, after saving this one
            page = action.removeprefix("goto:")
        elif action == "add_task":  # the new task is on the last page
            page = str((len(record.data["tasks"]) - 1) // REVIEW_PAGE_TASKS + 1)
        query = f"?page={page}" if page.isdigit() and page != "1" else ""
        return redirect(reverse("plans:import_review", args=[record.pk]) + query)
    return render(request, "plans/review.html", _review_context(record, request.GET.get("page", "1")))


# Tasks per review page: a long plan posted at once would exceed Django's field limit (1,000 fields).
REVIEW_PAGE_TASKS = 20


def _review_context(record: PlanImport, page_number: str) -> dict[str, Any]:
    data = record.data
    lines = data["text_lines"]
    agency_names = {a.pk: a for a in province_agencies(home_province())}
    pages = max(1, (len(data["tasks"]) + REVIEW_PAGE_TASKS - 1) // REVIEW_PAGE_TASKS)
    page = min(pages, max(1, int(page_number))) if page_number.isdigit() else 1
    shown = range((page - 1) * REVIEW_PAGE_TASKS, min(len(data["tasks"]), page * REVIEW_PAGE_TASKS))
    tasks: dict[int, dict[str, Any]] = {}
    for index in shown:
        task = data["tasks"][index]
        first, last = task["first_line"], task["last_line"]
        roles = []
        for role, role_value in review.ROLES:
            units = [
                {
                    **unit,
                    "agencies": [agency_names[i] for i in unit["agency_ids"][:8] if i in agency_names],
                    "more": max(0, len(unit["agency_ids"]) - 8),
                    "unmatched": not unit["agency_ids"],
                    "via_label": review.VIA_LABELS.get(unit["via"], unit["via"]),
                }
                for unit in task[role]
            ]
            roles.append((role, role_value.label, units))
        tasks[index] = {
            "index": index,
            "data": task,
            "roles": roles,
            "source": lines[first - 1 : last] if first else [],
            "context_before": lines[max(0, first - 3) : first - 1] if first else [],
        }
    changes = review.changes_from_plan(data, record.plan) if record.plan is not None else []
    for change in changes:
        if change.index in tasks:
            tasks[change.index]["change"] = change
    return {
        "record": record,
        "data": data,
        "tasks": list(tasks.values()),
        "page": page,
        "pages": range(1, pages + 1),
        "problems": review.problems(data),
        "warnings": review.warnings(data),
        "changes": changes,
        "removed": [c for c in changes if c.kind == "removed"],
        "agencies": agency_names.values(),
        "kinds": DocumentKind.choices,
        "cadences": Cadence.choices,
        "periods": PeriodKind.choices,
        "roles": review.ROLES,
    }


# --- consolidated report -----------------------------------------------------------------------------------


@login_required
def plan_report(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for(request.user, pk)
    require_coordinator(request.user)
    today = _today()
    year = period_containing("yearly", today, plan.year_start)
    defaults = reports.default_options(plan, year.start, year.end)
    form = forms.ConsolidatedReportForm(
        request.POST or None,
        initial={
            "start": defaults.start,
            "end": defaults.end,
            "number": defaults.number,
            "capacity": defaults.capacity,
            "position": defaults.position,
            "recipients": "\n".join(defaults.recipients),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        options = reports.ReportOptions(
            start=data["start"],
            end=data["end"],
            number=data["number"],
            signed_on=data["signed_on"],
            capacity=data["capacity"],
            position=data["position"],
            signer=data["signer"],
            recipients=[line.strip() for line in data["recipients"].splitlines() if line.strip()],
            difficulties=data["difficulties"],
            proposals=data["proposals"],
        )
        collected = reports.collect(plan, options, today=today)
        services.report_generated(request.user, plan, options, request.POST.get("format", "docx"))
        stem = f"bao-cao-ke-hoach-{plan.pk}-{options.end:%Y%m%d}"
        if request.POST.get("format") == "xlsx":
            return download(reports.report_xlsx(collected), f"{stem}-phu-luc.xlsx", XLSX)
        return download(reports.report_docx(collected), f"{stem}.docx", DOCX)
    return render(request, "plans/report.html", {"plan": plan, "form": form})


# --- training and budget -------------------------------------------------------------------------------


@login_required
def course_new(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_for(request.user, pk)
    agencies = Agency.objects.filter(plan_assignments__task=task).distinct().order_by("role", "name")
    form = forms.CourseForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.course_record(
                request.user,
                task,
                title=data["title"],
                held_on=data["held_on"],
                ends_on=data["ends_on"],
                place=data["place"],
                note=data["note"],
                participants=form.participants(),
            )
        except (ValidationError, services.TransitionError) as exc:
            show_error(request, exc)
        else:
            messages.success(request, gettext("Đã ghi nhận lớp tập huấn."))
            return redirect("plans:task", pk=task.pk)
    return render(request, "plans/course_form.html", {"task": task, "form": form})


@login_required
@require_POST
def budget_save(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_for(request.user, pk)
    form = forms.BudgetForm(
        request.POST, agencies=Agency.objects.filter(plan_assignments__task=task).distinct()
    )
    if form.is_valid():
        attempt(
            request,
            lambda: services.budget_save(request.user, task, **form.cleaned_data),
            gettext("Đã lưu dự toán."),
        )
    else:
        messages.error(request, gettext("Thông tin dự toán không hợp lệ."))
    return redirect(reverse("plans:task", args=[task.pk]) + "#kinh-phi")


@login_required
def budget_summary(request: HttpRequest) -> HttpResponse:
    year_raw = request.GET.get("year", "")
    year = int(year_raw) if year_raw.isdigit() else None
    rows = selectors.budgets_for(request.user, year=year)
    totals = selectors.budget_totals(rows)
    if request.method == "POST":
        raw = request.POST.get("estimate", "")
        estimate = rows.filter(pk=int(raw)).first() if raw.isdigit() else None
        if estimate is None:
            raise Http404("Không có dự toán này.")
        form = forms.BudgetAdvanceForm(request.POST)
        if form.is_valid():
            attempt(
                request,
                lambda: services.budget_advance(request.user, estimate, amount=form.cleaned_data["amount"]),
                gettext("Đã chuyển bước dự toán."),
            )
        return redirect(request.get_full_path())
    if request.GET.get("format") == "xlsx":
        return download(reports.budget_xlsx(rows, totals), "du-toan-kinh-phi.xlsx", XLSX)
    return render(
        request,
        "plans/budget.html",
        {
            "estimates": rows.order_by("year", "agency__name", "task__position"),
            "totals": totals,
            "year": year,
            "years": BudgetEstimate.objects.order_by("year").values_list("year", flat=True).distinct(),
        },
    )
