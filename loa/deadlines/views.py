from __future__ import annotations

from datetime import datetime

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext

from loa.deadlines import selectors, services
from loa.deadlines.engine import Deadline
from loa.deadlines.rules import RuleLookupError
from loa.organisations.access import is_admin, require_coordinator


def _parse_start(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


@login_required
def rules(request: HttpRequest) -> HttpResponse:
    """Rules with legal basis, validity and verification status, and a deadline calculator."""
    require_coordinator(request.user)
    groups = selectors.rule_groups()
    rule_id = request.GET.get("rule", "").strip()
    start_text = request.GET.get("start", "").strip()
    deadline: Deadline | None = None
    error = ""
    if rule_id and start_text:
        start = _parse_start(start_text)
        if start is None:
            error = gettext("Thời điểm bắt đầu không hợp lệ (ví dụ 2027-02-02T09:00).")
        else:
            try:
                deadline = services.compute_deadline(rule_id, start)
            except RuleLookupError as exc:
                error = str(exc.args[0] if exc.args else exc)
    year = timezone.localdate().year
    return render(
        request,
        "deadlines/rules.html",
        {
            "groups": groups,
            "problems": selectors.rule_problems(),
            "history": selectors.rule_history(),
            "rule_id": rule_id,
            "start_text": start_text,
            "deadline": deadline,
            "error": error,
            "year": year,
            "days_off": selectors.year_days_off(year),
            "announced": selectors.announced_days(year),
            "can_edit": is_admin(request.user),
        },
    )
