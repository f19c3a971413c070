"""Writes of the trends capability: the ingestion hook, detection runs, alert rules and cases.

Every change made on someone's behalf checks their right, happens in one transaction and leaves an
audit event. Work that takes time runs in Celery tasks enqueued after commit.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from loa.core import audit
from loa.deadlines.services import start_clock
from loa.monitoring.models import Article
from loa.organisations.access import (
    EDITOR_ROLES,
    can_edit_for,
    is_coordinator,
    membership_of,
    require_coordinator,
    role_of,
)
from loa.organisations.models import Agency
from loa.press.access import can_approve, require_act, require_approver
from loa.press.models import Statement
from loa.trends import aggregate, delivery, detection
from loa.trends import keys as K
from loa.trends.aggregate import DAY, day_start, local_zone
from loa.trends.models import Alert, AlertRule, Case, SeriesPoint

RECONCILE_DAYS = 2


# --- ingestion and detection -----------------------------------------------------------------------


def articles_ingested(article_ids: list[int]) -> None:
    """Called by monitoring after articles are committed: update the series and alert, in a task."""
    ids = sorted({int(pk) for pk in article_ids})
    if not ids:
        return
    from loa.trends.tasks import process_articles

    transaction.on_commit(lambda: process_articles.delay(ids))


@dataclass
class ProcessReport:
    keys: int = 0
    alerts: list[Alert] = field(default_factory=list)
    dispatch: delivery.DispatchReport = field(default_factory=delivery.DispatchReport)


def process_ingested(article_ids: Iterable[int], *, now: datetime | None = None) -> ProcessReport:
    """The task behind `articles_ingested`: series of the touched keys, detection on them (with the
    within-the-day check), rule thresholds, delivery."""
    now = now or timezone.now()
    touched = aggregate.refresh_articles(article_ids)
    report = ProcessReport(keys=len(touched.keys))
    if not touched:
        return report
    outcome = detection.detect(touched.keys, now=now)
    report.alerts = outcome.created + detection.threshold_alerts(touched.keys, now)
    report.dispatch = delivery.dispatch(report.alerts, now=now)
    return report


def run_detection(*, now: datetime | None = None, reconcile: bool = True) -> ProcessReport:
    """The periodic run: reconcile the last days, detect over every key (forecasts once a day), deliver."""
    now = now or timezone.now()
    if reconcile:
        aggregate.reconcile(now.astimezone(local_zone()).date() - timedelta(days=RECONCILE_DAYS))
    outcome = detection.detect(None, now=now, with_forecast=detection.forecasts_stale(now))
    report = ProcessReport(keys=outcome.keys, alerts=outcome.created + detection.threshold_alerts(None, now))
    report.dispatch = delivery.dispatch(report.alerts, now=now)
    return report


def rebuild(*, now: datetime | None = None) -> tuple[int, ProcessReport]:
    """Recount every series from the monitoring tables, then detect (without reconciling again)."""
    members = aggregate.rebuild()
    return members, run_detection(now=now, reconcile=False)


def forecast_for(key: str) -> list[Any]:
    """Today's seven-day forecast of a key (computed on first request if the daily run has not)."""
    return detection.forecast_key(key)


# --- alert rules -----------------------------------------------------------------------------------

SURGE_KINDS = (Alert.Kind.VOLUME, Alert.Kind.NEGATIVE, Alert.Kind.FORECAST)
RULE_FIELDS = (
    "name",
    "agency",
    "target",
    "key",
    "saved_search",
    "watch_agency",
    "condition",
    "kinds",
    "threshold",
    "metric",
    "recipient_agency",
    "in_app",
    "email",
    "webhook_url",
    "group_hours",
    "quiet_start",
    "quiet_end",
    "is_active",
)
BUSY_WINDOW_DAYS = 28


def _busy_days(key: str, threshold: int, metric: str, today: date) -> tuple[int, int]:
    """(days at or above the threshold, days observed) over the last four weeks of `key`."""
    first = today - timedelta(days=BUSY_WINDOW_DAYS)
    points = SeriesPoint.objects.filter(
        key=key, granularity=DAY, start__gte=day_start(first), start__lt=day_start(today)
    )
    values = [p.negative if metric == AlertRule.Metric.NEGATIVE else p.count for p in points]
    started = aggregate.monitoring_start()
    observed = 0 if started is None else min(BUSY_WINDOW_DAYS, max((today - max(started, first)).days, 0))
    return sum(v >= threshold for v in values), observed


def check_rule(rule: AlertRule, *, has_recipients: bool, today: date | None = None) -> None:
    """Refuse, with an explanation, rules that cannot work or would match everything.
    `has_recipients`: people are named on the rule (the many-to-many is set after saving)."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if rule.target == AlertRule.Target.KEY and not K.is_valid(rule.key):
        errors["key"] = "Chọn một chuỗi hợp lệ (toàn tỉnh, chủ đề, lĩnh vực, địa bàn, cơ quan)."
    if rule.target == AlertRule.Target.SEARCH:
        if rule.saved_search is None:
            errors["saved_search"] = "Chọn một tìm kiếm đã lưu."
        elif aggregate.SearchMatcher(rule.saved_search).matches_everything:
            errors["saved_search"] = (
                "Tìm kiếm đã lưu này không có từ khóa và bộ lọc nào nên khớp với mọi bài: quy tắc sẽ "
                "báo về toàn bộ luồng tin. Thêm từ khóa hoặc bộ lọc, hoặc chọn chuỗi «Toàn tỉnh» nếu "
                "thật sự muốn theo dõi mọi tăng đột biến."
            )
    if rule.target == AlertRule.Target.AGENCY and rule.watch_agency is None:
        errors["watch_agency"] = "Chọn cơ quan được theo dõi."
    if rule.kinds and not set(rule.kinds) <= set(SURGE_KINDS):
        errors["kinds"] = "Loại cảnh báo không hợp lệ."
    if rule.condition == AlertRule.Condition.THRESHOLD:
        if rule.target == AlertRule.Target.ROUTED:
            errors["condition"] = (
                "Quy tắc gửi cơ quan phụ trách chỉ dùng với tăng đột biến, không dùng ngưỡng."
            )
        elif rule.threshold is None or rule.threshold < 1:
            errors["threshold"] = (
                "Ngưỡng phải từ 1 tin/ngày trở lên: ngưỡng 0 khớp với mọi ngày, kể cả ngày không có tin."
            )
        else:
            key = detection.rule_key(rule)
            if key is not None and "saved_search" not in errors:
                busy, observed = _busy_days(key, rule.threshold, rule.metric, today)
                everything = key == K.ALL and rule.threshold <= 1
                if everything or (observed >= 7 and busy * 2 >= observed):
                    errors["threshold"] = (
                        f"Ngưỡng {rule.threshold} tin/ngày cho «{K.label(key)}» khớp gần như mọi thứ: "
                        f"trong {observed} ngày qua có {busy} ngày đạt ngưỡng. Quy tắc như vậy chỉ tạo "
                        "thông báo thường trực; hãy nâng ngưỡng hoặc chọn «bất kỳ tăng đột biến nào»."
                        if not everything
                        else "Ngưỡng 1 tin/ngày trên toàn tỉnh khớp với mọi bài: quy tắc bị từ chối."
                    )
    has_people = has_recipients or rule.recipient_agency_id or rule.target == AlertRule.Target.ROUTED
    if not (rule.in_app or rule.email or rule.webhook_url):
        errors["in_app"] = "Chọn ít nhất một kênh: trong Loa, thư điện tử hoặc webhook."
    if rule.webhook_url and not rule.webhook_url.lower().startswith(("https://", "http://")):
        errors["webhook_url"] = "Webhook cần địa chỉ http:// hoặc https://."
    if (rule.quiet_start is None) != (rule.quiet_end is None):
        errors["quiet_end"] = "Giờ yên lặng cần cả giờ bắt đầu và giờ kết thúc."
    if not has_people and not rule.webhook_url:
        errors["recipient_agency"] = "Quy tắc chưa có người nhận: chọn người, cơ quan hoặc webhook."
    if errors:
        raise ValidationError(errors)


def _require_rule_rights(actor: Any, rule: AlertRule) -> None:
    if not (is_coordinator(actor) or (role_of(actor) in EDITOR_ROLES and can_edit_for(actor, rule.agency))):
        raise PermissionDenied("Bạn không có quyền quản lý quy tắc cảnh báo của cơ quan này.")
    if rule.target == AlertRule.Target.ROUTED:
        require_coordinator(actor)
    if rule.saved_search is not None and rule.saved_search.owner_id != actor.pk and not is_coordinator(actor):
        raise PermissionDenied("Chỉ dùng được tìm kiếm đã lưu của chính bạn.")
    if rule.recipient_agency is not None and not can_edit_for(actor, rule.recipient_agency):
        raise PermissionDenied(
            "Chỉ gửi cảnh báo tới cơ quan của bạn (cán bộ điều phối gửi được mọi cơ quan)."
        )


@transaction.atomic
def rule_save(actor: Any, rule: AlertRule, *, recipients: Sequence[Any] | None = None) -> AlertRule:
    """Create or update a rule (validated; secrets generated for webhooks); audited."""
    if rule.agency is None:
        membership = membership_of(actor)
        rule.agency = membership.agency if membership else None
    _require_rule_rights(actor, rule)
    if rule.webhook_url and not rule.webhook_secret:
        rule.webhook_secret = secrets.token_hex(24)
    if not rule.kinds and rule.condition == AlertRule.Condition.SURGE:
        rule.kinds = [Alert.Kind.VOLUME, Alert.Kind.NEGATIVE]
    named = bool(recipients) if recipients is not None else bool(rule.pk and rule.recipients.exists())
    check_rule(rule, has_recipients=named)
    before = AlertRule.objects.filter(pk=rule.pk).first() if rule.pk else None
    rule.full_clean(exclude=["owner", "webhook_secret"])
    if rule.owner_id is None:
        rule.owner = actor if getattr(actor, "is_authenticated", False) else None
    rule.save()
    if recipients is not None:
        rule.recipients.set(recipients)
    values = {name: getattr(rule, name) for name in RULE_FIELDS}
    if before is None:
        audit.record(actor, "alert_rule.create", rule, changes=values, agency_id=rule.agency_id)
    else:
        changes = audit.diff(before, values)
        if changes:
            audit.record(actor, "alert_rule.update", rule, changes=changes, agency_id=rule.agency_id)
    return rule


DEFAULT_RULES = (
    # name, target, recipients: the press-management agency (None: the routed agencies)
    ("Cảnh báo gửi cơ quan phụ trách (địa bàn, lĩnh vực)", AlertRule.Target.ROUTED, False),
    ("Tăng đột biến toàn tỉnh (cơ quan quản lý báo chí)", AlertRule.Target.KEY, True),
)


@transaction.atomic
def ensure_default_rules(actor: Any = None) -> int:
    """The two rules every installation starts with (created once, never overwritten): every alert on a
    commune, sector or agency goes to the agency in charge; province-wide surges and forecasts go to the
    press-management department. Returns how many were created."""
    press = Agency.objects.filter(role=Agency.Role.PRESS_MANAGEMENT, is_active=True).first()
    created = 0
    for name, target, to_press in DEFAULT_RULES:
        if AlertRule.objects.filter(name=name).exists() or (to_press and press is None):
            continue
        rule = AlertRule.objects.create(
            name=name,
            agency=press,
            target=target,
            key=K.ALL if target == AlertRule.Target.KEY else "",
            kinds=[Alert.Kind.VOLUME, Alert.Kind.NEGATIVE] + ([Alert.Kind.FORECAST] if to_press else []),
            recipient_agency=press if to_press else None,
            in_app=True,
            email=True,
        )
        audit.record(actor, "alert_rule.create", rule, changes={"name": name, "default": True})
        created += 1
    return created


@transaction.atomic
def rule_delete(actor: Any, rule: AlertRule) -> None:
    _require_rule_rights(actor, rule)
    audit.record(actor, "alert_rule.delete", rule, changes={"name": rule.name}, agency_id=rule.agency_id)
    rule.delete()


def sectors_deleted(sector_ids: list[int]) -> int:
    """Switch off the alert rules watching the series of deleted sectors (monitoring's hook, in the
    deletion's transaction): they would match nothing and show a dangling key. The rules are kept, with
    their history, for whoever wants to point them elsewhere. Returns how many were switched off."""
    keys = [K.sector(sector_id) for sector_id in sector_ids]
    rules = list(AlertRule.objects.filter(target=AlertRule.Target.KEY, key__in=keys, is_active=True))
    for rule in rules:
        rule.is_active = False
        rule.save(update_fields=["is_active"])
        audit.record(
            None,
            "alert_rule.disable",
            rule,
            changes={"is_active": [True, False], "reason": "lĩnh vực đã bị xóa", "key": rule.key},
            agency_id=rule.agency_id,
        )
    return len(rules)


# --- cases -----------------------------------------------------------------------------------------

CASE_RULES: dict[str, str] = {
    Case.Kind.URGENT: "press.urgent.first_statement",
    Case.Kind.DIVIDED: "press.urgent.divided_opinion",
    Case.Kind.PETITION: "press.response.petition",
    Case.Kind.OTHER: "",
}


class TransitionError(ValueError):
    """An action the case's state does not allow."""


def _open_rights(actor: Any, agency: Agency) -> None:
    if is_coordinator(actor):
        return
    require_act(actor, agency)


def _default_title(alert: Alert | None, article: Article | None) -> str:
    if article is not None:
        return article.title[:300]
    if alert is not None:
        return f"{alert.get_kind_display()}: {K.label(alert.key)} ({alert.date:%d/%m/%Y})"[:300]
    return ""


def _article_key(article: Article) -> str:
    """The series that best follows an article: its commune, else its first sector, else its topic."""
    place = article.places.filter(commune__isnull=False).select_related("commune").first()
    if place is not None and place.commune is not None:
        return K.commune(place.commune.code)
    sector = article.sectors.first()
    if sector is not None:
        return K.sector(sector.pk)
    return K.topic(article.topic) if article.topic else K.ALL


def suggested_agency(alert: Alert | None, article: Article | None) -> Agency | None:
    """Who should answer: the agency the alert routes to, or the article's commune or sector agency."""
    if alert is not None:
        return alert.agencies.order_by("role", "name").first()
    if article is not None:
        routes = K.routed_agencies([_article_key(article)])
        ids = next(iter(routes.values()), [])
        return Agency.objects.filter(pk__in=ids).first()
    return None


@transaction.atomic
def case_open(
    actor: Any,
    *,
    agency: Agency,
    kind: str = Case.Kind.URGENT,
    title: str = "",
    description: str = "",
    alert: Alert | None = None,
    article: Article | None = None,
    clock_start: datetime | None = None,
    key: str = "",
) -> Case:
    """Open a case for `agency`. The clock starts when Loa found the matter (the alert was raised, the
    article was published) unless told otherwise; the deadline comes from the legal rule of the kind."""
    _open_rights(actor, agency)
    if kind not in Case.Kind.values:
        raise ValidationError({"kind": "Loại vụ việc không hợp lệ."})
    if alert is None and article is None and not title.strip():
        raise ValidationError({"title": "Ghi tên vụ việc."})
    if key and not K.is_valid(key):
        raise ValidationError({"key": "Chuỗi theo dõi không hợp lệ."})
    start = clock_start
    if start is None:
        if alert is not None:
            start = alert.created_at
        elif article is not None:
            start = aggregate.article_time(article.published_at, article.ingested_at)
        else:
            start = timezone.now()
    case = Case(
        agency=agency,
        kind=kind,
        title=(title.strip() or _default_title(alert, article))[:300],
        description=description.strip() or (alert.reason if alert is not None else ""),
        alert=alert,
        article=article,
        story=article.story if article is not None else None,
        key=key or (alert.key if alert is not None else _article_key(article) if article is not None else ""),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    start_clock(case, CASE_RULES[kind], start)
    case.full_clean()
    case.save()
    audit.record(
        actor,
        "case.open",
        case,
        changes={
            "agency": agency,
            "kind": kind,
            "alert": alert.pk if alert else None,
            "article": article.pk if article else None,
            "rule": case.rule_key,
            "clock_start": case.clock_start,
            "due_at": case.due_at,
        },
        agency_id=agency.pk,
    )
    return case


CASE_ACTIONS: dict[str, tuple[frozenset[str], str, str]] = {
    # action: (from states, to state, who: "editor" | "approver" | "coordinator"). Forward steps first:
    # the page opens the first allowed one.
    "approve": (frozenset({Case.State.DRAFTED}), Case.State.APPROVED, "approver"),
    "publish": (frozenset({Case.State.APPROVED}), Case.State.PUBLISHED, "editor"),
    "draft": (frozenset({Case.State.OPEN, Case.State.DRAFTED}), Case.State.DRAFTED, "editor"),
    "return": (frozenset({Case.State.DRAFTED, Case.State.APPROVED}), Case.State.OPEN, "approver"),
    "assign": (frozenset({Case.State.OPEN, Case.State.DRAFTED}), Case.State.OPEN, "coordinator"),
    "close": (
        frozenset({Case.State.OPEN, Case.State.DRAFTED, Case.State.APPROVED, Case.State.PUBLISHED}),
        Case.State.CLOSED,
        "editor",
    ),
}
ACTION_LABELS = {
    "draft": gettext_noop("Lưu dự thảo phản hồi, trình duyệt"),
    "approve": gettext_noop("Duyệt phản hồi"),
    "return": gettext_noop("Trả lại để sửa"),
    "publish": gettext_noop("Ghi nhận đã phản hồi, công bố"),
    "close": gettext_noop("Kết thúc vụ việc"),
    "assign": gettext_noop("Giao cơ quan khác"),
}


def allowed_actions(actor: Any, case: Case) -> list[str]:
    found = []
    for action, (sources, _target, who) in CASE_ACTIONS.items():
        if case.state not in sources:
            continue
        if who == "approver" and not can_approve(actor, case.agency):
            continue
        if who == "coordinator" and not is_coordinator(actor):
            continue
        if who == "editor":
            try:
                require_act(actor, case.agency)
            except PermissionDenied:
                continue
        found.append(action)
    return found


@transaction.atomic
def case_transition(
    actor: Any,
    case: Case,
    action: str,
    *,
    response: str = "",
    statement: Statement | None = None,
    published_url: str = "",
    responded_at: datetime | None = None,
    note: str = "",
    agency: Agency | None = None,
    now: datetime | None = None,
) -> Case:
    if action not in CASE_ACTIONS:
        raise TransitionError(f"Thao tác không hợp lệ: {action!r}")
    sources, target, who = CASE_ACTIONS[action]
    if who == "approver":
        require_approver(actor, case.agency)
    elif who == "coordinator":
        require_coordinator(actor)
    else:
        require_act(actor, case.agency)
    if case.state not in sources:
        raise TransitionError(
            f"Không thể “{ACTION_LABELS[action]}” khi vụ việc ở trạng thái “{case.get_state_display()}”."
        )
    moment = now or timezone.now()
    before = {
        name: getattr(case, name) for name in ("state", "agency", "response", "statement", "published_url")
    }
    if action == "draft":
        if not response.strip():
            raise ValidationError({"response": "Ghi nội dung phản hồi dự thảo."})
        if statement is not None and statement.agency_id != case.agency_id:
            raise ValidationError({"statement": "Thông cáo thuộc cơ quan khác."})
        case.response, case.statement = response.strip(), statement
    elif action == "approve":
        case.approved_by, case.approved_at = actor, moment
    elif action == "return":
        case.approved_by, case.approved_at = None, None
    elif action == "publish":
        if not published_url.strip():
            raise ValidationError({"published_url": "Ghi đường dẫn nơi đã đăng phản hồi."})
        case.published_url = published_url.strip()
        case.responded_at = responded_at or moment
    elif action == "close":
        if case.state != Case.State.PUBLISHED and not note.strip():
            raise ValidationError({"note": "Kết thúc khi chưa phản hồi: ghi rõ lý do."})
        case.closed_at, case.closing_note = moment, note.strip()
    elif action == "assign":
        if agency is None:
            raise ValidationError({"agency": "Chọn cơ quan được giao."})
        case.agency = agency
    case.state = target
    case.full_clean()
    case.save()
    after = {name: getattr(case, name) for name in before}
    changes: dict[str, Any] = {
        name: [before[name], after[name]] for name in before if before[name] != after[name]
    }
    if note:
        changes["note"] = note
    if action == "publish":
        changes["responded_at"] = case.responded_at
    audit.record(actor, f"case.{action}", case, changes=changes, agency_id=case.agency_id)
    return case
