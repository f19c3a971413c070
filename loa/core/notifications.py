"""In-app notifications: any capability calls `notify` from its service (inside its transaction) and
lists or clears them for the signed-in user."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from loa.core.models import Notification


def notify(users: Iterable[Any], title: str, *, body: str = "", url: str = "") -> list[Notification]:
    """One notification per distinct user (a user reached through two roles is told once)."""
    seen: dict[int, Any] = {}
    for user in users:
        if user is not None and user.pk is not None:
            seen.setdefault(user.pk, user)
    rows = [Notification(user=user, title=title[:200], body=body, url=url[:300]) for user in seen.values()]
    return Notification.objects.bulk_create(rows)


def for_user(user: Any, *, unread_only: bool = False) -> QuerySet[Notification]:
    if user is None or not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    rows = Notification.objects.filter(user=user)
    return rows.filter(read_at__isnull=True) if unread_only else rows


def unread_count(user: Any) -> int:
    return for_user(user, unread_only=True).count()


def mark_read(user: Any, ids: Iterable[int] | None = None, *, now: datetime | None = None) -> int:
    """Mark the user's notifications read (all when `ids` is None); returns how many changed."""
    rows = for_user(user, unread_only=True)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    return rows.update(read_at=now or timezone.now())
