"""Bringing stored articles in line without refetching: reprocessing and sector re-tagging.

The sample newsroom is ingested into a throwaway SQLite database (through the real fetching path), then
its articles are resampled to ``ARTICLES`` rows (copies with new addresses and the same archived pages,
each generation of copies in stories of its own). Measured, ``ROUNDS`` times each, with the batches run in this process as a worker runs them
(``CELERY_TASK_ALWAYS_EAGER``: each batch queues the next on commit):

* ``loa monitor reprocess`` after every article's topic was tampered with: every article is written;
* the same again with nothing to change (the idempotent pass);
* with ``--re-extract`` over one source: pages read back from the raw archive and extracted again;
* a new sector rule saved: its re-tag run over every article, then the rule removed again.
"""

from __future__ import annotations

import logging
import os
import statistics
import time
from typing import Any

from loa.bench.throwaway import throwaway_database

ARTICLES = 5000
ROUNDS = 3
RULE = '"sạt lở" OR "lũ quét" OR (mưa NEAR/5 lớn)'


def _ingest_newsroom() -> int:
    from loa.bench.ingest_bench import _init_province, _register_sources
    from loa.demo.newsroom import start_newsroom
    from loa.monitoring import ingest, polling
    from loa.monitoring.models import Article, Feed

    _init_province()
    with start_newsroom(port=0) as server:
        _register_sources(server.url)
        for feed in Feed.objects.select_related("source"):
            polling.poll_feed(feed, enqueue=False)
        pending = list(ingest.pending_item_ids())
        for start in range(0, len(pending), 50):
            ingest.process_items(pending[start : start + 50])
    return Article.objects.count()


def _story_copies(generation: int) -> dict[int, int]:
    """A copy of every story for one generation of article copies (so stories keep their usual size);
    the id of each copy by the id of its original."""
    from loa.monitoring.models import Story

    originals = list(Story.objects.exclude(key__contains="~"))
    Story.objects.bulk_create(
        [
            Story(key=f"{story.key[:50]}~{generation}", title=story.title, topic=story.topic)
            for story in originals
        ]
    )
    copies = dict(Story.objects.filter(key__endswith=f"~{generation}").values_list("key", "pk"))
    return {story.pk: copies[f"{story.key[:50]}~{generation}"] for story in originals}


def _resample(target: int) -> None:
    """Copies of the stored articles up to ``target`` rows, each generation of copies in stories of its
    own, with their places."""
    from loa.monitoring.ingest import refresh_stories
    from loa.monitoring.models import Article, ArticlePlace
    from loa.pipeline.dedup import url_hash

    originals = list(Article.objects.order_by("pk"))
    places: dict[int, list[ArticlePlace]] = {}
    for row in ArticlePlace.objects.all():
        places.setdefault(row.article_id, []).append(row)
    copies: list[tuple[Article, Article]] = []
    generation = 0
    while len(originals) + len(copies) < target:
        generation += 1
        stories = _story_copies(generation)
        for original in originals:
            if len(originals) + len(copies) >= target:
                break
            copy = Article(
                **{
                    field.attname: getattr(original, field.attname)
                    for field in Article._meta.concrete_fields
                    if field.attname not in ("id", "ingested_at")
                }
            )
            copy.url = f"{original.url}?copy={generation}"
            copy.url_hash = url_hash(copy.url)
            copy.story_id = stories.get(original.story_id) if original.story_id else None
            copies.append((original, copy))
    Article.objects.bulk_create([copy for _, copy in copies], batch_size=500)
    ids = dict(Article.objects.filter(url__contains="?copy=").values_list("url_hash", "pk"))
    ArticlePlace.objects.bulk_create(
        [
            ArticlePlace(
                article_id=ids[copy.url_hash],
                province_id=row.province_id,
                commune_id=row.commune_id,
                mention=row.mention,
                legacy=row.legacy,
            )
            for original, copy in copies
            for row in places.get(original.pk, [])
        ],
        batch_size=1000,
    )
    refresh_stories({copy.story_id for _, copy in copies if copy.story_id})


def _reprocess(**options: Any) -> dict[str, Any]:
    from loa.monitoring import services

    started = time.perf_counter()
    run = services.reprocess_start(None, **options)
    seconds = time.perf_counter() - started
    run.refresh_from_db()
    return {
        "state": run.state,
        "processed": run.processed,
        "changed": run.changed,
        "failed": run.failed,
        "seconds": round(seconds, 2),
        "articles_per_s": round(run.processed / seconds, 1),
    }


def _retag(coordinator: Any) -> dict[str, Any]:
    from loa.monitoring import services
    from loa.monitoring.models import Sector

    started = time.perf_counter()
    sector = services.sector_save(coordinator, name="Thiên tai (đo)", query=RULE, agency=None)
    seconds = time.perf_counter() - started
    run = sector.retags.get()
    result = {
        "processed": run.processed,
        "gained": run.gained,
        "seconds": round(seconds, 2),
        "articles_per_s": round(run.processed / seconds, 1),
    }
    services.sector_delete(coordinator, Sector.objects.get(pk=sector.pk))
    return result


def _median(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    median = statistics.median_low(r["articles_per_s"] for r in rounds)
    chosen = next(r for r in rounds if r["articles_per_s"] == median)
    return {**chosen, "rounds_articles_per_s": [r["articles_per_s"] for r in rounds]}


def run() -> dict[str, Any]:
    os.environ.setdefault("LOA_LOG_LEVEL", "WARNING")
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"
    with throwaway_database("loa-bench-reprocess-"):
        logging.getLogger("httpx").setLevel(logging.WARNING)
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
        from django.contrib.auth import get_user_model

        from loa.monitoring.models import Article, Source
        from loa.monitoring.runtime import runtime

        ingested = _ingest_newsroom()
        _resample(ARTICLES)
        runtime().analyzer()  # loaded, as in a running worker
        tampered, unchanged, re_extracted, retagged = [], [], [], []
        admin = get_user_model().objects.create_superuser("bench", "bench@example.invalid", "bench")
        source = Source.objects.order_by("pk").first()
        assert source is not None
        for _ in range(ROUNDS):
            Article.objects.update(topic="khac")
            tampered.append(_reprocess())
            unchanged.append(_reprocess())
            re_extracted.append(_reprocess(source_id=source.pk, re_extract=True))
            retagged.append(_retag(admin))
        return {
            "articles": Article.objects.count(),
            "ingested_from_newsroom": ingested,
            "rounds": ROUNDS,
            "reprocess_every_article_changed": _median(tampered),
            "reprocess_nothing_to_change": _median(unchanged),
            "reprocess_re_extract_one_source": _median(re_extracted),
            "retag_new_sector": _median(retagged),
        }
