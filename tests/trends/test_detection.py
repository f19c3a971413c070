"""Detection over stored series: a surge raises an explained alert within the day, idempotently."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from loa.deadlines.models import CalendarDay
from loa.trends import aggregate, detection, services
from loa.trends import keys as K
from loa.trends.models import Alert, ForecastPoint
from tests.trends.conftest import at, today

pytestmark = pytest.mark.django_db


def test_a_morning_surge_in_one_commune_is_alerted_within_the_day(background, surge, commune):
    place, committee = commune
    day = today()
    aggregate.refresh_articles(background(day))
    ids = surge(day, count=6, until_hour=9)
    report = services.process_ingested(ids, now=at(day, 9, 30))
    alert = Alert.objects.get(key=K.commune(place.code), date=day, kind=Alert.Kind.VOLUME)
    assert alert in report.alerts
    assert alert.observed == 6 and alert.expected < 1
    assert alert.partial_at is not None
    assert "6 tin" in alert.reason and "khả năng ngẫu nhiên" in alert.reason
    assert "chỉ tính một lần" in alert.reason
    assert list(alert.agencies.all()) == [committee]


def test_a_negative_turn_of_the_province_is_a_share_alert(background, surge, make_story):
    day = today()
    aggregate.refresh_articles(background(day))
    neutral = [make_story(at(day, 7 + i), copies=1) for i in range(4)]
    ids = surge(day, count=12, until_hour=12)
    report = services.process_ingested(
        ids + [a.pk for s in neutral for a in s.articles.all()], now=at(day, 13)
    )
    negative = Alert.objects.get(key=K.ALL, date=day, kind=Alert.Kind.NEGATIVE)
    assert negative in report.alerts
    assert "12/16 tin tiêu cực" in negative.reason and negative.observed > negative.expected


def test_detection_is_idempotent(background, surge, commune):
    day = today()
    aggregate.refresh_articles(background(day))
    ids = surge(day, count=6)
    services.process_ingested(ids, now=at(day, 10))
    before = list(Alert.objects.values_list("key", "date", "kind"))
    again = services.process_ingested(ids, now=at(day, 10, 5))
    assert again.alerts == []
    assert list(Alert.objects.values_list("key", "date", "kind")) == before


def test_quiet_days_raise_nothing(background):
    day = today()
    ids = background(day)
    report = services.process_ingested(ids, now=at(day, 12))
    assert [
        a for a in report.alerts if a.date >= day - timedelta(days=1) and a.key.startswith("commune:")
    ] == []


def test_intraday_scales_the_expectation_by_the_hour(background, surge, commune):
    place, _ = commune
    day = today()
    aggregate.refresh_articles(background(day))
    # Three stories by 08:00 in a commune that sees one every two weeks: already a surge at 8 o'clock.
    ids = surge(day, count=3, until_hour=8)
    detection_now = at(day, 8, 5)
    aggregate.refresh_articles(ids)
    outcome = detection.detect([K.commune(place.code)], now=detection_now)
    alert = next(a for a in outcome.created if a.key == K.commune(place.code))
    assert alert.partial_at == detection_now
    assert "Tính đến 08:05" in alert.reason


def test_announced_days_off_are_holidays():
    CalendarDay.objects.create(date=date(2026, 9, 1), kind=CalendarDay.Kind.DAY_OFF, label="Nghỉ bù")
    days = detection.holidays_between(date(2026, 8, 1), date(2026, 9, 30))
    assert date(2026, 9, 1) in days and date(2026, 9, 2) in days  # announced + National Day


def test_forecasts_are_stored_with_intervals(background):
    day = today()
    aggregate.refresh_articles(background(day, days=70))
    report = services.run_detection(now=at(day, 12))
    points = list(ForecastPoint.objects.filter(key=K.ALL).order_by("date"))
    assert [p.date for p in points] == [day + timedelta(days=i) for i in range(7)]
    assert all(p.lower <= p.forecast <= p.upper for p in points)
    assert report.keys > 1
    # Once a day: a second run keeps the same forecast rows.
    computed = points[0].computed_at
    services.run_detection(now=at(day, 13))
    assert ForecastPoint.objects.filter(key=K.ALL).first().computed_at == computed


def test_a_series_with_a_single_day_is_handled(make_story):
    day = today()
    story = make_story(at(day, 9), copies=2)
    report = services.process_ingested(story.articles.values_list("pk", flat=True), now=at(day, 10))
    assert report.alerts == []
    assert services.run_detection(now=at(day, 11)).alerts == []
