"""Reads of the trends capability. Series, alerts and places are derived from public press coverage and
visible to every signed-in user; cases and rules are agency work and start from the viewer's scope
(the province's spokesperson sees every agency's cases, as in press work)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext, gettext_noop

from loa.core.models import AuditEvent
from loa.monitoring.models import Article, Sentiment, Source
from loa.organisations.access import is_coordinator, membership_of, scope_for
from loa.organisations.models import Agency, Commune
from loa.press.access import press_scope
from loa.trends import keys as K
from loa.trends.aggregate import DAY, HOUR, day_start, local_zone, monitoring_start
from loa.trends.models import Alert, AlertRule, Case, ForecastPoint, SeriesPoint


@dataclass(frozen=True)
class DayPoint:
    day: date
    count: int
    negative: int

    @property
    def share(self) -> float | None:
        return self.negative / self.count if self.count else None


def daily(key: str, first: date, last: date) -> list[DayPoint]:
    """One point per day from `first` to `last` (days without a story are zeros)."""
    found = {
        start.astimezone(local_zone()).date(): (count, negative)
        for start, count, negative in SeriesPoint.objects.filter(
            key=key,
            granularity=DAY,
            start__gte=day_start(first),
            start__lt=day_start(last + timedelta(days=1)),
        ).values_list("start", "count", "negative")
    }
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return [DayPoint(d, *found.get(d, (0, 0))) for d in days]


def hourly(key: str, first: datetime, last: datetime) -> list[tuple[datetime, int, int]]:
    return list(
        SeriesPoint.objects.filter(key=key, granularity=HOUR, start__gte=first, start__lt=last)
        .order_by("start")
        .values_list("start", "count", "negative")
    )


def forecast(key: str) -> list[ForecastPoint]:
    return list(ForecastPoint.objects.filter(key=key).order_by("date"))


def monitored_since() -> date | None:
    return monitoring_start()


def known_keys(*, ui: bool = False) -> list[tuple[str, str]]:
    """(key, label) of every series with data, the province first, then by kind and label (labels in the
    viewer's language with ``ui``)."""
    found = set(SeriesPoint.objects.filter(granularity=DAY).values_list("key", flat=True).distinct())
    found.add(K.ALL)
    labels = K.ui_labels(found) if ui else K.labels(found)
    order = {p: i for i, p in enumerate(("all", *K.PREFIXES))}
    return sorted(labels.items(), key=lambda kv: (order.get(kv[0].partition(":")[0], 9), kv[1]))


def totals(key: str, first: date, last: date) -> tuple[int, int]:
    row = SeriesPoint.objects.filter(
        key=key, granularity=DAY, start__gte=day_start(first), start__lt=day_start(last + timedelta(days=1))
    ).aggregate(n=Sum("count"), neg=Sum("negative"))
    return int(row["n"] or 0), int(row["neg"] or 0)


@dataclass(frozen=True)
class Place:
    commune: Commune
    count: int
    negative: int


def top_places(first: date, last: date, limit: int = 15) -> list[Place]:
    rows = (
        SeriesPoint.objects.filter(
            granularity=DAY,
            key__startswith="commune:",
            start__gte=day_start(first),
            start__lt=day_start(last + timedelta(days=1)),
        )
        .values("key")
        .annotate(n=Sum("count"), neg=Sum("negative"))
        .order_by("-n", "key")[:limit]
    )
    communes = Commune.objects.in_bulk([r["key"].partition(":")[2] for r in rows], field_name="code")
    return [
        Place(communes[r["key"].partition(":")[2]], r["n"], r["neg"])
        for r in rows
        if r["key"].partition(":")[2] in communes
    ]


@dataclass(frozen=True)
class SourceCount:
    source: Source
    articles: int
    negative: int


def top_sources(first: date, last: date, limit: int = 10) -> list[SourceCount]:
    """Outlets by articles published in the period (copies count here: this is about who writes)."""
    rows = (
        Article.objects.filter(
            published_at__gte=day_start(first), published_at__lt=day_start(last + timedelta(days=1))
        )
        .values("source")
        .annotate(n=Count("id"), neg=Count("id", filter=Q(sentiment=Sentiment.NEGATIVE)))
        .order_by("-n")[:limit]
    )
    sources = Source.objects.in_bulk([r["source"] for r in rows])
    return [SourceCount(sources[r["source"]], r["n"], r["neg"]) for r in rows if r["source"] in sources]


# --- alerts ----------------------------------------------------------------------------------------


def alerts_for(
    viewer: Any, *, mine: bool = False, key: str = "", kinds: list[str] | None = None
) -> QuerySet[Alert]:
    rows = Alert.objects.all().prefetch_related("agencies")
    if mine:
        scope = scope_for(viewer)
        rows = rows.filter(agencies__in=scope.agency_ids).distinct() if not scope.sees_all else rows
    if key:
        rows = rows.filter(key=key)
    if kinds:
        rows = rows.filter(kind__in=kinds)
    return rows.order_by("-date", "-created_at", "-id")


def alert_detail(viewer: Any, pk: int) -> Alert:
    if not getattr(viewer, "is_authenticated", False):
        raise PermissionDenied
    return get_object_or_404(Alert.objects.prefetch_related("agencies", "cases"), pk=pk)


def alert_articles(alert: Alert, limit: int = 30) -> list[Article]:
    """Articles behind an alert: copies of the stories counted on its key over its window."""
    from loa.trends.models import SeriesMember

    first = alert.date - timedelta(days=max(alert.window_days, 1) - 1)
    units = SeriesMember.objects.filter(key=alert.key, day__range=(first, alert.date))
    if alert.kind == Alert.Kind.NEGATIVE:
        units = units.filter(negative=True)
    stories = [u for u in units.values_list("story_ref", flat=True) if u]
    lone = [u for u in units.values_list("article_ref", flat=True) if u]
    return list(
        Article.objects.filter(Q(story_id__in=stories) | Q(pk__in=lone))
        .select_related("source", "story")
        .defer("text", "minhash")
        .order_by("-published_at")[:limit]
    )


# --- rules -----------------------------------------------------------------------------------------


def rules_for(viewer: Any) -> QuerySet[AlertRule]:
    rows = AlertRule.objects.select_related("agency", "saved_search", "watch_agency", "recipient_agency")
    if is_coordinator(viewer):
        return rows
    scope = scope_for(viewer)
    return rows.filter(Q(agency_id__in=scope.agency_ids) | Q(owner=viewer))


def rule_detail(viewer: Any, pk: int) -> AlertRule:
    return get_object_or_404(rules_for(viewer), pk=pk)


# --- cases -----------------------------------------------------------------------------------------


def cases_for(viewer: Any, *, state: str = "") -> QuerySet[Case]:
    rows = press_scope(viewer).filter(Case.objects.select_related("agency", "alert", "article"), "agency")
    if state == "open":
        rows = rows.exclude(state=Case.State.CLOSED)
    elif state:
        rows = rows.filter(state=state)
    return rows


def case_detail(viewer: Any, pk: int) -> Case:
    return get_object_or_404(cases_for(viewer), pk=pk)


def case_history(case: Case) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type="trends.case", object_id=str(case.pk)).order_by("at", "id")


def assignable_agencies(viewer: Any) -> QuerySet[Agency]:
    """Agencies the viewer may open a case for: all for coordinators, else their own."""
    rows = Agency.objects.filter(is_active=True).order_by("role", "name")
    if is_coordinator(viewer):
        return rows
    membership = membership_of(viewer)
    return rows.filter(pk=membership.agency_id) if membership else rows.none()


# --- before and after a response ------------------------------------------------------------------

WINDOW_DAYS = 7


@dataclass(frozen=True)
class Side:
    days: int
    count_mean: float
    negative_share: float | None


@dataclass(frozen=True)
class BeforeAfter:
    """Coverage around a response: `WINDOW_DAYS` days before the response day against the response day
    and the days after it (as many as have passed)."""

    label: str
    unit: str  # "tin" (stories on a key) or "bài" (copies of one story)
    response_day: date
    points: list[DayPoint]
    before: Side
    after: Side

    @property
    def count_change(self) -> float | None:
        if not self.before.count_mean:
            return None
        return (self.after.count_mean - self.before.count_mean) / self.before.count_mean

    @property
    def share_change(self) -> float | None:
        if self.before.negative_share is None or self.after.negative_share is None:
            return None
        return self.after.negative_share - self.before.negative_share


def _side(points: list[DayPoint]) -> Side:
    count = sum(p.count for p in points)
    negative = sum(p.negative for p in points)
    return Side(len(points), count / len(points) if points else 0.0, negative / count if count else None)


def _story_daily(story_id: int, first: date, last: date) -> list[DayPoint]:
    zone = local_zone()
    counts: dict[date, list[int]] = {}
    for published, ingested, sentiment in Article.objects.filter(story_id=story_id).values_list(
        "published_at", "ingested_at", "sentiment"
    ):
        moment = min(published, ingested) if published else ingested
        day = moment.astimezone(zone).date()
        slot = counts.setdefault(day, [0, 0])
        slot[0] += 1
        slot[1] += sentiment == Sentiment.NEGATIVE
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return [DayPoint(d, *counts.get(d, [0, 0])) for d in days]


def before_after(case: Case, *, today: date | None = None, ui: bool = False) -> list[BeforeAfter]:
    """For a case that has been answered: its key's stories and, if it came from an article, the copies
    of that story, ±`WINDOW_DAYS` days around the response."""
    if case.responded_at is None:
        return []
    today = today or datetime.now(local_zone()).date()
    response_day = case.responded_at.astimezone(local_zone()).date()
    first = response_day - timedelta(days=WINDOW_DAYS)
    last = min(response_day + timedelta(days=WINDOW_DAYS - 1), max(today, response_day))
    tr = gettext if ui else str
    views = []
    sources: list[tuple[str, str, list[DayPoint]]] = []
    if case.key:
        label = K.ui_label(case.key) if ui else K.label(case.key)
        sources.append((label, tr(gettext_noop("tin")), daily(case.key, first, last)))
    if case.story_id:
        sources.append(
            (
                tr(gettext_noop("Câu chuyện: %(title)s")) % {"title": case.story.title if case.story else ""},
                tr(gettext_noop("bài")),
                _story_daily(case.story_id, first, last),
            )
        )
    for label, unit, points in sources:
        before = [p for p in points if p.day < response_day]
        after = [p for p in points if p.day >= response_day]
        views.append(BeforeAfter(label, unit, response_day, points, _side(before), _side(after)))
    return views
