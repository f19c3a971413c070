"""What other capabilities hear from the ingest pipeline, without the pipeline importing them.

    on_articles_ingested(article_ids)

is called by the ingest inside the transaction that saved a batch of articles. Right after that
transaction commits, every listener is called with the ids of the articles the batch saved (in the
ingest worker, in the order of LISTENERS). A listener is a dotted path to a plain function
``f(article_ids: list[int]) -> object``; one whose module or function does not exist (a capability not
installed) is skipped. Listeners must return quickly, typically by enqueueing their own Celery task,
and be idempotent. An exception in a listener is logged and does not affect the ingest (its
articles are already committed) nor the other listeners.

Today: ``loa.trends.services.articles_ingested`` (time series and alert rules).

    on_articles_relabelled(article_ids)

is called by re-tagging (:mod:`loa.monitoring.retag`) with the articles whose sector labels (or whose
sectors' agencies) a batch changed. Unlike the above, its listeners run at once, inside the batch's
transaction: a failure rolls the batch back to be done again, and a worker killed in between cannot
leave labels changed with series that were never told. Today: ``loa.trends.aggregate.refresh_articles``
(recounts the series of those articles' stories).

    on_sector_deleted(sector_id)

is called by the sector's deletion, in its transaction, with ``[sector_id]``. Today:
``loa.trends.services.sectors_deleted`` (switches off the alert rules watching that sector's series).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable, Iterable, Sequence

from django.db import transaction

log = logging.getLogger(__name__)

LISTENERS: tuple[str, ...] = ("loa.trends.services.articles_ingested",)
RELABEL_LISTENERS: tuple[str, ...] = ("loa.trends.aggregate.refresh_articles",)
SECTOR_DELETED_LISTENERS: tuple[str, ...] = ("loa.trends.services.sectors_deleted",)

Listener = Callable[[list[int]], object]


def _installed(module_name: str) -> bool:
    try:
        return importlib.util.find_spec(module_name) is not None
    except ModuleNotFoundError:
        return False


def listeners(paths: Sequence[str] | None = None) -> list[Listener]:
    found: list[Listener] = []
    for path in LISTENERS if paths is None else paths:
        module_name, _, name = path.rpartition(".")
        if not _installed(module_name):
            continue
        function = getattr(importlib.import_module(module_name), name, None)
        if callable(function):
            found.append(function)
    return found


def notify_listeners(article_ids: Sequence[int]) -> int:
    """Call every listener with the ids; returns how many were called without error."""
    ids = sorted(int(i) for i in article_ids)
    called = 0
    try:
        found = listeners()
    except Exception:
        log.exception("monitoring hooks: a listener could not be imported")
        return 0
    for listener in found:
        try:
            listener(ids)
        except Exception:
            log.exception("monitoring hooks: listener %s failed", getattr(listener, "__qualname__", listener))
            continue
        called += 1
    return called


def on_articles_ingested(article_ids: Sequence[int]) -> None:
    """Tell the listeners about new articles once the current transaction commits."""
    ids = sorted(int(i) for i in article_ids)
    if ids and LISTENERS:
        transaction.on_commit(lambda: notify_listeners(ids))


def on_articles_relabelled(article_ids: Iterable[int]) -> None:
    """Tell the relabel listeners now, in the caller's transaction; their errors propagate."""
    ids = sorted({int(i) for i in article_ids})
    if ids:
        for listener in listeners(RELABEL_LISTENERS):
            listener(ids)


def on_sector_deleted(sector_id: int) -> None:
    """Tell the listeners now, in the caller's transaction, that a sector is being deleted."""
    for listener in listeners(SECTOR_DELETED_LISTENERS):
        listener([int(sector_id)])
