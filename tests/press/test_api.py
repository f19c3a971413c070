"""/api/press/: the same scopes and state machine as the pages, with bearer tokens."""

from __future__ import annotations

import pytest

from loa.organisations.services import api_token_create
from loa.press import services

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
