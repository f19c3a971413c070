"""Pages under /trends/. Views parse input, call one service or selector, and render."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from loa.monitoring.models import Article, SavedSearch
from loa.organisations.access import is_coordinator, membership_of
from loa.organisations.models import Agency
from loa.press.access import can_act_for
from loa.press.models import Statement
from loa.trends import digest as digests
from loa.trends import export, forms, selectors, services
from loa.trends import keys as K
from loa.trends.models import Alert, AlertRule, Case
from loa.web.charts import Band, Line, Marker, time_chart
from loa.web.responses import DOCX, attempt, download

PERIODS = (14, 30, 60, 90, 180, 365)
# A case or rule the officer's agency may not touch is refused with a message, not a 403 page.
REFUSALS = (PermissionDenied,)


def _key(request: HttpRequest) -> str:
    key = request.GET.get("key", "").strip() or K.ALL
    if not K.is_valid(key):
        raise Http404("Chuỗi không hợp lệ.")
    return key


def _period(request: HttpRequest) -> tuple[int, date, date]:
    try:
        days = int(request.GET.get("days", "60"))
    except ValueError:
        days = 60
    days = min(max(days, 7), 365)
    today = timezone.localdate()
    return days, today - timedelta(days=days - 1), today


def _labelled(alerts: list[Alert]) -> list[tuple[Alert, str]]:
    labels = K.ui_labels(a.key for a in alerts)
    return [(a, labels[a.key]) for a in alerts]


# --- dashboard -------------------------------------------------------------------------------------


def volume_chart(key: str, points: list[selectors.DayPoint], forecast: list[Any], alerts: list[Alert]) -> Any:
    days = [p.day for p in points] + [f.date for f in forecast if f.date > points[-1].day]
    ahead = [f for f in forecast if f.date > points[-1].day]
    history: list[float | None] = [float(p.count) for p in points] + [None] * len(ahead)
    projected: list[float | None] = [None] * (len(points) - 1) + [float(points[-1].count)]
    projected += [f.forecast for f in ahead]
    lines = [Line(gettext("Số tin/ngày"), history)]
    band = None
    if ahead:
        lines.append(Line(gettext("Dự báo"), projected, color="#0b5cad", dashed=True))
        band = Band(
            [f.date for f in ahead],
            [f.lower for f in ahead],
            [f.upper for f in ahead],
            label=gettext("Khoảng dự báo %(share)s") % {"share": f"{ahead[0].interval:.0%}"},
        )
    by_day = {p.day: p for p in points}
    markers = [
        Marker(a.date, by_day[a.date].count, a.reason)
        for a in alerts
        if a.date in by_day and a.kind in (Alert.Kind.VOLUME, Alert.Kind.THRESHOLD)
    ]
    return time_chart(
        days,
        lines,
        band=band,
        markers=markers,
        title=gettext("Số tin: %(label)s") % {"label": K.ui_label(key)},
    )


def share_chart(key: str, points: list[selectors.DayPoint], alerts: list[Alert]) -> Any:
    markers = [
        Marker(a.date, a.observed, a.reason, color="#1d2433")
        for a in alerts
        if a.kind == Alert.Kind.NEGATIVE and points[0].day <= a.date <= points[-1].day
    ]
    return time_chart(
        [p.day for p in points],
        [Line(gettext("Tỷ lệ tin tiêu cực"), [p.share for p in points], color="#b3261e")],
        markers=markers,
        percent=True,
        height=180,
        title=gettext("Tỷ lệ tin tiêu cực: %(label)s") % {"label": K.ui_label(key)},
    )


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    key = _key(request)
    days, first, last = _period(request)
    started = selectors.monitored_since()
    # Days before monitoring began are unknown, not zero.
    first = min(max(first, started), last) if started else first
    points = selectors.daily(key, first, last)
    forecast = services.forecast_for(key)
    key_alerts = list(
        selectors.alerts_for(request.user, key=key).filter(date__range=(first, last + timedelta(days=7)))
    )
    total, negative = selectors.totals(key, first, last)
    mine = request.GET.get("mine") == "1"
    feed = list(selectors.alerts_for(request.user, mine=mine)[:15])
    context = {
        "key": key,
        "label": K.ui_label(key),
        "keys": selectors.known_keys(ui=True),
        "days": days,
        "periods": PERIODS,
        "first": first,
        "last": last,
        "volume_chart": volume_chart(key, points, forecast, key_alerts),
        "share_chart": share_chart(key, points, key_alerts),
        "forecast": [f for f in forecast if f.date > last],
        "total": total,
        "negative": negative,
        "share": negative / total if total else None,
        "key_alerts": [a for a in key_alerts if a.date <= last][:10],
        "places": selectors.top_places(first, last),
        "sources": selectors.top_sources(first, last),
        "feed": _labelled(feed),
        "mine": mine,
        "open_cases": selectors.cases_for(request.user, state="open").count(),
    }
    return render(request, "trends/dashboard.html", context)


@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    key = _key(request)
    _days, first, last = _period(request)
    data = export.series_csv(key, selectors.daily(key, first, last), selectors.forecast(key))
    name = f"loa-xu-huong-{key.replace(':', '-').replace(' ', '_')}-{first}-{last}.csv"
    return download(data, name, "text/csv; charset=utf-8")


@login_required
def export_png(request: HttpRequest) -> HttpResponse:
    key = _key(request)
    _days, first, last = _period(request)
    alerts = list(Alert.objects.filter(key=key, date__range=(first, last)))
    data = export.chart_png(key, selectors.daily(key, first, last), selectors.forecast(key), alerts)
    name = f"loa-xu-huong-{key.replace(':', '-').replace(' ', '_')}-{first}-{last}.png"
    return download(data, name, "image/png")


# --- alerts ----------------------------------------------------------------------------------------


@login_required
def alerts(request: HttpRequest) -> HttpResponse:
    mine = request.GET.get("mine") == "1"
    rows = list(selectors.alerts_for(request.user, mine=mine)[:200])
    return render(request, "trends/alerts.html", {"rows": _labelled(rows), "mine": mine})


@login_required
def alert(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.alert_detail(request.user, pk)
    agencies = selectors.assignable_agencies(request.user)
    suggested = services.suggested_agency(row, None)
    form = forms.CaseOpenForm(
        agencies=agencies,
        initial={"agency": suggested.pk if suggested else None, "kind": Case.Kind.URGENT},
    )
    days = [row.date - timedelta(days=i) for i in range(27, -1, -1)]
    points = selectors.daily(row.key, days[0], days[-1])
    return render(
        request,
        "trends/alert.html",
        {
            "alert": row,
            "label": K.ui_label(row.key),
            "articles": selectors.alert_articles(row),
            "form": form,
            "can_open": agencies.exists(),
            "chart": volume_chart(row.key, points, [], [row])
            if row.kind != Alert.Kind.NEGATIVE
            else share_chart(row.key, points, [row]),
            "cases": row.cases.all(),
        },
    )


# --- cases -----------------------------------------------------------------------------------------


@login_required
def cases(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "open")
    rows = selectors.cases_for(request.user, state=state if state != "all" else "")
    return render(
        request,
        "trends/cases.html",
        {"rows": rows, "state": state, "states": Case.State.choices, "now": timezone.now()},
    )


@login_required
def case_new(request: HttpRequest) -> HttpResponse:
    alert_row = None
    article = None
    if request.GET.get("alert") or request.POST.get("alert"):
        alert_row = selectors.alert_detail(
            request.user, int(request.GET.get("alert") or request.POST["alert"])
        )
    if request.GET.get("article") or request.POST.get("article"):
        article = get_object_or_404(Article, pk=int(request.GET.get("article") or request.POST["article"]))
    agencies = selectors.assignable_agencies(request.user)
    suggested = services.suggested_agency(alert_row, article)
    form = forms.CaseOpenForm(
        request.POST or None,
        agencies=agencies,
        initial={"agency": suggested.pk if suggested else None, "kind": Case.Kind.URGENT},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = attempt(
            request,
            lambda: services.case_open(
                request.user,
                agency=data["agency"],
                kind=data["kind"],
                title=data["title"],
                description=data["description"],
                alert=alert_row,
                article=article,
                clock_start=data["clock_start"],
            ),
            gettext("Đã mở vụ việc và giao cơ quan xử lý."),
            REFUSALS,
        )
        if case is not None:
            return redirect("trends:case", case.pk)
    return render(request, "trends/case_new.html", {"form": form, "alert": alert_row, "article": article})


@login_required
def case(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.case_detail(request.user, pk)
    views = selectors.before_after(row, ui=True)
    charts = []
    for view in views:
        charts.append(
            (
                view,
                time_chart(
                    [p.day for p in view.points],
                    [
                        Line(
                            gettext("Số %(unit)s/ngày") % {"unit": view.unit},
                            [float(p.count) for p in view.points],
                        )
                    ],
                    vline=(view.response_day, gettext("Phản hồi")),
                    title=view.label,
                    height=200,
                ),
                time_chart(
                    [p.day for p in view.points],
                    [Line(gettext("Tỷ lệ tiêu cực"), [p.share for p in view.points], color="#b3261e")],
                    vline=(view.response_day, gettext("Phản hồi")),
                    percent=True,
                    height=160,
                    title=gettext("%(label)s: tỷ lệ tiêu cực") % {"label": view.label},
                ),
            )
        )
    actions = services.allowed_actions(request.user, row)
    return render(
        request,
        "trends/case.html",
        {
            "case": row,
            "actions": [(a, gettext(services.ACTION_LABELS[a])) for a in actions],
            "history": selectors.case_history(row),
            "charts": charts,
            "statements": Statement.objects.filter(agency=row.agency).order_by("-created_at")[:20]
            if can_act_for(request.user, row.agency)
            else [],
            "agencies": Agency.objects.filter(is_active=True).order_by("role", "name")
            if "assign" in actions
            else [],
            "key_label": K.ui_label(row.key) if row.key else "",
            "now": timezone.now(),
        },
    )


@login_required
@require_POST
def case_action(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.case_detail(request.user, pk)
    form = forms.CaseActionForm(request.POST)
    if not form.is_valid():
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
        return redirect("trends:case", row.pk)
    data = form.cleaned_data
    statement = (
        Statement.objects.filter(pk=data["statement"], agency=row.agency).first()
        if data["statement"]
        else None
    )
    agency = Agency.objects.filter(pk=data["agency"]).first() if data["agency"] else None
    action = data["action"]
    attempt(
        request,
        lambda: services.case_transition(
            request.user,
            row,
            action,
            response=data["response"],
            statement=statement,
            published_url=data["published_url"],
            note=data["note"],
            agency=agency,
        ),
        gettext("%(action)s: đã ghi nhận.") % {"action": gettext(services.ACTION_LABELS.get(action, action))},
        REFUSALS,
    )
    return redirect("trends:case", row.pk)


# --- rules -----------------------------------------------------------------------------------------


def _rule_form(request: HttpRequest, instance: AlertRule | None) -> forms.RuleForm:
    user = request.user
    searches = (
        SavedSearch.objects.all() if is_coordinator(user) else SavedSearch.objects.filter(owner_id=user.pk)
    )
    membership = membership_of(user)
    if is_coordinator(user):
        agencies = Agency.objects.filter(is_active=True).order_by("role", "name")
        people = get_user_model().objects.filter(is_active=True).order_by("username")
    else:
        own = [membership.agency_id] if membership else []
        agencies = Agency.objects.filter(pk__in=own)
        people = (
            get_user_model()
            .objects.filter(membership__agency_id__in=own, is_active=True)
            .order_by("username")
        )
    initial = {}
    if instance is None:
        initial = {"key": request.GET.get("key", ""), "kinds": [Alert.Kind.VOLUME, Alert.Kind.NEGATIVE]}
    return forms.RuleForm(
        request.POST or None,
        instance=instance,
        initial=initial,
        keys=selectors.known_keys(ui=True),
        searches=searches,
        agencies=agencies,
        people=people,
    )


@login_required
def rules(request: HttpRequest) -> HttpResponse:
    rows = selectors.rules_for(request.user)
    rules_list = list(rows)
    labels = K.ui_labels(r.key for r in rules_list if r.key)
    return render(request, "trends/rules.html", {"rows": [(r, labels.get(r.key, "")) for r in rules_list]})


@login_required
def rule_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = selectors.rule_detail(request.user, pk) if pk else None
    form = _rule_form(request, instance)
    if request.method == "POST" and form.is_valid():
        rule = form.save(commit=False)
        rule.key = form.cleaned_data.get("key") or ""
        rule.kinds = list(form.cleaned_data.get("kinds") or [])
        saved = attempt(
            request,
            lambda: services.rule_save(request.user, rule, recipients=list(form.cleaned_data["recipients"])),
            gettext("Đã lưu quy tắc cảnh báo."),
            REFUSALS,
        )
        if saved is not None:
            return redirect("trends:rule", saved.pk)
    deliveries = instance.groups.prefetch_related("deliveries").all()[:20] if instance else []
    return render(request, "trends/rule_form.html", {"form": form, "rule": instance, "groups": deliveries})


@login_required
@require_POST
def rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rule = selectors.rule_detail(request.user, pk)
    if (
        attempt(
            request, lambda: services.rule_delete(request.user, rule), gettext("Đã xóa quy tắc."), REFUSALS
        )
        is None
    ):
        return redirect("trends:rule", pk)
    return redirect("trends:rules")


# --- digest ----------------------------------------------------------------------------------------


def membership_q(user: Any) -> Q:
    """The viewer's own agency (nothing for a user without one)."""
    membership = membership_of(user)
    return Q(pk=membership.agency_id) if membership else Q(pk__in=[])


def _digest(request: HttpRequest) -> digests.Digest:
    today = timezone.localdate()
    try:
        first = (
            date.fromisoformat(request.GET.get("first", ""))
            if request.GET.get("first")
            else today - timedelta(days=1)
        )
        last = date.fromisoformat(request.GET.get("last", "")) if request.GET.get("last") else today
    except ValueError as exc:
        raise Http404("Ngày không hợp lệ (YYYY-MM-DD).") from exc
    if (last - first).days > 366:
        raise Http404("Khoảng thời gian tối đa một năm.")
    agency = None
    if request.GET.get("agency"):
        agency = get_object_or_404(Agency, pk=int(request.GET["agency"]))
        membership = membership_of(request.user)
        if not is_coordinator(request.user) and (membership is None or membership.agency_id != agency.pk):
            raise PermissionDenied("Chỉ xem được bản tin của cơ quan mình.")
    return digests.build(first, last, agency)


@login_required
def digest(request: HttpRequest) -> HttpResponse:
    item = _digest(request)
    agencies = (
        Agency.objects.filter(is_active=True).order_by("role", "name")
        if is_coordinator(request.user)
        else Agency.objects.filter(membership_q(request.user))
    )
    query = request.GET.urlencode()
    return render(
        request,
        "trends/digest.html",
        {
            **digests.context(item, absolute=False),
            "agencies": agencies,
            "docx_url": reverse("trends:digest_docx") + (f"?{query}" if query else ""),
        },
    )


@login_required
def digest_docx(request: HttpRequest) -> HttpResponse:
    item = _digest(request)
    name = f"ban-tin-diem-bao-{item.first}-{item.last}.docx"
    return download(digests.docx(item), name, DOCX)
