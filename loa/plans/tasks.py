"""Periodic plan jobs (celery beat, hourly): create the obligations of new periods and send reminders.
Both services are idempotent, so a redelivered or repeated run changes nothing."""

from __future__ import annotations

from celery import shared_task

from loa.plans import services


@shared_task(name="plans.sync_obligations", acks_late=True)
def sync_obligations() -> int:
    return services.sync_all().created


@shared_task(name="plans.send_reminders", acks_late=True)
def send_reminders() -> int:
    return services.send_reminders()
