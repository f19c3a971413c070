"""Alert rules: refusal of rules matching everything, grouping, quiet hours, signed webhooks with retries."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from loa.core.models import Notification
from loa.monitoring.models import SavedSearch
from loa.trends import delivery, services
from loa.trends import keys as K
from loa.trends.models import Alert, AlertRule, Delivery
from tests.factories import member
from tests.trends.conftest import at, today

pytestmark = pytest.mark.django_db


class _Hook(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.server.calls.append((dict(self.headers), body))  # type: ignore[attr-defined]
        status = self.server.status  # type: ignore[attr-defined]
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        return


@pytest.fixture
def endpoint() -> Iterator[Any]:
    """Start loopback webhook receivers: `endpoint(status)` → (url, calls)."""
    servers: list[HTTPServer] = []

    def start(status: int = 200) -> tuple[str, list[tuple[dict[str, str], bytes]]]:
        server = HTTPServer(("127.0.0.1", 0), _Hook)
        server.calls = []  # type: ignore[attr-defined]
        server.status = status  # type: ignore[attr-defined]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/hook", server.calls  # type: ignore[attr-defined]

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _alert(key: str, day: date, kind: str = Alert.Kind.VOLUME, **extra: Any) -> Alert:
    from loa.trends.detection import route

    row = Alert.objects.create(
        key=key,
        date=day,
        kind=kind,
        score=5.0,
        expected=0.3,
        observed=6,
        count=6,
        negative=6,
        reason="Số tin tăng đột biến. Trong ngày có 6 tin, mức thường khoảng 0,3 tin.",
        **extra,
    )
    route([row])
    return row


def _rule(actor: Any, **fields: Any) -> AlertRule:
    recipients = fields.pop("recipients", None)
    return services.rule_save(actor, AlertRule(**fields), recipients=recipients)


# --- refusal -----------------------------------------------------------------------------------------


def test_an_empty_saved_search_is_refused_with_an_explanation(users):
    empty = SavedSearch.objects.create(owner=users["coordinator"], name="Tất cả", query="", filters={})
    with pytest.raises(ValidationError) as error:
        _rule(
            users["coordinator"],
            name="Mọi thứ",
            target=AlertRule.Target.SEARCH,
            saved_search=empty,
            condition=AlertRule.Condition.THRESHOLD,
            threshold=0,
            recipients=[users["coordinator"]],
        )
    text = " ".join(error.value.messages)
    assert "khớp với mọi bài" in text and "Ngưỡng phải từ 1" in text
    assert not AlertRule.objects.exists()


def test_a_threshold_the_key_reaches_most_days_is_refused(users, background):
    from loa.trends import aggregate

    aggregate.refresh_articles(background(today()))
    with pytest.raises(ValidationError) as error:
        _rule(
            users["coordinator"],
            name="Toàn tỉnh ≥ 1",
            key=K.ALL,
            condition=AlertRule.Condition.THRESHOLD,
            threshold=2,
            recipients=[users["coordinator"]],
        )
    assert "khớp gần như mọi thứ" in " ".join(error.value.messages)
    rule = _rule(
        users["coordinator"],
        name="Toàn tỉnh ≥ 12",
        key=K.ALL,
        condition=AlertRule.Condition.THRESHOLD,
        threshold=12,
        recipients=[users["coordinator"]],
    )
    assert rule.pk


def test_a_rule_needs_recipients_and_rights(users, agencies):
    with pytest.raises(ValidationError, match="người nhận"):
        _rule(users["justice"], name="Không ai nhận", key=K.ALL)
    with pytest.raises(PermissionDenied):
        _rule(users["justice"], name="Định tuyến", target=AlertRule.Target.ROUTED)
    with pytest.raises(PermissionDenied):
        _rule(users["justice"], name="Cơ quan khác", key=K.ALL, recipient_agency=agencies["so-tai-chinh"])
    with pytest.raises(PermissionDenied):
        _rule(users["viewer"], name="Người xem", key=K.ALL, recipients=[users["viewer"]])
    theirs = SavedSearch.objects.create(owner=users["finance"], name="Của người khác", query="lũ")
    with pytest.raises(PermissionDenied):
        _rule(
            users["justice"],
            name="x",
            target=AlertRule.Target.SEARCH,
            saved_search=theirs,
            recipients=[users["justice"]],
        )
    own = _rule(users["justice"], name="Tư pháp", key=K.ALL, recipient_agency=agencies["so-tu-phap"])
    assert own.agency == agencies["so-tu-phap"] and own.kinds == ["volume", "negative"]


def test_deleting_a_sector_switches_off_the_rules_watching_it(users, agencies):
    from loa.core.models import AuditEvent
    from loa.monitoring import services as monitoring

    floods = monitoring.sector_save(users["coordinator"], name="Lũ lụt", query="lũ", agency=None)
    other = monitoring.sector_save(users["coordinator"], name="Giao thông", query="giao thông", agency=None)
    watching = _rule(users["justice"], name="Lũ", key=K.sector(floods.pk), recipients=[users["justice"]])
    unrelated = _rule(users["justice"], name="GT", key=K.sector(other.pk), recipients=[users["justice"]])

    monitoring.sector_delete(users["coordinator"], floods)

    watching.refresh_from_db()
    unrelated.refresh_from_db()
    assert not watching.is_active and unrelated.is_active
    assert AuditEvent.objects.filter(action="alert_rule.disable", object_id=str(watching.pk)).exists()


# --- routing, grouping, quiet hours --------------------------------------------------------------------


def test_routed_alerts_reach_the_right_agency_grouped(users, commune):
    place, committee = commune
    officer = member(committee, "officer", "t_babe")
    _rule(users["coordinator"], name="Cơ quan phụ trách", target=AlertRule.Target.ROUTED, group_hours=6)
    now = at(today(), 9)
    first = _alert(K.commune(place.code), today())
    report = delivery.dispatch([first], now=now)
    assert report.notified_users == 1
    notice = Notification.objects.get(user=officer)
    assert "Xã Ba Bể" in notice.title and notice.url.endswith(f"/trends/alerts/{first.pk}/")
    Notification.objects.filter(pk=notice.pk).update(read_at=now)
    # Two hours later, another alert on the same key: the same notice, now counting two, unread again.
    second = _alert(K.commune(place.code), today(), kind=Alert.Kind.NEGATIVE)
    delivery.dispatch([second], now=now + timedelta(hours=2))
    notice.refresh_from_db()
    assert Notification.objects.filter(user=officer).count() == 1
    assert "2 cảnh báo" in notice.title and notice.read_at is None
    # The same alert again changes nothing, nor does the committee's own series adding up the same
    # stories; after the window a new notice starts.
    delivery.dispatch([second], now=now + timedelta(hours=3))
    delivery.dispatch([_alert(K.agency(committee.pk), today())], now=now + timedelta(hours=3))
    assert Notification.objects.filter(user=officer).count() == 1
    third = _alert(K.commune(place.code), today() - timedelta(days=1))
    delivery.dispatch([third], now=now + timedelta(hours=7))
    assert Notification.objects.filter(user=officer).count() == 2
    # Nobody else heard about Ba Bể.
    assert not Notification.objects.filter(user=users["justice"]).exists()


def test_old_alerts_are_history_not_news(users, commune):
    place, committee = commune
    officer = member(committee, "officer", "t_babe2")
    _rule(users["coordinator"], name="Cơ quan phụ trách", target=AlertRule.Target.ROUTED)
    old = _alert(K.commune(place.code), today() - timedelta(days=10))
    assert delivery.dispatch([old], now=at(today(), 9)).matched == 0
    assert not Notification.objects.filter(user=officer).exists()


def test_quiet_hours_hold_email_but_not_in_app(users, django_capture_on_commit_callbacks):
    users["coordinator"].email = "dieuphoi@example.gov.vn"
    users["coordinator"].save()
    rule = _rule(
        users["coordinator"],
        name="Đêm",
        key=K.ALL,
        email=True,
        recipients=[users["coordinator"]],
        quiet_start=time(22, 0),
        quiet_end=time(6, 30),
    )
    night = at(today() + timedelta(days=1), 23, 15)  # ahead of the real clock: the eager task must wait
    alert = _alert(K.ALL, night.date())
    with django_capture_on_commit_callbacks(execute=True):
        delivery.dispatch([alert], now=night)
    assert Notification.objects.filter(user=users["coordinator"]).count() == 1
    held = Delivery.objects.get(group__rule=rule)
    assert held.state == Delivery.State.PENDING and held.due_at == at(night.date() + timedelta(days=1), 6, 30)
    assert mail.outbox == []
    assert delivery.due_deliveries(night + timedelta(hours=3)) == []
    morning = held.due_at + timedelta(minutes=1)
    assert delivery.due_deliveries(morning) == [held.pk]
    assert delivery.deliver(held.pk, now=morning).state == Delivery.State.SENT
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["dieuphoi@example.gov.vn"]
    assert "Xã" not in mail.outbox[0].subject and "Toàn tỉnh" in mail.outbox[0].subject
    assert "text/html" in mail.outbox[0].alternatives[0][1]


@pytest.mark.parametrize(
    ("start", "end", "clock", "until"),
    [
        (time(22), time(6), time(23), (1, time(6))),
        (time(22), time(6), time(5), (0, time(6))),
        (time(22), time(6), time(12), None),
        (time(12), time(14), time(13), (0, time(14))),
    ],
)
def test_quiet_windows(start, end, clock, until):
    rule = AlertRule(quiet_start=start, quiet_end=end)
    day = date(2026, 3, 10)
    moment = datetime.combine(day, clock, tzinfo=at(day).tzinfo)
    expected = None if until is None else at(day + timedelta(days=until[0]), until[1].hour, until[1].minute)
    assert delivery.quiet_until(rule, moment) == expected


# --- webhooks ----------------------------------------------------------------------------------------


def test_webhook_is_signed_with_hmac_sha256(users, endpoint, django_capture_on_commit_callbacks):
    url, calls = endpoint(200)
    rule = _rule(users["coordinator"], name="Hệ thống ngoài", key=K.ALL, in_app=False, webhook_url=url)
    assert len(rule.webhook_secret) >= 32
    alert = _alert(K.ALL, today())
    with django_capture_on_commit_callbacks(execute=True):
        delivery.dispatch([alert], now=timezone.now())
    assert len(calls) == 1
    headers, body = calls[0]
    assert delivery.verify_signature(rule.webhook_secret, body, headers[delivery.SIGNATURE_HEADER])
    assert not delivery.verify_signature("wrong-secret", body, headers[delivery.SIGNATURE_HEADER])
    assert not delivery.verify_signature(rule.webhook_secret, body + b" ", headers[delivery.SIGNATURE_HEADER])
    payload = json.loads(body)
    assert payload["alert"]["key"] == "all" and payload["alert"]["reason"] == alert.reason
    assert payload["rule"]["id"] == rule.pk and payload["count"] == 1
    assert Delivery.objects.get(group__rule=rule).state == Delivery.State.SENT


def test_failing_webhook_is_retried_then_marked_failing_without_blocking_others(
    users, endpoint, django_capture_on_commit_callbacks
):
    bad_url, bad_calls = endpoint(500)
    good_url, good_calls = endpoint(204)
    broken = _rule(users["coordinator"], name="Hỏng", key=K.ALL, in_app=False, webhook_url=bad_url)
    healthy = _rule(users["coordinator"], name="Tốt", key=K.ALL, webhook_url=good_url)
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        delivery.dispatch([_alert(K.ALL, today())], now=now)
    assert len(good_calls) == 1 and Delivery.objects.get(group__rule=healthy).state == Delivery.State.SENT
    failing = Delivery.objects.get(group__rule=broken)
    assert failing.state == Delivery.State.RETRYING and failing.attempts == 1 and "500" in failing.last_error
    waits = [delivery.backoff(n) for n in range(1, delivery.MAX_ATTEMPTS)]
    assert waits == sorted(waits) and waits[1] == 2 * waits[0]
    moment = failing.next_attempt_at
    # Not due yet: nothing is sent.
    assert delivery.deliver(failing.pk, now=moment - timedelta(seconds=1)).state == Delivery.State.RETRYING
    for _ in range(delivery.MAX_ATTEMPTS - 1):
        result = delivery.deliver(failing.pk, now=moment)
        failing.refresh_from_db()
        moment = failing.next_attempt_at or moment
    assert result.state == Delivery.State.FAILED and failing.attempts == delivery.MAX_ATTEMPTS
    assert len(bad_calls) == delivery.MAX_ATTEMPTS
    broken.refresh_from_db()
    assert broken.webhook_failing_since is not None
    assert Notification.objects.filter(user=users["coordinator"], title__contains="Hỏng").exists()
    # A later success clears the flag.
    broken.webhook_url, broken.group_hours = good_url, 0
    broken.save()
    with django_capture_on_commit_callbacks(execute=True):
        delivery.dispatch([_alert(K.ALL, today(), kind=Alert.Kind.NEGATIVE)], now=timezone.now())
    broken.refresh_from_db()
    assert broken.webhook_failing_since is None


def test_threshold_rules_raise_their_own_alerts(users, make_story, commune):
    place, _ = commune
    rule = _rule(
        users["coordinator"],
        name="Ba Bể ≥ 3 tin tiêu cực",
        key=K.commune(place.code),
        condition=AlertRule.Condition.THRESHOLD,
        threshold=3,
        metric=AlertRule.Metric.NEGATIVE,
        recipients=[users["coordinator"]],
    )
    day = today()
    ids = []
    for hour in (7, 8, 9):
        story = make_story(at(day, hour), copies=2, sentiment="negative", communes=[place])
        ids += list(story.articles.values_list("pk", flat=True))
    report = services.process_ingested(ids, now=at(day, 10))
    hit = Alert.objects.get(rule=rule, kind=Alert.Kind.THRESHOLD)
    assert hit in report.alerts and "đạt ngưỡng 3" in hit.reason
    assert Notification.objects.filter(user=users["coordinator"], url__endswith=f"/alerts/{hit.pk}/").exists()
