"""Monitoring settings with their defaults, read at call time so that tests can override them.

LOA_MONITORING_RETENTION_DAYS   articles and pipeline items older than this are purged (default 730)
LOA_MONITORING_FETCH            FetchPolicy fields that differ from the pipeline's defaults (dict)
LOA_MONITORING_BATCH_SIZE       items per processing task (default 50)
LOA_MONITORING_STORY_WINDOW     recent articles each worker keeps in its story index (default 50,000,
                                about 7 kB each); a copy arriving after that many newer articles opens
                                a new story
LOA_MONITORING_MAX_ATTEMPTS     fetch attempts per article before the item fails for good (default 5)
LOA_MONITORING_RESUME_AFTER     seconds after which a queued or fetched item whose task vanished (a
                                killed worker) is queued again (default 600)
LOA_MONITORING_POLLING          PollingBounds fields: minimum, maximum, default seconds (dict)
LOA_MONITORING_ALLOW_PRIVATE_HOSTS  let coordinators register sources on loopback/private addresses
LOA_MONITORING_RETAG_DAYS       how far back a saved sector rule is applied to stored articles (default: the
                                retention period, so searches and series by sector agree over all of it)
LOA_MONITORING_RETAG_BATCH_SIZE articles per re-tagging task (default 1,000)
LOA_MONITORING_REPROCESS_BATCH_SIZE articles per reprocessing task (default 200)
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from django.conf import settings

from loa.pipeline.feeds import PollingBounds
from loa.pipeline.fetch import FetchPolicy


def _get(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def retention() -> timedelta:
    return timedelta(days=int(_get("LOA_MONITORING_RETENTION_DAYS", 730)))


def fetch_policy() -> FetchPolicy:
    return replace(FetchPolicy(), **_get("LOA_MONITORING_FETCH", {}))


def batch_size() -> int:
    return int(_get("LOA_MONITORING_BATCH_SIZE", 50))


def story_window() -> int:
    return int(_get("LOA_MONITORING_STORY_WINDOW", 50_000))


def max_attempts() -> int:
    return int(_get("LOA_MONITORING_MAX_ATTEMPTS", 5))


def resume_after() -> timedelta:
    return timedelta(seconds=int(_get("LOA_MONITORING_RESUME_AFTER", 600)))


def polling_bounds() -> PollingBounds:
    return replace(PollingBounds(), **_get("LOA_MONITORING_POLLING", {}))


def allow_private_hosts() -> bool:
    return bool(_get("LOA_MONITORING_ALLOW_PRIVATE_HOSTS", False))


def retag_window() -> timedelta:
    days = _get("LOA_MONITORING_RETAG_DAYS", None)
    return retention() if days is None else timedelta(days=int(days))


def retag_batch_size() -> int:
    return int(_get("LOA_MONITORING_RETAG_BATCH_SIZE", 1000))


def reprocess_batch_size() -> int:
    return int(_get("LOA_MONITORING_REPROCESS_BATCH_SIZE", 200))
