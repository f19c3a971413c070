"""Polling feeds: conditional GET, parse, one IngestItem per new link (url_hash is unique, so polling
twice never queues a link twice), the adaptive interval and the health of feeds and sources.

A source is as healthy as its worst feed; one that turns silent or failing is flagged once (an audit
event and an in-app notice to coordinators) and unflagged only when it works again, so a source going
from silent to failing is one notice, not two.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from loa.core import audit
from loa.monitoring import conf
from loa.monitoring.models import (
    Feed,
    IngestItem,
    Source,
)
from loa.monitoring.runtime import runtime
from loa.pipeline.dedup import url_hash
from loa.pipeline.feeds import (
    FeedEntry,
    FeedError,
    PollingBounds,
    PollRecord,
    SourceStats,
    health,
    next_interval,
    parse_feed,
    typical_gap,
)
from loa.pipeline.fetch import Fetcher, FetchError, FetchResult

State = IngestItem.State
HISTORY_LENGTH = 30  # polls kept per feed (next_interval reads the last 20)
CLAIM = timedelta(minutes=5)  # a due feed handed to a task is not handed out again for this long
MAX_CHILD_SITEMAPS = 20
HEALTH_ORDER = {"failing": 4, "backing_off": 3, "silent": 2, "ok": 1, "new": 0}


@dataclass(frozen=True)
class PollResult:
    feed_id: int
    ok: bool
    status: str  # "ok" | "not_modified" | "malformed" | an error kind
    entries: int
    new_item_ids: tuple[int, ...]
    message: str


def bounds_for(source: Source) -> PollingBounds:
    """The settings' polling bounds narrowed by the source's own (a busy outlet, our demo newsroom)."""
    bounds = conf.polling_bounds()
    minimum = float(source.min_interval_seconds or bounds.minimum)
    maximum = max(minimum, float(source.max_interval_seconds or bounds.maximum))
    default = min(max(bounds.default, minimum), maximum)
    return replace(bounds, minimum=minimum, maximum=maximum, default=default)


def claim_due_feeds(now: datetime | None = None) -> list[int]:
    """Ids of the feeds due for a poll, pushed forward by CLAIM so the next tick does not hand them out
    again while their task waits in the queue (the poll itself sets the real next time)."""
    now = now or timezone.now()
    due = Feed.objects.filter(is_active=True, source__is_active=True).filter(
        Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)
    )
    with transaction.atomic():
        ids = list(due.order_by("next_poll_at", "pk").values_list("pk", flat=True))
        Feed.objects.filter(pk__in=ids).update(next_poll_at=now + CLAIM)
    return ids


def _history(feed: Feed) -> list[PollRecord]:
    records = []
    for entry in feed.history or []:
        try:
            records.append(
                PollRecord(datetime.fromisoformat(entry["at"]), bool(entry["ok"]), int(entry.get("new", 0)))
            )
        except (KeyError, TypeError, ValueError):
            continue
    return records


def _append_history(feed: Feed, now: datetime, ok: bool, new: int) -> None:
    feed.history = [*(feed.history or []), {"at": now.isoformat(), "ok": ok, "new": new}][-HISTORY_LENGTH:]


def feed_stats(feed: Feed, source: Source) -> SourceStats:
    return SourceStats(
        created_at=source.created_at,
        last_attempt_at=feed.last_polled_at,
        last_success_at=feed.last_success_at,
        last_new_entry_at=feed.last_new_item_at,
        consecutive_failures=feed.consecutive_failures,
        last_error_message_vi=feed.last_error or None,
        backoff_until=feed.backoff_until,
        typical_gap=timedelta(seconds=feed.typical_gap_seconds) if feed.typical_gap_seconds else None,
    )


def _entries(fetcher: Fetcher, body: bytes, url: str) -> tuple[list[FeedEntry], str | None, str | None]:
    """Entries of a feed or sitemap (a sitemap index: of its first child sitemaps), title, warning."""
    parsed = parse_feed(body, url)
    entries = list(parsed.entries)
    for child in parsed.sitemaps[:MAX_CHILD_SITEMAPS]:
        outcome = fetcher.fetch(child)
        if isinstance(outcome, FetchResult) and not outcome.not_modified:
            try:
                entries.extend(parse_feed(outcome.body, outcome.final_url).entries)
            except FeedError:
                continue
    return entries, parsed.title, parsed.warning_vi


def poll_feed(feed: Feed, *, now: datetime | None = None, enqueue: bool = True) -> PollResult:
    """Poll one feed: new links become queued items (processing enqueued after commit if ``enqueue``)."""
    now = now or timezone.now()
    source = feed.source
    fetcher = runtime().fetcher_for(source, feed.url)
    outcome = fetcher.fetch(feed.url, etag=feed.etag or None, last_modified=feed.last_modified or None)
    if isinstance(outcome, FetchError):
        return _poll_failed(feed, now, outcome.kind, outcome.message_vi, outcome.retry_after)
    if outcome.not_modified:
        return _poll_succeeded(feed, now, outcome, [], None, None, enqueue)
    try:
        entries, title, warning = _entries(fetcher, outcome.body, outcome.final_url)
    except FeedError as exc:
        return _poll_failed(feed, now, f"feed_{exc.kind}", exc.message_vi, None)
    return _poll_succeeded(feed, now, outcome, entries, title, warning, enqueue)


def _new_items(feed: Feed, entries: Sequence[FeedEntry], now: datetime) -> list[int]:
    cutoff = now - conf.retention()
    by_hash: dict[str, FeedEntry] = {}
    for entry in entries:
        if len(entry.url) > 1000 or (entry.published is not None and entry.published < cutoff):
            continue
        by_hash.setdefault(url_hash(entry.url), entry)
    existing: set[str] = set()
    hashes = list(by_hash)
    for start in range(0, len(hashes), 1000):
        chunk = hashes[start : start + 1000]
        existing.update(IngestItem.objects.filter(url_hash__in=chunk).values_list("url_hash", flat=True))
    fresh = [
        IngestItem(
            url=entry.url,
            url_hash=digest,
            feed=feed,
            source_id=feed.source_id,
            feed_title=(entry.title or "")[:500],
            feed_published_at=entry.published,
        )
        for digest, entry in by_hash.items()
        if digest not in existing
    ]
    if not fresh:
        return []
    # A concurrent poll of another feed listing the same link may win the race: ignore_conflicts.
    IngestItem.objects.bulk_create(fresh, ignore_conflicts=True, batch_size=500)
    created: list[int] = []
    digests = [item.url_hash for item in fresh]
    for start in range(0, len(digests), 1000):
        created.extend(
            IngestItem.objects.filter(url_hash__in=digests[start : start + 1000], state=State.QUEUED)
            .order_by("feed_published_at", "pk")
            .values_list("pk", flat=True)
        )
    return created


def _poll_succeeded(
    feed: Feed,
    now: datetime,
    outcome: FetchResult,
    entries: Sequence[FeedEntry],
    title: str | None,
    warning: str | None,
    enqueue: bool,
) -> PollResult:
    with transaction.atomic():
        new_ids = _new_items(feed, entries, now)
        feed.etag = (outcome.etag or "")[:300]
        feed.last_modified = (outcome.last_modified or "")[:100]
        feed.last_polled_at = feed.last_success_at = now
        feed.consecutive_failures = 0
        feed.backoff_until = None
        feed.last_status = "not_modified" if outcome.not_modified else "malformed" if warning else "ok"
        feed.last_error = (warning or "")[:500]
        if title:
            feed.title = title[:300]
        dates = sorted(e.published for e in entries if e.published is not None and e.published <= now)
        newest = dates[-1] if dates else (now if new_ids else None)
        if newest is not None and (feed.last_new_item_at is None or newest > feed.last_new_item_at):
            feed.last_new_item_at = newest
        gap = typical_gap(dates[-50:])
        if gap is not None:
            feed.typical_gap_seconds = gap.total_seconds()
        _append_history(feed, now, True, len(new_ids))
        interval = next_interval(_history(feed), bounds_for(feed.source))
        _schedule(feed, now, interval)
        refresh_source_health(feed.source, now)
        if enqueue and new_ids:
            enqueue_processing(new_ids)
    status = feed.last_status
    message = warning or ("Không có thay đổi" if outcome.not_modified else f"{len(new_ids)} bài mới")
    return PollResult(feed.pk, True, status, len(entries), tuple(new_ids), message)


def _poll_failed(feed: Feed, now: datetime, kind: str, message: str, retry_after: float | None) -> PollResult:
    with transaction.atomic():
        feed.last_polled_at = now
        feed.consecutive_failures += 1
        feed.last_status = kind[:40]
        feed.last_error = message[:500]
        _append_history(feed, now, False, 0)
        wait = next_interval(_history(feed), bounds_for(feed.source))
        if retry_after is not None:
            wait = max(wait, retry_after)
        feed.backoff_until = now + timedelta(seconds=wait)
        _schedule(feed, now, wait)
        refresh_source_health(feed.source, now)
    return PollResult(feed.pk, False, kind, 0, (), message)


def _schedule(feed: Feed, now: datetime, seconds: float) -> None:
    feed.interval_seconds = round(seconds)
    feed.next_poll_at = now + timedelta(seconds=seconds)
    verdict = health(feed_stats(feed, feed.source), now)
    feed.health, feed.health_reason = verdict.status, verdict.reason_vi[:300]
    feed.save()


def refresh_source_health(source: Source, now: datetime | None = None) -> Source:
    """A source is as healthy as its worst active feed; flag it (once) when it turns silent or failing."""
    now = now or timezone.now()
    feeds = [f for f in source.feeds.all() if f.is_active]
    for feed in feeds:
        if feed.health != Source.Health.NEW:
            verdict = health(feed_stats(feed, source), now)
            if (verdict.status, verdict.reason_vi[:300]) != (feed.health, feed.health_reason):
                feed.health, feed.health_reason = verdict.status, verdict.reason_vi[:300]
                Feed.objects.filter(pk=feed.pk).update(health=feed.health, health_reason=feed.health_reason)
    worst = max(feeds, key=lambda f: HEALTH_ORDER.get(f.health, 0), default=None)
    status = worst.health if worst else Source.Health.NEW
    reason = worst.health_reason if worst else ""
    if worst is not None and len(feeds) > 1 and status != Source.Health.OK:
        reason = f"{worst.title or worst.url}: {reason}"
    flagged = status in (Source.Health.SILENT, Source.Health.FAILING)
    changed = (status, reason[:300]) != (source.health, source.health_reason)
    source.health, source.health_reason = status, reason[:300]
    if flagged and source.flagged_at is None:
        source.flagged_at = now
        audit.record(
            None,
            "monitoring.source_flagged",
            source,
            changes={"health": status, "reason": source.health_reason},
        )
        _tell_coordinators(source)
        changed = True
    elif status == Source.Health.OK and source.flagged_at is not None:
        source.flagged_at = None  # recovered: the next fault is told again
        changed = True
    if changed:
        Source.objects.filter(pk=source.pk).update(
            health=source.health, health_reason=source.health_reason, flagged_at=source.flagged_at
        )
    return source


def _tell_coordinators(source: Source) -> None:
    """One in-app notice per flagging (cleared when the source recovers, so a relapse tells again)."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from loa.core.notifications import notify
    from loa.organisations.models import Role

    people = get_user_model().objects.filter(
        Q(is_superuser=True) | Q(membership__role__in=(Role.ADMIN, Role.COORDINATOR)), is_active=True
    )
    title = f"Nguồn tin “{source.name}” {source.get_health_display().lower()}"
    notify(people, title, body=source.health_reason, url=reverse("monitoring:sources"))


def enqueue_processing(item_ids: Sequence[int]) -> None:
    """Queue processing of items in batches once the current transaction commits."""
    from loa.monitoring import tasks

    size = conf.batch_size()
    for start in range(0, len(item_ids), size):
        batch = [int(i) for i in item_ids[start : start + size]]
        transaction.on_commit(partial(tasks.process_items.delay, batch))
