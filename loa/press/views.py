"""Pages under /press/. Views parse input, call one service or selector, and render."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from loa.deadlines import selectors as deadline_selectors
from loa.deadlines import services as deadline_services
from loa.deadlines.models import DeadlineTracked
from loa.deadlines.rules import Rule
from loa.organisations.access import is_coordinator, require_coordinator
from loa.organisations.selectors import home_province
from loa.press import forms, reports, selectors, services
from loa.press.access import can_act_for, can_approve
from loa.press.models import CorrectionRequest, PressAttachment, PressRequest, Spokesperson, Statement
from loa.web.responses import DOCX, XLSX, attempt, download, show_form_errors

# --- dashboard -------------------------------------------------------------------------------------------


@login_required
def home(request: HttpRequest) -> HttpResponse:
    year = timezone.localdate().year
    return render(
        request,
        "press/home.html",
        {
            "kpis": reports.annual_counts(year),
            "year": year,
            "registry": selectors.registry_kpis(),
            "open": selectors.open_items(request.user),
            "cadences": selectors.cadences(),
            "is_coordinator": is_coordinator(request.user),
        },
    )


# --- deadline overrides (legal-requirements §1) --------------------------------------------------------------

# Records of the press whose legal deadline a coordinator may override, by the name used in the URL.
OVERRIDABLE: dict[str, Callable[[Any], QuerySet[Any]]] = {
    "request": selectors.press_requests_for,
    "urgent": selectors.urgent_events_for,
    "spokesperson": selectors.spokespersons_for,
    "correction": selectors.corrections_for,
}


def _override_panel(
    user: Any, obj: DeadlineTracked, kind: str, rules: list[Rule] | None = None
) -> dict[str, Any]:
    """What the deadline-override box of a page shows: the override, and the form for a coordinator
    (`rules`: the rule generations, when the page shows several boxes)."""
    row = obj.deadline_override
    can = is_coordinator(user)
    open_clock = bool(obj.rule_id) and obj.clock_start is not None
    return {
        "kind": kind,
        "obj": obj,
        "row": row,
        "active": row is not None and row.applies_to(obj),
        "can": can,
        "open": can and open_clock,
        "generations": deadline_selectors.generations(obj.rule_id, rules) if can and open_clock else [],
    }


def _tracked_page(kind: str, obj: Any) -> str:
    if kind == "request":
        return reverse("press:request", args=[obj.pk])
    if kind == "urgent":
        return reverse("press:urgent_event", args=[obj.pk])
    if kind == "spokesperson":
        return reverse("press:spokesperson", args=[obj.pk])
    return reverse("press:request", args=[obj.press_request_id])


@login_required
@require_POST
def deadline_override(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if kind not in OVERRIDABLE:
        raise Http404
    obj = get_object_or_404(OVERRIDABLE[kind](request.user), pk=pk)
    form = forms.DeadlineOverrideForm(request.POST)
    if not form.is_valid():
        show_form_errors(request, form)
        return redirect(_tracked_page(kind, obj))
    data = form.cleaned_data
    if data["op"] == "remove":
        attempt(
            request,
            lambda: deadline_services.deadline_override_remove(request.user, obj, note=data["note"]),
            gettext("Đã gỡ điều chỉnh: hạn trở lại hạn tính theo quy tắc."),
        )
    else:
        attempt(
            request,
            lambda: deadline_services.deadline_override_set(
                request.user, obj, reason=data["reason"], rule_key=data["rule_key"], due_at=data["due_at"]
            ),
            gettext("Đã ghi điều chỉnh thời hạn."),
        )
    return redirect(_tracked_page(kind, obj))


# --- spokesperson registry ---------------------------------------------------------------------------------


@login_required
def spokespersons(request: HttpRequest) -> HttpResponse:
    show_all = request.GET.get("all") == "1"
    rows = selectors.spokespersons_for(request.user, current_only=not show_all)
    return render(
        request,
        "press/spokespersons.html",
        {
            "rows": rows,
            "show_all": show_all,
            "registry": selectors.registry_kpis(),
            "can_register": selectors.editable_agencies(request.user).exists(),
            "is_coordinator": is_coordinator(request.user),
        },
    )


@login_required
def spokesperson_new(request: HttpRequest) -> HttpResponse:
    agencies = selectors.editable_agencies(request.user)
    authorisers = selectors.spokespersons_for(request.user, current_only=True).exclude(
        kind=Spokesperson.Kind.AUTHORISED
    )
    initial: dict[str, Any] = {
        "kind": request.GET.get("kind", Spokesperson.Kind.REGULAR),
        "authorised_by": request.GET.get("by"),
    }
    if len(agencies) == 1:
        initial["agency"] = agencies[0].pk
    form = forms.SpokespersonForm(
        request.POST or None,
        request.FILES or None,
        agencies=agencies,
        authorisers=authorisers,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = attempt(
            request,
            lambda: services.spokesperson_register(request.user, **data),
            gettext("Đã ghi vào sổ người phát ngôn."),
        )
        if person is not None:
            return redirect("press:spokesperson", pk=person.pk)
    return render(request, "press/spokesperson_form.html", {"form": form})


@login_required
def spokesperson_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(selectors.spokespersons_for(request.user), pk=pk)
    history = selectors.spokespersons_for(request.user, agency=person.agency).order_by("-signed_at")
    return render(
        request,
        "press/spokesperson_detail.html",
        {
            "person": person,
            "history": history,
            "statements": person.statements.filter(state=Statement.State.PUBLISHED)[:20],
            "events": person.events.all()[:20],
            "can_act": can_act_for(request.user, person.agency),
            "end_form": forms.EndForm(),
            "override": _override_panel(request.user, person, "spokesperson"),
        },
    )


@login_required
@require_POST
def spokesperson_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    person = get_object_or_404(selectors.spokespersons_for(request.user), pk=pk)
    if action == "publish":
        attempt(
            request,
            lambda: services.spokesperson_publish(request.user, person),
            gettext("Đã ghi nhận công bố."),
        )
    elif action == "end":
        reason = request.POST.get("reason", "")
        attempt(
            request,
            lambda: services.spokesperson_end(request.user, person, reason=reason),
            gettext("Đã thôi nhiệm vụ."),
        )
    else:
        raise Http404
    return redirect("press:spokesperson", pk=pk)


@login_required
def spokespersons_export(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    people = selectors.spokespersons_for(request.user, current_only=True)
    data = reports.spokespersons_xlsx(
        sorted(people, key=lambda p: (p.agency.role == "commune_committee", p.agency.name)),
        reports.communication_staff(),
    )
    return download(data, f"nguoi-phat-ngon-{timezone.localdate():%Y%m%d}.xlsx", XLSX)


# --- press calendar -----------------------------------------------------------------------------------------


@login_required
def events(request: HttpRequest) -> HttpResponse:
    agencies = selectors.editable_agencies(request.user)
    form = forms.PressEventForm(request.POST or None, agencies=agencies)
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            request,
            lambda: services.event_schedule(request.user, **form.cleaned_data),
            gettext("Đã đưa vào lịch."),
        )
    ):
        return redirect("press:events")
    page = Paginator(selectors.events_for(request.user), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "press/events.html",
        {"form": form, "page": page, "cadences": selectors.cadences(), "hold_form": forms.HoldForm()},
    )


@login_required
@require_POST
def event_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    event = get_object_or_404(selectors.events_for(request.user), pk=pk)
    if action == "hold":
        form = forms.HoldForm(request.POST)
        if form.is_valid():
            attempt(
                request,
                lambda: services.event_hold(request.user, event, **form.cleaned_data),
                gettext("Đã ghi nhận sự kiện đã tổ chức."),
            )
    elif action == "cancel":
        reason = request.POST.get("reason", "")
        attempt(
            request, lambda: services.event_cancel(request.user, event, reason=reason), gettext("Đã hủy.")
        )
    else:
        raise Http404
    return redirect("press:events")


# --- statements ------------------------------------------------------------------------------------------------


@login_required
def statements(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.statements_for(request.user), 30).get_page(request.GET.get("page"))
    return render(request, "press/statements.html", {"page": page})


@login_required
def statement_new(request: HttpRequest) -> HttpResponse:
    urgent = selectors.urgent_events_for(request.user, open_only=True)
    initial: dict[str, Any] = {"urgent_event": request.GET.get("urgent"), "kind": Statement.Kind.STATEMENT}
    if initial["urgent_event"]:
        event = urgent.filter(pk=initial["urgent_event"]).first()
        if event is not None:
            initial.update(agency=event.agency_id, title=f"Thông tin ban đầu về {event.title}")
    form = forms.StatementForm(
        request.POST or None,
        agencies=selectors.editable_agencies(request.user),
        urgent_events=urgent,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        statement = attempt(
            request,
            lambda: services.statement_draft(request.user, **form.cleaned_data),
            gettext("Đã lưu dự thảo."),
        )
        if statement is not None:
            return redirect("press:statement", pk=statement.pk)
    return render(request, "press/statement_form.html", {"form": form})


@login_required
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(selectors.statements_for(request.user), pk=pk)
    if request.method == "POST":
        attempt(
            request,
            lambda: services.statement_update(
                request.user,
                statement,
                title=request.POST.get("title", ""),
                body=request.POST.get("body", ""),
            ),
            gettext("Đã lưu."),
        )
        return redirect("press:statement", pk=pk)
    return render(
        request,
        "press/statement_detail.html",
        {
            "statement": statement,
            "can_act": can_act_for(request.user, statement.agency),
            "can_approve": can_approve(request.user, statement.agency),
            "actions": [
                a for a, (sources, _) in services.STATEMENT_TRANSITIONS.items() if statement.state in sources
            ],
        },
    )


@login_required
@require_POST
def statement_action(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(selectors.statements_for(request.user), pk=pk)
    action = request.POST.get("action", "")
    attempt(
        request,
        lambda: services.statement_transition(
            request.user, statement, action, note=request.POST.get("note", "")
        ),
        gettext("Đã cập nhật."),
    )
    return redirect("press:statement", pk=pk)


# --- urgent events ---------------------------------------------------------------------------------------------


@login_required
def urgent(request: HttpRequest) -> HttpResponse:
    form = forms.UrgentEventForm(request.POST or None, agencies=selectors.editable_agencies(request.user))
    if request.method == "POST" and form.is_valid():
        event = attempt(
            request,
            lambda: services.urgent_open(request.user, **form.cleaned_data),
            gettext("Đã bắt đầu tính giờ."),
        )
        if event is not None:
            return redirect("press:urgent_event", pk=event.pk)
    return render(
        request, "press/urgent.html", {"form": form, "rows": selectors.urgent_events_for(request.user)[:100]}
    )


@login_required
def urgent_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(selectors.urgent_events_for(request.user), pk=pk)
    return render(
        request,
        "press/urgent_detail.html",
        {
            "event": event,
            "statements": event.statements.all(),
            "can_act": can_act_for(request.user, event.agency),
            "override": _override_panel(request.user, event, "urgent"),
            "actions": [
                a for a, (sources, _) in services.URGENT_TRANSITIONS.items() if event.state in sources
            ],
        },
    )


@login_required
@require_POST
def urgent_action(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(selectors.urgent_events_for(request.user), pk=pk)
    action = request.POST.get("action", "")
    attempt(
        request,
        lambda: services.urgent_transition(request.user, event, action, note=request.POST.get("note", "")),
        gettext("Đã cập nhật."),
    )
    return redirect("press:urgent_event", pk=pk)


# --- press requests --------------------------------------------------------------------------------------------


@login_required
def requests(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    if state not in PressRequest.State.values:
        state = ""
    query = request.GET.get("q", "").strip()[:100]
    rows = selectors.press_requests_for(request.user, state=state)
    if query:
        rows = rows.filter(
            Q(subject__icontains=query) | Q(outlet__icontains=query) | Q(reference__icontains=query)
        )
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "press/requests.html",
        {"page": page, "state": state, "query": query, "states": PressRequest.State.choices},
    )


@login_required
def request_new(request: HttpRequest) -> HttpResponse:
    form = forms.InternalPressRequestForm(
        request.POST if request.POST.get("mode") == "form" else None,
        request.FILES if request.POST.get("mode") == "form" else None,
    )
    paste = forms.PastedEmailForm(request.POST if request.POST.get("mode") == "email" else None)
    created: PressRequest | None = None
    if request.method == "POST" and request.POST.get("mode") == "form" and form.is_valid():
        data = form.cleaned_data
        created = attempt(
            request,
            lambda: services.press_request_receive(request.user, channel=PressRequest.Channel.FORM, **data),
            gettext("Đã tiếp nhận."),
        )
    elif request.method == "POST" and request.POST.get("mode") == "email" and paste.is_valid():
        created = attempt(
            request,
            lambda: services.press_request_from_email(request.user, paste.cleaned_data["raw"]),
            gettext("Đã tiếp nhận từ thư điện tử."),
        )
    if created is not None:
        return redirect("press:request", pk=created.pk)
    return render(request, "press/request_new.html", {"form": form, "paste": paste})


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.press_requests_for(request.user), pk=pk)
    today = timezone.localdate()
    coordinator = is_coordinator(request.user)
    may = {
        "coordinator": coordinator,
        "approver": can_approve(request.user, item.agency),
        "editor": can_act_for(request.user, item.agency) if item.agency else coordinator,
    }
    actions = [a for a in services.allowed_actions(item) if may[services.TRANSITIONS[a].who]]
    rounds = selectors.correction_rounds(item)
    rules = (
        deadline_services.db_rules() if coordinator else None
    )  # once for the request's box and every round's
    return render(
        request,
        "press/request_detail.html",
        {
            "item": item,
            "actions": actions,
            "labels": {name: gettext(t.label) for name, t in services.TRANSITIONS.items()},
            "suggestion": selectors.suggested_agency(item),
            "agencies": selectors.editable_agencies(request.user) if coordinator else [],
            "classifications": PressRequest.Classification.choices,
            "grounds": selectors.refusal_grounds_in_force(today),
            "outlet_kinds": CorrectionRequest.OutletKind.choices,
            "can_edit": may["editor"],
            "rounds": rounds,
            "corrections": [
                {
                    "c": r.correction,
                    "label": r.label,
                    "override": _override_panel(request.user, r.correction, "correction", rules),
                }
                for r in rounds.rounds
            ],
            "override": _override_panel(request.user, item, "request", rules),
            "ground": selectors.refusal_ground(item.refusal_ground),
            "history": selectors.request_history(item),
        },
    )


@login_required
@require_POST
def request_action(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.press_requests_for(request.user), pk=pk)
    form = forms.TransitionForm(request.POST, agencies=selectors.editable_agencies(request.user))
    if not form.is_valid():
        show_form_errors(request, form)
        return redirect("press:request", pk=pk)
    action = form.cleaned_data["action"]
    label = services.TRANSITIONS[action].label if action in services.TRANSITIONS else action
    attempt(
        request,
        lambda: services.press_request_transition(request.user, item, action, **form.params()),
        gettext("%(action)s: đã cập nhật.") % {"action": gettext(label)},
    )
    return redirect("press:request", pk=pk)


@login_required
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    row = get_object_or_404(PressAttachment.objects.select_related("press_request"), pk=pk)
    if not selectors.press_requests_for(request.user).filter(pk=row.press_request_id).exists():
        raise Http404
    if row.purged_at is not None:  # deleted under a retention rule
        raise Http404
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=row.name)


@login_required
@require_POST
def correction_round(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.press_requests_for(request.user), pk=pk)
    form = forms.CorrectionRoundForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.correction_next_round(request.user, item, **form.cleaned_data),
            gettext("Đã gửi đề nghị cải chính vòng tiếp theo."),
        )
    else:
        show_form_errors(request, form)
    return redirect("press:request", pk=pk)


@login_required
@require_POST
def correction_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    correction = get_object_or_404(selectors.corrections_for(request.user), pk=pk)
    form = forms.CorrectionOutcomeForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.correction_record_outcome(request.user, correction, **form.cleaned_data),
            gettext("Đã ghi nhận kết quả cải chính."),
        )
    return redirect("press:request", pk=correction.press_request_id)


# --- annual report -------------------------------------------------------------------------------------------


def _report_year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or timezone.localdate().year)
    except ValueError:
        raise Http404 from None
    if not 2017 <= year <= 2100:
        raise Http404
    return year


@login_required
def report(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    year = _report_year(request)
    item = services.annual_report_for(request.user, year)
    form = forms.AnnualReportForm(
        request.POST or None,
        initial={name: getattr(item, name) for name in services.REPORT_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        attempt(
            request,
            lambda: services.annual_report_update(request.user, item, **form.cleaned_data),
            gettext("Đã lưu."),
        )
        return redirect(f"{request.path}?year={year}")
    start, end = reports.report_window(year)
    return render(
        request,
        "press/report.html",
        {
            "report": item,
            "kpis": reports.annual_counts(year),
            "form": form,
            "year": year,
            "window_start": start,
            "window_end": end - timedelta(days=1),
        },
    )


@login_required
def report_export(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    require_coordinator(request.user)
    item = services.annual_report_for(request.user, year)
    kpis = reports.annual_counts(year)
    if fmt == "xlsx":
        return download(reports.annual_report_xlsx(item, kpis), f"bao-cao-phat-ngon-{year}.xlsx", XLSX)
    province = home_province()
    if fmt != "docx" or province is None:
        raise Http404
    return download(reports.annual_report_docx(item, kpis, province), f"bao-cao-phat-ngon-{year}.docx", DOCX)


@login_required
@require_POST
def report_send(request: HttpRequest, year: int) -> HttpResponse:
    require_coordinator(request.user)
    item = services.annual_report_for(request.user, year)
    counts = reports.counts_snapshot(reports.annual_counts(year))
    attempt(
        request,
        lambda: services.annual_report_send(request.user, item, counts),
        gettext("Đã ghi nhận gửi Bộ."),
    )
    return redirect(f"{reverse('press:report')}?year={year}")
