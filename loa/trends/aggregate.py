"""Series counted by story, kept up to date from ingested articles.

A story counts once per key, on the local day and hour of its first copy, and is negative when the
story is (the story's sentiment, or its first copy's when the story has none); an article that belongs
to no story counts as its own story. So fifty republished copies are one event on one day, and a late
copy of an old story does not add a new one.

Each (unit, key) membership is a `SeriesMember` row; `SeriesPoint` buckets are recomputed from them
(never incremented), so replaying an update, or running two at once, gives the same counts. A story
merged into another disappears from the monitoring tables: `sweep` removes its stale rows, and the
hourly `reconcile` recomputes every unit of the last days from scratch.

Keys of a story are the union over its copies (see `loa.trends.keys`): all, its topic, each sector and
the sector's agency, each commune, and every saved search it matches.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Min, Q

from loa.monitoring.models import Article, ArticlePlace, SavedSearch, Sentiment, Story
from loa.monitoring.search import parse_query
from loa.text import fold
from loa.trends import keys as K
from loa.trends.models import SeriesMember, SeriesPoint

CHUNK = 400
_WORD = re.compile(r"\w+", re.UNICODE)


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=local_zone())


def hour_start(moment: datetime) -> datetime:
    return moment.astimezone(local_zone()).replace(minute=0, second=0, microsecond=0)


def article_time(published_at: datetime | None, ingested_at: datetime) -> datetime:
    """When an article counts: its publication time, never later than when Loa saw it (a page dated in
    the future is dated by its ingestion)."""
    if published_at is None:
        return ingested_at
    return min(published_at, ingested_at)


# --- saved searches ------------------------------------------------------------------------------


class SearchMatcher:
    """A saved search applied to one article in memory, with the semantics of `monitoring.search`:
    every required word or phrase present and no excluded one, ignoring diacritics, plus the filters
    stored with it (query parameters as lists: source, topic, sentiment, sector, commune, agency; the
    dates are ignored, since a series spans all time)."""

    ID_FILTERS = ("source", "sector", "commune", "agency")
    TEXT_FILTERS = ("topic", "sentiment")

    def __init__(self, saved: SavedSearch) -> None:
        parsed = parse_query(saved.query or "")
        self.key = K.search(saved.pk)
        self.required = [" ".join(fold(w) for w in phrase) for phrase in parsed.required]
        self.excluded = [" ".join(fold(w) for w in phrase) for phrase in parsed.excluded]
        raw = saved.filters if isinstance(saved.filters, dict) else {}
        self.filters: dict[str, set[Any]] = {}
        for name in (*self.ID_FILTERS, *self.TEXT_FILTERS):
            values = raw.get(name) or []
            values = [values] if isinstance(values, str | int) else values
            cleaned = {str(v).strip() for v in values if str(v).strip()}
            if name in self.ID_FILTERS:
                cleaned = {int(v) for v in cleaned if v.isdigit()}  # type: ignore[misc]
            if cleaned:
                self.filters[name] = cleaned

    @property
    def matches_everything(self) -> bool:
        return not self.required and not self.excluded and not self.filters

    def matches(self, facts: ArticleFacts) -> bool:
        checks: dict[str, set[Any]] = {
            "source": {facts.source_id},
            "sector": facts.sector_ids,
            "commune": facts.commune_ids,
            "agency": facts.sector_agency_ids,
            "topic": {facts.topic},
            "sentiment": {facts.sentiment},
        }
        if any(not wanted & checks[name] for name, wanted in self.filters.items()):
            return False
        if not self.required and not self.excluded:
            return True
        text = facts.folded_text()
        return all(f" {p} " in text for p in self.required) and not any(
            f" {p} " in text for p in self.excluded
        )


def matchers() -> list[SearchMatcher]:
    return [SearchMatcher(s) for s in SavedSearch.objects.all()]


@dataclass
class ArticleFacts:
    id: int
    story_id: int | None
    moment: datetime
    topic: str
    sentiment: str
    source_id: int
    title: str
    text: str
    sector_ids: set[int]
    sector_agency_ids: set[int]
    commune_ids: set[int]
    commune_codes: set[str]
    province_ids: set[int]
    _folded: str | None = None

    def folded_text(self) -> str:
        if self._folded is None:
            words = _WORD.findall(fold(f"{self.title}\n{self.text}"))
            self._folded = " " + " ".join(words) + " "
        return self._folded


def load_facts(condition: Q, *, with_text: bool) -> list[ArticleFacts]:
    """Facts of the articles matching ``condition``, in id order: plain rows in three queries, since a
    refresh reads every copy of every story it touches."""
    fields = ["id", "story_id", "published_at", "ingested_at", "topic", "sentiment", "source_id"]
    if with_text:
        fields += ["title", "text"]
    rows = list(Article.objects.filter(condition).order_by("id").values_list(*fields))
    ids = [row[0] for row in rows]
    sectors: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    places: dict[int, list[tuple[int, int | None, str | None]]] = defaultdict(list)
    for chunk in _chunks(ids):
        labels = Article.sectors.through.objects.filter(article_id__in=chunk)
        for article_id, sector_id, agency_id in labels.values_list(
            "article_id", "sector_id", "sector__agency_id"
        ):
            sectors[article_id].append((sector_id, agency_id))
        rows_of_places = ArticlePlace.objects.filter(article_id__in=chunk)
        for article_id, province_id, commune_id, code in rows_of_places.values_list(
            "article_id", "province_id", "commune_id", "commune__code"
        ):
            places[article_id].append((province_id, commune_id, code))
    found = []
    for row in rows:
        pk, story_id, published_at, ingested_at, topic, sentiment, source_id = row[:7]
        labelled, placed = sectors.get(pk, []), places.get(pk, [])
        found.append(
            ArticleFacts(
                id=pk,
                story_id=story_id,
                moment=article_time(published_at, ingested_at),
                topic=topic,
                sentiment=sentiment,
                source_id=source_id,
                title=row[7] if with_text else "",
                text=row[8] if with_text else "",
                sector_ids={sector for sector, _ in labelled},
                sector_agency_ids={agency for _, agency in labelled if agency},
                commune_ids={commune for _, commune, _ in placed if commune},
                commune_codes={code for _, commune, code in placed if commune and code},
                province_ids={province for province, _, _ in placed},
            )
        )
    return found


# --- members ---------------------------------------------------------------------------------------


@dataclass
class Touched:
    """Buckets whose counts must be recomputed."""

    keys: set[str] = field(default_factory=set)
    days: set[date] = field(default_factory=set)
    hours: set[datetime] = field(default_factory=set)

    def add(self, key: str, day: date, hour: datetime) -> None:
        self.keys.add(key)
        self.days.add(day)
        self.hours.add(hour)

    def update(self, other: Touched) -> None:
        self.keys |= other.keys
        self.days |= other.days
        self.hours |= other.hours

    def __bool__(self) -> bool:
        return bool(self.keys)


def _unit_members(
    unit: str,
    copies: list[ArticleFacts],
    story: Story | None,
    searches: list[SearchMatcher],
) -> list[SeriesMember]:
    first = min(copies, key=lambda c: (c.moment, c.id))
    sentiment = (story.sentiment if story is not None and story.sentiment else "") or first.sentiment
    topic = (story.topic if story is not None and story.topic else "") or first.topic
    found = {K.ALL}
    if topic:
        found.add(K.topic(topic))
    for copy in copies:
        found.update(K.sector(pk) for pk in copy.sector_ids)
        found.update(K.agency(pk) for pk in copy.sector_agency_ids)
        found.update(K.commune(code) for code in copy.commune_codes)
    for matcher in searches:
        if any(matcher.matches(copy) for copy in copies):
            found.add(matcher.key)
    local = first.moment.astimezone(local_zone())
    story_ref = story.pk if story is not None else None
    article_ref = None if story is not None else first.id
    return [
        SeriesMember(
            unit=unit,
            story_ref=story_ref,
            article_ref=article_ref,
            key=key,
            day=local.date(),
            hour=hour_start(local),
            negative=sentiment == Sentiment.NEGATIVE,
        )
        for key in sorted(found)
    ]


def serialise(name: str = "series") -> None:
    """One writer at a time for `name` until the transaction ends: a PostgreSQL advisory lock (SQLite's
    IMMEDIATE transactions already serialise writers). Two workers updating the same buckets, alerts or
    notice groups would otherwise race between reading and writing."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"loa.trends.{name}"])


def _refresh(story_ids: set[int], article_ids: set[int], *, recompute: bool = True) -> Touched:
    """Recompute the members of these stories and lone articles (and drop those that are gone)."""
    searches = matchers()
    condition = Q(story_id__in=story_ids) | Q(pk__in=article_ids, story__isnull=True)
    facts = load_facts(condition, with_text=bool(searches))
    stories = Story.objects.in_bulk(story_ids)
    by_unit: dict[str, list[ArticleFacts]] = defaultdict(list)
    for item in facts:
        by_unit[f"s{item.story_id}" if item.story_id else f"a{item.id}"].append(item)
    new: list[SeriesMember] = []
    for unit, copies in by_unit.items():
        story = stories.get(copies[0].story_id) if copies[0].story_id else None
        new += _unit_members(unit, copies, story, searches)
    units = {f"s{pk}" for pk in story_ids} | {f"a{pk}" for pk in article_ids}
    touched = Touched()
    with transaction.atomic():
        serialise()
        old = SeriesMember.objects.filter(unit__in=units)
        for key, day, hour in old.values_list("key", "day", "hour"):
            touched.add(key, day, hour)
        old.delete()
        SeriesMember.objects.bulk_create(new, batch_size=1000)
        for member in new:
            touched.add(member.key, member.day, member.hour)
        if recompute:
            recompute_points(touched)
    return touched


def refresh_articles(article_ids: Iterable[int]) -> Touched:
    """Bring the series up to date after these articles were ingested or re-analysed."""
    ids = set(article_ids)
    rows = list(Article.objects.filter(pk__in=ids).values_list("pk", "story_id"))
    story_ids = {story for _, story in rows if story}
    # Articles that counted alone and now belong to a story, or were deleted, leave their own units.
    return _refresh(story_ids, ids)


def _chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def sweep(since: date | None = None) -> Touched:
    """Remove members of stories merged away or emptied, and of lone articles deleted or now in a story."""
    members = SeriesMember.objects.all() if since is None else SeriesMember.objects.filter(day__gte=since)
    live_stories = Article.objects.filter(story__isnull=False).values("story_id")
    stale_stories = set(
        members.filter(story_ref__isnull=False)
        .exclude(story_ref__in=live_stories)
        .values_list("story_ref", flat=True)
    )
    lone = Article.objects.filter(story__isnull=True).values("pk")
    stale_articles = set(
        members.filter(article_ref__isnull=False)
        .exclude(article_ref__in=lone)
        .values_list("article_ref", flat=True)
    )
    touched = Touched()
    for chunk in _chunks(sorted(stale_stories)):
        touched.update(_refresh(set(chunk), set()))
    for chunk in _chunks(sorted(stale_articles)):
        touched.update(_refresh(set(), set(chunk)))
    return touched


def _units_since(since: date) -> tuple[list[int], list[int]]:
    start = day_start(since)
    recent = Article.objects.filter(Q(published_at__gte=start) | Q(ingested_at__gte=start))
    stories = set(recent.filter(story__isnull=False).values_list("story_id", flat=True))
    lone = set(recent.filter(story__isnull=True).values_list("pk", flat=True))
    return sorted(stories), sorted(lone)


def reconcile(since: date) -> Touched:
    """Recompute every unit with a copy published or ingested since `since`, and sweep that window."""
    stories, lone = _units_since(since)
    touched = sweep(since)
    for chunk in _chunks(stories):
        touched.update(_refresh(set(chunk), set()))
    for chunk in _chunks(lone):
        touched.update(_refresh(set(), set(chunk)))
    return touched


def rebuild() -> int:
    """Recompute every member and every bucket from the monitoring tables; returns the member count."""
    with transaction.atomic():
        serialise()
        SeriesMember.objects.all().delete()
        SeriesPoint.objects.all().delete()
    stories = sorted(set(Article.objects.filter(story__isnull=False).values_list("story_id", flat=True)))
    lone = sorted(Article.objects.filter(story__isnull=True).values_list("pk", flat=True))
    for chunk in _chunks(stories):
        _refresh(set(chunk), set(), recompute=False)
    for chunk in _chunks(lone):
        _refresh(set(), set(chunk), recompute=False)
    with transaction.atomic():
        serialise()
        _rebuild_points()
    return SeriesMember.objects.count()


# --- buckets ---------------------------------------------------------------------------------------

DAY = SeriesPoint.Granularity.DAY
HOUR = SeriesPoint.Granularity.HOUR


def _aggregates(members: Any, granularity: str) -> Iterator[SeriesPoint]:
    """Points aggregated from `members` (a SeriesMember queryset), streamed."""
    column = "day" if granularity == DAY else "hour"
    rows = (
        members.values_list("key", column)
        .annotate(n=Count("id"), neg=Count("id", filter=Q(negative=True)))
        .order_by()
        .values_list("key", column, "n", "neg")
    )
    for key, bucket, count, negative in rows.iterator(chunk_size=2000):
        start = day_start(bucket) if granularity == DAY else bucket
        yield SeriesPoint(key=key, granularity=granularity, start=start, count=count, negative=negative)


def _replace(points: Any, members: Any, granularity: str) -> None:
    points.delete()
    batch: list[SeriesPoint] = []
    for point in _aggregates(members, granularity):
        batch.append(point)
        if len(batch) >= 2000:
            SeriesPoint.objects.bulk_create(batch)
            batch = []
    SeriesPoint.objects.bulk_create(batch)


def _rebuild_points() -> None:
    for granularity in (DAY, HOUR):
        _replace(SeriesPoint.objects.filter(granularity=granularity), SeriesMember.objects.all(), granularity)


def recompute_points(touched: Touched) -> None:
    """Recompute the day and hour buckets of the touched keys (the cross product of keys and buckets:
    deleting and recreating the same product keeps every other bucket as it is)."""
    if not touched:
        return
    for chunk in _chunks(sorted(touched.keys)):
        for days in _chunks(sorted(touched.days), 1000):
            _replace(
                SeriesPoint.objects.filter(
                    key__in=chunk, granularity=DAY, start__in=[day_start(d) for d in days]
                ),
                SeriesMember.objects.filter(key__in=chunk, day__in=days),
                DAY,
            )
        for hours in _chunks(sorted(touched.hours), 1000):
            _replace(
                SeriesPoint.objects.filter(key__in=chunk, granularity=HOUR, start__in=hours),
                SeriesMember.objects.filter(key__in=chunk, hour__in=hours),
                HOUR,
            )


def monitoring_start() -> date | None:
    """The first day anything was counted: series of every key start there."""
    first: date | None = SeriesMember.objects.filter(key=K.ALL).aggregate(first=Min("day"))["first"]
    return first
