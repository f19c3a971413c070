"""Press pages: dashboard, registry, requests workflow through forms, permissions, export."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from loa.press import services
from loa.press.models import PressEvent, PressRequest, Spokesperson

pytestmark = pytest.mark.django_db


def test_pages_need_login(client, province):
    response = client.get(reverse("press:home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_dashboard_shows_kpis_countdowns_and_overdue_in_red(client, users, assigned, received):
    overdue = assigned("2026-01-05T09:00")  # 30 days under the 2016 law: long past
    unassigned = received()
    client.force_login(users["coordinator"])
    html = client.get(reverse("press:home")).content.decode()
    assert "K1" in html and "K6" in html and "Họp báo định kỳ" in html
    assert overdue.reference in html and 'class="overdue"' in html and "quá hạn" in html
    assert unassigned.reference in html and "chưa phân loại" in html
    listing = client.get(reverse("press:requests")).content.decode()
    assert unassigned.reference in listing and overdue.reference in listing
    home = client.get(reverse("home")).content.decode()
    assert "Phát ngôn, báo chí" in home and "yêu cầu của báo chí đang mở" in home


def test_officer_sees_only_their_agency_requests_and_cannot_open_others(client, users, assigned):
    mine = assigned(slug="so-tu-phap")
    theirs = assigned(slug="so-tai-chinh")
    client.force_login(users["justice"])
    html = client.get(reverse("press:requests")).content.decode()
    assert mine.reference in html and theirs.reference not in html
    assert client.get(reverse("press:request", args=[theirs.pk])).status_code == 404
    response = client.post(
        reverse("press:request_action", args=[theirs.pk]), {"action": "draft", "response": "x"}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.state == "assigned"


def test_request_workflow_through_the_pages(client, users, received):
    request = received("2026-07-01T10:00")
    client.force_login(users["coordinator"])
    detail = reverse("press:request", args=[request.pk])
    action = reverse("press:request_action", args=[request.pk])
    assert "Sở Tư pháp" in client.get(detail).content.decode()  # suggestion from the name as written
    client.post(action, {"action": "classify", "classification": "answer_on_press"})
    client.post(action, {"action": "assign", "agency_name": "Sở Thông tin và Truyền thông"})
    request.refresh_from_db()
    assert request.agency.slug == "so-vhttdl"  # former name → today's press-management department
    page = client.post(action, {"action": "send"}, follow=True).content.decode()
    assert "Không thể" in page and "Lưu dự thảo" in page  # not allowed from "assigned": says what is
    assert client.post(action, {"action": "approve"}).status_code == 403  # coordinators do not approve
    client.post(action, {"action": "draft", "response": "Sở trả lời như sau…"})
    client.force_login(users["spokesperson"])
    client.post(action, {"action": "approve"})
    client.force_login(users["coordinator"])
    client.post(action, {"action": "send", "sent_at": "2026-07-05T10:00"})
    request.refresh_from_db()
    assert request.state == "sent" and request.met_on_time is True
    html = client.get(detail).content.decode()
    assert "press_request.send" in html and "đúng hạn" in html


def test_viewer_sees_no_action_forms_and_is_refused(client, users, agencies):
    request = services.press_request_receive(
        users["finance"], channel="form", outlet="Báo Đầu tư", subject="Ngân sách"
    )
    client.force_login(users["viewer"])
    html = client.get(reverse("press:request", args=[request.pk])).content.decode()
    assert 'id="actions"' not in html
    response = client.post(
        reverse("press:request_new"), {"mode": "form", "outlet": "Báo", "subject": "x", "body": "y"}
    )
    assert response.status_code == 403


def test_pasted_email_intake(client, users):
    client.force_login(users["coordinator"])
    raw = "From: Phóng viên <pv@vtv.vn>\nSubject: Hỏi về lũ\nDate: Mon, 06 Jul 2026 09:00:00 +0700\n\nNội dung câu hỏi."
    response = client.post(reverse("press:request_new"), {"mode": "email", "raw": raw})
    created = PressRequest.objects.get()
    assert response.status_code == 302 and created.subject == "Hỏi về lũ" and created.channel == "email"
    bad = client.post(reverse("press:request_new"), {"mode": "email", "raw": "chỉ có nội dung"})
    assert "phần đầu thư" in bad.content.decode()


def test_registry_pages_publish_and_export(client, users, agencies):
    client.force_login(users["justice"])
    response = client.post(
        reverse("press:spokesperson_new"),
        {
            "agency": agencies["so-tu-phap"].pk,
            "kind": "regular",
            "full_name": "Phạm Thị Hoa",
            "position": "Phó Giám đốc",
            "phone": "0208 111 222",
            "email": "hoa@thainguyen.gov.vn",
            "decision_number": "30/QĐ-STP",
            "signed_at": "2026-07-02T08:00",
        },
    )
    person = Spokesperson.objects.get(full_name="Phạm Thị Hoa")
    assert response.status_code == 302
    client.post(reverse("press:spokesperson_action", args=[person.pk, "publish"]))
    person.refresh_from_db()
    assert person.published_at is not None
    refused = client.post(
        reverse("press:spokesperson_new"),
        {"agency": agencies["so-tai-chinh"].pk, "kind": "regular", "full_name": "X"},
    )
    assert "Select a valid choice" in refused.content.decode() or "Lựa chọn" in refused.content.decode()
    assert client.get(reverse("press:spokespersons_export")).status_code == 403
    client.force_login(users["coordinator"])
    response = client.get(reverse("press:spokespersons_export"))
    sheets = load_workbook(BytesIO(response.content))
    rows = list(sheets["Người phát ngôn"].iter_rows(values_only=True))
    assert rows[0][:4] == ("TT", "Cơ quan, đơn vị", "Cấp", "Họ và tên")
    assert any(r[3] == "Phạm Thị Hoa" and r[7] == "hoa@thainguyen.gov.vn" for r in rows[1:])
    staff = [r[2] for r in sheets["Cán bộ truyền thông CS"].iter_rows(values_only=True)]
    assert "t_justice" in staff and "t_viewer" not in staff


def test_press_calendar_reminder_warns_until_a_conference_is_scheduled(client, users, agencies):
    committee = agencies["ubnd-tinh"]
    held = services.event_schedule(
        users["coordinator"],
        agency=committee,
        kind=PressEvent.Kind.CONFERENCE,
        title="Họp báo quý I",
        scheduled_at=timezone.now() - timezone.timedelta(days=80),
    )
    services.event_hold(users["coordinator"], held)
    client.force_login(users["coordinator"])
    html = client.get(reverse("press:events")).content.decode()
    assert "chưa có lịch" in html and "Hạn lần tiếp theo" in html
    client.post(
        reverse("press:events"),
        {
            "agency": committee.pk,
            "kind": "conference",
            "title": "Họp báo quý II",
            "scheduled_at": (timezone.localtime() + timezone.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
            "is_public": "on",
        },
    )
    assert "Đã có lịch trước hạn" in client.get(reverse("press:events")).content.decode()


def test_urgent_event_page_shows_the_countdown_and_explanation(client, users, agencies):
    client.force_login(users["spokesperson"])
    response = client.post(
        reverse("press:urgent"),
        {
            "agency": agencies["ubnd-tinh"].pk,
            "kind": "incident",
            "title": "Sự cố vỡ đê",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "data-due=" in html and "còn 23 giờ" in html and "press.urgent.first_statement" in html


def test_annual_report_page_and_exports_need_a_coordinator(client, users):
    client.force_login(users["justice"])
    assert client.get(reverse("press:report")).status_code == 403
    assert client.get(reverse("press:report_export", args=[2026, "docx"])).status_code == 403
    client.force_login(users["coordinator"])
    html = client.get(reverse("press:report"), {"year": 2026}).content.decode()
    assert "15/12/2025" in html and "14/12/2026" in html and "19/12/2026" in html


def test_statement_drafted_approved_and_published_reaches_public_pages(client, users, agencies):
    statement = services.statement_draft(
        users["spokesperson"],
        agency=agencies["ubnd-tinh"],
        title="Thông cáo về mùa lũ",
        body="Nội dung thông cáo.",
    )
    client.force_login(users["spokesperson"])
    client.post(reverse("press:statement_action", args=[statement.pk]), {"action": "approve"})
    client.post(reverse("press:statement_action", args=[statement.pk]), {"action": "publish"})
    client.logout()
    assert "Thông cáo về mùa lũ" in client.get(reverse("public:statements")).content.decode()
    feed = client.get(reverse("public:statements_feed"))
    assert (
        feed["Content-Type"].startswith("application/rss+xml")
        and "Thông cáo về mùa lũ" in feed.content.decode()
    )


def test_coordinator_overrides_a_request_deadline_on_its_page_and_officers_cannot(client, users, assigned):
    request = assigned("2026-06-30T16:00")
    detail = reverse("press:request", args=[request.pk])
    override = reverse("press:deadline_override", args=["request", request.pk])
    client.force_login(users["justice"])
    assert "data-override-form" not in client.get(detail).content.decode()
    refused = client.post(override, {"op": "set", "due_at": "2026-07-10T17:00", "reason": "Tự gia hạn"})
    assert refused.status_code == 403

    client.force_login(users["coordinator"])
    html = client.get(detail).content.decode()
    assert "data-override-form" in html and "press.response.petition@2026-07-01" in html
    page = client.post(override, {"op": "set", "rule_key": "press.response.petition@2026-07-01"}, follow=True)
    assert "lý do" in page.content.decode()  # the reason is mandatory
    client.post(
        override,
        {"op": "set", "rule_key": "press.response.petition@2026-07-01", "reason": "Chuyển tiếp theo NĐ 237"},
    )
    request.refresh_from_db()
    assert request.rule_key == "press.response.petition@2026-07-01"
    html = client.get(detail).content.decode()
    assert "Thời hạn đã được điều chỉnh" in html and "Chuyển tiếp theo NĐ 237" in html
    assert "Nếu không điều chỉnh" in html and "deadline.override" in html
    client.post(override, {"op": "remove"})
    request.refresh_from_db()
    assert request.rule_key == "press.response.petition@2017-01-01"
    assert "Thời hạn đã được điều chỉnh" not in client.get(detail).content.decode()


def test_correction_rounds_through_the_page_show_n_of_m_and_refuse_beyond_the_limit(client, users, assigned):
    request = assigned("2026-07-01T10:00", classification="false_report")
    services.press_request_transition(users["justice"], request, "draft", response="Thông tin sai vì…")
    services.press_request_transition(users["spokesperson"], request, "approve")
    services.press_request_transition(users["justice"], request, "send", outlet_kind="daily")
    detail = reverse("press:request", args=[request.pk])
    client.force_login(users["justice"])
    html = client.get(detail).content.decode()
    assert "vòng 1/2" in html and 'data-outcome="1"' in html and "correction_round" not in html
    for number in (1, 2):
        correction = request.corrections.get(round=number)
        client.post(reverse("press:correction_outcome", args=[correction.pk]), {"outcome": "declined"})
        if number == 1:
            assert 'data-action="correction_round"' in client.get(detail).content.decode()
            client.post(reverse("press:correction_round", args=[request.pk]), {"text": "Đề nghị lần 2"})
    html = client.get(detail).content.decode()
    assert "vòng 2/2" in html and 'data-action="correction_round"' not in html and "data-rounds-limit" in html
    page = client.post(reverse("press:correction_round", args=[request.pk]), {"text": "Lần 3"}, follow=True)
    assert "Đã đủ 2 vòng" in page.content.decode() and request.corrections.count() == 2


def test_urgent_event_and_spokesperson_pages_offer_the_override_to_coordinators(
    client, users, agencies, register
):
    person = register("so-tu-phap", signed="2026-07-02T09:00")
    client.force_login(users["coordinator"])
    page = reverse("press:spokesperson", args=[person.pk])
    assert "data-override-form" in client.get(page).content.decode()
    client.post(
        reverse("press:deadline_override", args=["spokesperson", person.pk]),
        {"op": "set", "due_at": "2026-07-06T17:00", "reason": "Quyết định gửi muộn do lỗi hệ thống văn bản"},
    )
    person.refresh_from_db()
    assert (
        person.due_at is not None
        and timezone.localtime(person.due_at).strftime("%d/%m %H:%M") == "06/07 17:00"
    )
    assert "Quyết định gửi muộn" in client.get(page).content.decode()
    event = services.urgent_open(
        users["spokesperson"],
        agency=agencies["ubnd-tinh"],
        kind="incident",
        title="Sạt lở",
        received_at=timezone.now(),
    )
    assert "data-override-form" in client.get(reverse("press:urgent_event", args=[event.pk])).content.decode()
    assert (
        client.post(
            reverse("press:deadline_override", args=["nothing", event.pk]), {"op": "remove"}
        ).status_code
        == 404
    )


def test_refuse_form_lists_the_grounds_in_force_from_the_table(client, users, assigned):
    from loa.press.models import RefusalGround

    request = assigned()
    services.refusal_ground_save(
        users["admin"],
        RefusalGround(
            code="local-test-ground",
            label="Căn cứ thử nghiệm đang có hiệu lực",
            legal_basis="Văn bản thử nghiệm",
            valid_from=timezone.localdate() - timezone.timedelta(days=1),
            verification="TBC",
        ),
    )
    client.force_login(users["spokesperson"])
    services.press_request_transition(users["justice"], request, "draft", response="Dự thảo")
    html = client.get(reverse("press:request", args=[request.pk])).content.decode()
    assert 'value="local-test-ground"' in html and "Căn cứ thử nghiệm đang có hiệu lực" in html
