"""Trends tasks: each loads by id (or by time) and calls one service; all are idempotent.

Schedule (CELERY_BEAT_SCHEDULE): `trends.detect` hourly (reconcile, detect, forecast once a day),
`trends.flush` every minute (deliveries held by quiet hours or waiting for a retry), `trends.digest`
every morning at 06:30 Asia/Ho_Chi_Minh.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.utils import timezone

from loa.trends import delivery, digest, services


@shared_task(name="trends.process_articles", acks_late=True)
def process_articles(article_ids: list[int]) -> int:
    return len(services.process_ingested(article_ids).alerts)


@shared_task(name="trends.detect", acks_late=True)
def detect() -> int:
    return len(services.run_detection().alerts)


@shared_task(name="trends.deliver", bind=True, acks_late=True, max_retries=delivery.MAX_ATTEMPTS)
def deliver(self: Any, delivery_id: int) -> str:
    """One e-mail or webhook call; a failure is retried by Celery after the backoff the service set."""
    attempt = delivery.deliver(delivery_id)
    if attempt.retry_in is not None and not self.request.is_eager:
        raise self.retry(countdown=attempt.retry_in)
    return attempt.state


@shared_task(name="trends.flush", acks_late=True)
def flush() -> int:
    ids = delivery.due_deliveries(timezone.now())
    for pk in ids:
        deliver.delay(pk)
    return len(ids)


@shared_task(name="trends.digest", acks_late=True)
def morning_digest() -> int:
    return digest.send_morning_digests()
