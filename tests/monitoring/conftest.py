"""Monitoring fixtures: the sample newsroom and the fault server on loopback, tiny fetch timeouts, and
sources registered through the services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import override_settings

from loa.demo.httpserver import RunningServer
from loa.monitoring import hooks, services
from loa.monitoring.models import Source
from loa.monitoring.runtime import runtime

# Loopback servers answer at once: short timeouts, no retries inside a fetch, no politeness delay.
FAST_FETCH = {
    "connect_timeout": 1.0,
    "read_timeout": 0.5,
    "total_timeout": 3.0,
    "max_retries": 0,
    "per_host_min_delay": 0.0,
    "per_host_concurrency": 8,
    "trust_env": False,
}


def fast() -> override_settings:
    return override_settings(LOA_MONITORING_FETCH=FAST_FETCH, LOA_MONITORING_ALLOW_PRIVATE_HOSTS=True)


TWO_OUTLETS = ("bao-thai-nguyen", "tin-mien-nui")


@pytest.fixture(scope="session")
def newsroom() -> Iterator[RunningServer]:
    from loa.demo.newsroom import start_newsroom

    with start_newsroom(port=0) as server:
        yield server


@pytest.fixture(scope="session")
def faults() -> Iterator[RunningServer]:
    from loa.demo.faults import start_fault_server

    with start_fault_server() as server:
        yield server


@pytest.fixture(autouse=True)
def _monitoring_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fast fetching; no listeners (trends), on ingest or re-tagging, unless a test sets them; a story
    index that matches the test's database (each test rolls back what the previous one saved).

    The listeners are patched through the test's own ``monkeypatch``: pytest-django's autouse fixtures
    create it before this one, so a private MonkeyPatch would be undone first, and a test that patches
    the listeners again would then "restore" them to the empty tuple for every later test in the
    process (the trends end-to-end test then saw no alert)."""
    runtime().forget_database()
    monkeypatch.setattr(hooks, "LISTENERS", ())
    monkeypatch.setattr(hooks, "RELABEL_LISTENERS", ())
    with fast():
        yield
    runtime().forget_database()


def register(newsroom: RunningServer, slugs: tuple[str, ...] = TWO_OUTLETS) -> list[Source]:
    """The newsroom's outlets (some of them) as sources, through the service."""
    from loa.demo.newsroom import sources

    created = []
    for row in sources(newsroom.url):
        if row["slug"] in slugs:
            created.append(
                services.source_create(
                    None, name=row["name"], homepage=row["homepage"], feeds=[row["feed_url"]], is_sample=True
                )
            )
    return created


def fault_source(faults: RunningServer, path: str, name: str | None = None) -> Source:
    return services.source_create(None, name=name or f"Nguồn lỗi {path}", feeds=[faults.url + path])


@dataclass
class Ingested:
    sources: list[Source]
    articles: int
    totals: dict[str, int]


def ingest_newsroom(newsroom: RunningServer, slugs: tuple[str, ...] = TWO_OUTLETS) -> Ingested:
    from loa.monitoring.commands import poll_cycle
    from loa.monitoring.models import Article

    created = register(newsroom, slugs)
    totals = poll_cycle(poll_all=True, report=lambda line: None)
    return Ingested(created, Article.objects.count(), totals)


@pytest.fixture(scope="module")
def ingested(django_db_setup: Any, django_db_blocker: Any, newsroom: RunningServer) -> Iterator[Ingested]:
    """Two outlets of the newsroom ingested once for a whole module of read-only tests (committed, and
    removed afterwards)."""
    from loa.monitoring.models import Article, IngestItem, Sector, Story

    with django_db_blocker.unblock(), fast(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(hooks, "LISTENERS", ())
        patch.setattr(hooks, "RELABEL_LISTENERS", ())
        runtime().forget_database()
        services.sector_save(None, name="Thiên tai", query='"sạt lở" OR "lũ quét" OR ngập', agency=None)
        result = ingest_newsroom(newsroom)
        yield result
        IngestItem.objects.all().delete()
        Article.objects.all().delete()
        Story.objects.all().delete()
        Source.objects.all().delete()
        Sector.objects.all().delete()
        runtime().forget_database()
