"""The trends card on the home dashboard: the last 24 hours, a 14-day sparkline, the newest alerts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext

from loa.organisations.access import is_coordinator
from loa.trends import keys as K
from loa.trends import selectors
from loa.trends.aggregate import HOUR
from loa.trends.models import SeriesPoint
from loa.web.charts import sparkline


def dashboard_widget(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None
    now = timezone.now()
    last_day = SeriesPoint.objects.filter(key=K.ALL, granularity=HOUR, start__gte=now - timedelta(hours=24))
    totals = last_day.aggregate(n=Sum("count"), neg=Sum("negative"))
    today = timezone.localdate()
    points = selectors.daily(K.ALL, today - timedelta(days=13), today)
    alerts = list(selectors.alerts_for(request.user, mine=not is_coordinator(request.user))[:5])
    labels = K.ui_labels(a.key for a in alerts)
    stories = int(totals["n"] or 0)
    return {
        "template": "trends/widget.html",
        "stories": stories,
        "negative": int(totals["neg"] or 0),
        "share": (totals["neg"] or 0) / stories if stories else None,
        "chart": sparkline([p.count for p in points], width=300, height=40, title=gettext("Số tin 14 ngày")),
        "alerts": [(a, labels[a.key]) for a in alerts],
        "open_cases": selectors.cases_for(request.user, state="open").count(),
    }
