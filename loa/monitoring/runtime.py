"""What a worker process keeps between batches: fetchers per politeness policy, the analyzer with its
story index (kept in step with the database, see :mod:`loa.monitoring.ingest`), sector rules and
place codes; and the lock around story assignment."""

from __future__ import annotations

import ipaddress
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection
from django.db.models import Max

from loa.monitoring import conf
from loa.monitoring.models import (
    Article,
    Sector,
    Source,
)
from loa.organisations.models import Commune, Province
from loa.pipeline.analyze import Analyzer
from loa.pipeline.archive import RawArchive
from loa.pipeline.dedup import DedupParams, Fingerprint, StoryIndex
from loa.pipeline.fetch import Fetcher, FetchPolicy
from loa.pipeline.places import PlaceMention
from loa.pipeline.sectors import SectorRule, SectorRuleError

log = logging.getLogger(__name__)

STORY_LOCK = 0x4C4F4153  # "LOAS": the PostgreSQL advisory lock around story assignment


def _is_private_url(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local


def policy_for(source: Source, url: str) -> FetchPolicy:
    """The settings' fetch policy with the source's own politeness limits."""
    policy = conf.fetch_policy()
    changes: dict[str, Any] = {}
    if source.fetch_concurrency:
        changes["per_host_concurrency"] = source.fetch_concurrency
        changes["max_connections"] = max(policy.max_connections, source.fetch_concurrency)
    if source.fetch_min_delay is not None:
        changes["per_host_min_delay"] = source.fetch_min_delay
    if _is_private_url(url):
        changes["trust_env"] = False  # a proxy from the environment never reaches this machine's loopback
    return replace(policy, **changes) if changes else policy


class _MemoFinder:
    """The analyzer's place finder, remembering each text's mentions for the batch, so that relevance
    and the old-name flag can be read afterwards without a second pass."""

    def __init__(self, finder: Any) -> None:
        self.finder = finder
        self._memo: dict[str, list[PlaceMention]] = {}

    def find(self, text: str) -> list[PlaceMention]:
        found = self._memo.get(text)
        if found is None:
            found = self._memo[text] = self.finder.find(text)
        return found

    def clear(self) -> None:
        self._memo.clear()


class Runtime:
    """What a worker process loads once: one Fetcher per politeness policy (connections and robots.txt
    are reused), the analyzer (topic model, gazetteer) and its story index, the compiled sector rules."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._fetchers: dict[FetchPolicy, Fetcher] = {}
        self._analyzer: Analyzer | None = None
        self._finder: _MemoFinder | None = None
        self.home_code: str | None = None
        self.synced_id = 0  # articles up to this id are in the story index
        self._rules_key: tuple[tuple[int, str], ...] | None = None
        self._rules: tuple[SectorRule, ...] = ()
        self._places: tuple[dict[str, int], dict[str, int]] | None = None
        # Long-lived threads: starting a pool per batch costs more than a batch's fetching on a busy machine.
        self.fetch_pool = ThreadPoolExecutor(max_workers=16, thread_name_prefix="loa-fetch")
        self.archive_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="loa-archive")

    def fetcher(self, policy: FetchPolicy) -> Fetcher:
        with self.lock:
            fetcher = self._fetchers.get(policy)
            if fetcher is None:
                fetcher = self._fetchers[policy] = Fetcher(policy)
            return fetcher

    def fetcher_for(self, source: Source, url: str) -> Fetcher:
        return self.fetcher(policy_for(source, url))

    def analyzer(self) -> Analyzer:
        with self.lock:
            if self._analyzer is None:
                home = Province.objects.filter(is_home=True).values_list("code", flat=True).first()
                self.home_code = home
                analyzer = Analyzer.load(home_province_code=home, stories=self._fresh_index())
                self._finder = _MemoFinder(analyzer.places)
                analyzer.places = self._finder
                self._analyzer = analyzer
            return self._analyzer

    def finder(self) -> _MemoFinder:
        self.analyzer()
        assert self._finder is not None
        return self._finder

    @staticmethod
    def _fresh_index() -> StoryIndex:
        return StoryIndex(DedupParams(), max_articles=conf.story_window())

    def invalidate_stories(self) -> None:
        """Forget the story index (after a failed save); the next batch rebuilds it from the database."""
        with self.lock:
            if self._analyzer is not None:
                self._analyzer.stories = self._fresh_index()
            self.synced_id = 0

    def forget_database(self) -> None:
        """Drop everything read from the database (the story index, codes, rules), keeping the loaded
        models and connections: for a worker pointed at another database, and for tests."""
        with self.lock:
            self.invalidate_stories()
            self._places = None
            self._rules_key = None
            self._rules = ()

    def sync_stories(self) -> None:
        """Add the articles saved since the last batch (by any process) to the story index.

        Call with the story lock held. The first call loads the newest ``story_window`` articles.
        """
        analyzer = self.analyzer()
        latest = Article.objects.aggregate(latest=Max("pk"))["latest"] or 0
        if latest < self.synced_id:  # rows vanished under us (a database reset): start again
            self.invalidate_stories()
        if latest == self.synced_id:
            return
        rows = Article.objects.filter(pk__gt=self.synced_id, pk__lte=latest).exclude(minhash=None)
        if self.synced_id == 0:
            window = conf.story_window()
            floor = Article.objects.order_by("-pk").values_list("pk", flat=True)[window - 1 : window].first()
            if floor is not None:
                rows = rows.filter(pk__gte=floor)
        index = analyzer.stories
        for article_hash, story_key, data in (
            rows.order_by("pk").values_list("url_hash", "story__key", "minhash").iterator(chunk_size=2000)
        ):
            if data is not None:
                index.insert(article_hash, story_key or article_hash, Fingerprint.from_bytes(bytes(data)))
        self.synced_id = latest

    def sector_rules(self) -> tuple[SectorRule, ...]:
        key = tuple(Sector.objects.filter(is_active=True).order_by("pk").values_list("pk", "query"))
        if key != self._rules_key:
            rules = []
            for pk, query in key:
                try:
                    rules.append(SectorRule(str(pk), query))
                except SectorRuleError as exc:  # saved before validation existed, or edited in the admin
                    log.warning("sector rule %s ignored: %s", pk, exc)
            self._rules, self._rules_key = tuple(rules), key
        return self._rules

    def place_ids(self) -> tuple[dict[str, int], dict[str, int]]:
        """Province and commune codes to primary keys (communes: the home province's only)."""
        if self._places is None:
            provinces = dict(Province.objects.values_list("code", "pk"))
            communes = dict(Commune.objects.values_list("code", "pk"))
            self._places = (provinces, communes)
        return self._places

    def close(self) -> None:
        with self.lock:
            self.fetch_pool.shutdown(wait=True)
            self.archive_pool.shutdown(wait=True)
            for fetcher in self._fetchers.values():
                fetcher.close()
            self._fetchers.clear()


_runtime: Runtime | None = None
_runtime_lock = threading.Lock()


def runtime() -> Runtime:
    global _runtime
    with _runtime_lock:
        if _runtime is None:
            _runtime = Runtime()
        return _runtime


def reset_runtime() -> None:
    """Drop the worker state (tests, benchmarks, after the database was replaced)."""
    global _runtime
    with _runtime_lock:
        if _runtime is not None:
            _runtime.close()
        _runtime = None


def raw_archive() -> RawArchive:
    return RawArchive(settings.DATA_DIR / "archive")


def lock_stories() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STORY_LOCK])
