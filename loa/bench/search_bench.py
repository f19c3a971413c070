"""Search p95 for a diacritic-insensitive two-word query over 1,000,000 articles on the embedded
database (SQLite FTS5). The corpus is built by resampling sentences of VNTC (../shared/data) or, when
that is absent, of the sample newsroom; set LOA_BENCH_SEARCH_N for a smaller run."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import random
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from loa.bench.throwaway import DATABASE_FILE, throwaway_database

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "vntc" / "train.jsonl.gz"


def _sentences(limit: int = 400_000) -> list[str]:
    from loa.text import normalize

    pool: list[str] = []
    if SHARED.exists():
        with gzip.open(SHARED, "rt", encoding="utf-8") as handle:
            for line in handle:
                text = normalize(json.loads(line)["text"])
                pool.extend(s.strip() for s in text.replace("\n", " ").split(". ") if len(s) > 40)
                if len(pool) >= limit:
                    break
    else:
        from datetime import UTC, datetime

        from loa.demo.newsroom.catalog import build_catalog

        for article in build_catalog(datetime.now(UTC)):
            pool.extend(s.strip() for s in article.text.split(". ") if len(s) > 40)
    return pool


def _build(n: int, pool: list[str], rng: random.Random) -> None:
    from django.db import connection
    from django.utils import timezone

    from loa.monitoring.models import Source

    source = Source.objects.create(name="Nguồn đo hiệu năng", is_sample=True)
    now = timezone.now().isoformat()
    with connection.cursor() as cursor:
        for table in ("monitoring_article_fts_exact", "monitoring_article_fts_folded"):
            for suffix in ("ai", "ad", "au"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
        sql = (
            "INSERT INTO monitoring_article (source_id, url, url_hash, content_hash, title, text, published_at, "
            "ingested_at, raw_sha256, topic, sentiment, sentiment_score, sentiment_cues, relevance, is_sample) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, '', '', 'neutral', 0, '[]', 0, 1)"
        )
        batch = []
        for i in range(n):
            sentences = rng.sample(pool, rng.randint(3, 7))
            title = " ".join(sentences[0].split()[:12])
            batch.append(
                (source.pk, f"http://bench.test/{i}", f"u{i}", f"c{i}", title, ". ".join(sentences), now, now)
            )
            if len(batch) == 20_000:
                cursor.executemany(sql, batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)
        for table in ("monitoring_article_fts_exact", "monitoring_article_fts_folded"):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")


def _queries(pool: list[str], rng: random.Random, count: int) -> list[str]:
    from loa.text import search_key

    bigrams: Counter[str] = Counter()
    for sentence in rng.sample(pool, min(len(pool), 20_000)):
        words = search_key(sentence).split()
        bigrams.update(f"{a} {b}" for a, b in itertools.pairwise(words) if len(a) > 1 and len(b) > 1)
    common = [q for q, _ in bigrams.most_common(400)]
    rare = [q for q, c in bigrams.items() if c == 2]
    return [rng.choice(common if i % 2 else rare) for i in range(count)]


def run() -> dict[str, Any]:
    n = int(os.environ.get("LOA_BENCH_SEARCH_N", "1000000"))
    with throwaway_database("loa-bench-search-") as workdir:
        return _measure(n, Path(workdir, DATABASE_FILE))


def _measure(n: int, database: Path) -> dict[str, Any]:
    from loa.monitoring.search import search_articles

    rng = random.Random(7)
    pool = _sentences()
    started = time.perf_counter()
    _build(n, pool, rng)
    build_seconds = time.perf_counter() - started
    queries = _queries(pool, rng, 300)
    for query in queries[:20]:  # warm the page cache as a running server would be
        search_articles(query)
    timings = []
    for query in queries:
        t = time.perf_counter()
        search_articles(query)
        timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    size_mb = database.stat().st_size / 1e6
    return {
        "articles": n,
        "corpus": "VNTC resampled" if SHARED.exists() else "sample newsroom resampled",
        "queries": len(queries),
        "query_kind": "two words without diacritics, half frequent bigrams, half rare",
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
        "max_ms": round(timings[-1], 2),
        "target_p95_ms": 50,
        "build_seconds": round(build_seconds, 1),
        "database_mb": round(size_mb, 1),
    }
