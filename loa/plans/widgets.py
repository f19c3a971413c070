"""The plans card on the home dashboard: the viewer's report counts, what is due this week, new notices."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from loa.core import notifications
from loa.plans import selectors
from loa.plans.models import Obligation


def dashboard_widget(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None
    today = timezone.localdate()
    rows = selectors.obligations_for(request.user).exclude(state=Obligation.State.CANCELLED)
    return {
        "template": "plans/widget.html",
        "counts": selectors.counts(rows, today),
        "plans": selectors.plans_for(request.user).filter(status="active").count(),
        "due_soon": rows.filter(
            state__in=Obligation.ACTIONABLE_STATES,
            due_date__gte=today,
            due_date__lte=today + timedelta(days=7),
        ).count(),
        "unread": notifications.unread_count(request.user),
    }
