"""Applying a saved, disabled or deleted sector rule to the articles already stored.

New articles get the rules in force when they are ingested (each ingest batch reads the active rules
from the database, see ``Runtime.sector_rules``). Articles already stored are brought in line by a
:class:`SectorRetag` run, started by the sector services in their transaction:

    start(sector)              replaces the sector's run and queues its first batch after commit
    retag_batch(run, cursor)   the next ``conf.retag_batch_size()`` articles above ``cursor``, in one
                               transaction; queues the following batch after commit

A run looks at the articles of the look-back window (``conf.retag_window()``, the retention period by
default) and at every article carrying the label, whatever its age: a disabled, invalid or deleted rule
matches nothing, so its labels all go. Each article is evaluated by the ingest's own stages
(:func:`loa.pipeline.analyze.normalise` and :func:`loa.pipeline.analyze.sectors`), and its label is added
or removed only where it differs, so a batch done twice changes nothing the second time.

Crash safety: a batch's label changes, the series refresh of the articles it changed
(:func:`loa.monitoring.hooks.on_articles_relabelled`) and the run's cursor and counts commit together.
A worker killed mid-batch leaves the cursor where it was; the batch's message comes back (acks_late), or
``resume_stalled`` queues the run again. A message whose cursor is no longer the run's was done already
and does nothing, so nothing is counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from loa.core import audit
from loa.monitoring import conf, hooks, runs
from loa.monitoring.models import Article, Sector, SectorRetag
from loa.pipeline import analyze
from loa.pipeline.sectors import Document, SectorRule, SectorRuleError

Labels = Article.sectors.through


@dataclass(frozen=True)
class BatchOutcome:
    processed: int
    gained: int
    lost: int
    finished: bool


def _rule(sector: Sector, run: SectorRetag) -> SectorRule | None:
    """The compiled rule, or None when the sector labels nothing (disabled, being deleted, invalid)."""
    if not sector.is_active or run.delete_sector:
        return None
    try:
        return SectorRule(str(sector.pk), sector.query)
    except SectorRuleError:  # saved in the admin: the ingest ignores it too
        return None


def stored_document(title: str, url: str, text: str) -> Document:
    """The words the ingest matched sector rules against, for a stored article."""
    return analyze.sector_document(
        analyze.normalise(analyze.Article("", Article.analysed_title(title, url), text))
    )


def _candidates(run: SectorRetag, rule: SectorRule | None) -> QuerySet[Article]:
    labelled = Q(pk__in=Labels.objects.filter(sector_id=run.sector_id).values("article_id"))
    if rule is None:
        return Article.objects.filter(labelled)
    window = Q(published_at__gte=run.since) | Q(published_at__isnull=True, ingested_at__gte=run.since)
    return Article.objects.filter(window | labelled)


def _enqueue(run_id: int, cursor: int) -> None:
    from loa.monitoring import tasks

    transaction.on_commit(partial(tasks.retag_sector.delay, run_id, cursor))


def start(
    sector: Sector, *, refresh_labelled: bool = False, delete: bool = False, now: datetime | None = None
) -> SectorRetag | None:
    """A new run for the sector (inside the caller's transaction); a run still going is dropped, and
    its queued batches then find no run and do nothing. Without any article to look at there is no
    run: a sector to delete goes at once."""
    now = now or timezone.now()
    SectorRetag.objects.filter(sector=sector).delete()
    run = SectorRetag(
        sector=sector,
        since=now - conf.retag_window(),
        refresh_labelled=refresh_labelled,
        delete_sector=delete,
    )
    run.total = _candidates(run, _rule(sector, run)).count()
    if not run.total:
        if delete:
            _finish(run, sector)
        return None
    run.save()
    _enqueue(run.pk, 0)
    return run


def retag_batch(run_id: int, cursor: int) -> BatchOutcome | None:
    """One batch of a run; None when the run is gone, finished, or already past ``cursor``."""
    with transaction.atomic():
        run = SectorRetag.objects.select_for_update().filter(pk=run_id).first()
        if run is None or not run.is_at(cursor):
            return None
        sector = Sector.objects.get(pk=run.sector_id)
        rule = _rule(sector, run)
        size = conf.retag_batch_size()
        rows = list(
            _candidates(run, rule)
            .filter(pk__gt=cursor)
            .order_by("pk")
            .values_list("pk", "title", "url", "text")[:size]
        )
        ids = [pk for pk, _title, _url, _text in rows]
        labelled = set(
            Labels.objects.filter(sector_id=sector.pk, article_id__in=ids).values_list(
                "article_id", flat=True
            )
        )
        wanted = {
            pk
            for pk, title, url, text in rows
            if rule is not None and rule.matches_document(stored_document(title, url, text))
        }
        gained, lost = wanted - labelled, labelled - wanted
        Labels.objects.bulk_create(
            [Labels(article_id=pk, sector_id=sector.pk) for pk in sorted(gained)], ignore_conflicts=True
        )
        Labels.objects.filter(sector_id=sector.pk, article_id__in=lost).delete()
        hooks.on_articles_relabelled(gained | lost | (labelled if run.refresh_labelled else set()))
        run.gained += len(gained)
        run.lost += len(lost)
        finished = run.advance(ids, size)
        if finished:
            _finish(run, sector)
        else:
            run.save()
            _enqueue(run.pk, run.cursor)
    return BatchOutcome(len(rows), len(gained), len(lost), finished)


def _finish(run: SectorRetag, sector: Sector) -> None:
    changes: dict[str, Any] = {"articles": run.processed, "gained": run.gained, "lost": run.lost}
    if run.delete_sector:
        audit.record(None, "monitoring.sector_deleted", sector, changes={"name": sector.name, **changes})
        sector.delete()
        return
    run.mark_done()
    audit.record(None, "monitoring.sector_retagged", sector, changes=changes)


def resume_stalled(now: datetime | None = None) -> list[int]:
    """Runs whose next batch was lost with a killed worker, queued again from their cursor."""
    return runs.resume_stalled(SectorRetag, _enqueue, now)
