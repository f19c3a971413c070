"""Periodic press jobs (celery beat): reminders hourly (the service sends each list once a day); retention
of personal data in closed requests daily."""

from __future__ import annotations

from celery import shared_task

from loa.press import retention, services


@shared_task(name="press.send_reminders", acks_late=True)
def send_reminders() -> int:
    return services.send_reminders()


@shared_task(name="press.apply_retention", acks_late=True)
def apply_retention() -> int:
    # A redelivered message finds nothing left to purge: rows are marked when done.
    report = retention.apply_retention()
    return report.requests + report.attachments
