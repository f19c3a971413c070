"""The sample newsroom's ground truth as monitored articles, for the alert benchmark and the end-to-end
tests: each sample article stored the way ingest stores it (its outlet as the source, one story per
story key, the communes it is about, its tone as sentiment), skipping fetch and extraction, which are
measured elsewhere. Sample data only (`is_sample`)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.db.models import F

from loa.demo.newsroom import SampleArticle
from loa.demo.newsroom.content import OUTLETS_BY_SLUG
from loa.monitoring.models import Article, ArticlePlace, Source, Story
from loa.organisations.models import Commune
from loa.text import normalize, search_key

TOPICS = {"y_te": "Suc khoe", "o_nhiem": "Doi song", "thien_tai": "Doi song", "giao_thong": "Doi song"}


def store_samples(samples: Sequence[SampleArticle], province: Any, base_url: str) -> list[int]:
    """Save sample articles as monitoring would (idempotent per URL); returns the new articles' ids."""
    communes = {c.search_key: c for c in Commune.objects.filter(province=province)}
    ids = []
    for sample in samples:
        url = base_url + sample.path
        url_hash = hashlib.sha256(url.encode()).hexdigest()
        if Article.objects.filter(url_hash=url_hash).exists():
            continue
        outlet = OUTLETS_BY_SLUG[sample.outlet]
        source, _ = Source.objects.get_or_create(name=outlet.name, defaults={"is_sample": True})
        story, _ = Story.objects.get_or_create(
            key=sample.story_key,
            defaults={
                "title": normalize(sample.title),
                "sentiment": sample.tone,
                "topic": TOPICS.get(sample.theme, ""),
                "first_published_at": sample.published,
            },
        )
        article = Article.objects.create(
            source=source,
            story=story,
            url=url,
            url_hash=url_hash,
            content_hash=hashlib.sha256(sample.text.encode()).hexdigest(),
            title=normalize(sample.title),
            text=normalize(sample.text),
            published_at=sample.published,
            sentiment=sample.tone,
            topic=story.topic,
            is_sample=True,
        )
        for name in sample.communes:
            place = communes.get(search_key(name))
            if place is not None:
                ArticlePlace.objects.create(article=article, province=province, commune=place, mention=name)
        ids.append(article.pk)
    # Seen by Loa a couple of minutes after publication, as the feeds are polled.
    Article.objects.filter(pk__in=ids).update(ingested_at=F("published_at") + timedelta(minutes=2))
    return ids
