"""Operational tasks. `heartbeat` proves that a worker can reach the broker and the database."""

from __future__ import annotations

from celery import shared_task

from loa.core import audit


@shared_task(name="core.heartbeat", acks_late=True)
def heartbeat(token: str) -> str:
    # Idempotent: the same token is recorded once, so a redelivered message changes nothing.
    from loa.core.models import AuditEvent

    if not AuditEvent.objects.filter(action="worker.heartbeat", object_id=token).exists():
        audit.record(
            "celery", "worker.heartbeat", None, object_type="worker", object_repr=token, object_id=token
        )
    return token
