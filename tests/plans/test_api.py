"""/api/plans/: the same scopes and rules as the pages, with token or session authentication."""

from __future__ import annotations

from datetime import date

import pytest

from loa.organisations.services import api_token_create
from tests.plans.plan_helpers import at, import_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(users):
    return import_sample(users["coordinator"], tracking_from=date(2026, 1, 1), now=at("2026-06-20T09:00"))


def _bearer(user) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, user=user, name='test')}"}


def test_lists_and_details_follow_the_viewer_scope(client, users, plan, agencies):
    from tests.factories import member

    response = client.get("/api/plans/", **_bearer(users["coordinator"]))
    assert response.status_code == 200
    [item] = response.json()
    assert item["number"] == "999/KH-UBND" and item["counts"]["total"] == plan.obligations.count()
    tasks = client.get(f"/api/plans/{plan.pk}/tasks", **_bearer(users["coordinator"])).json()
    ii2 = next(t for t in tasks if t["ref"] == "II.2")
    assert ii2["cadence"] == "quarterly" and ii2["units"][0] == {
        "role": "lead",
        "written": "Sở Tư pháp",
        "via": "exact",
        "agency_ids": [agencies["so-tu-phap"].pk],
    }
    justice = _bearer(users["justice"])
    rows = client.get("/api/plans/obligations", {"plan": plan.pk}, **justice).json()
    assert rows and all(
        r["agency_id"] == agencies["so-tu-phap"].pk or r["task_ref"] in ("II.1", "II.4") for r in rows
    )
    missing = client.get("/api/plans/obligations", {"status": "missing"}, **justice).json()
    assert {r["status"] for r in missing} == {"missing"}

    outsider = member(agencies["ubnd-05533"], "officer", "t_api_commune")
    obligation = plan.obligations.get(task__ref="II.2", period_key="2026-Q1")
    client.force_login(outsider)  # session authentication works the same
    assert client.get(f"/api/plans/obligations/{obligation.pk}").status_code == 403
    assert client.get(f"/api/plans/tasks/{obligation.task_id}").status_code == 403
    assert client.get("/api/plans/obligations/999999").status_code == 404
    client.logout()
    assert client.get("/api/plans/").status_code == 401


def test_submit_accept_and_return_through_the_api(client, users, plan):
    obligation = plan.obligations.get(task__ref="II.2", period_key="2026-Q2")
    justice, coordinator = _bearer(users["justice"]), _bearer(users["coordinator"])
    url = f"/api/plans/obligations/{obligation.pk}"
    response = client.post(
        f"{url}/report",
        {"text": "Đăng 5 dự thảo.", "progress": "done", "figures": {"articles": 5}},
        content_type="application/json",
        **justice,
    )
    assert response.status_code == 201 and response.json()["version"] == 1
    assert client.get(url, **justice).json()["state"] == "reported"
    # An officer cannot accept; a second submission is a conflict.
    assert client.post(f"{url}/accept", {}, content_type="application/json", **justice).status_code == 403
    again = client.post(
        f"{url}/report", {"text": "x", "progress": "done"}, content_type="application/json", **justice
    )
    assert again.status_code == 409
    refused = client.post(f"{url}/return", {"comment": ""}, content_type="application/json", **coordinator)
    assert refused.status_code == 400
    returned = client.post(
        f"{url}/return", {"comment": "Bổ sung số ý kiến."}, content_type="application/json", **coordinator
    )
    assert returned.json()["state"] == "returned"
    client.post(
        f"{url}/report",
        {"text": "Đăng 5 dự thảo, 80 ý kiến.", "progress": "done"},
        content_type="application/json",
        **justice,
    )
    accepted = client.post(f"{url}/accept", {}, content_type="application/json", **coordinator).json()
    assert accepted["state"] == "accepted" and accepted["status"] in ("on_time", "late")
    reports = client.get(f"{url}/reports", **justice).json()
    assert [(r["version"], r["decision"]) for r in reports] == [(2, "accepted"), (1, "returned")]
    # Other agencies' officers are refused (Sở Tài chính coordinates on II.2 and may add its part).
    finance = _bearer(users["finance"])
    assert (
        client.post(
            f"{url}/report", {"text": "x", "progress": "done"}, content_type="application/json", **finance
        ).status_code
        == 403
    )
    other = plan.obligations.get(task__ref="II.2", period_key="2026-Q3")
    contribution = client.post(
        f"/api/plans/obligations/{other.pk}/contributions",
        {"text": "Sở Tài chính đã góp ý 2 dự thảo."},
        content_type="application/json",
        **finance,
    )
    assert contribution.status_code == 201 and contribution.json()["agency"].startswith("Sở Tài chính")
