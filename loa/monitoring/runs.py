"""What the batched runs over stored articles (re-tagging, reprocessing) share: picking up a run whose
next batch was lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from loa.monitoring import conf
from loa.monitoring.models import BatchRun


def resume_stalled(
    model: type[BatchRun], enqueue: Callable[[int, int], None], now: datetime | None = None
) -> list[int]:
    """Running runs of ``model`` that have not moved for ``conf.resume_after()`` (their next batch was lost
    with a killed worker) are queued again from their cursor; returns their ids."""
    now = now or timezone.now()
    stalled = model._default_manager.filter(
        state=BatchRun.State.RUNNING, updated_at__lt=now - conf.resume_after()
    )
    found: list[int] = []
    with transaction.atomic():
        for pk, cursor in stalled.values_list("pk", "cursor"):
            enqueue(pk, cursor)
            found.append(pk)
        model._default_manager.filter(pk__in=found).update(updated_at=now)
    return found
