"""Press services: registry rules, the press-request state machine, permissions, legal deadlines."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from loa.core.models import AuditEvent
from loa.deadlines import services as deadline_services
from loa.deadlines.models import CalendarDay
from loa.press import selectors, services
from loa.press.models import CorrectionRequest, PressRequest, Spokesperson, Statement, UrgentEvent
from tests.press.conftest import at

pytestmark = pytest.mark.django_db


# --- spokesperson registry ---------------------------------------------------------------------------


def test_regular_spokesperson_contact_is_due_on_the_portal_within_24_hours_from_july_2026(register, users):
    person = register(signed="2026-07-02T09:00")
    assert person.rule_key == "spokesperson.publish_contact@2026-07-01"
    assert person.due_at == at("2026-07-03T09:00")
    services.spokesperson_publish(users["coordinator"], person, now=at("2026-07-02T15:00"))
    assert person.met_on_time is True
    assert AuditEvent.objects.filter(action="spokesperson.publish", object_id=str(person.pk)).exists()


def test_decree_09_sets_no_fixed_publication_limit_for_contacts(register):
    person = register(signed="2026-03-02T09:00")
    assert person.due_at is None and "không ấn định thời hạn" in person.due_explanation


def test_authorisation_is_written_per_case_time_limited_and_cannot_be_delegated(register):
    head = register(kind="head", signed="2026-03-01T08:00", full_name="Giám đốc Sở")
    with pytest.raises(ValidationError) as missing:
        register(kind="authorised", signed="2026-03-02T09:00", authorised_by=head)
    assert set(missing.value.message_dict) == {"valid_to", "scope"}
    deputy = register(
        kind="authorised",
        signed="2026-03-02T09:00",
        authorised_by=head,
        valid_to=date(2026, 3, 31),
        scope="Vụ việc công chứng tại xã Phú Lương",
        full_name="Phó Giám đốc",
    )
    # Decree 09 Art. 3.6: the authorisation is posted within 12 hours of signing.
    assert deputy.due_at == at("2026-03-02T21:00")
    with pytest.raises(ValidationError, match="không được ủy quyền tiếp"):
        register(
            kind="authorised",
            signed="2026-03-03T09:00",
            authorised_by=deputy,
            valid_to=date(2026, 3, 31),
            scope="Vụ việc khác",
        )


def test_a_new_regular_spokesperson_ends_the_previous_assignment_and_keeps_history(register, agencies):
    first = register(signed="2026-07-02T09:00", full_name="Người cũ")
    second = register(signed="2026-08-03T09:00", full_name="Người mới", decision_number="20/QĐ-STP")
    first.refresh_from_db()
    assert first.ended_at == second.signed_at and "Người mới" in first.end_reason
    history = list(Spokesperson.objects.filter(agency=agencies["so-tu-phap"]).order_by("signed_at"))
    assert [p.full_name for p in history] == ["Người cũ", "Người mới"]


def test_only_the_agency_or_a_coordinator_may_register(register, users):
    with pytest.raises(PermissionDenied):
        register(slug="so-tu-phap", actor=users["finance"])
    with pytest.raises(PermissionDenied):
        register(slug="so-tai-chinh", actor=users["viewer"])
    assert register(slug="so-tu-phap", actor=users["justice"]).agency.slug == "so-tu-phap"


def test_registry_kpis_count_units_without_spokesperson_late_publications_and_expired_authorisations(
    register, users
):
    before = selectors.registry_kpis(now=at("2026-07-10T09:00"))
    head = register(kind="head", signed="2026-07-02T09:00")
    register(
        kind="authorised",
        signed="2026-07-03T09:00",
        authorised_by=head,
        valid_to=date(2026, 7, 5),
        scope="Một vụ việc",
    )
    after = selectors.registry_kpis(now=at("2026-07-10T09:00"))
    assert len(after.without_spokesperson) == len(before.without_spokesperson) - 1
    assert before.units > 90  # 92 commune committees and the provincial departments
    assert [p.full_name for p in after.late_publications] == ["Nguyễn Thị Lan"]  # head: 24 h passed
    assert len(after.expired_authorisations) == 1


# --- press requests: state machine and permissions ----------------------------------------------------


def test_full_path_from_receipt_to_closing_is_audited(received, users):
    request = received("2026-07-01T10:00")
    assert request.reference.startswith("YC-2026-") and request.state == "received" and request.agency is None
    coordinator, justice, spokesperson = users["coordinator"], users["justice"], users["spokesperson"]
    services.press_request_transition(coordinator, request, "classify", classification="petition")
    assert request.due_at == at("2026-07-22T23:59:59")  # Decree 237 Art. 18.3: 15 working days
    match = selectors.suggested_agency(request)
    assert match is not None and match.agencies[0].slug == "so-tu-phap"
    services.press_request_transition(coordinator, request, "assign", agency_name="Sở Tư pháp")
    services.press_request_transition(justice, request, "draft", response="Sở đã bổ sung công chứng viên.")
    services.press_request_transition(spokesperson, request, "approve")
    services.press_request_transition(justice, request, "send", now=at("2026-07-10T16:00"))
    services.press_request_transition(
        justice, request, "publish", published_url="https://baothainguyen.vn/tl"
    )
    services.press_request_transition(justice, request, "close")
    assert request.state == "closed" and request.met_on_time is True
    actions = list(
        AuditEvent.objects.filter(object_type="press.pressrequest", object_id=str(request.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "press_request.receive",
        "press_request.classify",
        "press_request.assign",
        "press_request.draft",
        "press_request.approve",
        "press_request.send",
        "press_request.publish",
        "press_request.close",
    ]
    send = AuditEvent.objects.get(action="press_request.send", object_id=str(request.pk))
    assert send.changes["state"] == ["approved", "sent"] and send.changes["on_time"] is True


def test_invalid_transition_names_the_allowed_actions(assigned, users):
    request = assigned()
    with pytest.raises(services.TransitionError, match="Lưu dự thảo"):
        services.press_request_transition(users["spokesperson"], request, "approve")
    with pytest.raises(services.TransitionError, match="không tồn tại"):
        services.press_request_transition(users["coordinator"], request, "teleport")
    with pytest.raises(services.TransitionError):
        services.press_request_transition(users["justice"], request, "accept")  # petitions are not accepted


def test_an_officer_acts_only_on_their_own_agency_items(assigned, users):
    request = assigned()
    for outsider in (users["finance"], users["viewer"]):
        with pytest.raises(PermissionDenied):
            services.press_request_transition(outsider, request, "draft", response="Không phải việc của tôi")
    with pytest.raises(PermissionDenied):
        services.press_request_transition(users["justice"], request, "assign", agency_name="Sở Tài chính")
    services.press_request_transition(users["justice"], request, "draft", response="Dự thảo")
    with pytest.raises(PermissionDenied, match="người phát ngôn"):
        services.press_request_transition(users["justice"], request, "approve")
    assert AuditEvent.objects.filter(action="press_request.draft").count() == 1


def test_viewer_cannot_log_requests_and_unassigned_requests_are_for_coordinators(received, users):
    with pytest.raises(PermissionDenied):
        services.press_request_receive(users["viewer"], channel="form", outlet="Báo A", subject="Câu hỏi")
    request = received()
    assert request in selectors.press_requests_for(users["coordinator"])
    assert request in selectors.press_requests_for(users["spokesperson"])  # the province's spokesperson
    assert request not in selectors.press_requests_for(users["justice"])
    with pytest.raises(PermissionDenied):
        services.press_request_transition(users["justice"], request, "classify", classification="petition")


def test_officer_intake_lands_with_their_own_agency(users):
    request = services.press_request_receive(
        users["justice"], channel="form", outlet="Báo Nhân Dân", subject="Đề nghị cung cấp thông tin"
    )
    assert request.agency.slug == "so-tu-phap"
    assert request in selectors.press_requests_for(users["justice"])
    assert request not in selectors.press_requests_for(users["finance"])


def test_refusal_needs_a_ground_in_force_and_a_reason(assigned, users):
    request = assigned("2026-07-01T10:00")
    spokesperson = users["spokesperson"]
    with pytest.raises(ValidationError, match="căn cứ"):
        services.press_request_transition(spokesperson, request, "refuse", reason="Đang thanh tra")
    with pytest.raises(ValidationError, match="căn cứ"):  # the 2016 law no longer applies in July 2026
        services.press_request_transition(
            spokesperson,
            request,
            "refuse",
            ground="press-law-2016-38.2.c",
            reason="x",
            now=at("2026-07-02T09:00"),
        )
    with pytest.raises(ValidationError, match="lý do"):
        services.press_request_transition(
            spokesperson,
            request,
            "refuse",
            ground="press-law-2025-31.2.c",
            reason=" ",
            now=at("2026-07-02T09:00"),
        )
    services.press_request_transition(
        spokesperson,
        request,
        "refuse",
        ground="press-law-2025-31.2.c",
        reason="Vụ việc đang thanh tra, chưa có kết luận.",
        now=at("2026-07-02T09:00"),
    )
    assert request.state == "refused" and request.sent_at == at("2026-07-02T09:00")
    old = assigned("2026-03-02T10:00")
    services.press_request_transition(
        spokesperson,
        old,
        "refuse",
        ground="press-law-2016-38.2.a",
        reason="Bí mật nhà nước",
        now=at("2026-03-03T09:00"),
    )
    assert old.refusal_ground == "press-law-2016-38.2.a"


def test_rule_in_force_on_the_receipt_date_applies_across_1_july_2026(assigned):
    june = assigned("2026-06-30T16:00")
    july = assigned("2026-07-01T08:00")
    assert june.rule_key == "press.response.petition@2017-01-01" and june.due_at == at("2026-07-30T23:59:59")
    assert july.rule_key == "press.response.petition@2026-07-01" and july.due_at == at("2026-07-22T23:59:59")
    editor = assigned("2026-07-01T08:00", classification="answer_on_press")
    assert editor.due_at == at("2026-07-31T23:59:59")  # 30 days, Decree 237 Art. 18.1


def test_a_newly_announced_day_off_moves_open_deadlines_only(assigned, users):
    open_request = assigned("2026-07-01T10:00")
    answered = assigned("2026-07-01T10:00")
    services.press_request_transition(users["justice"], answered, "draft", response="Trả lời")
    services.press_request_transition(users["spokesperson"], answered, "approve")
    services.press_request_transition(users["justice"], answered, "send", now=at("2026-07-03T09:00"))
    _, report = deadline_services.announce_day(
        users["admin"],
        date(2026, 7, 6),
        CalendarDay.Kind.DAY_OFF,
        label="Nghỉ bù",
        legal_basis="TB 99/TB-VPCP",
    )
    open_request.refresh_from_db()
    answered.refresh_from_db()
    assert open_request.due_at == at("2026-07-23T23:59:59")
    assert "Nghỉ bù (TB 99/TB-VPCP)" in open_request.due_explanation
    assert answered.due_at == at("2026-07-22T23:59:59")
    assert f"press.pressrequest:{open_request.pk}" in {m["object"] for m in report.moved}
    event = AuditEvent.objects.get(action="deadline.recompute", object_id=str(open_request.pk))
    assert event.changes["due_at"] == ["2026-07-22T23:59:59+07:00", "2026-07-23T23:59:59+07:00"]


def test_false_report_feedback_opens_a_correction_request_with_the_outlet_deadline(assigned, users):
    request = assigned("2026-07-01T10:00", classification="false_report")
    assert request.due_at is None  # internal: no statutory limit for the agency
    assert "Nghị định 244/2026/NĐ-CP Điều 7.6" in request.due_explanation
    services.press_request_transition(users["justice"], request, "draft", response="Thông tin không đúng vì…")
    services.press_request_transition(users["spokesperson"], request, "approve")
    with pytest.raises(ValidationError, match="loại hình"):
        services.press_request_transition(users["justice"], request, "send")
    services.press_request_transition(
        users["justice"], request, "send", outlet_kind="daily", now=at("2026-07-03T09:00")
    )
    correction = CorrectionRequest.objects.get(press_request=request)
    assert correction.due_at == at("2026-07-06T23:59:59")  # 2 days, last day Sunday → Monday
    services.correction_record_outcome(
        users["justice"], correction, outcome="corrected", at=at("2026-07-05T07:00")
    )
    assert correction.met_on_time is True


def test_complaint_is_accepted_then_its_conclusion_runs_on_five_working_days(assigned, users):
    request = assigned("2026-07-01T10:00", classification="complaint")
    assert request.due_at is None and "pháp luật về khiếu nại" in request.due_explanation
    services.press_request_transition(users["justice"], request, "accept", now=at("2026-07-08T09:00"))
    assert request.state == "awaiting_conclusion" and request.answered
    services.press_request_transition(
        users["justice"], request, "conclude", conclusion_at=at("2026-08-14T15:00")
    )
    assert (
        request.state == "assigned" and request.rule_key == "press.response.complaint_conclusion@2026-07-01"
    )
    assert request.due_at == at("2026-08-21T23:59:59")


def test_pasted_email_becomes_a_request(users):
    raw = (
        "From: =?utf-8?b?UGjDs25nIHZpw6puIELDoW8gTmjDom4gRMOibg==?= <pv@nhandan.vn>\n"
        "Subject: =?utf-8?q?=C4=90=E1=BB=81_ngh=E1=BB=8B_tr=E1=BA=A3_l=E1=BB=9Di?=\n"
        "Date: Thu, 02 Jul 2026 08:15:00 +0700\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        "Kính gửi UBND tỉnh,\nĐề nghị cho biết tiến độ dự án.\n"
    )
    request = services.press_request_from_email(users["coordinator"], raw)
    assert request.channel == "email" and request.contact_email == "pv@nhandan.vn"
    assert request.journalist == "Phóng viên Báo Nhân Dân" and request.subject == "Đề nghị trả lời"
    assert request.received_at == at("2026-07-02T08:15") and "tiến độ dự án" in request.body
    with pytest.raises(ValueError, match="phần đầu thư"):
        services.press_request_from_email(users["coordinator"], "Chỉ có nội dung, không có tiêu đề thư")


def test_monitored_article_hook_is_idempotent(users):
    first = services.press_request_from_article(
        4711,
        users["coordinator"],
        outlet="VnExpress",
        title="Người dân phản ánh đường hỏng",
        url="https://vnexpress.net/a",
        published=at("2026-07-02T06:00"),
        excerpt="Đoạn trích",
    )
    again = services.press_request_from_article(4711, users["coordinator"], outlet="VnExpress", title="x")
    assert (
        first.pk == again.pk and first.channel == "article" and first.article_url == "https://vnexpress.net/a"
    )


def test_attachments_are_checked_by_content_and_size(users):
    fake_pdf = SimpleUploadedFile("thu.pdf", b"MZ\x90\x00 executable", content_type="application/pdf")
    with pytest.raises(ValidationError, match="chương trình"):
        services.press_request_receive(
            None, channel="public_form", outlet="Báo A", subject="Có tệp", attachments=[fake_pdf]
        )
    big = SimpleUploadedFile("lon.txt", b"a" * (services.ATTACHMENT_MAX_BYTES + 1), content_type="text/plain")
    with pytest.raises(ValidationError, match="quá lớn"):
        services.press_request_receive(
            None, channel="public_form", outlet="Báo A", subject="Có tệp", attachments=[big]
        )
    assert not PressRequest.objects.exists()
    good = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100, content_type="image/png")
    request = services.press_request_receive(
        None, channel="public_form", outlet="Báo A", subject="Có tệp", attachments=[good]
    )
    assert [(a.kind, a.size) for a in request.attachments.all()] == [("png", 108)]


# --- urgent events and statements --------------------------------------------------------------------


def test_urgent_clock_follows_the_generation_in_force(users, agencies):
    agency = agencies["ubnd-tinh"]
    old = services.urgent_open(
        users["spokesperson"],
        agency=agency,
        kind="incident",
        title="Sạt lở",
        occurred_at=at("2026-03-01T08:00"),
        received_at=at("2026-03-01T10:00"),
    )
    assert old.clock_start == at("2026-03-01T08:00") and old.due_at == at("2026-03-02T08:00")
    new = services.urgent_open(
        users["spokesperson"],
        agency=agency,
        kind="incident",
        title="Lũ quét",
        occurred_at=at("2026-07-05T08:00"),
        received_at=at("2026-07-05T10:00"),
    )
    assert new.clock_start == at("2026-07-05T10:00") and new.due_at == at("2026-07-06T10:00")
    divided = services.urgent_open(
        users["spokesperson"],
        agency=agency,
        kind="divided_opinion",
        title="Tranh luận",
        found_at=at("2026-03-05T12:00"),
    )
    assert divided.due_at is None and divided.state == "detected"  # Decree 09: no fixed limit


def test_statement_publication_stops_the_urgent_clock(users, agencies):
    agency = agencies["ubnd-tinh"]
    event = services.urgent_open(
        users["spokesperson"],
        agency=agency,
        kind="incident",
        title="Cháy chợ",
        received_at=at("2026-07-05T10:00"),
    )
    statement = services.statement_draft(
        users["spokesperson"], agency=agency, title="Thông tin ban đầu", body="…", urgent_event=event
    )
    event.refresh_from_db()
    assert event.state == "drafted"
    with pytest.raises(PermissionDenied):
        services.statement_transition(users["justice"], statement, "approve")
    services.statement_transition(users["spokesperson"], statement, "approve", now=at("2026-07-05T20:00"))
    with pytest.raises(services.TransitionError):
        services.statement_transition(users["spokesperson"], statement, "approve")
    services.statement_transition(users["spokesperson"], statement, "publish", now=at("2026-07-05T21:00"))
    event.refresh_from_db()
    assert (
        event.state == "published"
        and event.first_statement_at == at("2026-07-05T21:00")
        and event.met_on_time
    )
    assert statement.state == Statement.State.PUBLISHED
    services.urgent_transition(users["spokesperson"], event, "close")
    assert UrgentEvent.objects.get(pk=event.pk).state == "closed"


def test_reminders_go_to_the_agency_once_per_list(assigned, users, received):
    from django.core import mail

    users["justice"].email = "tuphap@thainguyen.gov.vn"
    users["justice"].save()
    users["coordinator"].email = "dieuphoi@thainguyen.gov.vn"
    users["coordinator"].save()
    assigned("2026-07-01T10:00")  # due 22/07 23:59:59
    received("2026-07-20T10:00")  # unassigned: no rule yet, no reminder
    assert services.send_reminders(now=at("2026-07-10T09:00")) == 1  # only the calendar warning
    assert mail.outbox[-1].to == ["dieuphoi@thainguyen.gov.vn"] and "Họp báo định kỳ" in mail.outbox[-1].body
    sent = services.send_reminders(now=at("2026-07-20T09:00"))
    justice_mail = [m for m in mail.outbox if m.to == ["tuphap@thainguyen.gov.vn"]]
    # Sở Tư pháp's list, and the coordinators' daily calendar note.
    assert sent == 2 and len(justice_mail) == 1 and "sắp đến hạn" in justice_mail[0].body
    assert services.send_reminders(now=at("2026-07-20T15:00")) == 0  # same list, same day
    services.send_reminders(now=at("2026-07-23T09:00"))
    assert "QUÁ HẠN" in [m for m in mail.outbox if m.to == ["tuphap@thainguyen.gov.vn"]][-1].body
    assert AuditEvent.objects.filter(action="press.reminder").count() >= 3


# --- correction rounds (§3.D: the press may stop after 3 rounds (2016) or 2 (Decree 237 Art. 21.1)) -----


def false_report_sent(assigned, users, received: str, sent: str):  # type: ignore[no-untyped-def]
    request = assigned(received, classification="false_report")
    services.press_request_transition(users["justice"], request, "draft", response="Thông tin không đúng vì…")
    services.press_request_transition(users["spokesperson"], request, "approve")
    services.press_request_transition(users["justice"], request, "send", outlet_kind="online", now=at(sent))
    return request


def decline_last(request, users) -> None:  # type: ignore[no-untyped-def]
    last = request.corrections.order_by("round").last()
    services.correction_record_outcome(users["justice"], last, outcome="declined")


def test_correction_rounds_stop_at_the_limit_in_force_on_the_first_round_date(assigned, users):
    request = false_report_sent(assigned, users, "2026-07-01T10:00", "2026-07-02T09:00")
    assert [r.label for r in selectors.correction_rounds(request).rounds] == ["vòng 1/2"]
    with pytest.raises(services.TransitionError, match="không đồng ý"):
        services.correction_next_round(users["justice"], request, text="Đề nghị lần 2")
    decline_last(request, users)
    second = services.correction_next_round(
        users["justice"], request, text="Đề nghị cải chính lần 2, kèm tài liệu", now=at("2026-07-06T09:00")
    )
    assert second.round == 2 and second.outlet_kind == "online" and second.due_at == at("2026-07-06T09:00")
    assert AuditEvent.objects.filter(action="correction_request.send", object_id=str(second.pk)).exists()
    decline_last(request, users)
    rounds = selectors.correction_rounds(request)
    assert [r.label for r in rounds.rounds] == ["vòng 1/2", "vòng 2/2"]
    assert rounds.limit_reached and not rounds.next_round_open
    with pytest.raises(ValidationError, match=r"Đã đủ 2 vòng .*Nghị định 237/2026/NĐ-CP Điều 21.1 \(TBC\)"):
        services.correction_next_round(users["justice"], request, text="Đề nghị lần 3")
    assert request.corrections.count() == 2


def test_a_correction_started_under_the_2016_law_keeps_its_three_rounds_after_1_july_2026(assigned, users):
    request = false_report_sent(assigned, users, "2026-06-20T10:00", "2026-06-25T09:00")
    for text, when in (("Lần 2", "2026-06-29T09:00"), ("Lần 3", "2026-07-10T09:00")):
        decline_last(request, users)
        services.correction_next_round(users["justice"], request, text=text, now=at(when))
    assert [r.label for r in selectors.correction_rounds(request).rounds] == [
        "vòng 1/3",
        "vòng 2/3",
        "vòng 3/3",
    ]
    decline_last(request, users)
    with pytest.raises(ValidationError, match=r"Đã đủ 3 vòng .*Luật Báo chí 103/2016/QH13"):
        services.correction_next_round(users["justice"], request, text="Lần 4")


def test_the_round_limit_is_legal_data_administrators_edit(assigned, users):
    from loa.deadlines.models import LegalRule
    from loa.deadlines.rules import CORRECTION_ROUNDS_RULE

    request = false_report_sent(assigned, users, "2026-07-01T10:00", "2026-07-02T09:00")
    rule = LegalRule.objects.get(rule_id=CORRECTION_ROUNDS_RULE, valid_from=date(2026, 7, 1))
    rule.amount = 1
    deadline_services.rule_save(users["admin"], rule)
    decline_last(request, users)
    with pytest.raises(ValidationError, match="Đã đủ 1 vòng"):
        services.correction_next_round(users["justice"], request, text="Lần 2")
    with pytest.raises(PermissionDenied):
        services.correction_next_round(users["finance"], request, text="Lần 2")


def test_an_override_on_a_press_request_lapses_when_its_conclusion_starts_a_new_clock(assigned, users):
    request = assigned("2026-07-01T10:00", classification="complaint")
    assert request.due_at is None  # Decree 237 Art. 18.2: per the complaints law, no fixed limit here
    deadline_services.deadline_override_set(
        users["coordinator"],
        request,
        due_at=at("2026-07-11T17:00"),
        reason="Thời hạn thụ lý theo Luật Khiếu nại",
    )
    request.refresh_from_db()
    assert request.due_at == at("2026-07-11T17:00") and request.is_overdue(at("2026-07-12T08:00"))
    services.press_request_transition(users["justice"], request, "accept", now=at("2026-07-08T09:00"))
    assert request.met_on_time is True
    services.press_request_transition(
        users["justice"], request, "conclude", conclusion_at=at("2026-08-14T15:00")
    )
    request.refresh_from_db()
    assert request.rule_key == "press.response.complaint_conclusion@2026-07-01"
    assert request.due_at == at("2026-08-21T23:59:59") and "ĐIỀU CHỈNH" not in request.due_explanation


# --- refusal grounds as data administrators edit ---------------------------------------------------------


def test_refusal_grounds_are_rows_administrators_edit_with_an_audit_trail(assigned, users):
    from loa.press.models import RefusalGround

    grounds = selectors.refusal_grounds_in_force(date(2026, 7, 2))
    assert [g.code for g in grounds] == [f"press-law-2025-31.2.{letter}" for letter in "abcd"]
    assert grounds[0].display.startswith(
        "Luật Báo chí 126/2025/QH15 Điều 31.2.a (TBC): Thông tin thuộc bí mật"
    )
    ground = RefusalGround.objects.get(code="press-law-2025-31.2.c")
    with pytest.raises(PermissionDenied):
        services.refusal_ground_save(users["coordinator"], ground)
    ground.verification = RefusalGround.Verification.CONFIRMED
    services.refusal_ground_save(users["admin"], ground)
    assert AuditEvent.objects.get(action="refusal_ground.update").changes == {
        "verification": ["TBC", "confirmed"]
    }
    added = services.refusal_ground_save(
        users["admin"],
        RefusalGround(
            code="press-law-2025-31.2.e",
            label="Căn cứ bổ sung khi đối chiếu văn bản chính thức",
            legal_basis="Luật Báo chí 126/2025/QH15 Điều 31.2.e",
            valid_from=date(2026, 7, 1),
            verification="TBC",
        ),
    )
    request = assigned("2026-07-01T10:00")
    services.press_request_transition(
        users["spokesperson"],
        request,
        "refuse",
        ground=added.code,
        reason="Lý do",
        now=at("2026-07-02T09:00"),
    )
    assert request.refusal_ground == "press-law-2025-31.2.e"
    with pytest.raises(ValidationError, match="không xóa được"):
        services.refusal_ground_delete(users["admin"], added)
    added.code = "press-law-2025-31.2.f"
    with pytest.raises(ValidationError, match="không đổi mã"):
        services.refusal_ground_save(users["admin"], added)
    unused = RefusalGround.objects.get(code="press-law-2025-31.2.d")
    unused.valid_to = date(2026, 6, 1)
    with pytest.raises(ValidationError):
        services.refusal_ground_save(users["admin"], unused)
    services.refusal_ground_delete(users["admin"], RefusalGround.objects.get(code="press-law-2025-31.2.d"))
    assert AuditEvent.objects.filter(action="refusal_ground.delete").count() == 1
    with pytest.raises(ValidationError, match="căn cứ"):  # a deleted ground can no longer be cited
        services.press_request_transition(
            users["spokesperson"],
            assigned("2026-07-01T10:00"),
            "refuse",
            ground="press-law-2025-31.2.d",
            reason="Lý do",
            now=at("2026-07-02T09:00"),
        )
    assert services.seed_refusal_grounds() == 1  # the seed only refills what is missing
