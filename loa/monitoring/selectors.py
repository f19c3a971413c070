"""Reads of the monitoring capability. Monitored articles are public press content: every signed-in
member reads them; raw archived pages are for coordinators; saved searches belong to their owner."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from loa.monitoring import labels
from loa.monitoring.models import (
    Article,
    ArticlePlace,
    Feed,
    IngestItem,
    ReprocessRun,
    SavedSearch,
    Sector,
    SectorRetag,
    Sentiment,
    Source,
    Story,
)
from loa.monitoring.search import SearchFilters, SearchPage, search_articles
from loa.organisations.access import is_coordinator
from loa.organisations.models import Agency, Commune, HistoricalUnit
from loa.pipeline.feeds import format_duration_vi

FILTER_KEYS = ("from", "to", "source", "topic", "sector", "sentiment", "commune", "agency")


def require_reader(viewer: Any) -> None:
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        raise PermissionDenied("Cần đăng nhập để xem bài theo dõi.")


def can_see_raw(viewer: Any) -> bool:
    return is_coordinator(viewer)


# ------------------------------------------------------------------------------------------- filters


def _ints(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.strip().isdigit()]


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filters_from_params(params: Mapping[str, Any]) -> SearchFilters:
    """Search filters from query parameters (a QueryDict or a saved search's dict of lists).

    ``from``/``to`` are days (YYYY-MM-DD, local time, ``to`` included); the rest are ids or keys.
    """

    def values(key: str) -> list[str]:
        raw = params.getlist(key) if hasattr(params, "getlist") else params.get(key, [])
        if isinstance(raw, str | int):
            raw = [raw]
        return [str(v) for v in raw if str(v).strip()]

    start = _day(values("from")[0]) if values("from") else None
    end = _day(values("to")[0]) if values("to") else None
    return SearchFilters(
        date_from=_local_midnight(start) if start else None,
        date_to=_local_midnight(end + timedelta(days=1)) if end else None,
        source_ids=_ints(values("source")),
        topics=[t for t in values("topic") if t in labels.TOPICS],
        sentiments=[s for s in values("sentiment") if s in Sentiment.values],
        sector_ids=_ints(values("sector")),
        commune_ids=_ints(values("commune")),
        agency_ids=_ints(values("agency")),
    )


def filters_to_params(params: Mapping[str, Any]) -> dict[str, list[str]]:
    """The filter part of query parameters, as stored in a saved search."""
    kept: dict[str, list[str]] = {}
    for key in FILTER_KEYS:
        raw = params.getlist(key) if hasattr(params, "getlist") else params.get(key, [])
        if isinstance(raw, str):
            raw = [raw]
        cleaned = [str(v) for v in raw if str(v).strip()]
        if cleaned:
            kept[key] = cleaned
    return kept


def describe_filters(params: Mapping[str, list[str]]) -> list[str]:
    """Readable filters of a saved search ("Nguồn: …", "Sắc thái: Tiêu cực")."""
    parts = []
    names = {
        "source": dict(Source.objects.values_list("pk", "name")),
        "sector": dict(Sector.objects.values_list("pk", "name")),
        "commune": dict(Commune.objects.values_list("pk", "name")),
        "agency": dict(Agency.objects.values_list("pk", "name")),
    }
    titles = {
        "from": "Từ ngày",
        "to": "Đến ngày",
        "source": "Nguồn",
        "topic": "Chủ đề",
        "sector": "Lĩnh vực",
        "sentiment": "Sắc thái",
        "commune": "Xã, phường",
        "agency": "Cơ quan",
    }
    sentiments = dict(Sentiment.choices)
    for key in FILTER_KEYS:
        for value in params.get(key, []):
            if key in names:
                shown = names[key].get(int(value), value) if str(value).isdigit() else value
            elif key == "topic":
                shown = labels.topic_label(value)
            elif key == "sentiment":
                shown = str(sentiments.get(value, value))
            else:
                shown = value
            parts.append(f"{titles[key]}: {shown}")
    return parts


@dataclass
class FilterChoices:
    sources: list[tuple[int, str]]
    topics: list[tuple[str, str]]
    sectors: list[tuple[int, str]]
    sentiments: list[tuple[str, str]]
    communes: list[tuple[int, str]]
    agencies: list[tuple[int, str]]


def filter_choices() -> FilterChoices:
    return FilterChoices(
        sources=list(Source.objects.order_by("name").values_list("pk", "name")),
        topics=[(key, str(label)) for key, label in labels.TOPICS.items()],
        sectors=list(Sector.objects.order_by("name").values_list("pk", "name")),
        sentiments=[(value, str(label)) for value, label in Sentiment.choices],
        communes=list(
            Commune.objects.filter(province__is_home=True).order_by("name").values_list("pk", "name")
        ),
        agencies=list(
            Agency.objects.filter(sectors__isnull=False).distinct().order_by("name").values_list("pk", "name")
        ),
    )


# ------------------------------------------------------------------------------------------ articles


@dataclass(frozen=True)
class HitExtras:
    story_id: int | None
    copies: int
    sectors: tuple[str, ...]


def search(
    viewer: Any, query: str, filters: SearchFilters, *, limit: int = 20, offset: int = 0
) -> tuple[SearchPage, dict[int, HitExtras]]:
    """A page of results and, per article, its story size and sectors (two queries for the page)."""
    require_reader(viewer)
    page = search_articles(query, filters, limit=limit, offset=offset)
    ids = [hit.article.pk for hit in page.hits]
    sectors: dict[int, list[str]] = {}
    for article_id, name in Article.sectors.through.objects.filter(article_id__in=ids).values_list(
        "article_id", "sector__name"
    ):
        sectors.setdefault(article_id, []).append(name)
    story_ids = {hit.article.story_id for hit in page.hits if hit.article.story_id}
    sizes = dict(Story.objects.filter(pk__in=story_ids).values_list("pk", "article_count"))
    extras = {
        hit.article.pk: HitExtras(
            hit.article.story_id,
            sizes.get(hit.article.story_id or 0, 0),
            tuple(sorted(sectors.get(hit.article.pk, []))),
        )
        for hit in page.hits
    }
    return page, extras


def article_for(viewer: Any, pk: int) -> Article:
    require_reader(viewer)
    return Article.objects.select_related("source", "story").prefetch_related("sectors__agency").get(pk=pk)


@dataclass(frozen=True)
class PlaceLine:
    mention: str
    today: str  # today's unit, "Xã Phủ Thông, Tỉnh Thái Nguyên"
    legacy: bool
    former: str  # the former unit named, when the mention is an old name ("Huyện Bạch Thông (cũ)")
    commune_id: int | None


def article_places(article: Article) -> list[PlaceLine]:
    """Places of an article, old names shown with the unit that replaced them."""
    lines = []
    for place in article.places.select_related("province", "commune"):
        today = f"{place.commune.name}, {place.province.name}" if place.commune else place.province.name
        former = ""
        if place.legacy:
            unit = _former_unit(place)
            if unit is not None:
                former = f"{unit.name}, {unit.parent_name}" if unit.parent_name else unit.name
        lines.append(PlaceLine(place.mention, today, place.legacy, former, place.commune_id))
    return lines


def _former_unit(place: ArticlePlace) -> HistoricalUnit | None:
    from loa.text import search_key

    words = search_key(place.mention).split()
    # The mention carries its kind ("huyện Bạch Thông", "TP Tuy Hòa"): the longest tail is the name.
    tails = [" ".join(words[i:]) for i in range(len(words))]
    units = HistoricalUnit.objects.filter(successor_province=place.province, short_key__in=tails)
    return max(units, key=lambda u: (len(u.short_key), u.level == HistoricalUnit.Level.COMMUNE), default=None)


@dataclass(frozen=True)
class CueLine:
    phrase: str
    category: str
    weight: float
    where: str
    modifier: str


def sentiment_explanation(article: Article) -> list[CueLine]:
    cues = sorted(article.sentiment_cues or [], key=lambda c: -abs(float(c.get("weight", 0))))
    return [
        CueLine(
            phrase=str(c.get("phrase", "")),
            category=labels.cue_category_label(str(c.get("category", ""))),
            weight=float(c.get("weight", 0)),
            where="tiêu đề" if c.get("where") == "title" else "nội dung",
            modifier=labels.cue_modifier_label(c.get("modifier")),
        )
        for c in cues
    ]


# ------------------------------------------------------------------------------------------- stories


@dataclass(frozen=True)
class Copy:
    article: Article
    after: str  # "+2 giờ 15 phút" after the first copy, "" for the first


def story_for(viewer: Any, pk: int) -> Story:
    require_reader(viewer)
    return Story.objects.get(pk=pk)


def story_copies(story: Story) -> list[Copy]:
    """All copies of a story, earliest first, with the delay after the first one."""
    articles = sorted(
        story.articles.select_related("source").defer("minhash", "text"),
        key=lambda a: (a.published_at or a.ingested_at, a.pk),
    )
    copies = []
    first: datetime | None = None
    for article in articles:
        moment = article.published_at or article.ingested_at
        if first is None:
            first = moment
            copies.append(Copy(article, ""))
        else:
            copies.append(Copy(article, "+" + format_duration_vi(moment - first)))
    return copies


def stories_recent(viewer: Any, limit: int = 30) -> QuerySet[Story]:
    require_reader(viewer)
    return Story.objects.filter(article_count__gt=1).order_by("-first_published_at")[:limit]


# -------------------------------------------------------------------------------------------- health


@dataclass
class SourceRow:
    source: Source
    feeds: list[Feed]
    articles: int
    items: dict[str, int]


def source_rows(viewer: Any) -> list[SourceRow]:
    require_reader(viewer)
    counts = dict(Source.objects.annotate(n=Count("articles")).values_list("pk", "n"))
    per_state: dict[int, dict[str, int]] = {}
    for source_id, state, n in IngestItem.objects.values_list("source_id", "state").annotate(n=Count("pk")):
        per_state.setdefault(source_id, {})[state] = n
    sources = Source.objects.prefetch_related(Prefetch("feeds", queryset=Feed.objects.order_by("url")))
    return [
        SourceRow(source, list(source.feeds.all()), counts.get(source.pk, 0), per_state.get(source.pk, {}))
        for source in sources
    ]


@dataclass
class Progress:
    states: dict[str, int]
    total: int
    waiting_retry: int
    failures: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, reason, count)

    @property
    def rows(self) -> list[tuple[str, str, int]]:
        """(state, Vietnamese label, count) in pipeline order."""
        return [(state, str(label), self.states.get(state, 0)) for state, label in IngestItem.State.choices]


def pipeline_progress() -> Progress:
    states = {state: 0 for state in IngestItem.State.values}
    for state, n in IngestItem.objects.values_list("state").annotate(n=Count("pk")):
        states[state] = n
    waiting = IngestItem.objects.filter(state=IngestItem.State.QUEUED, next_attempt_at__isnull=False).count()
    reasons: Counter[tuple[str, str]] = Counter()
    for kind, reason, n in (
        IngestItem.objects.filter(state=IngestItem.State.FAILED)
        .values_list("error_kind", "reason")
        .annotate(n=Count("pk"))
    ):
        reasons[(kind, reason)] += n
    failures = [(kind, reason, n) for (kind, reason), n in reasons.most_common(20)]
    return Progress(states, sum(states.values()), waiting, failures)


def recent_failures(limit: int = 30) -> QuerySet[IngestItem]:
    return (
        IngestItem.objects.filter(state=IngestItem.State.FAILED)
        .select_related("source")
        .order_by("-updated_at")[:limit]
    )


def flagged_sources() -> QuerySet[Source]:
    return Source.objects.filter(is_active=True, flagged_at__isnull=False)


# ------------------------------------------------------------------------------------ saved searches


def saved_searches_for(viewer: Any) -> QuerySet[SavedSearch]:
    require_reader(viewer)
    return SavedSearch.objects.filter(owner=viewer)


def saved_search_for(viewer: Any, pk: int) -> SavedSearch:
    return saved_searches_for(viewer).get(pk=pk)


# --- sector rules --------------------------------------------------------------------------------------


def sector_rows() -> list[tuple[Sector, SectorRetag | None]]:
    """Every sector with its re-tagging run (running, or the last one's result)."""
    runs = {run.sector_id: run for run in SectorRetag.objects.order_by("pk")}
    return [
        (sector, runs.get(sector.pk)) for sector in Sector.objects.select_related("agency").order_by("name")
    ]


def sector_retag(sector: Sector) -> SectorRetag | None:
    return SectorRetag.objects.filter(sector=sector).order_by("-pk").first()


def last_reprocess_run() -> ReprocessRun | None:
    """The latest run of reprocessing (still going, or finished), for the sources page."""
    return ReprocessRun.objects.select_related("source").order_by("-pk").first()
