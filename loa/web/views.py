from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from loa.core.models import AuditEvent
from loa.core.notifications import for_user, mark_read
from loa.organisations import selectors
from loa.organisations.access import is_admin
from loa.organisations.models import Agency, HistoricalUnit
from loa.web.dashboard import widgets


@login_required
def home(request: HttpRequest) -> HttpResponse:
    province = selectors.home_province()
    context: dict = {"province": province, "widgets": widgets(request)}
    if province is not None:
        communes = list(selectors.communes(province))
        agencies = list(selectors.agencies(province, include_communes=False))
        context.update(
            communes=communes,
            commune_kinds=sorted(Counter(c.get_kind_display() for c in communes).items()),
            agencies=agencies,
            commune_committees=selectors.agencies(province)
            .filter(role=Agency.Role.COMMUNE_COMMITTEE)
            .count(),
            former_provinces=HistoricalUnit.objects.filter(
                successor_province=province, level=HistoricalUnit.Level.PROVINCE
            ).order_by("name"),
        )
    return render(request, "loa/home.html", context)


@login_required
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    hits = selectors.search_names(query) if query else []
    return render(request, "loa/search.html", {"query": query, "hits": hits})


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not is_admin(request.user):
        raise PermissionDenied("Chỉ quản trị viên xem được nhật ký thay đổi.")
    page = Paginator(AuditEvent.objects.all(), 50).get_page(request.GET.get("page"))
    return render(request, "loa/audit.html", {"page": page})


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    """The signed-in user's notifications, newest first; POST marks them all read."""
    if request.method == "POST":
        mark_read(request.user)
        return redirect("web:notifications")
    page = Paginator(for_user(request.user), 30).get_page(request.GET.get("page"))
    return render(request, "loa/notifications.html", {"page": page})


@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go where it points (only within Loa)."""
    notice = get_object_or_404(for_user(request.user), pk=pk)
    mark_read(request.user, [notice.pk])
    safe = url_has_allowed_host_and_scheme(notice.url, allowed_hosts={request.get_host()})
    return redirect(notice.url if notice.url and safe else "web:notifications")


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
