"""Cases: legal deadlines (moved by announced days off), approval, publication, audit, scopes, and the
before/after view of coverage around the response."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from loa.core.models import AuditEvent
from loa.deadlines.calendar import VN_TZ
from loa.deadlines.services import announce_day
from loa.organisations.models import Role
from loa.trends import aggregate, selectors, services
from loa.trends import keys as K
from loa.trends.models import Alert, Case
from tests.factories import member
from tests.trends.conftest import at, today

pytestmark = pytest.mark.django_db


@pytest.fixture
def babe_people(commune):  # type: ignore[no-untyped-def]
    _, committee = commune
    return {
        "officer": member(committee, Role.OFFICER, "t_babe_officer"),
        "spokesperson": member(committee, Role.SPOKESPERSON, "t_babe_speaker"),
    }


@pytest.fixture
def alert(commune):  # type: ignore[no-untyped-def]
    from loa.trends.detection import route

    place, _ = commune
    row = Alert.objects.create(
        key=K.commune(place.code),
        date=date(2026, 8, 3),
        kind=Alert.Kind.VOLUME,
        score=6,
        expected=0.3,
        observed=6,
        count=6,
        negative=6,
        reason="Số tin tăng đột biến.",
    )
    route([row])
    return row


def test_an_urgent_case_runs_on_the_24_hour_clock(users, commune, alert):
    _, committee = commune
    found = datetime(2026, 8, 3, 10, 0, tzinfo=VN_TZ)
    case = services.case_open(users["coordinator"], agency=committee, alert=alert, clock_start=found)
    assert case.rule_id == "press.urgent.first_statement" and case.rule_key.startswith(
        "press.urgent.first_statement"
    )
    assert case.due_at == found + timedelta(hours=24)
    assert "24" in case.due_explanation
    assert case.key == alert.key and case.title.startswith("Số tin tăng đột biến: Xã Ba Bể")
    assert services.suggested_agency(alert, None) == committee
    event = AuditEvent.objects.get(action="case.open", object_id=str(case.pk))
    assert event.agency_id == committee.pk and event.changes["rule"] == case.rule_key


def test_an_announced_day_off_moves_a_working_day_deadline(users, commune, alert):
    _, committee = commune
    received = datetime(2026, 8, 3, 9, 0, tzinfo=VN_TZ)  # a Monday, Decree 237: 15 working days
    case = services.case_open(
        users["coordinator"], agency=committee, alert=alert, kind=Case.Kind.PETITION, clock_start=received
    )
    before = case.due_at
    # 22/08/2026, a Saturday, is a make-up working day for the National Day bridge.
    assert before is not None and before.astimezone(VN_TZ).date() == date(2026, 8, 22)
    _, report = announce_day(users["admin"], date(2026, 8, 12), "day_off", label="Nghỉ bù (thử)")
    case.refresh_from_db()
    assert case.due_at.astimezone(VN_TZ).date() == date(2026, 8, 24)
    assert "12/08/2026" in case.due_explanation
    assert any(m["object"] == f"trends.case:{case.pk}" for m in report.moved)
    assert AuditEvent.objects.filter(action="deadline.recompute", object_id=str(case.pk)).exists()


def test_response_loop_with_approval_publication_and_audit(users, commune, alert, babe_people):
    _, committee = commune
    officer, speaker = babe_people["officer"], babe_people["spokesperson"]
    case = services.case_open(officer, agency=committee, alert=alert)
    assert services.allowed_actions(officer, case) == ["draft", "close"]
    with pytest.raises(ValidationError):
        services.case_transition(officer, case, "draft", response="  ")
    services.case_transition(
        officer, case, "draft", response="UBND xã đã kiểm tra nguồn nước và cấp nước sạch."
    )
    with pytest.raises(PermissionDenied):
        services.case_transition(officer, case, "approve")
    services.case_transition(speaker, case, "approve")
    with pytest.raises(ValidationError):
        services.case_transition(officer, case, "publish", published_url="")
    services.case_transition(officer, case, "publish", published_url="https://babe.thainguyen.gov.vn/tin/1")
    case.refresh_from_db()
    assert case.state == Case.State.PUBLISHED and case.responded_at is not None and case.met_on_time
    with pytest.raises(services.TransitionError):
        services.case_transition(officer, case, "draft", response="Sửa")
    services.case_transition(officer, case, "close")
    actions = list(
        AuditEvent.objects.filter(object_type="trends.case", object_id=str(case.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["case.open", "case.draft", "case.approve", "case.publish", "case.close"]


def test_agency_officers_act_only_on_their_own_cases(users, commune, alert, babe_people):
    _, committee = commune
    with pytest.raises(PermissionDenied):
        services.case_open(users["justice"], agency=committee, alert=alert)
    case = services.case_open(users["coordinator"], agency=committee, alert=alert)
    with pytest.raises(PermissionDenied):
        services.case_transition(users["justice"], case, "draft", response="Không phải việc của tôi")
    with pytest.raises(PermissionDenied):
        services.case_transition(users["viewer"], case, "draft", response="x")
    with pytest.raises(Http404):
        selectors.case_detail(users["justice"], case.pk)
    assert selectors.case_detail(babe_people["officer"], case.pk) == case
    assert selectors.case_detail(users["coordinator"], case.pk) == case
    with pytest.raises(PermissionDenied):
        services.case_transition(
            babe_people["officer"], case, "assign", agency=users["justice"].membership.agency
        )
    services.case_transition(users["coordinator"], case, "assign", agency=users["justice"].membership.agency)
    services.case_transition(users["justice"], case, "draft", response="Sở Tư pháp trả lời.")
    with pytest.raises(ValidationError):
        services.case_transition(users["justice"], case, "close")


def test_before_and_after_the_response(users, commune, make_story):
    place, committee = commune
    response_day = today() - timedelta(days=3)
    for offset in range(7, 0, -1):
        day = response_day - timedelta(days=offset)
        for hour in (8, 10, 12, 14):
            make_story(at(day, hour), sentiment="negative" if hour != 14 else "neutral", communes=[place])
    for offset in range(0, 3):
        make_story(at(response_day + timedelta(days=offset), 9), sentiment="neutral", communes=[place])
    aggregate.rebuild()
    case = services.case_open(
        users["coordinator"], agency=committee, title="Nước sạch ở Ba Bể", key=K.commune(place.code)
    )
    assert selectors.before_after(case) == []
    services.case_transition(users["coordinator"], case, "draft", response="Đã xử lý.")
    services.case_transition(users["admin"], case, "approve")
    services.case_transition(
        users["coordinator"],
        case,
        "publish",
        published_url="https://example.gov.vn/a",
        responded_at=at(response_day, 8, 30),
    )
    (view,) = selectors.before_after(case, today=today())
    assert view.before.days == 7 and view.before.count_mean == 4.0 and view.before.negative_share == 0.75
    assert view.after.days == 4 and view.after.count_mean == 0.75 and view.after.negative_share == 0.0
    assert view.count_change == pytest.approx(-0.8125) and view.share_change == pytest.approx(-0.75)
