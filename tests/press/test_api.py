"""/api/press/: the same scopes and state machine as the pages, with bearer tokens."""

from __future__ import annotations

import pytest

from loa.organisations.services import api_token_create
from loa.press import services
from tests.press.conftest import at

pytestmark = pytest.mark.django_db


def bearer(user) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=None, user=user, name='test')}"}


def test_create_classify_assign_and_answer_through_the_api(client, users, agencies):
    coordinator, justice, spokesperson = (
        bearer(users["coordinator"]),
        bearer(users["justice"]),
        bearer(users["spokesperson"]),
    )
    created = client.post(
        "/api/press/requests",
        {"outlet": "Báo Tuổi Trẻ", "subject": "Hỏi về đất đai", "received_at": "2026-07-01T09:00:00+07:00"},
        content_type="application/json",
        **coordinator,
    )
    assert created.status_code == 201
    body = created.json()
    assert body["channel"] == "api" and body["allowed_actions"] == ["classify", "redirect"]
    url = f"/api/press/requests/{body['id']}/transition"

    def act(headers: dict[str, str], **payload):  # type: ignore[no-untyped-def]
        return client.post(url, payload, content_type="application/json", **headers)

    classified = act(coordinator, action="classify", classification="petition").json()
    assert classified["rule"] == "press.response.petition@2026-07-01"
    assert classified["due_at"].startswith("2026-07-22T23:59:59")
    assert act(coordinator, action="assign", agency_id=agencies["so-tu-phap"].pk).status_code == 200
    assert act(bearer(users["finance"]), action="draft", response="x").status_code == 404  # not visible
    assert act(justice, action="approve").status_code == 403
    assert act(justice, action="send").status_code == 400  # wrong state
    assert act(justice, action="draft", response="Trả lời").status_code == 200
    assert act(spokesperson, action="approve").status_code == 200
    sent = act(justice, action="send", sent_at="2026-07-03T10:00:00+07:00").json()
    assert sent["state"] == "sent" and sent["answered"] is True and sent["overdue"] is False
    refused = act(spokesperson, action="refuse", ground="press-law-2025-31.2.a", reason="x")
    assert refused.status_code == 400


def test_lists_follow_the_viewer_scope(client, users, agencies):
    mine = services.press_request_receive(
        users["justice"], channel="form", outlet="Báo A", subject="Của Sở Tư pháp"
    )
    services.press_request_receive(
        users["finance"], channel="form", outlet="Báo B", subject="Của Sở Tài chính"
    )
    rows = client.get("/api/press/requests", **bearer(users["justice"])).json()
    assert [r["id"] for r in rows] == [mine.pk]
    assert len(client.get("/api/press/requests", **bearer(users["coordinator"])).json()) == 2
    viewer = bearer(users["viewer"])
    assert (
        client.post(
            "/api/press/requests",
            {"outlet": "Báo", "subject": "x"},
            content_type="application/json",
            **viewer,
        ).status_code
        == 403
    )
    assert client.get("/api/press/requests").status_code == 401


def test_spokespersons_and_statements(client, users, agencies, register):
    person = register(signed="2026-07-02T09:00")
    statement = services.statement_draft(
        users["spokesperson"], agency=agencies["ubnd-tinh"], title="Thông cáo", body="Nội dung"
    )
    coordinator = bearer(users["coordinator"])
    people = client.get("/api/press/spokespersons", **coordinator).json()
    assert [p["full_name"] for p in people] == [person.full_name] and people[0]["publish_due_at"]
    assert client.get("/api/press/spokespersons", **bearer(users["finance"])).json() == []  # unpublished
    assert [s["id"] for s in client.get("/api/press/statements", **coordinator).json()] == [statement.pk]
    assert client.get("/api/press/statements", **bearer(users["justice"])).json() == []


def test_deadline_override_is_set_and_removed_by_coordinators_only(client, users, assigned):
    request = assigned("2026-06-30T16:00")
    url = f"/api/press/requests/{request.pk}/deadline-override"
    coordinator = bearer(users["coordinator"])
    before = client.get(f"/api/press/requests/{request.pk}", **coordinator).json()
    assert before["rule"] == "press.response.petition@2017-01-01" and before["deadline_override"] is None

    def set_(headers: dict[str, str], **payload):  # type: ignore[no-untyped-def]
        return client.post(url, payload, content_type="application/json", **headers)

    newer = "press.response.petition@2026-07-01"
    assert set_(bearer(users["justice"]), rule_key=newer, reason="Tự gia hạn").status_code == 403
    assert set_(bearer(users["finance"]), rule_key=newer, reason="x").status_code == 404  # not visible
    missing_reason = set_(coordinator, rule_key=newer, reason=" ")
    assert missing_reason.status_code == 400 and "lý do" in missing_reason.json()["detail"]
    both = set_(coordinator, rule_key=newer, due_at="2026-07-20T17:00:00+07:00", reason="x")
    assert both.status_code == 400
    assert set_(coordinator, rule_key="press.response.petition@1999-01-01", reason="x").status_code == 400

    body = set_(coordinator, rule_key=newer, reason="Chuyển tiếp theo NĐ 237").json()
    assert body["rule"] == newer and "ĐIỀU CHỈNH THỜI HẠN" in body["due_explanation"]
    override = body["deadline_override"]
    assert override["kind"] == "rule" and override["rule_key"] == newer and override["active"] is True
    assert override["reason"] == "Chuyển tiếp theo NĐ 237" and override["due_at"] is None
    fixed = set_(coordinator, due_at="2026-07-20T17:00:00+07:00", reason="Ấn định theo chỉ đạo").json()
    assert fixed["due_at"] == "2026-07-20T10:00:00Z"  # 17:00 Vietnam time
    assert fixed["deadline_override"]["kind"] == "fixed"
    listed = client.get("/api/press/requests", **coordinator).json()
    assert [r["deadline_override"]["kind"] for r in listed] == ["fixed"]

    assert client.delete(url, **bearer(users["justice"])).status_code == 403
    removed = client.delete(f"{url}?note=Hết lý do", **coordinator)
    assert removed.status_code == 200
    assert removed.json()["deadline_override"] is None
    assert removed.json()["rule"] == "press.response.petition@2017-01-01"
    again = client.delete(url, **coordinator)
    assert again.status_code == 400 and "không có điều chỉnh" in again.json()["detail"]


def test_correction_next_round_shows_round_and_limit_and_stops_at_the_limit(client, users, assigned):
    request = assigned("2026-07-01T10:00", classification="false_report")
    services.press_request_transition(users["justice"], request, "draft", response="Thông tin không đúng vì…")
    services.press_request_transition(users["spokesperson"], request, "approve")
    services.press_request_transition(
        users["justice"], request, "send", outlet_kind="online", sent_at=at("2026-07-02T09:00")
    )
    justice = bearer(users["justice"])
    base = f"/api/press/requests/{request.pk}/corrections"
    first = client.get(base, **justice).json()
    assert [(c["round"], c["round_limit"], c["label"]) for c in first] == [(1, 2, "vòng 1/2")]
    assert first[0]["round_limit_basis"].startswith("Nghị định 237/2026")

    def next_round(headers: dict[str, str], **payload):  # type: ignore[no-untyped-def]
        return client.post(f"{base}/next-round", payload, content_type="application/json", **headers)

    pending = next_round(justice, text="Đề nghị lần 2")
    assert pending.status_code == 400 and "không đồng ý" in pending.json()["detail"]

    def decline_last() -> None:
        last = request.corrections.order_by("round").last()
        services.correction_record_outcome(users["justice"], last, outcome="declined")

    decline_last()
    assert next_round(bearer(users["finance"]), text="Lần 2").status_code == 404
    assert next_round(justice, text=" ").status_code == 400
    second = next_round(justice, text="Đề nghị cải chính lần 2", sent_at="2026-07-06T09:00:00+07:00")
    assert second.status_code == 201
    body = second.json()
    assert (body["round"], body["round_limit"], body["label"], body["outlet_kind"]) == (
        2,
        2,
        "vòng 2/2",
        "online",
    )
    assert body["outcome"] == "pending" and body["due_at"]
    decline_last()
    beyond = next_round(justice, text="Đề nghị lần 3")
    assert beyond.status_code == 400 and "Đã đủ 2 vòng" in beyond.json()["detail"]
    assert [c["round"] for c in client.get(base, **justice).json()] == [1, 2]
