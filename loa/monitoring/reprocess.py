"""Re-running understanding over stored articles, without fetching anything again.

After the topic model, the sentiment lexicon, the gazetteer, the sector rules or the extractor improve,
a :class:`ReprocessRun` brings the stored articles in line (started by
:func:`loa.monitoring.services.reprocess_start`):

    start(run)                       queues the run's first batch after commit
    reprocess_batch(run_id, cursor)  the next ``conf.reprocess_batch_size()`` articles above ``cursor``,
                                     in one transaction; queues the following batch after commit

Per article, with ``re_extract`` the archived page (content-addressed, see
:mod:`loa.pipeline.archive`) is read again by its digest and title, text and date are extracted by the
ingest's own :func:`loa.pipeline.extract.extract_article`; a page missing from the archive, unreadable
or without article text counts as failed (the reason is kept on the run) and the article stays as it
is. Then the ingest's analysis stages run with the worker's loaded models (``runtime().analyzer()``):
normalise, places, topic, sentiment, sectors, and the relevance to the home province. Story
assignment is NOT re-run: the article keeps its story (re-grouping past stories would rewrite their
history, and is out of scope); only the story's counts, dates, topic and sentiment are recomputed.

An article is written only where something differs (the full-text index follows the title and text
by itself: triggers on SQLite, expression indexes on PostgreSQL), so a batch done twice changes
nothing the second time. The articles a batch changed are handed to
:func:`loa.monitoring.hooks.on_articles_relabelled` (the trends series recount them).

Crash safety, as for re-tagging (:mod:`loa.monitoring.retag`): a batch's changes, the series refresh and
the run's cursor and counts commit together. A worker killed mid-batch leaves the cursor where it was;
the batch's message comes back (acks_late), or ``resume_stalled`` queues the run again. A message whose
cursor is no longer the run's was done already and does nothing, so nothing is counted twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from loa.core import audit
from loa.monitoring import conf, hooks, runs
from loa.monitoring.ingest import NO_TEXT_VI, refresh_stories, understood_fields, write_rows
from loa.monitoring.models import Article, ArticlePlace, IngestItem, ReprocessRun
from loa.monitoring.runtime import lock_stories, raw_archive, runtime
from loa.pipeline import analyze
from loa.pipeline.archive import ArchiveError
from loa.pipeline.dedup import fingerprint_normalized
from loa.pipeline.extract import extract_article
from loa.pipeline.fetch import decode_body

Labels = Article.sectors.through
MAX_FAILURES_KEPT = 100
NO_ARCHIVE_VI = "Bài không có bản lưu trang gốc"
BAD_ENCODING_VI = "Không xác định được bảng mã của trang"


@dataclass(frozen=True)
class BatchOutcome:
    processed: int
    changed: int
    failed: int
    finished: bool


@dataclass
class _Page:
    """What the analysis reads for one article: the stored fields, or what the archived page gives."""

    article: Article
    title: str  # the page's own title as the ingest analysed it; "" when it had none
    text: str
    published: datetime | None


class _Failed(Exception):
    pass


def candidates(run: ReprocessRun) -> QuerySet[Article]:
    articles = Article.objects.all()
    if run.source_id is not None:
        articles = articles.filter(source_id=run.source_id)
    if run.since is not None:
        start = timezone.make_aware(datetime.combine(run.since, time.min))
        articles = articles.filter(
            Q(published_at__gte=start) | Q(published_at__isnull=True, ingested_at__gte=start)
        )
    return articles


def _enqueue(run_id: int, cursor: int) -> None:
    from loa.monitoring import tasks

    transaction.on_commit(partial(tasks.reprocess_batch.delay, run_id, cursor))


def start(run: ReprocessRun, *, enqueue: bool = True) -> None:
    """Count the run's articles and queue its first batch (inside the caller's transaction)."""
    run.total = candidates(run).count()
    run.save()
    if enqueue:
        _enqueue(run.pk, 0)


# ----------------------------------------------------------------------------------------------- pages


def _feed_data(ids: Sequence[int]) -> dict[int, tuple[str, datetime | None, str]]:
    """Feed title, feed date and content type of each article's pipeline item (the first one)."""
    found: dict[int, tuple[str, datetime | None, str]] = {}
    rows = IngestItem.objects.filter(article_id__in=ids, state=IngestItem.State.DONE).order_by("pk")
    for article_id, title, published, content_type in rows.values_list(
        "article_id", "feed_title", "feed_published_at", "content_type"
    ):
        found.setdefault(article_id, (title, published, content_type))
    return found


def _stored_page(article: Article) -> _Page:
    return _Page(
        article, Article.analysed_title(article.title, article.url), article.text, article.published_at
    )


def _extracted_page(article: Article, feed: tuple[str, datetime | None, str] | None) -> _Page:
    """The article as the ingest would save it from its archived page; :class:`_Failed` says why not."""
    if not article.raw_sha256:
        raise _Failed(NO_ARCHIVE_VI)
    try:
        body = raw_archive().get(article.raw_sha256)
    except ArchiveError as exc:
        raise _Failed(f"Không đọc được bản lưu trang gốc: {exc}") from None
    feed_title, feed_published, content_type = feed or ("", None, "")
    decoded = decode_body(body, content_type or None)
    if decoded is None:
        raise _Failed(BAD_ENCODING_VI)
    # The clock of the ingest: a page date is kept only up to a day after the article was collected.
    extracted = extract_article(
        decoded[0],
        article.url,
        now=article.ingested_at,
        feed_published=feed_published,
        feed_title=feed_title or None,
    )
    if not extracted.ok:
        raise _Failed(NO_TEXT_VI)
    published = extracted.published or feed_published or article.published_at
    return _Page(article, extracted.title or "", extracted.text, published)


# -------------------------------------------------------------------------------------------- analysis


@dataclass
class _Result:
    fields: dict[str, Any]  # stored fields that differ, with their new values
    places: list[ArticlePlace] | None  # the new place rows, when they differ
    gained: set[int]  # sector labels
    lost: set[int]

    @property
    def changes_anything(self) -> bool:
        return bool(self.fields or self.places is not None or self.gained or self.lost)


def _place_key(row: ArticlePlace) -> tuple[int, int | None, str, bool]:
    return (row.province_id, row.commune_id, row.mention, row.legacy)


def _understand(
    pages: Sequence[_Page], stored_places: dict[int, list[ArticlePlace]], labels: dict[int, set[int]]
) -> dict[int, _Result]:
    """The ingest's stages (except story assignment) over a batch; what differs from the stored rows."""
    rt = runtime()
    analyzer = rt.analyzer()
    analyzer.sector_rules = rt.sector_rules()
    understood = analyzer.understand_batch(
        analyze.Article(str(page.article.pk), page.title, page.text, page.article.url) for page in pages
    )
    results: dict[int, _Result] = {}
    for page, found in zip(pages, understood, strict=True):
        article = page.article
        wanted, places = understood_fields(found)
        wanted["published_at"] = page.published
        if (wanted["title"], wanted["text"]) != (article.title, article.text):
            fp = fingerprint_normalized(found.item.text, found.item.title or None, analyzer.stories.params)
            wanted["content_hash"] = fp.content_hash.hex()
            wanted["minhash"] = fp.to_bytes()
        fields = {name: value for name, value in wanted.items() if getattr(article, name) != value}
        old_places = stored_places.get(article.pk, [])
        same_places = sorted(map(_place_key, places), key=repr) == sorted(
            map(_place_key, old_places), key=repr
        )
        sectors = {int(s) for s in found.sectors}
        had = labels.get(article.pk, set())
        results[article.pk] = _Result(fields, None if same_places else places, sectors - had, had - sectors)
    return results


def _write(results: dict[int, _Result]) -> set[int]:
    """Store what differs, a few statements for the whole batch; the ids of the articles changed."""
    by_fields: dict[tuple[str, ...], list[Article]] = {}
    for pk, result in results.items():
        if result.fields:
            by_fields.setdefault(tuple(sorted(result.fields)), []).append(Article(pk=pk, **result.fields))
    for names, rows in by_fields.items():
        write_rows(Article, rows, names)
    moved = {pk: result.places for pk, result in results.items() if result.places is not None}
    if moved:
        ArticlePlace.objects.filter(article_id__in=list(moved)).delete()
        for pk, rows_of_article in moved.items():
            for row in rows_of_article:
                row.article_id = pk
        ArticlePlace.objects.bulk_create([row for rows in moved.values() for row in rows], batch_size=500)
    Labels.objects.bulk_create(
        [Labels(article_id=pk, sector_id=sector) for pk, r in results.items() for sector in sorted(r.gained)],
        batch_size=500,
        ignore_conflicts=True,
    )
    lost_by_sector: dict[int, list[int]] = {}
    for pk, result in results.items():
        for sector in result.lost:
            lost_by_sector.setdefault(sector, []).append(pk)
    for sector, pks in lost_by_sector.items():
        Labels.objects.filter(sector_id=sector, article_id__in=pks).delete()
    return {pk for pk, result in results.items() if result.changes_anything}


# --------------------------------------------------------------------------------------------- batches


def _read_and_understand(
    run: ReprocessRun, cursor: int
) -> tuple[list[Article], list[_Page], list[dict[str, Any]], dict[int, _Result]]:
    """The batch's articles, their pages (or why not), and what the analysis would change; no writes,
    so the database is not held while pages are read and analysed."""
    rt = runtime()
    articles = list(candidates(run).filter(pk__gt=cursor).order_by("pk")[: conf.reprocess_batch_size()])
    ids = [a.pk for a in articles]
    feeds = _feed_data(ids) if run.re_extract else {}
    pages: list[_Page] = []
    failures: list[dict[str, Any]] = []
    for article in articles:
        try:
            pages.append(
                _extracted_page(article, feeds.get(article.pk)) if run.re_extract else _stored_page(article)
            )
        except _Failed as exc:
            failures.append({"article": article.pk, "reason": str(exc)[:300]})
    stored_places: dict[int, list[ArticlePlace]] = {}
    for row in ArticlePlace.objects.filter(article_id__in=ids).order_by("pk"):
        stored_places.setdefault(row.article_id, []).append(row)
    labels: dict[int, set[int]] = {}
    for article_id, sector_id in Labels.objects.filter(article_id__in=ids).values_list(
        "article_id", "sector_id"
    ):
        labels.setdefault(article_id, set()).add(sector_id)
    with rt.lock:  # the analyzer and its place finder are shared by this process's threads
        try:
            results = _understand(pages, stored_places, labels)
        finally:
            rt.finder().clear()
    return articles, pages, failures, results


def reprocess_batch(run_id: int, cursor: int, *, enqueue: bool = True) -> BatchOutcome | None:
    """One batch of a run; None when the run is gone, finished, or already past ``cursor``.
    ``enqueue=False`` leaves the next batch to the caller (the command line's ``--wait``)."""
    run = ReprocessRun.objects.filter(pk=run_id).first()
    if run is None or not run.is_at(cursor):
        return None
    articles, pages, failures, results = _read_and_understand(run, cursor)
    size = conf.reprocess_batch_size()
    with transaction.atomic():
        lock_stories()  # first, in the ingest's order: the ingest writes stories and articles under it
        run = ReprocessRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or not run.is_at(cursor):
            return None  # another delivery of this batch got there first
        changed_ids = _write(results)
        changed = [page.article for page in pages if page.article.pk in changed_ids]
        if changed:
            refresh_stories({a.story_id for a in changed if a.story_id is not None})
            hooks.on_articles_relabelled(a.pk for a in changed)
        run.changed += len(changed)
        run.failed += len(failures)
        run.failures = [*run.failures, *failures][:MAX_FAILURES_KEPT]
        finished = run.advance([a.pk for a in articles], size)
        if finished:
            _finish(run)
        else:
            run.save()
            if enqueue:
                _enqueue(run.pk, run.cursor)
    if any("content_hash" in results[a.pk].fields for a in changed):
        # New fingerprints: this process's story index reloads them; other workers' indexes keep the
        # old ones until they restart (stories are not regrouped by reprocessing anyway).
        runtime().invalidate_stories()
    return BatchOutcome(len(articles), len(changed), len(failures), finished)


def _finish(run: ReprocessRun) -> None:
    run.mark_done()
    audit.record(
        None,
        "monitoring.reprocess_done",
        run,
        changes={"processed": run.processed, "changed": run.changed, "failed": run.failed},
    )


def resume_stalled(now: datetime | None = None) -> list[int]:
    """Runs whose next batch was lost with a killed worker, queued again from their cursor."""
    return runs.resume_stalled(ReprocessRun, _enqueue, now)
