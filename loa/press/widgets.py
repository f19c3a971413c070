"""The press card on the home dashboard: this year's K1–K6 and open work on a legal clock."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from loa.press import reports, selectors


def dashboard_widget(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None
    year = timezone.localdate().year
    items = selectors.open_items(request.user)
    return {
        "template": "press/widget.html",
        "year": year,
        "kpis": reports.annual_counts(year),
        "open_requests": len(items.requests),
        "open_urgent": len(items.urgent),
        "overdue": items.overdue,
        "urgent": items.urgent[:3],
    }
