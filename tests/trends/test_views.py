"""Pages, exports and /api/trends/: what each role sees and may do."""

from __future__ import annotations

import csv
from datetime import timedelta
from io import BytesIO, StringIO

import pytest
from docx import Document

from loa.organisations.services import api_token_create
from loa.trends import aggregate, services
from loa.trends import keys as K
from loa.trends.models import AlertRule, Case
from tests.factories import member
from tests.trends.conftest import at, today

pytestmark = pytest.mark.django_db


def bearer(user) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=None, user=user, name='test')}"}


@pytest.fixture
def surged(background, surge, commune):  # type: ignore[no-untyped-def]
    day = today() - timedelta(days=1)
    aggregate.refresh_articles(background(day) + surge(day, count=6))
    services.run_detection(now=at(day, 20))
    return day


def test_dashboard_charts_places_sources_and_alerts(client, users, surged, commune):
    place, _ = commune
    client.force_login(users["viewer"])
    page = client.get("/trends/", {"days": 30})
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('<svg class="chart"') == 2 and "Khoảng dự báo" in html
    assert "Xã Ba Bể" in html and "Báo Mẫu Thái Nguyên" in html
    assert 'id="alerts-feed"' in html and "Số tin tăng đột biến" in html
    one = client.get("/trends/", {"key": K.commune(place.code), "days": 14})
    assert one.status_code == 200 and "Xã Ba Bể" in one.content.decode()
    assert client.get("/trends/", {"key": "nope"}).status_code == 404


def test_csv_and_png_exports(client, users, surged, commune):
    place, _ = commune
    client.force_login(users["viewer"])
    response = client.get("/trends/export.csv", {"key": K.commune(place.code), "days": 14})
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.DictReader(StringIO(response.content.decode())))
    history = [r for r in rows if r["count"]]
    assert len(history) == 14 and rows[0].keys() >= {"date", "key", "count", "negative"}
    day = next(r for r in history if r["date"] == surged.isoformat())
    assert day["count"] == "6" and day["negative"] == "6" and history[-1]["date"] == today().isoformat()
    assert [r for r in rows if r["forecast"]]  # the 7-day forecast follows
    png = client.get("/trends/export.png", {"key": K.ALL, "days": 30})
    assert png.status_code == 200 and png["Content-Type"] == "image/png"
    assert png.content[:8] == b"\x89PNG\r\n\x1a\n" and len(png.content) > 10_000


def test_alert_page_opens_a_case_for_the_suggested_agency(client, users, surged, commune):
    from loa.trends.models import Alert

    place, committee = commune
    alert = Alert.objects.filter(key=K.commune(place.code)).first()
    client.force_login(users["coordinator"])
    page = client.get(f"/trends/alerts/{alert.pk}/").content.decode()
    assert alert.reason in page and f'<option value="{committee.pk}" selected>' in page
    response = client.post(
        "/trends/cases/new/",
        {"alert": alert.pk, "agency": committee.pk, "kind": "urgent", "title": "", "description": ""},
    )
    case = Case.objects.get(alert=alert)
    assert response.status_code == 302 and response["Location"] == f"/trends/cases/{case.pk}/"
    detail = client.get(f"/trends/cases/{case.pk}/").content.decode()
    assert "Cách tính hạn" in detail and "press.urgent.first_statement" in case.rule_key


def test_case_pages_follow_agency_scope(client, users, commune):
    _, committee = commune
    case = services.case_open(users["coordinator"], agency=committee, title="Vụ việc của xã")
    client.force_login(users["justice"])
    assert client.get(f"/trends/cases/{case.pk}/").status_code == 404
    assert "Vụ việc của xã" not in client.get("/trends/cases/").content.decode()
    response = client.post(f"/trends/cases/{case.pk}/action/", {"action": "draft", "response": "x"})
    assert response.status_code == 404
    officer = member(committee, "officer", "t_babe_view")
    client.force_login(officer)
    client.post(f"/trends/cases/{case.pk}/action/", {"action": "draft", "response": "Đã kiểm tra."})
    case.refresh_from_db()
    assert case.state == Case.State.DRAFTED and case.response == "Đã kiểm tra."


def test_rule_form_refuses_a_rule_matching_everything(client, users):
    from loa.monitoring.models import SavedSearch

    empty = SavedSearch.objects.create(owner=users["coordinator"], name="Mọi bài", query="")
    client.force_login(users["coordinator"])
    response = client.post(
        "/trends/rules/new/",
        {
            "name": "Mọi thứ",
            "target": "search",
            "saved_search": empty.pk,
            "condition": "threshold",
            "threshold": "0",
            "metric": "count",
            "recipients": [users["coordinator"].pk],
            "in_app": "on",
            "group_hours": "6",
            "is_active": "on",
        },
    )
    assert response.status_code == 200 and "khớp với mọi bài" in response.content.decode()
    assert not AlertRule.objects.exists()
    ok = client.post(
        "/trends/rules/new/",
        {
            "name": "Ba Bể",
            "target": "key",
            "key": "all",
            "condition": "surge",
            "kinds": ["volume"],
            "metric": "count",
            "recipients": [users["coordinator"].pk],
            "in_app": "on",
            "group_hours": "6",
            "is_active": "on",
        },
    )
    rule = AlertRule.objects.get(name="Ba Bể")
    assert (
        ok.status_code == 302
        and rule.kinds == ["volume"]
        and list(rule.recipients.all()) == [users["coordinator"]]
    )
    assert "Ba Bể" in client.get("/trends/rules/").content.decode()


def test_digest_page_and_docx_download(client, users, surged, commune):
    _, committee = commune
    client.force_login(users["coordinator"])
    page = client.get("/trends/digest/", {"first": surged.isoformat(), "last": surged.isoformat()})
    assert page.status_code == 200 and "Xã Ba Bể" in page.content.decode()
    download = client.get("/trends/digest/docx", {"first": surged.isoformat(), "last": surged.isoformat()})
    assert download["Content-Disposition"].endswith('.docx"')
    assert "BẢN TIN ĐIỂM BÁO" in "\n".join(p.text for p in Document(BytesIO(download.content)).paragraphs)
    client.force_login(users["justice"])
    assert client.get("/trends/digest/", {"agency": committee.pk}).status_code == 403


def test_home_widget(client, users, surged):
    client.force_login(users["viewer"])
    html = client.get("/").content.decode()
    assert "Xu hướng, cảnh báo" in html and "vụ việc đang xử lý" in html


def test_api_series_alerts_rules_cases_and_digest(client, users, surged, commune):
    place, committee = commune
    coordinator = bearer(users["coordinator"])
    series = client.get(
        "/api/trends/series",
        {"key": K.commune(place.code), "first": surged.isoformat(), "last": surged.isoformat()},
        **coordinator,
    ).json()
    assert series["label"] == "Xã Ba Bể" and series["points"][0]["count"] == 6
    hourly = client.get("/api/trends/series", {"key": K.ALL, "granularity": "hour"}, **coordinator)
    assert hourly.status_code == 200
    assert client.get("/api/trends/series", {"key": "bad"}, **coordinator).status_code == 400
    alerts = client.get("/api/trends/alerts", {"key": K.commune(place.code)}, **coordinator).json()
    assert alerts and alerts[0]["agencies"] == [committee.pk] and alerts[0]["reason"]
    refused = client.post(
        "/api/trends/rules",
        {"name": "x", "key": "all", "condition": "threshold", "threshold": 0},
        content_type="application/json",
        **coordinator,
    )
    assert refused.status_code == 400 and "Ngưỡng" in refused.json()["detail"]
    created = client.post(
        "/api/trends/rules",
        {"name": "API", "key": "all", "recipient_ids": [users["coordinator"].pk]},
        content_type="application/json",
        **coordinator,
    )
    assert created.status_code == 201 and created.json()["kinds"] == ["volume", "negative"]
    case = client.post(
        "/api/trends/cases",
        {"agency_id": committee.pk, "alert_id": alerts[0]["id"]},
        content_type="application/json",
        **coordinator,
    )
    assert case.status_code == 201 and case.json()["due_at"]
    justice = bearer(users["justice"])
    assert client.get(f"/api/trends/cases/{case.json()['id']}", **justice).status_code == 404
    acted = client.post(
        f"/api/trends/cases/{case.json()['id']}/actions/draft",
        {"response": "Dự thảo"},
        content_type="application/json",
        **coordinator,
    )
    assert acted.json()["state"] == "drafted"
    assert client.get(f"/api/trends/cases/{case.json()['id']}/before-after", **coordinator).json() == []
    digest = client.get(
        "/api/trends/digest", {"first": surged.isoformat(), "last": surged.isoformat()}, **coordinator
    ).json()
    assert digest["stories"] >= 6 and any(r["key"] == K.commune(place.code) for r in digest["rising"])
    assert client.get("/api/trends/digest", {"agency_id": committee.pk}, **justice).status_code == 403
