"""Rules and calendar in the database: seeding, edits audited old → new, announced days, admin, page, API."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from loa.core.models import AuditEvent
from loa.deadlines import services
from loa.deadlines.calendar import VN_TZ
from loa.deadlines.models import CalendarDay, LegalRule
from loa.deadlines.rules import SEED_RULES, RuleLookupError

pytestmark = pytest.mark.django_db


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


def petition_2026() -> LegalRule:
    return LegalRule.objects.get(rule_id="press.response.petition", valid_from=date(2026, 7, 1))


def test_seed_is_idempotent_and_keeps_administrator_edits():
    assert services.seed_rules() == len(SEED_RULES)
    rule = petition_2026()
    rule.amount = 10
    rule.save()
    assert services.seed_rules() == 0
    assert petition_2026().amount == 10
    assert LegalRule.objects.count() == len(SEED_RULES)
    assert AuditEvent.objects.filter(action="legal_rule.seed").count() == 1


def test_db_rules_seed_an_empty_table_and_match_the_seed_data():
    assert not LegalRule.objects.exists()
    assert sorted(services.db_rules(), key=lambda r: r.key) == sorted(SEED_RULES, key=lambda r: r.key)


def test_rule_valid_on_the_event_date_applies_across_1_july_2026():
    old = services.compute_deadline("press.response.petition", at("2026-06-30T10:00"))
    new = services.compute_deadline("press.response.petition", at("2026-07-01T10:00"))
    assert old.rule.legal_basis.startswith("Luật Báo chí 103/2016") and old.due == at("2026-07-30T23:59:59")
    assert "237/2026" in new.rule.legal_basis and new.due == at("2026-07-22T23:59:59")
    assert "15 ngày làm việc" in new.explanation


def test_editing_a_rule_changes_the_deadline_and_audits_old_and_new_values(users):
    services.seed_rules()
    rule = petition_2026()
    rule.amount = 10
    services.rule_save(users["admin"], rule)
    event = AuditEvent.objects.get(action="legal_rule.update")
    assert event.changes == {"amount": [15, 10]} and event.actor == users["admin"]
    assert services.compute_deadline("press.response.petition", at("2026-07-01T10:00")).due == at(
        "2026-07-15T23:59:59"
    )


def test_rule_validation_refuses_overlapping_generations_and_bad_units():
    services.seed_rules()
    overlapping = LegalRule(**{**LegalRule.fields_from_rule(SEED_RULES[0]), "valid_from": date(2020, 1, 1)})
    with pytest.raises(ValidationError, match="chồng lên"):
        services.rule_save(None, overlapping)
    rule = petition_2026()
    rule.amount = None
    with pytest.raises(ValidationError, match="needs amount"):
        services.rule_save(None, rule)


def test_announced_day_off_and_make_up_day_move_working_day_deadlines(users):
    start = at("2026-07-01T10:00")
    assert services.compute_deadline("press.response.petition", start).due == at("2026-07-22T23:59:59")
    row, _ = services.announce_day(
        users["admin"],
        date(2026, 7, 6),
        CalendarDay.Kind.DAY_OFF,
        label="Nghỉ thử",
        legal_basis="Thông báo 1/TB",
    )
    moved = services.compute_deadline("press.response.petition", start)
    assert moved.due == at("2026-07-23T23:59:59")
    assert "Nghỉ thử (Thông báo 1/TB)" in moved.explanation
    services.announce_day(users["admin"], date(2026, 7, 11), CalendarDay.Kind.WORKING_DAY, label="Làm bù")
    assert services.compute_deadline("press.response.petition", start).due == at("2026-07-22T23:59:59")
    services.remove_day(users["admin"], date(2026, 7, 6))
    assert services.compute_deadline("press.response.petition", start).due == at("2026-07-21T23:59:59")
    actions = list(
        AuditEvent.objects.filter(object_type="deadlines.calendarday").values_list("action", flat=True)
    )
    assert sorted(actions) == ["calendar_day.create", "calendar_day.create", "calendar_day.delete"]
    assert row.year == 2026


def test_statutory_lunar_holiday_comes_from_the_holidays_package():
    # Giỗ Tổ Hùng Vương 2027 is 16/4/2027 (10/3 lunar): a 3-working-day period started the day before skips it.
    deadline = services.compute_deadline("ati.request.electronic.simple", at("2027-04-15T09:00"))
    assert deadline.due == at("2027-04-21T23:59:59")
    assert "Giỗ Tổ Hùng Vương" in deadline.explanation


def test_unknown_rule_raises_lookup_error():
    with pytest.raises(RuleLookupError):
        services.compute_deadline("press.nothing", at("2026-07-01T10:00"))


def test_admin_change_form_goes_through_the_audited_service(client, users):
    services.seed_rules()
    rule = petition_2026()
    client.force_login(users["admin"])
    data = {
        name: ("" if value is None else value)
        for name, value in LegalRule.fields_from_rule(rule.to_rule()).items()
    }
    data.update(amount=12, applies_to=json.dumps(rule.applies_to))
    response = client.post(reverse("admin:deadlines_legalrule_change", args=[rule.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert petition_2026().amount == 12
    assert AuditEvent.objects.get(action="legal_rule.update").changes == {"amount": [15, 12]}


def test_admin_announces_a_day_through_the_service(client, users):
    client.force_login(users["admin"])
    response = client.post(
        reverse("admin:deadlines_calendarday_add"),
        {"date": "2026-09-04", "kind": "day_off", "label": "Nghỉ thêm", "legal_basis": "Thông báo 2/TB"},
    )
    assert response.status_code == 302
    assert CalendarDay.objects.get(date=date(2026, 9, 4)).year == 2026
    assert AuditEvent.objects.filter(action="calendar_day.create").exists()


def test_rules_page_is_for_coordinators_and_explains_a_computed_deadline(client, users):
    client.force_login(users["justice"])
    assert client.get(reverse("deadlines:rules")).status_code == 403
    client.force_login(users["coordinator"])
    html = client.get(
        reverse("deadlines:rules"), {"rule": "press.response.petition", "start": "2027-02-02T09:00"}
    ).content.decode()
    assert "press.urgent.first_statement" in html and "TBC" in html and "Nghị định 244/2026/NĐ-CP" in html
    assert "Tết Nguyên đán" in html and "15 ngày làm việc" in html
    bad = client.get(reverse("deadlines:rules"), {"rule": "press.response.petition", "start": "hôm qua"})
    assert "không hợp lệ" in bad.content.decode()
    # The correction-rounds limit is listed with the rules but is no deadline to calculate.
    assert "<code>press.correction.max_rounds</code>" in html
    assert '<option value="press.correction.max_rounds"' not in html
    assert '<option value="press.response.petition" selected>' in html


def test_api_lists_rules_and_computes_a_deadline(client, users):
    client.force_login(users["viewer"])
    rules = client.get("/api/deadlines/rules").json()
    assert {"press.response.editor_request", "ati.request.post.simple"} <= {r["id"] for r in rules}
    body = client.get(
        "/api/deadlines/due", {"rule": "press.urgent.first_statement", "start": "2026-07-01T08:00"}
    ).json()
    assert body["rule"] == "press.urgent.first_statement@2026-07-01" and body["verification"] == "TBC"
    assert body["due"].startswith("2026-07-02T08:00")
    assert client.get("/api/deadlines/due", {"rule": "nope", "start": "2026-07-01T08:00"}).status_code == 400
    client.logout()
    assert client.get("/api/deadlines/rules").status_code == 401
