"""The monitoring card on the home dashboard: last day's volume, flagged sources, most-copied stories."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from loa.monitoring import selectors
from loa.monitoring.models import Article, IngestItem, Sentiment, Story


def dashboard_widget(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None
    since = timezone.now() - timedelta(hours=24)
    recent = Article.objects.filter(published_at__gte=since)
    return {
        "template": "monitoring/widget.html",
        "today": recent.count(),
        "negative": recent.filter(sentiment=Sentiment.NEGATIVE).count(),
        "pending": IngestItem.objects.filter(
            state__in=(IngestItem.State.QUEUED, IngestItem.State.FETCHED)
        ).count(),
        "flagged": list(selectors.flagged_sources()[:5]),
        "stories": list(
            Story.objects.filter(last_published_at__gte=since, article_count__gt=1).order_by(
                "-article_count"
            )[:3]
        ),
    }
