"""/api/trends/: series, alerts, alert rules, cases and the digest, with the same rules as the pages."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from loa.monitoring.models import Article, SavedSearch
from loa.organisations.access import is_coordinator, membership_of
from loa.organisations.models import Agency
from loa.press.models import Statement
from loa.trends import digest as digests
from loa.trends import keys as K
from loa.trends import selectors, services
from loa.trends.aggregate import local_zone
from loa.trends.models import Alert, AlertRule, Case

router = Router(tags=["trends"])


class PointOut(Schema):
    start: datetime
    count: int
    negative: int


class ForecastOut(Schema):
    date: date
    forecast: float
    lower: float
    upper: float
    interval: float
    threshold: float
    p_exceed: float
    method: str


class SeriesOut(Schema):
    key: str
    label: str
    granularity: str
    points: list[PointOut]
    forecast: list[ForecastOut]


class KeyOut(Schema):
    key: str
    label: str


class AlertOut(Schema):
    id: int
    key: str
    label: str
    date: date
    kind: str
    score: float
    expected: float
    observed: float
    count: int
    negative: int
    window_days: int
    partial_at: datetime | None
    reason: str
    agencies: list[int]
    rule_id: int | None
    created_at: datetime


class RuleIn(Schema):
    name: str
    target: str = AlertRule.Target.KEY
    key: str = ""
    saved_search_id: int | None = None
    watch_agency_id: int | None = None
    condition: str = AlertRule.Condition.SURGE
    kinds: list[str] = []
    threshold: int | None = None
    metric: str = AlertRule.Metric.COUNT
    recipient_ids: list[int] = []
    recipient_agency_id: int | None = None
    in_app: bool = True
    email: bool = False
    webhook_url: str = ""
    group_hours: int = 6
    quiet_start: time | None = None
    quiet_end: time | None = None
    is_active: bool = True


class RuleOut(RuleIn):
    id: int
    agency_id: int | None
    webhook_failing_since: datetime | None


class CaseIn(Schema):
    agency_id: int
    kind: str = Case.Kind.URGENT
    title: str = ""
    description: str = ""
    alert_id: int | None = None
    article_id: int | None = None
    clock_start: datetime | None = None
    key: str = ""


class CaseActionIn(Schema):
    response: str = ""
    statement_id: int | None = None
    published_url: str = ""
    note: str = ""
    agency_id: int | None = None


class CaseOut(Schema):
    id: int
    agency_id: int
    agency: str
    kind: str
    title: str
    key: str
    alert_id: int | None
    article_id: int | None
    state: str
    rule: str
    clock_start: datetime | None
    due_at: datetime | None
    due_explanation: str
    response: str
    published_url: str
    responded_at: datetime | None
    closed_at: datetime | None
    allowed_actions: list[str]


class SideOut(Schema):
    days: int
    count_mean: float
    negative_share: float | None


class BeforeAfterOut(Schema):
    label: str
    unit: str
    response_day: date
    days: list[date]
    counts: list[int]
    negatives: list[int]
    before: SideOut
    after: SideOut


class StoryOut(Schema):
    title: str
    url: str
    copies: int
    sources: list[str]
    negative: bool
    story_id: int | None
    article_id: int
    case_id: int | None


class RisingOut(Schema):
    key: str
    label: str
    count: int
    usual: float
    values: list[int]


class DigestOut(Schema):
    agency_id: int | None
    first: date
    last: date
    stories: int
    articles: int
    negative: int
    top: list[StoryOut]
    attention: list[StoryOut]
    rising: list[RisingOut]
    alerts: list[AlertOut]


def _refused(exc: Exception) -> HttpError:
    if isinstance(exc, ValidationError):
        return HttpError(400, "; ".join(exc.messages))
    return HttpError(400, str(exc))


def _key(key: str) -> str:
    if not K.is_valid(key):
        raise HttpError(400, f"Chuỗi không hợp lệ: {key!r}")
    return key


def _alerts(rows: list[Alert]) -> list[AlertOut]:
    labels = K.labels(a.key for a in rows)
    return [
        AlertOut(
            id=a.pk,
            key=a.key,
            label=labels[a.key],
            date=a.date,
            kind=a.kind,
            score=a.score,
            expected=a.expected,
            observed=a.observed,
            count=a.count,
            negative=a.negative,
            window_days=a.window_days,
            partial_at=a.partial_at,
            reason=a.reason,
            agencies=[ag.pk for ag in a.agencies.all()],
            rule_id=a.rule_id,
            created_at=a.created_at,
        )
        for a in rows
    ]


def _rule(r: AlertRule) -> RuleOut:
    return RuleOut(
        id=r.pk,
        agency_id=r.agency_id,
        webhook_failing_since=r.webhook_failing_since,
        name=r.name,
        target=r.target,
        key=r.key,
        saved_search_id=r.saved_search_id,
        watch_agency_id=r.watch_agency_id,
        condition=r.condition,
        kinds=list(r.kinds or []),
        threshold=r.threshold,
        metric=r.metric,
        recipient_ids=list(r.recipients.values_list("pk", flat=True)),
        recipient_agency_id=r.recipient_agency_id,
        in_app=r.in_app,
        email=r.email,
        webhook_url=r.webhook_url,
        group_hours=r.group_hours,
        quiet_start=r.quiet_start,
        quiet_end=r.quiet_end,
        is_active=r.is_active,
    )


def _case(request: HttpRequest, c: Case) -> CaseOut:
    return CaseOut(
        id=c.pk,
        agency_id=c.agency_id,
        agency=c.agency.name,
        kind=c.kind,
        title=c.title,
        key=c.key,
        alert_id=c.alert_id,
        article_id=c.article_id,
        state=c.state,
        rule=c.rule_key,
        clock_start=c.clock_start,
        due_at=c.due_at,
        due_explanation=c.due_explanation,
        response=c.response,
        published_url=c.published_url,
        responded_at=c.responded_at,
        closed_at=c.closed_at,
        allowed_actions=services.allowed_actions(request.user, c),
    )


# --- series ----------------------------------------------------------------------------------------


@router.get("/keys", response=list[KeyOut])
def list_keys(request: HttpRequest) -> list[KeyOut]:
    return [KeyOut(key=k, label=label) for k, label in selectors.known_keys()]


@router.get("/series", response=SeriesOut)
def series(
    request: HttpRequest,
    key: str = K.ALL,
    granularity: str = "day",
    first: date | None = None,
    last: date | None = None,
) -> SeriesOut:
    """Stories per day (or hour) on a key, counted by story, with the latest 7-day forecast."""
    key = _key(key)
    last = last or timezone.localdate()
    first = first or last - timedelta(days=59 if granularity == "day" else 1)
    if first > last or (last - first).days > 731:
        raise HttpError(400, "Khoảng thời gian không hợp lệ (tối đa hai năm).")
    zone = local_zone()
    if granularity == "day":
        points = [
            PointOut(start=datetime.combine(p.day, time(), tzinfo=zone), count=p.count, negative=p.negative)
            for p in selectors.daily(key, first, last)
        ]
    elif granularity == "hour":
        start = datetime.combine(first, time(), tzinfo=zone)
        end = datetime.combine(last + timedelta(days=1), time(), tzinfo=zone)
        points = [PointOut(start=s, count=c, negative=n) for s, c, n in selectors.hourly(key, start, end)]
    else:
        raise HttpError(400, "granularity là day hoặc hour.")
    forecast = [
        ForecastOut(
            date=f.date,
            forecast=f.forecast,
            lower=f.lower,
            upper=f.upper,
            interval=f.interval,
            threshold=f.threshold,
            p_exceed=f.p_exceed,
            method=f.method,
        )
        for f in selectors.forecast(key)
    ]
    return SeriesOut(key=key, label=K.label(key), granularity=granularity, points=points, forecast=forecast)


# --- alerts ----------------------------------------------------------------------------------------


@router.get("/alerts", response=list[AlertOut])
def list_alerts(
    request: HttpRequest, mine: bool = False, key: str = "", kind: str = "", limit: int = 100
) -> list[AlertOut]:
    rows = selectors.alerts_for(request.user, mine=mine, key=key, kinds=[kind] if kind else None)
    return _alerts(list(rows[: min(max(limit, 1), 500)]))


@router.get("/alerts/{alert_id}", response=AlertOut)
def get_alert(request: HttpRequest, alert_id: int) -> AlertOut:
    return _alerts([selectors.alert_detail(request.user, alert_id)])[0]


# --- rules -----------------------------------------------------------------------------------------


def _apply(rule: AlertRule, payload: RuleIn) -> list[Any]:
    data = payload.dict()
    recipients = data.pop("recipient_ids")
    for name in ("saved_search_id", "watch_agency_id", "recipient_agency_id"):
        value = data.pop(name)
        model = SavedSearch if name == "saved_search_id" else Agency
        setattr(rule, name.removesuffix("_id"), get_object_or_404(model, pk=value) if value else None)
    for name, value in data.items():
        setattr(rule, name, value)
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(pk__in=recipients))


@router.get("/rules", response=list[RuleOut])
def list_rules(request: HttpRequest) -> list[RuleOut]:
    return [_rule(r) for r in selectors.rules_for(request.user)]


@router.get("/rules/{rule_id}", response=RuleOut)
def get_rule(request: HttpRequest, rule_id: int) -> RuleOut:
    return _rule(selectors.rule_detail(request.user, rule_id))


@router.post("/rules", response={201: RuleOut})
def create_rule(request: HttpRequest, payload: RuleIn) -> Status[RuleOut]:
    rule = AlertRule()
    recipients = _apply(rule, payload)
    try:
        services.rule_save(request.user, rule, recipients=recipients)
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    return Status(201, _rule(rule))


@router.put("/rules/{rule_id}", response=RuleOut)
def update_rule(request: HttpRequest, rule_id: int, payload: RuleIn) -> RuleOut:
    rule = selectors.rule_detail(request.user, rule_id)
    recipients = _apply(rule, payload)
    try:
        services.rule_save(request.user, rule, recipients=recipients)
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    return _rule(rule)


@router.delete("/rules/{rule_id}", response={204: None})
def delete_rule(request: HttpRequest, rule_id: int) -> Status[None]:
    services.rule_delete(request.user, selectors.rule_detail(request.user, rule_id))
    return Status(204, None)


# --- cases -----------------------------------------------------------------------------------------


@router.get("/cases", response=list[CaseOut])
def list_cases(request: HttpRequest, state: str = "") -> list[CaseOut]:
    return [_case(request, c) for c in selectors.cases_for(request.user, state=state)[:500]]


@router.get("/cases/{case_id}", response=CaseOut)
def get_case(request: HttpRequest, case_id: int) -> CaseOut:
    return _case(request, selectors.case_detail(request.user, case_id))


@router.post("/cases", response={201: CaseOut})
def create_case(request: HttpRequest, payload: CaseIn) -> Status[CaseOut]:
    alert = selectors.alert_detail(request.user, payload.alert_id) if payload.alert_id else None
    article = get_object_or_404(Article, pk=payload.article_id) if payload.article_id else None
    try:
        created = services.case_open(
            request.user,
            agency=get_object_or_404(Agency, pk=payload.agency_id),
            kind=payload.kind,
            title=payload.title,
            description=payload.description,
            alert=alert,
            article=article,
            clock_start=payload.clock_start,
            key=payload.key,
        )
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    return Status(201, _case(request, created))


@router.post("/cases/{case_id}/actions/{action}", response=CaseOut)
def case_action(request: HttpRequest, case_id: int, action: str, payload: CaseActionIn) -> CaseOut:
    item = selectors.case_detail(request.user, case_id)
    statement = (
        get_object_or_404(Statement, pk=payload.statement_id, agency=item.agency)
        if payload.statement_id
        else None
    )
    agency = get_object_or_404(Agency, pk=payload.agency_id) if payload.agency_id else None
    try:
        services.case_transition(
            request.user,
            item,
            action,
            response=payload.response,
            statement=statement,
            published_url=payload.published_url,
            note=payload.note,
            agency=agency,
        )
    except (ValidationError, ValueError) as exc:
        raise _refused(exc) from exc
    return _case(request, item)


@router.get("/cases/{case_id}/before-after", response=list[BeforeAfterOut])
def before_after(request: HttpRequest, case_id: int) -> list[BeforeAfterOut]:
    item = selectors.case_detail(request.user, case_id)
    return [
        BeforeAfterOut(
            label=v.label,
            unit=v.unit,
            response_day=v.response_day,
            days=[p.day for p in v.points],
            counts=[p.count for p in v.points],
            negatives=[p.negative for p in v.points],
            before=SideOut(**vars(v.before)),
            after=SideOut(**vars(v.after)),
        )
        for v in selectors.before_after(item)
    ]


# --- digest ----------------------------------------------------------------------------------------


@router.get("/digest", response=DigestOut)
def get_digest(
    request: HttpRequest, first: date | None = None, last: date | None = None, agency_id: int | None = None
) -> DigestOut:
    today = timezone.localdate()
    first, last = first or today - timedelta(days=1), last or today
    if (last - first).days > 366:
        raise HttpError(400, "Khoảng thời gian tối đa một năm.")
    agency = None
    if agency_id is not None:
        agency = get_object_or_404(Agency, pk=agency_id)
        membership = membership_of(request.user)
        if not is_coordinator(request.user) and (membership is None or membership.agency_id != agency.pk):
            raise HttpError(403, "Chỉ xem được bản tin của cơ quan mình.")
    item = digests.build(first, last, agency)

    def story(s: digests.StoryItem) -> StoryOut:
        return StoryOut(
            title=s.title,
            url=s.url,
            copies=s.copies,
            sources=s.sources,
            negative=s.negative,
            story_id=s.story_id,
            article_id=s.article_id,
            case_id=s.case_id,
        )

    return DigestOut(
        agency_id=agency.pk if agency else None,
        first=item.first,
        last=item.last,
        stories=item.stories,
        articles=item.articles,
        negative=item.negative,
        top=[story(s) for s in item.top],
        attention=[story(s) for s in item.attention],
        rising=[
            RisingOut(key=r.key, label=r.label, count=r.count, usual=r.usual, values=r.values)
            for r in item.rising
        ],
        alerts=_alerts(item.alerts),
    )
