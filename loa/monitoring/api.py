"""/api/monitoring/: sources and their health, article search, articles, stories, saved searches.
Same rules as the pages: every member reads articles; saved searches belong to their owner."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from loa.monitoring import labels, selectors, services
from loa.monitoring.models import Article, ReprocessRun, SavedSearch, Story

router = Router(tags=["monitoring"])
MAX_LIMIT = 100


class FeedOut(Schema):
    id: int
    url: str
    title: str
    is_active: bool
    health: str
    health_reason: str
    last_success_at: datetime | None
    last_new_item_at: datetime | None
    next_poll_at: datetime | None
    interval_seconds: int
    consecutive_failures: int


class SourceOut(Schema):
    id: int
    name: str
    kind: str
    homepage: str
    is_active: bool
    is_sample: bool
    health: str
    health_label: str
    health_reason: str
    flagged_at: datetime | None
    last_article_at: datetime | None
    articles: int
    items: dict[str, int]
    feeds: list[FeedOut]


class HealthOut(Schema):
    items: dict[str, int]
    waiting_retry: int
    failures: list[dict[str, Any]]
    flagged_sources: list[int]


class PlaceOut(Schema):
    mention: str
    today: str
    legacy: bool
    former: str
    commune_id: int | None


class ArticleOut(Schema):
    id: int
    url: str
    title: str
    source_id: int
    source: str
    published_at: datetime | None
    topic: str
    topic_label: str
    sentiment: str
    relevance: float
    story_id: int | None
    copies: int
    sectors: list[str]
    exact: bool
    snippet: str


class SearchOut(Schema):
    total: int
    capped: bool
    took_ms: float
    limit: int
    offset: int
    results: list[ArticleOut]


class CueOut(Schema):
    phrase: str
    category: str
    weight: float
    where: str
    modifier: str


class ArticleDetailOut(Schema):
    id: int
    url: str
    title: str
    text: str
    source_id: int
    source: str
    published_at: datetime | None
    ingested_at: datetime
    topic: str
    topic_label: str
    sentiment: str
    sentiment_score: float
    cues: list[CueOut]
    relevance: float
    story_id: int | None
    sectors: list[dict[str, Any]]
    places: list[PlaceOut]
    is_sample: bool


class CopyOut(Schema):
    article_id: int
    source: str
    title: str
    url: str
    published_at: datetime | None
    after: str


class StoryOut(Schema):
    id: int
    title: str
    article_count: int
    first_published_at: datetime | None
    last_published_at: datetime | None
    topic: str
    sentiment: str
    copies: list[CopyOut]


class SavedSearchOut(Schema):
    id: int
    name: str
    query: str
    filters: dict[str, list[str]]
    notify: bool
    created_at: datetime


class SavedSearchIn(Schema):
    name: str = ""
    query: str = ""
    filters: dict[str, list[str]] = {}
    notify: bool = False


class SearchParams(Schema):
    q: str = ""
    source: list[int] = []
    topic: list[str] = []
    sector: list[int] = []
    sentiment: list[str] = []
    commune: list[int] = []
    agency: list[int] = []
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 20
    offset: int = 0


class ReprocessIn(Schema):
    since: date | None = None
    source_id: int | None = None
    re_extract: bool = False


class ReprocessOut(Schema):
    id: int
    state: str
    since: date | None
    source_id: int | None
    re_extract: bool
    total: int
    processed: int
    changed: int
    failed: int
    failures: list[dict[str, Any]]
    started_at: datetime
    finished_at: datetime | None


def _search_params(params: SearchParams) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {
        "source": [str(v) for v in params.source],
        "topic": params.topic,
        "sector": [str(v) for v in params.sector],
        "sentiment": params.sentiment,
        "commune": [str(v) for v in params.commune],
        "agency": [str(v) for v in params.agency],
    }
    if params.date_from:
        values["from"] = [params.date_from.isoformat()]
    if params.date_to:
        values["to"] = [params.date_to.isoformat()]
    return {key: value for key, value in values.items() if value}


@router.get("/sources", response=list[SourceOut])
def sources(request: HttpRequest) -> list[SourceOut]:
    rows = []
    for row in selectors.source_rows(request.user):
        source = row.source
        rows.append(
            SourceOut(
                id=source.pk,
                name=source.name,
                kind=source.kind,
                homepage=source.homepage,
                is_active=source.is_active,
                is_sample=source.is_sample,
                health=source.health,
                health_label=str(source.get_health_display()),
                health_reason=source.health_reason,
                flagged_at=source.flagged_at,
                last_article_at=source.last_article_at,
                articles=row.articles,
                items=row.items,
                feeds=[FeedOut.model_validate(feed, from_attributes=True) for feed in row.feeds],
            )
        )
    return rows


@router.get("/health", response=HealthOut)
def health(request: HttpRequest) -> HealthOut:
    selectors.require_reader(request.user)
    progress = selectors.pipeline_progress()
    return HealthOut(
        items=progress.states,
        waiting_retry=progress.waiting_retry,
        failures=[{"kind": kind, "reason": reason, "count": n} for kind, reason, n in progress.failures],
        flagged_sources=list(selectors.flagged_sources().values_list("pk", flat=True)),
    )


@router.get("/articles", response=SearchOut)
def search(request: HttpRequest, params: Query[SearchParams]) -> SearchOut:
    limit = max(1, min(MAX_LIMIT, params.limit))
    offset = max(0, params.offset)
    filters = selectors.filters_from_params(_search_params(params))
    page, extras = selectors.search(request.user, params.q.strip()[:300], filters, limit=limit, offset=offset)
    results = []
    for hit in page.hits:
        article, extra = hit.article, extras.get(hit.article.pk)
        results.append(
            ArticleOut(
                id=article.pk,
                url=article.url,
                title=article.title,
                source_id=article.source_id,
                source=article.source.name,
                published_at=article.published_at,
                topic=article.topic,
                topic_label=labels.topic_label(article.topic),
                sentiment=article.sentiment,
                relevance=article.relevance,
                story_id=article.story_id,
                copies=extra.copies if extra else 1,
                sectors=list(extra.sectors) if extra else [],
                exact=hit.exact,
                snippet=hit.snippet,
            )
        )
    return SearchOut(
        total=page.total,
        capped=page.capped,
        took_ms=page.took_ms,
        limit=limit,
        offset=offset,
        results=results,
    )


@router.get("/articles/{article_id}", response=ArticleDetailOut)
def article(request: HttpRequest, article_id: int) -> ArticleDetailOut:
    try:
        item = selectors.article_for(request.user, article_id)
    except Article.DoesNotExist:
        raise HttpError(404, "Không tìm thấy bài viết.") from None
    return ArticleDetailOut(
        id=item.pk,
        url=item.url,
        title=item.title,
        text=item.text,
        source_id=item.source_id,
        source=item.source.name,
        published_at=item.published_at,
        ingested_at=item.ingested_at,
        topic=item.topic,
        topic_label=labels.topic_label(item.topic),
        sentiment=item.sentiment,
        sentiment_score=item.sentiment_score,
        cues=[CueOut(**vars(cue)) for cue in selectors.sentiment_explanation(item)],
        relevance=item.relevance,
        story_id=item.story_id,
        sectors=[
            {
                "id": s.pk,
                "name": s.name,
                "agency_id": s.agency_id,
                "agency": s.agency.name if s.agency else None,
            }
            for s in item.sectors.all()
        ],
        places=[PlaceOut(**vars(place)) for place in selectors.article_places(item)],
        is_sample=item.is_sample,
    )


@router.get("/stories/{story_id}", response=StoryOut)
def story(request: HttpRequest, story_id: int) -> StoryOut:
    try:
        row = selectors.story_for(request.user, story_id)
    except Story.DoesNotExist:
        raise HttpError(404, "Không tìm thấy câu chuyện.") from None
    return StoryOut(
        id=row.pk,
        title=row.title,
        article_count=row.article_count,
        first_published_at=row.first_published_at,
        last_published_at=row.last_published_at,
        topic=row.topic,
        sentiment=row.sentiment,
        copies=[
            CopyOut(
                article_id=copy.article.pk,
                source=copy.article.source.name,
                title=copy.article.title,
                url=copy.article.url,
                published_at=copy.article.published_at,
                after=copy.after,
            )
            for copy in selectors.story_copies(row)
        ],
    )


def _saved(row: SavedSearch) -> SavedSearchOut:
    return SavedSearchOut(
        id=row.pk,
        name=row.name,
        query=row.query,
        filters=row.filters,
        notify=row.notify,
        created_at=row.created_at,
    )


@router.get("/saved-searches", response=list[SavedSearchOut])
def saved_searches(request: HttpRequest) -> list[SavedSearchOut]:
    return [_saved(row) for row in selectors.saved_searches_for(request.user)]


@router.post("/saved-searches", response={201: SavedSearchOut})
def saved_search_create(request: HttpRequest, payload: SavedSearchIn) -> Status:
    try:
        row = services.saved_search_create(
            request.user,
            name=payload.name,
            query=payload.query,
            filters=selectors.filters_to_params(payload.filters),
            notify=payload.notify,
        )
    except ValidationError as exc:
        raise HttpError(400, "; ".join(exc.messages)) from None
    return Status(201, _saved(row))


@router.delete("/saved-searches/{saved_id}", response={204: None})
def saved_search_delete(request: HttpRequest, saved_id: int) -> Status:
    try:
        row = selectors.saved_search_for(request.user, saved_id)
    except SavedSearch.DoesNotExist:
        raise HttpError(404, "Không tìm thấy tìm kiếm đã lưu.") from None
    services.saved_search_delete(request.user, row)
    return Status(204, None)


def _run(run: ReprocessRun) -> ReprocessOut:
    return ReprocessOut(
        id=run.pk,
        state=run.state,
        since=run.since,
        source_id=run.source_id,
        re_extract=run.re_extract,
        total=run.total,
        processed=run.processed,
        changed=run.changed,
        failed=run.failed,
        failures=run.failures,
        started_at=run.started_at,
        finished_at=run.finished_at,
    )


@router.get("/reprocess", response=ReprocessOut)
def reprocess_status(request: HttpRequest) -> ReprocessOut:
    """The latest reprocessing run, still going or finished."""
    selectors.require_reader(request.user)
    run = selectors.last_reprocess_run()
    if run is None:
        raise HttpError(404, "Chưa có lượt xử lý lại nào.")
    return _run(run)


@router.post("/reprocess", response={202: ReprocessOut})
def reprocess_start(request: HttpRequest, payload: ReprocessIn) -> Status:
    """Re-run understanding over the stored articles (coordinators; one run at a time), batch by batch
    in the background: poll GET /reprocess for its progress."""
    try:
        run = services.reprocess_start(
            request.user, since=payload.since, source_id=payload.source_id, re_extract=payload.re_extract
        )
    except ValidationError as exc:
        raise HttpError(400, "; ".join(exc.messages)) from None
    return Status(202, _run(run))
