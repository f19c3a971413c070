"""Surge detection and forecasts over the stored daily series, written as `Alert` and `ForecastPoint` rows.

The pure detector (`loa.pipeline.trends`) runs over the last `HISTORY_DAYS` days of every requested key,
with Vietnam's public holidays and the days off announced in `loa.deadlines` (so Tết and bridge days
are lulls, not drops). Today is included as a partial day: a negative-share surge is a share of what
has been published so far, and a volume surge that already beats a whole normal day is real. For
volume within the day, `intraday_alerts` compares the count so far with what a normal day has
published by this hour, so a surge that breaks in the morning is raised within the hour.

Alerts are unique per (key, date, kind): re-running detection updates them (a complete day's result
replaces a partial day's; on the current day the stronger evidence stays) and only new rows are
returned for delivery. Forecasts (7 days, 90% intervals) are refreshed once a day; a day likely to
exceed the alert level becomes a "forecast" alert.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from loa.deadlines.services import db_calendar
from loa.pipeline.trends import Alert as PureAlert
from loa.pipeline.trends import SeriesSet, forecast, run_detector, vietnam_holidays
from loa.pipeline.trends.explain import VOLUME, format_number, format_rarity, format_share
from loa.pipeline.trends.forecast import ForecastPoint as PureForecast
from loa.pipeline.trends.intraday import day_fraction, intraday_alerts
from loa.trends import keys as K
from loa.trends.aggregate import DAY, HOUR, day_start, local_zone, monitoring_start, serialise
from loa.trends.models import Alert, AlertRule, ForecastPoint, SeriesPoint

HISTORY_DAYS = 150
PROFILE_DAYS = 28
FRESH_DAYS = 1  # alerts about today and yesterday are delivered; older ones are history


def holidays_between(first: date, last: date) -> set[date]:
    """Public holidays plus the days off announced in the working-day calendar (`loa.deadlines`), less
    the days it announces as worked."""
    calendar = db_calendar()
    official = vietnam_holidays(range(first.year - 1, last.year + 2))
    return set(official | calendar.days_off.keys()) - calendar.working_days.keys()


def daily_rows(keys: Iterable[str] | None, first: date, last: date) -> list[tuple[date, str, int, int]]:
    points = SeriesPoint.objects.filter(
        granularity=DAY, start__gte=day_start(first), start__lt=day_start(last + timedelta(days=1))
    )
    if keys is not None:
        points = points.filter(key__in=list(keys))
    zone = local_zone()
    return [
        (start.astimezone(zone).date(), key, count, negative)
        for key, start, count, negative in points.values_list("key", "start", "count", "negative")
    ]


def load_series(
    keys: list[str], first: date, last: date, rows: list[tuple[date, str, int, int]]
) -> SeriesSet:
    """Daily series of `keys` from `first` to `last`: every key is watched from `first` (a day without a
    row is a day without a story), so a commune's first story in months is news, not a new key."""
    wanted = set(keys)
    frame = [(first, key, 0, 0) for key in keys] + [(last, key, 0, 0) for key in keys]
    return SeriesSet.from_records(
        frame + [row for row in rows if first <= row[0] <= last and row[1] in wanted]
    )


def fraction_of_day(now: datetime) -> float:
    """Share of a normal day's stories published by `now`, from the province's recent hours."""
    local = now.astimezone(local_zone())
    since = local - timedelta(days=PROFILE_DAYS)
    hourly = [0.0] * 24
    for start, count in SeriesPoint.objects.filter(
        key=K.ALL, granularity=HOUR, start__gte=since, start__lt=day_start(local.date())
    ).values_list("start", "count"):
        hourly[start.astimezone(local_zone()).hour] += count
    return day_fraction(hourly, local.hour, local.minute)


# --- explanations ----------------------------------------------------------------------------------


def _times(observed: float, expected: float) -> str:
    if expected <= 0:
        return "từ mức gần như không có"
    return f"gấp {format_number(observed / expected)} lần"


def explain(alert: PureAlert, intraday_at: datetime | None = None) -> str:
    """Vietnamese reason: counts are stories (a story republished by many outlets counts once).
    `intraday_at`: the moment of a within-the-day comparison (expected = what is normal by then)."""
    rarity = format_rarity(alert.score)
    span = "Trong ngày" if alert.window_days == 1 else f"Trong {alert.window_days} ngày gần nhất"
    if alert.kind == VOLUME and intraday_at is not None:
        clock = intraday_at.astimezone(local_zone()).strftime("%H:%M")
        text = (
            f"Số tin tăng đột biến ngay trong ngày. Tính đến {clock} có {format_number(alert.observed, 0)} tin, "
            f"trong khi mức thường đến giờ này chỉ khoảng {format_number(alert.expected)} tin "
            f"({_times(alert.observed, alert.expected)}); khả năng ngẫu nhiên {rarity}."
        )
    elif alert.kind == VOLUME:
        text = (
            f"Số tin tăng đột biến. {span} có {format_number(alert.observed, 0)} tin, mức thường khoảng "
            f"{format_number(alert.expected)} tin ({_times(alert.observed, alert.expected)}); "
            f"khả năng ngẫu nhiên {rarity}."
        )
    else:
        text = (
            f"Tỷ lệ tin tiêu cực tăng bất thường. {span}: {format_share(alert.observed)} "
            f"({alert.negative}/{alert.count} tin tiêu cực), mức thường {format_share(alert.expected)}; "
            f"khả năng ngẫu nhiên {rarity}."
        )
    text += " Mỗi tin được đăng lại ở nhiều nơi chỉ tính một lần."
    if alert.holiday:
        text += " Ngày lễ, Tết: so với mức của ngày thường."
    return text


def explain_forecast(point: PureForecast) -> str:
    return (
        f"Dự báo ngày {point.date:%d/%m/%Y} vượt ngưỡng cảnh báo: khoảng {format_number(point.forecast)} tin "
        f"(khoảng tin cậy {format_share(point.interval)}: {format_number(point.lower)}–"
        f"{format_number(point.upper)}), ngưỡng {format_number(point.threshold, 0)} tin; "
        f"xác suất vượt {format_share(point.p_exceed)}."
    )


# --- storing ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    key: str
    date: date
    kind: str
    score: float
    expected: float
    observed: float
    count: int
    negative: int
    window_days: int
    holiday: bool
    reason: str
    partial_at: datetime | None = None

    @classmethod
    def of(cls, alert: PureAlert, partial_at: datetime | None = None, *, intraday: bool = False) -> Candidate:
        """`partial_at`: the alert is about a day not over yet, evaluated then."""
        return cls(
            key=alert.key,
            date=alert.date,
            kind=alert.kind,
            score=alert.score,
            expected=alert.expected,
            observed=alert.observed,
            count=alert.count,
            negative=alert.negative,
            window_days=alert.window_days,
            holiday=alert.holiday,
            reason=explain(alert, partial_at if intraday else None),
            partial_at=partial_at,
        )

    def fields(self) -> dict[str, object]:
        return {
            "score": self.score,
            "expected": self.expected,
            "observed": self.observed,
            "count": self.count,
            "negative": self.negative,
            "window_days": self.window_days,
            "holiday": self.holiday,
            "reason": self.reason,
            "partial_at": self.partial_at,
        }


def store(candidates: list[Candidate], today: date) -> list[Alert]:
    """Upsert detector alerts; returns the rows created now (updates are not news)."""
    best: dict[tuple[str, date, str], Candidate] = {}
    for c in candidates:
        slot = (c.key, c.date, c.kind)
        if slot not in best or c.score > best[slot].score:
            best[slot] = c
    if not best:
        return []
    created: list[Alert] = []
    with transaction.atomic():
        serialise("alerts")
        existing = {
            (a.key, a.date, a.kind): a
            for a in Alert.objects.select_for_update().filter(
                rule__isnull=True,
                key__in={k for k, _, _ in best},
                date__in={d for _, d, _ in best},
            )
        }
        for slot, c in best.items():
            row = existing.get(slot)
            if row is None:
                created.append(Alert.objects.create(key=c.key, date=c.date, kind=c.kind, **c.fields()))
                continue
            # A completed day's evaluation replaces what was said during it; today keeps the strongest.
            if (c.date < today and row.partial_at is not None) or c.score > row.score + 1e-9:
                for name, value in c.fields().items():
                    setattr(row, name, value)
                row.save()
        route(created)
    return created


def route(alerts: list[Alert]) -> None:
    routes = K.routed_agencies(a.key for a in alerts)
    through = Alert.agencies.through
    through.objects.bulk_create(
        [through(alert_id=a.pk, agency_id=agency) for a in alerts for agency in routes.get(a.key, [])],
        ignore_conflicts=True,
    )


# --- running ---------------------------------------------------------------------------------------


def all_keys(first: date, last: date) -> list[str]:
    return sorted(
        set(
            SeriesPoint.objects.filter(
                granularity=DAY, start__gte=day_start(first), start__lt=day_start(last + timedelta(days=1))
            )
            .values_list("key", flat=True)
            .distinct()
        )
    )


@dataclass
class DetectionOutcome:
    created: list[Alert]
    keys: int
    days: int
    forecasts: int = 0


def detect(
    keys: Iterable[str] | None = None,
    *,
    now: datetime | None = None,
    with_forecast: bool = False,
    history_days: int = HISTORY_DAYS,
) -> DetectionOutcome:
    """Detect over `keys` (None: every key with data), store alerts, optionally refresh forecasts."""
    now = now or timezone.now()
    today = now.astimezone(local_zone()).date()
    started = monitoring_start()
    if started is None or started > today:
        return DetectionOutcome([], 0, 0)
    first = max(started, today - timedelta(days=history_days))
    wanted = sorted(set(keys) | {K.ALL}) if keys is not None else all_keys(first, today) or [K.ALL]
    rows = daily_rows(wanted, first, today)
    holidays = holidays_between(first, today + timedelta(days=14))
    full = load_series(wanted, first, today, rows)
    candidates = [
        Candidate.of(a, partial_at=now if a.date == today else None)
        for a in run_detector(full, holidays).alerts
    ]
    outcome = DetectionOutcome([], len(wanted), full.n_days)
    if today > first:
        past = load_series(wanted, first, today - timedelta(days=1), rows)
        past_run = run_detector(past, holidays)
        today_rows = [r for r in rows if r[0] == today]
        counts = {key: count for _, key, count, _ in today_rows}
        negatives = {key: negative for _, key, _, negative in today_rows}
        partial = intraday_alerts(past, past_run, counts, negatives, fraction_of_day(now), holidays)
        candidates += [Candidate.of(a, partial_at=now, intraday=True) for a in partial]
        if with_forecast:
            points = forecast(past, holidays, run=past_run)
            outcome.forecasts = store_forecasts(points, now)
            candidates += [
                Candidate(
                    key=p.key,
                    date=p.date,
                    kind=Alert.Kind.FORECAST,
                    score=p.p_exceed,
                    expected=p.forecast,
                    observed=p.threshold,
                    count=0,
                    negative=0,
                    window_days=1,
                    holiday=p.holiday,
                    reason=explain_forecast(p),
                )
                for p in points
                if p.exceeds and p.date >= today
            ]
    outcome.created = store(candidates, today)
    return outcome


def store_forecasts(points: list[PureForecast], now: datetime) -> int:
    with transaction.atomic():
        ForecastPoint.objects.filter(key__in={p.key for p in points}).delete()
        ForecastPoint.objects.bulk_create(
            [
                ForecastPoint(
                    key=p.key,
                    date=p.date,
                    forecast=p.forecast,
                    lower=p.lower,
                    upper=p.upper,
                    interval=p.interval,
                    threshold=p.threshold,
                    p_exceed=p.p_exceed,
                    method=p.method,
                    computed_at=now,
                )
                for p in points
            ]
        )
    return len(points)


def forecasts_stale(now: datetime) -> bool:
    """Whether any stored forecast predates today (one key refreshed on demand does not count)."""
    oldest = ForecastPoint.objects.order_by("computed_at").values_list("computed_at", flat=True).first()
    return oldest is None or oldest.astimezone(local_zone()).date() < now.astimezone(local_zone()).date()


def forecast_key(key: str, *, now: datetime | None = None) -> list[ForecastPoint]:
    """The forecast of one key, made now if today's run has not made it (a key first seen since)."""
    now = now or timezone.now()
    today = now.astimezone(local_zone()).date()
    rows = list(ForecastPoint.objects.filter(key=key).order_by("date"))
    if rows and rows[0].computed_at.astimezone(local_zone()).date() == today:
        return rows
    started = monitoring_start()
    if started is None or started >= today:
        return rows
    first = max(started, today - timedelta(days=HISTORY_DAYS))
    wanted = sorted({key, K.ALL})
    past = load_series(wanted, first, today - timedelta(days=1), daily_rows(wanted, first, today))
    points = [p for p in forecast(past, holidays_between(first, today + timedelta(days=14))) if p.key == key]
    store_forecasts(points, now)
    return list(ForecastPoint.objects.filter(key=key).order_by("date"))


def is_fresh(alert: Alert, today: date) -> bool:
    return alert.date >= today - timedelta(days=FRESH_DAYS)


# --- rule thresholds -------------------------------------------------------------------------------


def rule_key(rule: AlertRule) -> str | None:
    """The series a threshold rule counts."""
    if rule.target == AlertRule.Target.KEY:
        return rule.key or None
    if rule.target == AlertRule.Target.SEARCH and rule.saved_search_id:
        return K.search(rule.saved_search_id)
    if rule.target == AlertRule.Target.AGENCY and rule.watch_agency_id:
        return K.agency(rule.watch_agency_id)
    return None


def threshold_alerts(touched: Iterable[str] | None, now: datetime) -> list[Alert]:
    """Today's count against every threshold rule on these keys (None: all); returns new alerts."""
    today = now.astimezone(local_zone()).date()
    touched_keys = set(touched) if touched is not None else None
    created: list[Alert] = []
    rules = AlertRule.objects.filter(is_active=True, condition=AlertRule.Condition.THRESHOLD)
    for rule in rules:
        key = rule_key(rule)
        if key is None or (touched_keys is not None and key not in touched_keys) or not rule.threshold:
            continue
        point = SeriesPoint.objects.filter(key=key, granularity=DAY, start=day_start(today)).first()
        value = (
            0
            if point is None
            else (point.negative if rule.metric == AlertRule.Metric.NEGATIVE else point.count)
        )
        if value < rule.threshold:
            continue
        what = "tin tiêu cực" if rule.metric == AlertRule.Metric.NEGATIVE else "tin"
        reason = (
            f"Hôm nay có {value} {what} về «{K.label(key)}», đạt ngưỡng {rule.threshold} {what}/ngày "
            f"của quy tắc «{rule.name}». Mỗi tin được đăng lại ở nhiều nơi chỉ tính một lần."
        )
        with transaction.atomic():
            serialise("alerts")
            row, made = Alert.objects.get_or_create(
                rule=rule,
                key=key,
                date=today,
                defaults={
                    "kind": Alert.Kind.THRESHOLD,
                    "score": 0.0,
                    "expected": float(rule.threshold),
                    "observed": float(value),
                    "count": point.count if point else 0,
                    "negative": point.negative if point else 0,
                    "reason": reason,
                    "partial_at": now,
                },
            )
            if made:
                route([row])
                created.append(row)
            elif value > row.observed:
                row.observed, row.reason = float(value), reason
                row.save(update_fields=["observed", "reason", "updated_at"])
    return created
