"""Periodic press reminders (celery beat: hourly; the service sends each list once a day)."""

from __future__ import annotations

from celery import shared_task

from loa.press import services


@shared_task(name="press.send_reminders", acks_late=True)
def send_reminders() -> int:
    return services.send_reminders()
