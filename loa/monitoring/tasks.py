"""Celery tasks of the ingest pipeline: thin adapters that load by id and call one service.

Beat (config/settings/base.py): ``monitoring.poll_due`` every minute, ``monitoring.resume_stale`` every
five minutes, ``monitoring.resume_retags`` and ``monitoring.resume_reprocess`` every five minutes, ``monitoring.notify_saved_searches`` every
quarter hour, ``monitoring.purge`` daily.
All tasks are idempotent and acknowledged late: a worker killed mid-task leaves its message for another.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from celery import shared_task
from celery.signals import worker_process_init
from django.db import DatabaseError, connection, transaction

from loa.monitoring import ingest, polling, reprocess, retag, services
from loa.monitoring.models import Feed
from loa.monitoring.runtime import runtime
from loa.organisations.models import Province

log = logging.getLogger(__name__)


@worker_process_init.connect
def warm_up_worker_process(**_kwargs: Any) -> None:
    """Load the analyzer (topic model, gazetteer: about a second) when a worker process starts, so that
    its first batch of articles does not wait for it; the story index fills on that batch. Before
    `loa init` there is no home province to load it for, and the first batch loads it then.
    (CELERY_WORKER_PROC_ALIVE_TIMEOUT leaves a loaded machine time for this.)"""
    try:
        if Province.objects.filter(is_home=True).exists():
            runtime().analyzer()
    except DatabaseError as exc:
        log.warning("worker warm-up skipped: %s", exc)
    finally:
        connection.close()  # the child's own connection is opened by its first task


@shared_task(name="monitoring.poll_due", acks_late=True)
def poll_due() -> int:
    """Queue a poll of every feed that is due."""
    ids = polling.claim_due_feeds()
    for feed_id in ids:
        transaction.on_commit(partial(poll_feed.delay, feed_id))
    return len(ids)


@shared_task(name="monitoring.poll_feed", acks_late=True)
def poll_feed(feed_id: int) -> int:
    feed = Feed.objects.select_related("source").filter(pk=feed_id, is_active=True).first()
    if feed is None:
        return 0
    return len(polling.poll_feed(feed).new_item_ids)


@shared_task(name="monitoring.process_items", acks_late=True)
def process_items(item_ids: list[int]) -> dict[str, int]:
    return dict(ingest.process_items(item_ids))


@shared_task(name="monitoring.resume_stale", acks_late=True)
def resume_stale() -> int:
    return len(ingest.resume_stale_items())


@shared_task(name="monitoring.purge", acks_late=True)
def purge() -> int:
    return services.purge_expired().articles


@shared_task(name="monitoring.notify_saved_searches", acks_late=True)
def notify_saved_searches() -> int:
    return services.notify_saved_searches()


@shared_task(name="monitoring.retag_sector", acks_late=True)
def retag_sector(run_id: int, cursor: int) -> int:
    """One batch of re-tagging; it queues the next itself (see loa.monitoring.retag)."""
    outcome = retag.retag_batch(run_id, cursor)
    return outcome.processed if outcome else 0


@shared_task(name="monitoring.resume_retags", acks_late=True)
def resume_retags() -> int:
    return len(retag.resume_stalled())


@shared_task(name="monitoring.reprocess_batch", acks_late=True)
def reprocess_batch(run_id: int, cursor: int) -> int:
    """One batch of reprocessing; it queues the next itself (see loa.monitoring.reprocess)."""
    outcome = reprocess.reprocess_batch(run_id, cursor)
    return outcome.processed if outcome else 0


@shared_task(name="monitoring.resume_reprocess", acks_late=True)
def resume_reprocess() -> int:
    return len(reprocess.resume_stalled())
