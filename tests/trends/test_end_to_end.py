"""End to end against the sample newsroom: a planted surge of negative stories about one commune
produces an alert to that commune's People's Committee, appears in the next morning's digest, becomes a
case answered on the legal clock, and the before/after view shows the coverage around the response."""

from __future__ import annotations

import json
import urllib.request
from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from loa.core.models import Notification
from loa.demo.newsroom import start_newsroom
from loa.organisations.models import Role
from loa.trends import digest, selectors, services
from loa.trends import keys as K
from loa.trends.aggregate import local_zone
from loa.trends.models import Alert, Case
from tests.factories import member

pytestmark = pytest.mark.django_db


def test_planted_surge_to_alert_digest_case_and_before_after(
    province, commune, monitoring_fast, django_capture_on_commit_callbacks
):
    from loa.monitoring import demo as monitoring_demo
    from loa.monitoring import tasks as monitoring_tasks
    from loa.monitoring.models import Article, Feed

    place, committee = commune
    officer = member(committee, Role.OFFICER, "t_babe_e2e")
    speaker = member(committee, Role.SPOKESPERSON, "t_babe_speaker_e2e")
    for user, address in ((officer, "canbo@babe.example.gov.vn"), (speaker, "phatngon@babe.example.gov.vn")):
        user.email = address
        user.save()
    assert services.ensure_default_rules() == 2
    now = timezone.now()
    with start_newsroom("127.0.0.1", 0, now=now - timedelta(minutes=5)) as running:
        # Monitoring registers the newsroom's outlets and polls them: fetch, extract, analyse, save, and
        # the hook tells trends (every step a Celery task, run eagerly here).
        with django_capture_on_commit_callbacks(execute=True):
            monitoring_demo.demo_setup(running.url)
        history = Article.objects.count()
        assert history >= 150
        assert not Alert.objects.filter(
            key=K.commune(place.code), date=now.astimezone(local_zone()).date()
        ).exists()
        # A burst of negative stories about Ba Bể, planted through the newsroom's control endpoint.
        request = urllib.request.Request(
            f"{running.url}/_control/plant-surge?commune=Ba%20B%E1%BB%83&count=12", method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert len(json.load(response)["planted"]) == 12
        Feed.objects.update(next_poll_at=None)
        with django_capture_on_commit_callbacks(execute=True):
            monitoring_tasks.poll_due.delay()
        assert Article.objects.count() == history + 12

    today = now.astimezone(local_zone()).date()
    # 1. The alert, explained, routed to the commune's People's Committee, who hear about it.
    alert = Alert.objects.get(key=K.commune(place.code), date=today, kind=Alert.Kind.VOLUME)
    assert list(alert.agencies.all()) == [committee]
    assert "tin" in alert.reason and "mức thường" in alert.reason
    for user in (officer, speaker):
        assert Notification.objects.filter(user=user, url__endswith=f"/alerts/{alert.pk}/").exists()
    assert any("canbo@babe.example.gov.vn" in m.to and "Xã Ba Bể" in m.subject for m in mail.outbox)

    # 2. The next morning's digest, for the province and for the commune.
    morning = now + timedelta(days=1)
    tomorrow = morning.astimezone(local_zone()).date()
    province_digest = digest.build(today, tomorrow)
    assert any(a.pk == alert.pk for a in province_digest.alerts)
    assert any(r.key == K.commune(place.code) for r in province_digest.rising)
    commune_digest = digest.build(today, tomorrow, committee)
    assert sum("ba bể" in item.title.lower() for item in commune_digest.attention) >= 5
    mail.outbox.clear()
    digest.send_morning_digests(now=datetime.combine(tomorrow, time(6, 30), tzinfo=local_zone()))
    sent = [m for m in mail.outbox if committee.name in m.subject]
    assert sent and "canbo@babe.example.gov.vn" in sent[0].bcc

    # 3. The alert becomes a case on the 24-hour clock, answered, approved, published, closed.
    case = services.case_open(officer, agency=committee, alert=alert)
    assert case.due_at == alert.created_at + timedelta(hours=24)
    services.case_transition(
        officer, case, "draft", response="UBND xã Ba Bể đã kiểm tra, cấp nước sạch tạm thời."
    )
    services.case_transition(speaker, case, "approve")
    services.case_transition(
        officer, case, "publish", published_url="https://babe.thainguyen.gov.vn/thong-bao/nuoc-sach"
    )
    services.case_transition(officer, case, "close")
    case.refresh_from_db()
    assert case.state == Case.State.CLOSED and case.met_on_time

    # 4. Before and after the response: a quiet week, then the surge on the day it was answered.
    (view,) = selectors.before_after(case)
    assert view.before.days == 7 and view.after.days >= 1
    assert view.after.count_mean >= 5 and view.before.count_mean < 1
    # Sentiment is the pipeline's own reading of each story (not the newsroom's ground truth).
    assert view.after.negative_share is not None and view.after.negative_share >= 0.5
    assert view.before.negative_share is None or view.after.negative_share > view.before.negative_share
