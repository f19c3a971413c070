"""Fetch + extract throughput against the local sample newsroom (articles/s; target for ingest: ≥ 100/s).

The newsroom runs in its own process, as a real site would, on loopback. Measured:

* feeds: the six outlet feeds fetched and parsed;
* fetch only: every article page through :class:`loa.pipeline.fetch.Fetcher` (keep-alive, threads,
  no politeness delay: it is our own server), ``ROUNDS`` times;
* extract only: :func:`loa.pipeline.extract.extract_article` on the fetched pages, one core;
* end to end, two ways: fetch threads feeding extraction in the same process, and a pool of
  ``cpu_count`` processes each fetching and extracting its share;
* trafilatura settings side by side on the same pages (speed and text quality against the known
  article text), which is how the defaults in ExtractOptions were chosen.
"""

from __future__ import annotations

import difflib
import multiprocessing
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from typing import Any

from loa.demo.newsroom import build_catalog, sources, start_newsroom
from loa.demo.newsroom.catalog import SampleArticle
from loa.pipeline.extract import ExtractOptions, extract_article
from loa.pipeline.feeds import parse_feed
from loa.pipeline.fetch import Fetcher, FetchPolicy, FetchRequest, FetchResult
from loa.text import normalize

NOW = datetime(2025, 11, 20, 3, 0, tzinfo=UTC)
ROUNDS = 3
WORKERS = 8
TARGET_PER_SECOND = 100
POLICY = FetchPolicy(
    per_host_concurrency=WORKERS,
    per_host_min_delay=0.0,
    max_retries=0,
    trust_env=False,
    max_connections=WORKERS,
)
SETTINGS: dict[str, ExtractOptions] = {
    "default (fast, favor_precision)": ExtractOptions(),
    "fast, balanced": ExtractOptions(favor_precision=False),
    "trafilatura fallbacks (fast=False)": ExtractOptions(fast=False),
    "with tables": ExtractOptions(include_tables=True),
}


def _serve(conn: Connection) -> None:
    with start_newsroom(port=0, now=NOW, clock=lambda: NOW) as server:
        conn.send(server.url)
        conn.recv()  # any message: stop


def _fetch_and_extract(args: tuple[list[str], dict[str, str]]) -> int:
    """One worker process: fetch its share of the URLs and extract each page (returns pages extracted)."""
    urls, dates = args
    done = 0
    with Fetcher(POLICY) as fetcher:
        for _request, outcome in fetcher.fetch_many([FetchRequest(u) for u in urls], workers=WORKERS):
            if isinstance(outcome, FetchResult):
                published = datetime.fromisoformat(dates[outcome.url])
                done += extract_article(outcome.text, outcome.url, now=NOW, feed_published=published).ok
    return done


def _quality(text: str, article: SampleArticle) -> float:
    return difflib.SequenceMatcher(
        None, text.split(), normalize(article.text).split(), autojunk=False
    ).ratio()


def _measure(base: str, catalog: list[SampleArticle]) -> dict[str, Any]:
    by_url = {base + a.path: a for a in catalog}
    urls = list(by_url) * ROUNDS
    results: dict[str, Any] = {"articles": len(catalog), "rounds": ROUNDS, "fetch_workers": WORKERS}

    with Fetcher(POLICY) as fetcher:
        started = time.perf_counter()
        entries = 0
        for source in sources(base):
            feed = fetcher.fetch(source["feed_url"])
            assert isinstance(feed, FetchResult)
            entries += len(parse_feed(feed.body, feed.final_url).entries)
        results["feeds_seconds"] = round(time.perf_counter() - started, 3)
        results["feed_entries"] = entries

        started = time.perf_counter()
        pages: dict[str, str] = {}
        for _request, outcome in fetcher.fetch_many([FetchRequest(u) for u in urls], workers=WORKERS):
            assert isinstance(outcome, FetchResult), outcome
            pages[outcome.url] = outcome.text
        fetch_seconds = time.perf_counter() - started
        results["fetch_only_per_s"] = round(len(urls) / fetch_seconds, 1)

        timings = []
        for url, html in pages.items():
            article = by_url[url]
            started = time.perf_counter()
            extract_article(html, url, now=NOW, feed_published=article.published)
            timings.append(time.perf_counter() - started)
        results["extract_ms_median"] = round(statistics.median(timings) * 1000, 2)
        results["extract_ms_p95"] = round(statistics.quantiles(timings, n=20)[-1] * 1000, 2)
        results["extract_only_per_s"] = round(len(timings) / sum(timings), 1)

        started, cpu = time.perf_counter(), time.process_time()
        ok = 0
        for _request, outcome in fetcher.fetch_many([FetchRequest(u) for u in urls], workers=WORKERS):
            assert isinstance(outcome, FetchResult)
            article = by_url[outcome.url]
            ok += extract_article(outcome.text, outcome.url, now=NOW, feed_published=article.published).ok
        threads_seconds = time.perf_counter() - started
        client_cpu_ms = (time.process_time() - cpu) / len(urls) * 1000
        results["end_to_end_threads_per_s"] = round(len(urls) / threads_seconds, 1)
        results["extracted_ok"] = f"{ok}/{len(urls)}"
        # Wall-clock rates depend on what else runs on the machine; CPU per article does not.
        results["client_cpu_ms_per_article"] = round(client_cpu_ms, 2)
        results["capacity_per_core_per_s"] = round(1000 / client_cpu_ms, 1)

    processes = os.cpu_count() or 1
    dates = {u: a.published.isoformat() for u, a in by_url.items()}
    shares = [(urls[i::processes], dates) for i in range(processes)]
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_fetch_and_extract, [([u], dates) for u in urls[:processes]]))  # warm the workers up
        started = time.perf_counter()
        done = sum(pool.map(_fetch_and_extract, shares))
        process_seconds = time.perf_counter() - started
    results["end_to_end_processes"] = processes
    results["end_to_end_processes_per_s"] = round(done / process_seconds, 1)

    results["loadavg_1min"] = round(os.getloadavg()[0], 2)
    best = max(results["end_to_end_threads_per_s"], results["end_to_end_processes_per_s"])
    results["end_to_end_best_per_s"] = best
    results["target_per_s"] = TARGET_PER_SECOND
    results["meets_target"] = best >= TARGET_PER_SECOND

    sample = {url: pages[url] for url in list(by_url)}
    comparison = {}
    for name, options in SETTINGS.items():
        started = time.perf_counter()
        scores = []
        for url, html in sample.items():
            article = by_url[url]
            extracted = extract_article(html, url, now=NOW, feed_published=article.published, options=options)
            scores.append(_quality(extracted.text, article))
        elapsed = time.perf_counter() - started
        comparison[name] = {
            "ms_per_page": round(elapsed / len(sample) * 1000, 2),
            "mean_similarity": round(statistics.fmean(scores), 4),
            "pages_at_0.95": sum(s >= 0.95 for s in scores),
        }
    results["settings"] = comparison
    return results


def run() -> dict[str, Any]:
    catalog = build_catalog(NOW)
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    server = context.Process(target=_serve, args=(child,), daemon=True)
    server.start()
    try:
        base = parent.recv()
        return _measure(base, catalog)
    finally:
        parent.send("stop")
        server.join(timeout=10)
