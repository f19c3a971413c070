"""Trends fixtures: articles with stories, places and sectors at chosen moments (Vietnam time)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from loa.deadlines.calendar import VN_TZ

_serial = itertools.count(1)


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=VN_TZ)


def today() -> date:
    return timezone.localdate()


@pytest.fixture
def source(db):  # type: ignore[no-untyped-def]
    from loa.monitoring.models import Source

    return Source.objects.create(name="Báo Mẫu Thái Nguyên", is_sample=True)


@pytest.fixture
def commune(province):  # type: ignore[no-untyped-def]
    """Xã Ba Bể and its People's Committee (the agency its alerts route to)."""
    from loa.organisations.models import Agency, Commune

    place = Commune.objects.get(province=province, name="Xã Ba Bể")
    return place, Agency.objects.get(commune=place, role=Agency.Role.COMMUNE_COMMITTEE)


@pytest.fixture
def make_article(source, province) -> Callable[..., Any]:  # type: ignore[no-untyped-def]
    """An article published at `when` (ingested a minute later), in `story` if given."""
    from loa.monitoring.models import Article, ArticlePlace

    def make(
        when: datetime,
        *,
        story: Any = None,
        title: str = "",
        text: str = "Nội dung bài viết mẫu.",
        sentiment: str = "neutral",
        topic: str = "Doi song",
        communes: Sequence[Any] = (),
        sectors: Sequence[Any] = (),
        source_obj: Any = None,
    ) -> Any:
        n = next(_serial)
        article = Article.objects.create(
            source=source_obj or source,
            story=story,
            url=f"http://bao-mau.test/{n}",
            url_hash=f"url-{n}",
            content_hash=f"content-{n}",
            title=title or f"Bài mẫu số {n}",
            text=text,
            published_at=when,
            sentiment=sentiment,
            topic=topic,
        )
        Article.objects.filter(pk=article.pk).update(ingested_at=when + timedelta(minutes=1))
        article.refresh_from_db()
        for place in communes:
            ArticlePlace.objects.create(article=article, province=province, commune=place, mention=place.name)
        if sectors:
            article.sectors.set(sectors)
        return article

    return make


@pytest.fixture
def make_story(make_article) -> Callable[..., Any]:  # type: ignore[no-untyped-def]
    """A story of `copies` articles, the first at `when`, the rest over the next hours."""
    from loa.monitoring.models import Story

    def make(when: datetime, copies: int = 1, *, sentiment: str = "neutral", **kwargs: Any) -> Any:
        story = Story.objects.create(
            key=f"story-{next(_serial)}",
            title=kwargs.get("title") or "Tin mẫu",
            sentiment=sentiment,
            topic=kwargs.get("topic", "Doi song"),
            first_published_at=when,
        )
        for i in range(copies):
            make_article(when + timedelta(minutes=17 * i), story=story, sentiment=sentiment, **kwargs)
        return story

    return make


def point(key: str, day: date) -> tuple[int, int]:
    """(count, negative) of a key's day bucket."""
    from loa.trends.aggregate import DAY, day_start
    from loa.trends.models import SeriesPoint

    row = SeriesPoint.objects.filter(key=key, granularity=DAY, start=day_start(day)).first()
    return (row.count, row.negative) if row else (0, 0)


@pytest.fixture
def background(source, province) -> Callable[..., list[int]]:  # type: ignore[no-untyped-def]
    """Ordinary weeks before `until`: 2–4 stories a day across communes, one in ten negative, and now
    and then one in Ba Bể. Deterministic; written in bulk. Returns the article ids."""
    import random

    from django.db.models import F

    from loa.monitoring.models import Article, ArticlePlace, Story
    from loa.organisations.models import Commune

    def make(until: date, days: int = 42, seed: int = 7) -> list[int]:
        rng = random.Random(seed)
        communes = list(
            Commune.objects.filter(province=province).exclude(name="Xã Ba Bể").order_by("code")[:12]
        )
        ba_be = Commune.objects.get(province=province, name="Xã Ba Bể")
        plan = []
        for offset in range(days, 0, -1):
            day = until - timedelta(days=offset)
            for _ in range(rng.randint(2, 4)):
                plan.append(
                    (
                        at(day, rng.randint(6, 21), rng.randint(0, 59)),
                        rng.randint(1, 3),
                        "negative" if rng.random() < 0.1 else "neutral",
                        ba_be if rng.random() < 0.06 else rng.choice(communes),
                        rng.choice(["Doi song", "Kinh doanh", "Suc khoe"]),
                    )
                )
        stories = Story.objects.bulk_create(
            [
                Story(
                    key=f"bg-{next(_serial)}",
                    title="Tin thường ngày",
                    sentiment=s,
                    topic=t,
                    first_published_at=w,
                )
                for w, _, s, _, t in plan
            ]
        )
        articles = []
        for story, (when, copies, sentiment, _, topic) in zip(stories, plan, strict=True):
            for i in range(copies):
                n = next(_serial)
                articles.append(
                    Article(
                        source=source,
                        story=story,
                        url=f"http://bao-mau.test/bg{n}",
                        url_hash=f"bg-{n}",
                        content_hash=f"bgc-{n}",
                        title=f"Tin thường ngày {n}",
                        text="Nội dung.",
                        published_at=when + timedelta(minutes=23 * i),
                        sentiment=sentiment,
                        topic=topic,
                    )
                )
        created = Article.objects.bulk_create(articles)
        ids = (
            [a.pk for a in created]
            if created and created[0].pk
            else list(
                Article.objects.filter(url_hash__in=[a.url_hash for a in articles]).values_list(
                    "pk", flat=True
                )
            )
        )
        Article.objects.filter(pk__in=ids).update(ingested_at=F("published_at") + timedelta(minutes=1))
        place_of = {story.pk: place for story, (_, _, _, place, _) in zip(stories, plan, strict=True)}
        ArticlePlace.objects.bulk_create(
            [
                ArticlePlace(article_id=pk, province=province, commune=place_of[story_id], mention="")
                for pk, story_id in Article.objects.filter(pk__in=ids).values_list("pk", "story_id")
            ]
        )
        return ids

    return make


@pytest.fixture
def surge(make_story, commune) -> Callable[..., list[int]]:  # type: ignore[no-untyped-def]
    """`count` negative stories about Ba Bể between 07:00 and `until_hour` on `day`."""
    from loa.monitoring.models import Article

    def make(day: date, count: int = 8, until_hour: int = 9) -> list[int]:
        place, _ = commune
        ids: list[int] = []
        for i in range(count):
            minutes = int((until_hour - 7) * 60 * i / max(count, 1))
            story = make_story(
                at(day, 7) + timedelta(minutes=minutes),
                copies=2,
                sentiment="negative",
                communes=[place],
                topic="Suc khoe",
                title=f"Nước sinh hoạt ở xã Ba Bể nhiễm bẩn ({i + 1})",
            )
            ids += list(Article.objects.filter(story=story).values_list("pk", flat=True))
        return ids

    return make


@pytest.fixture
def monitoring_fast() -> Iterator[None]:
    """Monitoring's loopback settings (short fetch timeouts, private hosts allowed) and a story index
    that starts empty with this test's database."""
    from loa.monitoring.runtime import runtime

    # Generous timeouts: on a loaded machine (the suite runs two workers and browsers) a loopback page
    # can take seconds, and a fetch that times out would leave the surge half ingested.
    loopback = {
        "connect_timeout": 10.0,
        "read_timeout": 20.0,
        "total_timeout": 30.0,
        "max_retries": 1,
        "per_host_min_delay": 0.0,
        "per_host_concurrency": 8,
        "trust_env": False,
    }
    runtime().forget_database()
    with override_settings(LOA_MONITORING_FETCH=loopback, LOA_MONITORING_ALLOW_PRIVATE_HOSTS=True):
        yield
    runtime().forget_database()
