"""Retention of personal data in closed press requests: seeded rules, anonymisation and attachment
deletion when due, nothing else touched, annual counts unchanged, dry run, idempotence, audited edits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from loa.cli import main as loa_main
from loa.core.models import AuditEvent
from loa.press import reports, retention, services
from loa.press.models import PressAttachment, PressRequest, RetentionRule
from tests.press.conftest import at

pytestmark = pytest.mark.django_db

CLOSED_AT = at("2026-07-20T10:00")
AFTER_FIVE_YEARS = CLOSED_AT + timedelta(days=5 * 365 + 1)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def closed(assigned, users):  # type: ignore[no-untyped-def]
    """A petition answered and closed on CLOSED_AT (or another moment)."""

    def make(when: str = "2026-07-01T10:00", closed_at=CLOSED_AT):  # type: ignore[no-untyped-def]
        request = assigned(when)
        justice = users["justice"]
        services.press_request_transition(justice, request, "draft", response="Sở đã trả lời.")
        services.press_request_transition(users["spokesperson"], request, "approve")
        services.press_request_transition(justice, request, "send", now=at("2026-07-10T16:00"))
        return services.press_request_transition(justice, request, "close", now=closed_at)

    return make


def _png(name: str = "the-nha-bao-tran-van-binh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n" + b"0" * 100, content_type="image/png")


def test_defaults_are_seeded_once_and_never_overwrite_an_edit():
    assert retention.seed_retention_rules() == 2
    rules = {rule.record_type: rule for rule in RetentionRule.objects.all()}
    contact = rules["press_request.requester_contact"]
    assert (contact.days_after_closing, contact.action) == (1825, "anonymise")
    assert (
        rules["press_request.attachments"].action,
        rules["press_request.attachments"].days_after_closing,
    ) == (
        "delete",
        730,
    )
    assert all("TBC" in rule.legal_basis for rule in rules.values())
    RetentionRule.objects.filter(pk=contact.pk).update(days_after_closing=3650)
    assert retention.seed_retention_rules() == 0
    assert RetentionRule.objects.get(pk=contact.pk).days_after_closing == 3650
    assert AuditEvent.objects.filter(action="retention_rule.seed").count() == 1


def test_due_closed_request_is_anonymised_recent_and_open_ones_are_not(closed, received, assigned):
    old = closed()
    recent = closed(closed_at=AFTER_FIVE_YEARS - timedelta(days=30))
    still_open = assigned("2026-07-02T10:00")
    PressRequest.objects.filter(pk=still_open.pk).update(received_at=at("2020-01-01T10:00"))
    report = retention.apply_retention(AFTER_FIVE_YEARS)
    assert report.requests == 1
    old.refresh_from_db()
    assert (old.journalist, old.contact_email, old.contact_phone) == ("Đã ẩn danh", "", "")
    assert old.anonymised_at == AFTER_FIVE_YEARS
    assert (old.outlet, old.subject, old.state, old.response) == (
        "Báo Thái Nguyên điện tử",
        "Phản ánh về thủ tục công chứng",
        "closed",
        "Sở đã trả lời.",
    )
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.journalist == "Trần Văn Bình" and kept.contact_email == "binh@baothainguyen.vn"
        assert kept.anonymised_at is None
    event = AuditEvent.objects.get(action="retention.apply")
    assert event.changes["requests"] == 1 and event.changes["dry_run"] is False
    assert "binh@baothainguyen.vn" not in str(event.changes) and "Trần Văn Bình" not in str(event.changes)


def test_annual_counts_do_not_change_after_anonymisation(closed, received):
    closed()
    received("2026-08-01T10:00")
    before = reports.counts_snapshot(reports.annual_counts(2026, now=at("2026-12-16T09:00")))
    assert before["K3"]["numerator"] == 1 and before["K3"]["denominator"] == 2
    labels = [i.label for i in reports.annual_counts(2026, now=at("2026-12-16T09:00"))[2].items]
    assert retention.apply_retention(AFTER_FIVE_YEARS).requests == 1
    assert reports.counts_snapshot(reports.annual_counts(2026, now=at("2026-12-16T09:00"))) == before
    assert [i.label for i in reports.annual_counts(2026, now=at("2026-12-16T09:00"))[2].items] == labels


def test_dry_run_changes_nothing_and_a_second_run_finds_nothing(closed, received, media):
    request = closed()
    received(attachments=[_png()])  # open: its file stays whatever the rules say
    dry = retention.apply_retention(AFTER_FIVE_YEARS, dry_run=True)
    assert (dry.requests, dry.dry_run, dry.files) == (1, True, 0)
    assert not RetentionRule.objects.exists()  # not even the seeds
    assert not AuditEvent.objects.filter(action__startswith="retention").exists()
    request.refresh_from_db()
    assert request.journalist == "Trần Văn Bình" and request.anonymised_at is None
    first = retention.apply_retention(AFTER_FIVE_YEARS)
    second = retention.apply_retention(AFTER_FIVE_YEARS + timedelta(days=1))
    assert (first.requests, second.requests, second.attachments) == (1, 0, 0)
    request.refresh_from_db()
    assert request.anonymised_at == AFTER_FIVE_YEARS  # the second run left the row alone
    assert AuditEvent.objects.filter(action="retention.apply").count() == 2
    assert PressAttachment.objects.get().purged_at is None  # the open request's file


def test_attachment_files_are_deleted_and_rows_marked(received, users, media):
    request = received(attachments=[_png()])
    services.press_request_transition(
        users["coordinator"], request, "redirect", note="Bộ Tư pháp", now=CLOSED_AT
    )
    row = PressAttachment.objects.get(press_request=request)
    path = media / row.file.name
    assert path.is_file()
    assert retention.apply_retention(CLOSED_AT + timedelta(days=700)).attachments == 0
    assert path.is_file()
    report = retention.apply_retention(CLOSED_AT + timedelta(days=731), batch_size=1)
    assert (report.attachments, report.files, report.requests) == (1, 1, 0)
    assert not path.exists()
    row.refresh_from_db()
    assert (row.file.name, row.name, row.kind, row.size) == ("", "", "png", 108)
    assert row.purged_at is not None
    client = Client()
    client.force_login(users["coordinator"])
    assert client.get(reverse("press:attachment", args=[row.pk])).status_code == 404
    page = client.get(reverse("press:request", args=[request.pk])).content.decode()
    assert "Tệp đã xóa theo quy tắc lưu giữ dữ liệu cá nhân" in page


def test_contact_rule_with_delete_blanks_the_name_and_newer_rules_take_over(closed, users):
    request = closed()
    retention.seed_retention_rules()
    rule = RetentionRule(
        record_type="press_request.requester_contact",
        days_after_closing=30,
        action="delete",
        legal_basis="Quyết định của UBND tỉnh (TBC)",
        valid_from=date(2027, 1, 1),
    )
    retention.retention_rule_save(users["admin"], rule)
    assert retention.apply_retention(at("2026-12-31T10:00")).requests == 0  # the 5-year rule still applies
    assert retention.apply_retention(at("2027-01-02T10:00")).requests == 1
    request.refresh_from_db()
    assert (request.journalist, request.contact_email) == ("", "")


def test_admin_edits_are_audited_and_validated(client, users):
    retention.seed_retention_rules()
    rule = RetentionRule.objects.get(record_type="press_request.requester_contact")
    client.force_login(users["admin"])
    url = reverse("admin:press_retentionrule_change", args=[rule.pk])
    data = {
        "record_type": rule.record_type,
        "days_after_closing": "2555",
        "action": "anonymise",
        "legal_basis": "Quyết định số 12/QĐ-UBND (TBC)",
        "valid_from": "2026-01-01",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="retention_rule.update")
    assert event.changes["days_after_closing"] == [1825, 2555] and set(event.changes) == {
        "days_after_closing",
        "legal_basis",
    }
    attachments = RetentionRule.objects.get(record_type="press_request.attachments")
    response = client.post(
        reverse("admin:press_retentionrule_change", args=[attachments.pk]),
        {**data, "record_type": attachments.record_type, "action": "anonymise"},
    )
    assert response.status_code == 200 and "Tệp đính kèm chỉ có thể xóa" in response.content.decode()
    assert client.get(reverse("admin:press_retentionrule_delete", args=[rule.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        retention.retention_rule_save(users["coordinator"], rule)
    with pytest.raises(ValidationError):
        retention.retention_rule_save(
            users["admin"], RetentionRule(**{**retention.SEED_RULES[0], "days_after_closing": 10})
        )


def test_cli_apply_prints_counts_and_dry_run_writes_nothing(closed, capsys, monkeypatch):
    request = closed()
    monkeypatch.setattr("loa.press.retention.timezone.now", lambda: AFTER_FIVE_YEARS)
    assert loa_main(["retention", "apply", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "sẽ ẩn thông tin liên hệ: 1" in out and "Chạy thử" in out
    request.refresh_from_db()
    assert request.anonymised_at is None
    assert loa_main(["retention", "apply"]) == 0
    assert "đã ẩn thông tin liên hệ: 1" in capsys.readouterr().out
    request.refresh_from_db()
    assert request.journalist == "Đã ẩn danh"


def test_daily_task_is_scheduled_and_applies_the_rules(closed, settings, monkeypatch, capsys):
    from loa.press import tasks

    assert settings.CELERY_BEAT_SCHEDULE["press.apply_retention"]["task"] == "press.apply_retention"
    request = closed()
    monkeypatch.setattr("loa.press.retention.timezone.now", lambda: AFTER_FIVE_YEARS)
    assert tasks.apply_retention.delay().get() == 1
    assert tasks.apply_retention.delay().get() == 0
    request.refresh_from_db()
    assert request.journalist == "Đã ẩn danh"
    assert loa_main(["retention", "rules"]) == 0
    assert "press_request.requester_contact: 1825 ngày" in capsys.readouterr().out


def test_first_start_seeds_the_legal_data_and_reading_it_writes_nothing(client, users):
    from loa.press import seeds
    from loa.press.models import RefusalGround

    client.force_login(users["admin"])
    assert client.get(reverse("admin:press_retentionrule_changelist")).status_code == 200
    assert not RetentionRule.objects.exists()  # a GET does not write
    line = seeds.demo_setup("http://127.0.0.1:8765")
    assert line is not None and "2 quy tắc lưu giữ" in line
    assert RetentionRule.objects.count() == 2 and RefusalGround.objects.exists()
    assert seeds.demo_setup("http://127.0.0.1:8765") is None  # idempotent
    assert (
        "press_request.requester_contact"
        in client.get(reverse("admin:press_retentionrule_changelist")).content.decode()
    )
