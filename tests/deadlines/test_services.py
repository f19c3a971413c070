"""Per-record deadline overrides (legal-requirements §1): another rule generation or a fixed due moment,
with a mandatory reason, explained and audited; announced days off move the one and not the other."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from loa.core.models import AuditEvent
from loa.deadlines import selectors, services
from loa.deadlines.calendar import VN_TZ
from loa.deadlines.models import CalendarDay, DeadlineOverride
from loa.press.models import PressRequest

pytestmark = pytest.mark.django_db

PETITION = "press.response.petition"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


def petition(received: str) -> PressRequest:
    """A petition forwarded by the press, on its legal clock from receipt."""
    request = PressRequest.objects.create(
        channel="form", outlet="Báo Thái Nguyên", subject="Phản ánh", received_at=at(received)
    )
    services.start_clock(request, PETITION, request.received_at)
    request.save()
    return request


def announce_day_off(users, day: date) -> None:  # type: ignore[no-untyped-def]
    services.announce_day(users["admin"], day, CalendarDay.Kind.DAY_OFF, label="Nghỉ bù", legal_basis="TB 9")


def test_a_case_straddling_1_july_2026_can_run_on_the_newer_generation_with_a_recorded_reason(users):
    request = petition("2026-06-30T16:00")
    assert request.rule_key == f"{PETITION}@2017-01-01" and request.due_at == at("2026-07-30T23:59:59")

    services.deadline_override_set(
        users["coordinator"],
        request,
        rule_key=f"{PETITION}@2026-07-01",
        reason="Quy định chuyển tiếp của Nghị định 237/2026",
    )
    request.refresh_from_db()
    assert request.rule_key == f"{PETITION}@2026-07-01"
    assert request.due_at == at("2026-07-21T23:59:59")  # 15 working days from 1/7/2026
    explanation = request.due_explanation
    assert "ĐIỀU CHỈNH THỜI HẠN: t_coord" in explanation
    assert "Lý do: Quy định chuyển tiếp của Nghị định 237/2026" in explanation
    assert "Nếu không điều chỉnh, hạn tính theo quy tắc (press.response.petition@2017-01-01)" in explanation
    assert "30/07/2026" in explanation and "vẫn dời hạn" in explanation
    event = AuditEvent.objects.get(action="deadline.override", object_id=str(request.pk))
    assert event.changes["due_at"] == ["2026-07-30T23:59:59+07:00", "2026-07-21T23:59:59+07:00"]
    assert event.changes["computed_due"] == "2026-07-30T23:59:59+07:00"
    assert event.changes["reason"] == "Quy định chuyển tiếp của Nghị định 237/2026"

    # An announced day off moves a rule-based override like any computed deadline.
    announce_day_off(users, date(2026, 7, 6))
    request.refresh_from_db()
    assert request.due_at == at("2026-07-22T23:59:59") and "Nghỉ bù (TB 9)" in request.due_explanation
    assert "ĐIỀU CHỈNH THỜI HẠN" in request.due_explanation

    # Removing it restores the deadline computed on the trigger-date generation.
    services.deadline_override_remove(users["admin"], request, note="Đã rõ: không có quy định chuyển tiếp")
    request.refresh_from_db()
    assert request.rule_key == f"{PETITION}@2017-01-01" and request.due_at == at("2026-07-30T23:59:59")
    assert "ĐIỀU CHỈNH" not in request.due_explanation
    assert not DeadlineOverride.objects.exists()
    removal = AuditEvent.objects.get(action="deadline.override_remove", object_id=str(request.pk))
    assert removal.changes["due_at"] == ["2026-07-22T23:59:59+07:00", "2026-07-30T23:59:59+07:00"]
    assert removal.changes["override"]["rule_key"] == f"{PETITION}@2026-07-01"


def test_a_fixed_due_moment_is_not_moved_by_announced_days_off_and_says_so(users):
    request = petition("2026-07-01T10:00")
    services.deadline_override_set(
        users["admin"], request, due_at=at("2026-07-08T17:00"), reason="Chỉ đạo của Chủ tịch UBND tỉnh"
    )
    request.refresh_from_db()
    assert request.due_at == at("2026-07-08T17:00")
    assert "không dời hạn này" in request.due_explanation
    assert "22/07/2026" in request.due_explanation  # what the rules would have given
    announce_day_off(users, date(2026, 7, 6))
    request.refresh_from_db()
    assert request.due_at == at("2026-07-08T17:00")
    # Replacing the fixed moment by a generation keeps one override per record.
    services.deadline_override_set(
        users["admin"], request, rule_key=f"{PETITION}@2017-01-01", reason="Áp dụng luật 2016"
    )
    request.refresh_from_db()
    assert DeadlineOverride.objects.count() == 1 and request.due_at == at("2026-07-31T23:59:59")
    assert request.deadline_override.kind == DeadlineOverride.Kind.RULE  # type: ignore[union-attr]


def test_officers_cannot_override_and_a_reason_and_one_choice_are_required(users):
    request = petition("2026-07-01T10:00")
    for role in ("justice", "spokesperson", "viewer"):
        with pytest.raises(PermissionDenied):
            services.deadline_override_set(
                users[role], request, due_at=at("2026-08-01T17:00"), reason="Lý do"
            )
    with pytest.raises(ValidationError, match="lý do"):
        services.deadline_override_set(
            users["coordinator"], request, due_at=at("2026-08-01T17:00"), reason=" "
        )
    with pytest.raises(ValidationError, match="hoặc ấn định"):
        services.deadline_override_set(users["coordinator"], request, reason="Lý do")
    with pytest.raises(ValidationError, match="không thuộc quy tắc"):
        services.deadline_override_set(
            users["coordinator"], request, rule_key="press.response.editor_request@2026-07-01", reason="Lý do"
        )
    unclassified = PressRequest.objects.create(
        channel="form", outlet="Báo", subject="Chưa phân loại", received_at=at("2026-07-01T10:00")
    )
    with pytest.raises(ValidationError, match="chưa chạy theo quy tắc"):
        services.deadline_override_set(
            users["coordinator"], unclassified, due_at=at("2026-08-01T17:00"), reason="Lý do"
        )
    with pytest.raises(ValidationError, match="không có điều chỉnh"):
        services.deadline_override_remove(users["coordinator"], request)
    assert not AuditEvent.objects.filter(action__startswith="deadline.override").exists()


def test_an_override_lapses_when_the_record_moves_to_another_rule(users):
    request = petition("2026-07-01T10:00")
    services.deadline_override_set(users["admin"], request, due_at=at("2026-07-08T17:00"), reason="Gấp")
    services.start_clock(request, "press.response.editor_request", request.received_at)
    assert request.due_at == at("2026-07-31T23:59:59") and "ĐIỀU CHỈNH" not in request.due_explanation


def test_generations_lists_every_generation_oldest_first():
    keys = [rule.key for rule in selectors.generations(PETITION)]
    assert keys == [f"{PETITION}@2017-01-01", f"{PETITION}@2026-07-01"]


def test_a_deleted_generation_falls_back_to_the_computed_deadline_and_says_so(users):
    from loa.deadlines.models import LegalRule

    request = petition("2026-06-30T16:00")
    services.deadline_override_set(
        users["admin"], request, rule_key=f"{PETITION}@2026-07-01", reason="Chuyển tiếp"
    )
    newer = LegalRule.objects.get(rule_id=PETITION, valid_from=date(2026, 7, 1))
    services.rule_delete(users["admin"], newer)
    request.refresh_from_db()
    assert request.due_at == at("2026-07-30T23:59:59") and request.rule_key == f"{PETITION}@2017-01-01"
    assert "không còn: áp dụng hạn tính theo quy tắc" in request.due_explanation


def test_the_migration_adds_the_round_limit_to_an_already_seeded_table_only():
    import importlib

    from django.apps import apps

    from loa.deadlines.models import LegalRule
    from loa.deadlines.rules import CORRECTION_ROUNDS_RULE

    migration = importlib.import_module("loa.deadlines.migrations.0002_deadline_override_and_round_limits")
    migration.add_round_limits(apps, None)
    assert not LegalRule.objects.exists()  # an empty table is seeded whole on first use
    services.seed_rules()
    LegalRule.objects.filter(rule_id=CORRECTION_ROUNDS_RULE).delete()
    migration.add_round_limits(apps, None)
    limits = LegalRule.objects.filter(rule_id=CORRECTION_ROUNDS_RULE).order_by("valid_from")
    assert [(row.amount, row.unit) for row in limits] == [(3, "rounds"), (2, "rounds")]
