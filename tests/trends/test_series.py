"""Series counted by story: copies do not inflate, updates are idempotent, merges and searches."""

from __future__ import annotations

from datetime import timedelta

import pytest

from loa.monitoring.models import Article, SavedSearch, Sector, Story
from loa.trends import aggregate
from loa.trends import keys as K
from loa.trends.models import SeriesMember, SeriesPoint
from tests.trends.conftest import at, point, today

pytestmark = pytest.mark.django_db


def test_fifty_copies_are_one_story_on_the_day_of_the_first(make_story, commune):
    place, committee = commune
    day = today() - timedelta(days=3)
    story = make_story(at(day, 20), copies=50, sentiment="negative", communes=[place])
    aggregate.refresh_articles(Article.objects.filter(story=story).values_list("pk", flat=True))
    assert point(K.ALL, day) == (1, 1)
    assert point(K.commune(place.code), day) == (1, 1)
    # Copies republished on the next days count nothing there.
    assert Article.objects.filter(story=story, published_at__date__gt=day).exists()
    assert point(K.ALL, day + timedelta(days=1)) == (0, 0)
    # The commune's People's Committee follows the commune's series; its own counts its sectors only.
    assert point(K.agency(committee.pk), day) == (0, 0)


def test_lone_articles_each_count_and_sentiment_follows_the_story(make_article, make_story):
    day = today() - timedelta(days=1)
    a = make_article(at(day, 7), sentiment="negative")
    b = make_article(at(day, 9), sentiment="neutral")
    story = make_story(at(day, 10), copies=3, sentiment="neutral")
    Article.objects.filter(story=story).update(sentiment="negative")  # copies disagree: the story decides
    aggregate.refresh_articles([a.pk, b.pk, *story.articles.values_list("pk", flat=True)])
    assert point(K.ALL, day) == (3, 1)
    assert point(K.topic("Doi song"), day) == (3, 1)


def test_updates_are_idempotent_and_match_a_rebuild(make_story, make_article, commune):
    place, _ = commune
    day = today() - timedelta(days=2)
    stories = [make_story(at(day, h), copies=4, communes=[place]) for h in (6, 12, 18)]
    lone = make_article(at(day + timedelta(days=1), 11), sentiment="negative")
    ids = list(Article.objects.values_list("pk", flat=True))
    aggregate.refresh_articles(ids)
    first = sorted(SeriesPoint.objects.values_list("key", "granularity", "start", "count", "negative"))
    aggregate.refresh_articles(ids)
    aggregate.refresh_articles(ids[:3])
    assert (
        sorted(SeriesPoint.objects.values_list("key", "granularity", "start", "count", "negative")) == first
    )
    aggregate.rebuild()
    assert (
        sorted(SeriesPoint.objects.values_list("key", "granularity", "start", "count", "negative")) == first
    )
    assert point(K.commune(place.code), day) == (3, 0)
    assert point(K.ALL, day + timedelta(days=1)) == (1, 1)
    assert len(stories) == 3 and lone.story is None


def test_hourly_buckets_follow_the_first_copy(make_story):
    from loa.trends.aggregate import HOUR, hour_start

    day = today() - timedelta(days=1)
    make_story(at(day, 9, 40), copies=5)
    aggregate.rebuild()
    hours = list(SeriesPoint.objects.filter(key=K.ALL, granularity=HOUR).values_list("start", "count"))
    assert hours == [(hour_start(at(day, 9, 40)), 1)]


def test_a_late_copy_of_an_older_story_moves_nothing(make_story, make_article):
    day = today() - timedelta(days=5)
    story = make_story(at(day, 9), copies=2)
    aggregate.refresh_articles(story.articles.values_list("pk", flat=True))
    late = make_article(at(today() - timedelta(days=1), 9), story=story)
    aggregate.refresh_articles([late.pk])
    assert point(K.ALL, day) == (1, 0)
    assert point(K.ALL, today() - timedelta(days=1)) == (0, 0)


def test_an_earlier_copy_moves_the_story_to_its_day(make_story, make_article):
    day = today() - timedelta(days=2)
    story = make_story(at(day, 9), copies=2)
    aggregate.refresh_articles(story.articles.values_list("pk", flat=True))
    early = make_article(at(day - timedelta(days=1), 22), story=story)
    aggregate.refresh_articles([early.pk])
    assert point(K.ALL, day) == (0, 0)
    assert point(K.ALL, day - timedelta(days=1)) == (1, 0)


def test_merged_story_is_counted_once_after_reconcile(make_story):
    day = today() - timedelta(days=1)
    a = make_story(at(day, 8), copies=2)
    b = make_story(at(day, 9), copies=2)
    aggregate.refresh_articles(Article.objects.values_list("pk", flat=True))
    assert point(K.ALL, day) == (2, 0)
    # Monitoring merges b into a: the articles move, the story row goes.
    Article.objects.filter(story=b).update(story=a)
    Story.objects.filter(pk=b.pk).delete()
    aggregate.reconcile(day - timedelta(days=1))
    assert point(K.ALL, day) == (1, 0)
    assert not SeriesMember.objects.filter(story_ref=b.pk).exists()


def test_lone_article_joining_a_story_leaves_its_own_unit(make_article, make_story):
    day = today() - timedelta(days=1)
    lone = make_article(at(day, 7))
    aggregate.refresh_articles([lone.pk])
    story = make_story(at(day, 8), copies=1)
    Article.objects.filter(pk=lone.pk).update(story=story)
    aggregate.refresh_articles([lone.pk])
    assert point(K.ALL, day) == (1, 0)
    assert not SeriesMember.objects.filter(unit=f"a{lone.pk}").exists()


def test_saved_searches_and_sectors_are_series(make_article, commune, agencies, users):
    place, _ = commune
    sector = Sector.objects.create(name="Nước sạch", query="nước sạch", agency=agencies["so-tai-chinh"])
    day = today() - timedelta(days=1)
    make_article(
        at(day, 8), title="Nước sinh hoạt nhiễm bẩn ở Ba Bể", text="Người dân lo lắng.", sectors=[sector]
    )
    make_article(at(day, 9), title="Lễ hội mùa xuân", text="Nước chảy đá mòn.", communes=[place])
    plain = SavedSearch.objects.create(owner=users["viewer"], name="Nước", query="nuoc sinh hoat")
    filtered = SavedSearch.objects.create(
        owner=users["viewer"], name="Ba Bể", query="", filters={"commune": [str(place.pk)]}
    )
    excluded = SavedSearch.objects.create(owner=users["viewer"], name="Không lễ hội", query='nước -"lễ hội"')
    aggregate.rebuild()
    assert point(K.search(plain.pk), day) == (1, 0)
    assert point(K.search(filtered.pk), day) == (1, 0)
    assert point(K.search(excluded.pk), day) == (1, 0)
    assert point(K.sector(sector.pk), day) == (1, 0)
    assert point(K.agency(agencies["so-tai-chinh"].pk), day) == (1, 0)
    assert aggregate.SearchMatcher(SavedSearch(query="", filters={})).matches_everything
    assert not aggregate.SearchMatcher(filtered).matches_everything


def test_keys_are_labelled_and_routed(commune, agencies):
    place, committee = commune
    sector = Sector.objects.create(name="Y tế", query="bệnh viện", agency=agencies["so-tu-phap"])
    labels = K.labels([K.ALL, K.commune(place.code), K.topic("Suc khoe"), K.sector(sector.pk)])
    assert labels[K.ALL] == "Toàn tỉnh" and labels[K.commune(place.code)] == "Xã Ba Bể"
    assert labels[K.topic("Suc khoe")] == "Chủ đề: Sức khỏe"
    routes = K.routed_agencies([K.commune(place.code), K.sector(sector.pk), K.ALL])
    assert routes == {
        K.commune(place.code): [committee.pk],
        K.sector(sector.pk): [agencies["so-tu-phap"].pk],
        K.ALL: [],
    }
    with pytest.raises(ValueError):
        K.parse("sector:abc")
    assert set(K.agency_keys(committee)) == {K.agency(committee.pk), K.commune(place.code)}
