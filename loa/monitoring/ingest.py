"""From queued links to analysed articles in the database: the Django side of the collection pipeline.

    polling.poll_feed(feed)  new links of a feed become queued items (see loa.monitoring.polling)
    process_items(ids)       fetch → archive the raw bytes → extract → analyse → save, one batch at a time

Items move queued → fetched → done | duplicate | failed, and every step is idempotent: a batch can run
twice, or be cut off by a killed worker and picked up again by ``resume_stale_items``. Fetched bytes are
archived (content-addressed) before the item is marked fetched, so a resumed item is never fetched
again. A retryable fetch error (timeout, 5xx, 429, network) leaves the item queued with a
``next_attempt_at`` that grows with each attempt; other errors, and pages without article text
(``no_text``), fail the item with the reason kept for people to see.

Stories across worker processes: each process keeps a story index (MinHash LSH) in memory. Saving a
batch takes one lock (a PostgreSQL advisory lock; on SQLite, Loa's transactions begin IMMEDIATE, so the
write lock is taken when the transaction starts), then catches the index up with the articles other
processes saved since its last batch (their fingerprints are stored in ``Article.minhash``), then
assigns and saves. Assignment is thus the same as if one process had seen every article in order.
When an article joins two stories, the younger story's articles move to the older one and its key
stays behind as a :class:`StoryAlias`, so an index that still knows the retired key resolves it.

Pure stages (fetch, archive, extract, analyse) live in ``loa.pipeline``; this module only moves their
results in and out of the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, as_completed
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from loa.monitoring import conf, hooks
from loa.monitoring.models import (
    Article,
    ArticlePlace,
    IngestItem,
    Source,
    Story,
    StoryAlias,
)
from loa.monitoring.polling import enqueue_processing
from loa.monitoring.runtime import lock_stories, policy_for, raw_archive, runtime
from loa.pipeline.analyze import Analysis, Analyzer, Place, Understanding
from loa.pipeline.analyze import Article as PipelineArticle
from loa.pipeline.archive import ArchiveError
from loa.pipeline.dedup import url_hash
from loa.pipeline.extract import Extracted, extract_article
from loa.pipeline.fetch import FetchError, FetchPolicy, FetchRequest, decode_body
from loa.pipeline.places import PlaceMention, relevance
from loa.pipeline.sentiment import Cue

State = IngestItem.State
RETRY_BASE = 60.0  # seconds before the second attempt at an article; doubles each time
RETRY_MAX = 3600.0
NO_TEXT_VI = "Trang không có nội dung bài viết (no_text)"
NOT_HTML_VI = "Địa chỉ không trả về trang văn bản (HTML)"


@dataclass
class _Work:
    item: IngestItem
    html: str
    final_url: str
    extracted: Extracted | None = None

    @property
    def page(self) -> Extracted:
        assert self.extracted is not None, "extracted before saving"
        return self.extracted


def _retry_delay(attempts: int, retry_after: float | None) -> float:
    delay = min(RETRY_MAX, RETRY_BASE * 2 ** max(0, attempts - 1))
    return max(delay, retry_after or 0.0)


def _fail(item: IngestItem, kind: str, message: str) -> None:
    item.state = State.FAILED
    item.error_kind = kind[:30]
    item.reason = message[:500]
    item.next_attempt_at = None


_FETCH_FIELDS = (
    "state",
    "attempts",
    "raw_sha256",
    "final_url",
    "content_type",
    "error_kind",
    "reason",
    "next_attempt_at",
    "updated_at",
)
_FINISH_FIELDS = ("state", "article", "reason", "error_kind", "next_attempt_at", "updated_at")


def write_rows(
    model: type[Any], objects: Sequence[Any], names: Sequence[str], *, only_open: bool = False
) -> None:
    """One UPDATE per row through executemany: bulk_update's CASE expressions cost more than the rest
    of a batch on SQLite. ``only_open`` leaves alone items another worker finished meanwhile."""
    if not objects:
        return
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE id = %s"
    open_states: list[str] = []
    if only_open:
        sql += " AND state IN (%s, %s)"
        open_states = [State.QUEUED, State.FETCHED]
    params = [
        [
            *(field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields),
            obj.pk,
            *open_states,
        ]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _extract(work: _Work, now: datetime) -> _Work:
    item = work.item
    work.extracted = extract_article(
        work.html,
        work.final_url,
        now=now,
        feed_published=item.feed_published_at,
        feed_title=item.feed_title or None,
    )
    work.html = ""  # the page is archived; keep the batch small in memory
    return work


def _fetch_and_extract(items: list[IngestItem], now: datetime, counts: Counter[str]) -> list[_Work]:
    """Fetch queued items, archive the bytes, extract; reopen fetched items from the archive.

    Pages are extracted as they arrive while the other fetches wait on the network (the fetcher's
    per-host limits hold whatever the pool size), and archived from a helper thread (the archive syncs
    each file to disk, which releases the GIL).
    """
    archive = raw_archive()
    works: list[_Work] = []
    to_fetch: list[IngestItem] = []
    touched: list[IngestItem] = []
    for item in items:
        if item.state == State.FETCHED:
            try:
                body = archive.get(item.raw_sha256)
            except ArchiveError:
                to_fetch.append(item)  # the archived copy is gone: fetch again
                continue
            decoded = decode_body(body, item.content_type)
            if decoded is None:
                _fail(item, "bad_encoding", "Không xác định được bảng mã của trang")
                touched.append(item)
            else:
                works.append(_extract(_Work(item, decoded[0], item.final_url or item.url), now))
        else:
            to_fetch.append(item)
    groups: dict[FetchPolicy, list[IngestItem]] = {}
    for item in to_fetch:
        groups.setdefault(policy_for(item.source, item.url), []).append(item)
    rt = runtime()
    archived: list[tuple[IngestItem, Future[str]]] = []
    for policy, group in groups.items():
        fetcher = rt.fetcher(policy)
        pending: dict[FetchRequest, list[IngestItem]] = {}
        for item in group:
            pending.setdefault(FetchRequest(item.url), []).append(item)
        futures = {rt.fetch_pool.submit(fetcher.fetch_request, request): request for request in pending}
        for future in as_completed(futures):
            outcome = future.result()
            for item in pending[futures[future]]:
                item.attempts += 1
                touched.append(item)
                if isinstance(outcome, FetchError):
                    _fetch_failed(item, outcome, now, counts)
                elif not outcome.text:
                    _fail(item, "not_html", f"{NOT_HTML_VI} ({outcome.content_type or 'không rõ loại'})")
                    counts["failed"] += 1
                else:
                    archived.append((item, rt.archive_pool.submit(archive.put, outcome.body)))
                    item.final_url = outcome.final_url[:1000]
                    item.content_type = outcome.headers.get("content-type", "")[:120]
                    item.state = State.FETCHED
                    item.error_kind = item.reason = ""
                    item.next_attempt_at = None
                    works.append(_extract(_Work(item, outcome.text, item.final_url), now))
    for item, digest in archived:
        item.raw_sha256 = digest.result()
    for item in touched:
        item.updated_at = now
    write_rows(IngestItem, touched, _FETCH_FIELDS, only_open=True)
    return works


def _fetch_failed(item: IngestItem, error: FetchError, now: datetime, counts: Counter[str]) -> None:
    """A retryable error waits (longer each attempt) until the attempts run out; others fail at once."""
    if error.retryable and item.attempts < conf.max_attempts():
        when = now + timedelta(seconds=_retry_delay(item.attempts, error.retry_after))
        item.next_attempt_at = when
        item.error_kind = error.kind
        local = timezone.localtime(when).strftime("%H:%M %d/%m")
        item.reason = f"{error.message_vi}; thử lại lúc {local}"[:500]
        counts["retry"] += 1
    else:
        _fail(item, error.kind, error.message_vi)
        counts["failed"] += 1


def process_items(item_ids: Sequence[int], *, now: datetime | None = None) -> Counter[str]:
    """Run a batch of items through the pipeline. Items already finished, or waiting for a retry, are
    left alone, so the same batch can be processed twice. Returns counts per outcome."""
    now = now or timezone.now()
    counts: Counter[str] = Counter()
    items = list(
        IngestItem.objects.select_related("source")
        .filter(pk__in=list(item_ids), state__in=(State.QUEUED, State.FETCHED))
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("feed_published_at", "pk")
    )
    if not items:
        return counts
    works = _fetch_and_extract(items, now, counts)
    rt = runtime()
    with rt.lock:
        try:
            _save(works, now, counts)
        except BaseException:
            rt.invalidate_stories()
            raise
        finally:
            rt.finder().clear()
    return counts


def cues_json(cues: Iterable[Cue]) -> list[dict[str, Any]]:
    return [
        {
            "phrase": cue.phrase,
            "category": cue.category,
            "weight": round(cue.weight, 2),
            "where": cue.where,
            "modifier": cue.modifier,
        }
        for cue in cues
    ]


def place_mentions(title: str, text: str) -> tuple[list[PlaceMention], int]:
    """Mentions of title and body as one text (title, newline, body) and the title's length."""
    finder = runtime().finder()
    title_mentions = finder.find(title) if title else []
    offset = len(title) + 1 if title else 0
    body = [replace(m, start=m.start + offset, end=m.end + offset) for m in finder.find(text)] if text else []
    return [*title_mentions, *body], offset


def _resolve_stories(keys: Iterable[str]) -> dict[str, Story]:
    wanted = set(keys)
    found = {story.key: story for story in Story.objects.filter(key__in=wanted)}
    missing = wanted - set(found)
    if missing:
        for alias in StoryAlias.objects.select_related("story").filter(key__in=missing):
            found[alias.key] = alias.story
    return found


def _merge(retired: Story, target: Story) -> None:
    Article.objects.filter(story=retired).update(story=target)
    StoryAlias.objects.filter(story=retired).update(story=target)
    StoryAlias.objects.get_or_create(key=retired.key, defaults={"story": target})
    retired.delete()


def _save(works: list[_Work], now: datetime, counts: Counter[str]) -> None:
    rt = runtime()
    with transaction.atomic():
        lock_stories()
        still_open = set(
            IngestItem.objects.filter(
                pk__in=[w.item.pk for w in works], state__in=(State.QUEUED, State.FETCHED)
            ).values_list("pk", flat=True)
        )
        finished: list[IngestItem] = []
        ready: list[_Work] = []
        for work in works:
            if work.item.pk not in still_open:  # another worker finished it meanwhile
                continue
            if not work.page.ok:
                _fail(work.item, "no_text", NO_TEXT_VI)
                counts["failed"] += 1
                finished.append(work.item)
            else:
                ready.append(work)
        # The same page behind two links (a redirect, a tracking parameter) is one article.
        known = dict(
            Article.objects.filter(url_hash__in=[url_hash(w.final_url) for w in ready]).values_list(
                "url_hash", "pk"
            )
        )
        batch: dict[str, _Work] = {}
        duplicates: list[tuple[_Work, str]] = []
        for work in ready:
            digest = url_hash(work.final_url)
            if digest in known or digest in batch:
                duplicates.append((work, digest))
            else:
                batch[digest] = work
        rt.sync_stories()
        analyzer = rt.analyzer()
        analyzer.sector_rules = rt.sector_rules()
        analyses = analyzer.analyze_batch(
            PipelineArticle(digest, work.page.title, work.page.text, work.final_url, work.page.published)
            for digest, work in batch.items()
        )
        kept = [(batch[analysis.id], analysis) for analysis in analyses]
        stories, merged_into = _story_rows(analyzer, analyses, kept)
        saved = _insert_articles(kept, stories)
        for work, digest in duplicates:
            work.item.article_id = known.get(digest) or saved.get(digest)
            work.item.state = State.DUPLICATE
            work.item.reason = "Đã có bài này: liên kết dẫn tới một trang đã lưu"
            work.item.error_kind = ""
            counts["duplicate"] += 1
            finished.append(work.item)
        for work, analysis in kept:
            work.item.state = State.DONE
            work.item.article_id = saved[analysis.id]
            work.item.reason = work.item.error_kind = ""
            counts["done"] += 1
            finished.append(work.item)
        for item in finished:
            item.updated_at = now
            item.next_attempt_at = None
        write_rows(IngestItem, finished, _FINISH_FIELDS)
        refresh_stories({stories[a.id].pk for _, a in kept} | merged_into)
        _touch_sources(kept)
        rt.synced_id = Article.objects.aggregate(latest=Max("pk"))["latest"] or 0
        if saved:
            hooks.on_articles_ingested(list(saved.values()))


def _story_rows(
    analyzer: Analyzer, analyses: Sequence[Analysis], kept: Sequence[tuple[_Work, Analysis]]
) -> tuple[dict[str, Story], set[int]]:
    """Story row of each kept article (by analysis id), applying the merges the batch caused; also
    the ids of stories that absorbed others (their counts change)."""
    merged_into: set[int] = set()
    canonical = {analysis.id: analyzer.story_of(analysis.story) for analysis in analyses}
    retired = {key for analysis in analyses for key in analysis.merged_stories}
    targets = {key: analyzer.story_of(key) for key in retired}
    rows = _resolve_stories({*canonical.values(), *retired, *targets.values()})
    for old_key, new_key in targets.items():
        old, new = rows.get(old_key), rows.get(new_key)
        if old is None or (new is not None and old.pk == new.pk):
            continue
        if new is None:  # the surviving story was never saved (its articles were duplicates): rename
            StoryAlias.objects.get_or_create(key=old.key, defaults={"story": old})
            old.key = new_key
            old.save(update_fields=["key"])
            rows[new_key] = old
        else:
            _merge(old, new)
            merged_into.add(new.pk)
        rows[old_key] = rows[new_key]
    missing: dict[str, Story] = {}
    for work, analysis in kept:
        key = canonical[analysis.id]
        if key not in rows and key not in missing:
            title = work.page.title or work.item.feed_title or work.final_url
            missing[key] = Story(key=key, title=title[:500])
    if missing:
        Story.objects.bulk_create(missing.values(), ignore_conflicts=True)
        rows.update(_resolve_stories(missing))
    return {analysis.id: rows[canonical[analysis.id]] for _, analysis in kept}, merged_into


def article_places(places: Sequence[Place], mentions: Sequence[PlaceMention]) -> list[ArticlePlace]:
    """Place rows of an article (without the article), flagging places written under an old name;
    places outside the known provinces are dropped."""
    provinces, communes = runtime().place_ids()
    legacy = {(m.province_code, m.commune_code, m.mention) for m in mentions if m.legacy}
    rows = []
    for place in places:
        province_id = provinces.get(place.province_code)
        if province_id is None:
            continue
        rows.append(
            ArticlePlace(
                province_id=province_id,
                commune_id=communes.get(place.commune_code) if place.commune_code else None,
                mention=place.mention[:200],
                legacy=(place.province_code, place.commune_code, place.mention) in legacy,
            )
        )
    return rows


def understood_fields(understood: Understanding) -> tuple[dict[str, Any], list[ArticlePlace]]:
    """The stored fields that understanding decides, and the article's place rows (without the
    article): the one rule for the ingest and for reprocessing. A page without a title is stored under
    its address."""
    item = understood.item
    mentions, title_length = place_mentions(item.title, item.article.text)
    home = runtime().home_code
    fields = {
        "title": (item.title or item.article.url or "")[:500],
        "text": item.article.text,
        "topic": understood.topic,
        "sentiment": understood.sentiment,
        "sentiment_score": round(understood.sentiment_score, 3),
        "sentiment_cues": cues_json(understood.cues),
        "relevance": round(relevance(mentions, home, title_length=title_length), 3) if home else 0.0,
    }
    return fields, article_places(understood.places, mentions)


def _insert_articles(kept: Sequence[tuple[_Work, Analysis]], stories: dict[str, Story]) -> dict[str, int]:
    """Articles, their places and sectors; returns article id by url_hash."""
    rows = []
    places: dict[str, list[ArticlePlace]] = {}
    for work, analysis in kept:
        fields, places[analysis.id] = understood_fields(analysis.understood)
        rows.append(
            Article(
                source_id=work.item.source_id,
                story=stories[analysis.id],
                url=work.final_url,
                url_hash=analysis.id,
                content_hash=analysis.content_hash,
                published_at=work.page.published or work.item.feed_published_at,
                raw_sha256=work.item.raw_sha256,
                minhash=analysis.fingerprint,
                is_sample=work.item.source.is_sample,
                **fields,
            )
        )
    if not rows:
        return {}
    Article.objects.bulk_create(rows, batch_size=200)
    ids = dict(Article.objects.filter(url_hash__in=list(places)).values_list("url_hash", "pk"))
    for digest, rows_of_article in places.items():
        for row in rows_of_article:
            row.article_id = ids[digest]
    ArticlePlace.objects.bulk_create([p for ps in places.values() for p in ps], batch_size=500)
    through = Article.sectors.through
    through.objects.bulk_create(
        [
            through(article_id=ids[analysis.id], sector_id=int(sector))
            for _, analysis in kept
            for sector in analysis.sectors
        ],
        batch_size=500,
    )
    return ids


def refresh_stories(story_ids: Iterable[int]) -> None:
    """Counts, dates, title (the earliest copy's), topic and sentiment (the most common) of stories."""
    ids = sorted(set(story_ids))
    if not ids:
        return
    grouped: dict[int, list[tuple[Any, ...]]] = {}
    for row in Article.objects.filter(story_id__in=ids).values_list(
        "story_id", "title", "published_at", "ingested_at", "topic", "sentiment", "pk"
    ):
        grouped.setdefault(row[0], []).append(row)
    updates = []
    for story in Story.objects.filter(pk__in=ids):
        rows = grouped.get(story.pk, [])
        if not rows:
            continue
        rows.sort(key=lambda r: (r[2] or r[3], r[6]))
        story.article_count = len(rows)
        story.title = rows[0][1][:500]
        story.first_published_at = rows[0][2] or rows[0][3]
        story.last_published_at = max(r[2] or r[3] for r in rows)
        story.topic = Counter(r[4] for r in rows).most_common(1)[0][0]
        story.sentiment = Counter(r[5] for r in rows).most_common(1)[0][0]
        updates.append(story)
    write_rows(
        Story,
        updates,
        ("article_count", "title", "first_published_at", "last_published_at", "topic", "sentiment"),
    )


def _touch_sources(kept: Sequence[tuple[_Work, Analysis]]) -> None:
    latest: dict[int, datetime] = {}
    for work, _analysis in kept:
        when = work.page.published or work.item.feed_published_at
        if when is not None and (work.item.source_id not in latest or when > latest[work.item.source_id]):
            latest[work.item.source_id] = when
    for source_id, when in latest.items():
        Source.objects.filter(pk=source_id).filter(
            Q(last_article_at__isnull=True) | Q(last_article_at__lt=when)
        ).update(last_article_at=when)


# ------------------------------------------------------------------------------------------- resuming


def resume_stale_items(now: datetime | None = None, *, enqueue: bool = True) -> list[int]:
    """Items a killed worker left queued or fetched, and retries now due; queued again in batches."""
    now = now or timezone.now()
    stale = now - conf.resume_after()
    with transaction.atomic():
        ids = list(
            IngestItem.objects.filter(state__in=(State.QUEUED, State.FETCHED))
            .filter(
                Q(next_attempt_at__isnull=False, next_attempt_at__lte=now)
                | Q(next_attempt_at__isnull=True, updated_at__lt=stale)
            )
            .order_by("feed_published_at", "pk")
            .values_list("pk", flat=True)[:5000]
        )
        # Touched so the next run does not queue them again while they wait for a worker.
        IngestItem.objects.filter(pk__in=ids).update(updated_at=now, next_attempt_at=None)
        if enqueue and ids:
            enqueue_processing(ids)
    return ids


def pending_item_ids(limit: int = 100_000) -> Iterator[int]:
    """Queued or fetched items ready to process, oldest publication first (for in-process runs)."""
    now = timezone.now()
    yield from (
        IngestItem.objects.filter(state__in=(State.QUEUED, State.FETCHED))
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("feed_published_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
