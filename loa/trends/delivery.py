"""From an alert to the people who must hear about it: rule matching, grouping, quiet hours, in-app
notifications, e-mail and signed webhooks.

* Matching: a rule takes surges (chosen kinds) or its own threshold alerts on its series (a key, a
  saved search), or the alerts on the communes and sectors routed to one agency (`agency`) or to any
  agency, each delivered to the agency in charge (`routed`).
* Grouping: one notice per rule per key per `group_hours`; later alerts in that window raise the
  count on the same in-app notification (marked unread again) instead of sending anything new.
* Quiet hours: in-app notices are immediate; e-mail and webhook calls wait until the quiet hours end.
* Delivery: each e-mail or webhook call is its own `Delivery` and its own task, so a slow or failing
  endpoint never holds up another. A failed call is retried with exponential backoff
  (`BACKOFF_SECONDS` × 2ⁿ) up to `MAX_ATTEMPTS`; then it is marked failed and the rule's webhook is
  flagged failing (shown on the rule, owner told in-app) until a call succeeds again.
* Webhooks: POST of a JSON body signed with the rule's secret, `X-Loa-Signature-256: sha256=<hex>`
  (HMAC-SHA256 of the exact body bytes), as GitHub does; `verify_signature` checks one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

import httpx
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from loa.core.models import Notification
from loa.core.notifications import notify
from loa.organisations.models import Agency
from loa.trends import keys as K
from loa.trends.aggregate import local_zone, serialise
from loa.trends.detection import is_fresh
from loa.trends.models import Alert, AlertRule, Delivery, NoticeGroup, RuleMatch

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BACKOFF_SECONDS = 30
WEBHOOK_TIMEOUT = 5.0
SIGNATURE_HEADER = "X-Loa-Signature-256"
STALE_SENDING = timedelta(minutes=10)
ROUTING_PREFIXES = ("commune:", "sector:")


# --- matching --------------------------------------------------------------------------------------


def rule_matches(rule: AlertRule, alert: Alert, routed: set[int]) -> bool:
    """`routed`: ids of the agencies the alert is routed to."""
    if alert.kind == Alert.Kind.THRESHOLD or rule.condition == AlertRule.Condition.THRESHOLD:
        return alert.rule_id == rule.pk
    if rule.kinds and alert.kind not in rule.kinds:
        return False
    if rule.target == AlertRule.Target.KEY:
        return alert.key == rule.key
    if rule.target == AlertRule.Target.SEARCH:
        return rule.saved_search_id is not None and alert.key == K.search(rule.saved_search_id)
    # Routing follows the specific series (a commune, a sector): an agency's own series adds up the
    # same stories, and alerting on both would tell the agency twice about one event.
    if not alert.key.startswith(ROUTING_PREFIXES):
        return False
    if rule.target == AlertRule.Target.AGENCY:
        return rule.watch_agency_id in routed
    return bool(routed)


def recipients(rule: AlertRule, routed: set[int]) -> tuple[list[Any], list[str]]:
    """(users told in-app, e-mail addresses) for one alert."""
    agency_ids = set(routed) if rule.target == AlertRule.Target.ROUTED else set()
    if rule.recipient_agency_id:
        agency_ids.add(rule.recipient_agency_id)
    users = list(rule.recipients.filter(is_active=True))
    users += list(get_user_model().objects.filter(membership__agency_id__in=agency_ids, is_active=True))
    unique = {u.pk: u for u in users}
    emails = {u.email for u in unique.values() if u.email}
    emails |= set(Agency.objects.filter(pk__in=agency_ids).exclude(email="").values_list("email", flat=True))
    return list(unique.values()), sorted(emails)


# --- quiet hours -----------------------------------------------------------------------------------


def quiet_until(rule: AlertRule, now: datetime) -> datetime | None:
    """The end of the rule's quiet hours if `now` falls inside them (windows may span midnight)."""
    start, end = rule.quiet_start, rule.quiet_end
    if start is None or end is None or start == end:
        return None
    local = now.astimezone(local_zone())
    clock = local.time().replace(tzinfo=None)
    overnight = start > end
    inside = (start <= clock or clock < end) if overnight else (start <= clock < end)
    if not inside:
        return None
    day = local.date()
    if overnight and clock >= start:
        day += timedelta(days=1)
    return datetime.combine(day, end, tzinfo=local_zone())


# --- notices ---------------------------------------------------------------------------------------


def alert_url(alert: Alert) -> str:
    return reverse("trends:alert", args=[alert.pk])


def _title(alert: Alert, count: int) -> str:
    title = f"{alert.get_kind_display()}: {K.label(alert.key)} ({alert.date:%d/%m})"
    return f"{title} — {count} cảnh báo" if count > 1 else title


def _body(rule: AlertRule, alert: Alert, count: int) -> str:
    body = alert.reason
    if count > 1:
        body += f" Đã gộp {count} cảnh báo của quy tắc «{rule.name}» trong {rule.group_hours} giờ."
    return body


@dataclass
class DispatchReport:
    matched: int = 0
    grouped: int = 0
    notified_users: int = 0
    deliveries: int = 0


def dispatch(alerts: Iterable[Alert], *, now: datetime | None = None) -> DispatchReport:
    """Match fresh alerts against every active rule and tell the recipients (module docstring)."""
    now = now or timezone.now()
    today = now.astimezone(local_zone()).date()
    report = DispatchReport()
    fresh = [a for a in alerts if is_fresh(a, today)]
    if not fresh:
        return report
    rules = list(AlertRule.objects.filter(is_active=True).select_related("saved_search"))
    routes = {a.pk: set(a.agencies.values_list("pk", flat=True)) for a in fresh}
    for alert in fresh:
        for rule in rules:
            if rule_matches(rule, alert, routes[alert.pk]):
                _match(rule, alert, routes[alert.pk], now, report)
    return report


def _match(rule: AlertRule, alert: Alert, routed: set[int], now: datetime, report: DispatchReport) -> None:
    with transaction.atomic():
        serialise("notices")
        if RuleMatch.objects.filter(rule=rule, alert=alert).exists():
            return
        report.matched += 1
        group = (
            NoticeGroup.objects.select_for_update()
            .filter(rule=rule, key=alert.key, opened_at__gte=now - timedelta(hours=rule.group_hours))
            .order_by("-opened_at")
            .first()
        )
        if group is not None:
            group.count += 1
            group.last_at, group.alert = now, alert
            group.save(update_fields=["count", "last_at", "alert"])
            Notification.objects.filter(pk__in=group.notifications).update(
                title=_title(alert, group.count)[:200], body=_body(rule, alert, group.count), read_at=None
            )
            RuleMatch.objects.create(rule=rule, alert=alert, group=group)
            report.grouped += 1
            return
        group = NoticeGroup.objects.create(rule=rule, key=alert.key, opened_at=now, last_at=now, alert=alert)
        RuleMatch.objects.create(rule=rule, alert=alert, group=group)
        users, emails = recipients(rule, routed)
        if rule.in_app and users:
            rows = notify(users, _title(alert, 1), body=_body(rule, alert, 1), url=alert_url(alert))
            group.notifications = [n.pk for n in rows]
            group.save(update_fields=["notifications"])
            report.notified_users += len(rows)
        due = quiet_until(rule, now) or now
        planned = []
        if rule.email and emails:
            planned.append(
                Delivery(group=group, channel=Delivery.Channel.EMAIL, due_at=due, payload={"emails": emails})
            )
        if rule.webhook_url:
            planned.append(Delivery(group=group, channel=Delivery.Channel.WEBHOOK, due_at=due, payload={}))
        for delivery in planned:
            delivery.save()
            report.deliveries += 1
            transaction.on_commit(partial(_enqueue, delivery.pk, due))


def _enqueue(delivery_id: int, eta: datetime | None = None) -> None:
    from loa.trends.tasks import deliver

    if eta is not None and eta > timezone.now():
        deliver.apply_async((delivery_id,), eta=eta)
    else:
        deliver.delay(delivery_id)


# --- sending ---------------------------------------------------------------------------------------


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify_signature(secret: str, body: bytes, header: str) -> bool:
    return hmac.compare_digest(sign(secret, body), header or "")


def webhook_body(delivery: Delivery) -> bytes:
    group = delivery.group
    alert, rule = group.alert, group.rule
    data = {
        "event": "loa.alert",
        "delivery": delivery.pk,
        "rule": {"id": rule.pk, "name": rule.name},
        "count": group.count,
        "alert": {
            "id": alert.pk,
            "key": alert.key,
            "label": K.label(alert.key),
            "date": alert.date.isoformat(),
            "kind": alert.kind,
            "score": round(alert.score, 3),
            "expected": round(alert.expected, 4),
            "observed": round(alert.observed, 4),
            "reason": alert.reason,
            "url": settings.LOA_SITE_URL.rstrip("/") + alert_url(alert),
        },
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode()


def _send_email(delivery: Delivery) -> None:
    group = delivery.group
    alert, rule = group.alert, group.rule
    context = {
        "rule": rule,
        "alert": alert,
        "label": K.label(alert.key),
        "count": group.count,
        "url": settings.LOA_SITE_URL.rstrip("/") + alert_url(alert),
    }
    message = EmailMultiAlternatives(
        subject=f"[Loa] {_title(alert, group.count)}",
        body=render_to_string("trends/alert_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=delivery.payload.get("emails", []),
    )
    message.attach_alternative(render_to_string("trends/alert_email.html", context), "text/html")
    message.send()


def _send_webhook(delivery: Delivery) -> None:
    rule = delivery.group.rule
    body = webhook_body(delivery)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Loa-alerts/1",
        "X-Loa-Event": "alert",
        "X-Loa-Delivery": str(delivery.pk),
        SIGNATURE_HEADER: sign(rule.webhook_secret, body),
    }
    response = httpx.post(rule.webhook_url, content=body, headers=headers, timeout=WEBHOOK_TIMEOUT)
    if response.status_code >= 300:
        raise httpx.HTTPStatusError(
            f"HTTP {response.status_code}", request=response.request, response=response
        )


@dataclass(frozen=True)
class Attempt:
    """What `deliver` did: the state now, and when to try again (seconds) if it should."""

    state: str
    retry_in: int | None = None


def backoff(attempts: int) -> int:
    return BACKOFF_SECONDS * 2 ** max(attempts - 1, 0)


def deliver(delivery_id: int, *, now: datetime | None = None) -> Attempt:
    """Send one delivery if it is due; idempotent (a delivery already sent, or claimed by another
    worker, is left alone)."""
    now = now or timezone.now()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    claimed = (
        Delivery.objects.filter(pk=delivery_id, due_at__lte=now)
        .filter(Q(state__in=[Delivery.State.PENDING, Delivery.State.RETRYING]) & due)
        .update(state=Delivery.State.SENDING)
    )
    delivery = Delivery.objects.select_related("group__rule", "group__alert").filter(pk=delivery_id).first()
    if delivery is None:
        return Attempt("missing")
    if not claimed:
        return Attempt(delivery.state)
    rule = delivery.group.rule
    try:
        if delivery.channel == Delivery.Channel.EMAIL:
            _send_email(delivery)
        else:
            _send_webhook(delivery)
    except Exception as exc:  # any failure of the far end is retried; ours shows in last_error
        return _failed(delivery, rule, exc, now)
    delivery.state, delivery.sent_at, delivery.attempts = Delivery.State.SENT, now, delivery.attempts + 1
    delivery.last_error = ""
    delivery.save(update_fields=["state", "sent_at", "attempts", "last_error"])
    if delivery.channel == Delivery.Channel.WEBHOOK and rule.webhook_failing_since is not None:
        AlertRule.objects.filter(pk=rule.pk).update(webhook_failing_since=None)
    return Attempt(Delivery.State.SENT)


def _failed(delivery: Delivery, rule: AlertRule, exc: Exception, now: datetime) -> Attempt:
    delivery.attempts += 1
    delivery.last_error = f"{type(exc).__name__}: {exc}"[:500]
    log.warning(
        "trends delivery %s failed (attempt %s): %s", delivery.pk, delivery.attempts, delivery.last_error
    )
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.state, delivery.next_attempt_at = Delivery.State.FAILED, None
        delivery.save(update_fields=["state", "attempts", "last_error", "next_attempt_at"])
        if delivery.channel == Delivery.Channel.WEBHOOK and rule.webhook_failing_since is None:
            AlertRule.objects.filter(pk=rule.pk).update(webhook_failing_since=now)
            if rule.owner is not None:
                notify(
                    [rule.owner],
                    f"Webhook của quy tắc «{rule.name}» đang lỗi",
                    body=f"Gửi {MAX_ATTEMPTS} lần không thành công: {delivery.last_error}",
                    url=reverse("trends:rule", args=[rule.pk]),
                )
        return Attempt(Delivery.State.FAILED)
    wait = backoff(delivery.attempts)
    delivery.state, delivery.next_attempt_at = Delivery.State.RETRYING, now + timedelta(seconds=wait)
    delivery.save(update_fields=["state", "attempts", "last_error", "next_attempt_at"])
    return Attempt(Delivery.State.RETRYING, wait)


def due_deliveries(now: datetime) -> list[int]:
    """Deliveries whose time has come (quiet hours over, backoff elapsed) or whose sender died."""
    ready = Q(state=Delivery.State.PENDING, due_at__lte=now) | Q(
        state=Delivery.State.RETRYING, next_attempt_at__lte=now
    )
    stuck = Q(state=Delivery.State.SENDING, created_at__lte=now - STALE_SENDING)
    ids = list(Delivery.objects.filter(ready | stuck).values_list("pk", flat=True)[:500])
    Delivery.objects.filter(pk__in=ids, state=Delivery.State.SENDING).update(state=Delivery.State.RETRYING)
    return ids
