"""The response loop in headless Chromium, against the sample newsroom ingested by monitoring: a planted
surge about Ba Bể shows on the commune officer's dashboard → the alert → a case → drafted, approved by
the commune's spokesperson, published with a link → the before/after view of the coverage."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from loa.demo.newsroom import newsroom_of, start_newsroom
from loa.organisations.models import Agency, Commune, Role
from loa.trends import keys as K
from loa.trends import services
from loa.trends.models import Alert, Case
from tests.conftest import browser_login
from tests.factories import member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def province(transactional_db):  # type: ignore[no-untyped-def]
    """Committed data for the live server (the module-scoped shortcut of conftest.py cannot serve it)."""
    from loa.organisations.services import init_province

    return init_province("Thái Nguyên").province


def test_surge_alert_case_response_and_before_after(browser, live_server, province, monitoring_fast):
    from loa.monitoring import demo as monitoring_demo
    from loa.monitoring import tasks as monitoring_tasks
    from loa.monitoring.models import Feed, IngestItem

    place = Commune.objects.get(province=province, name="Xã Ba Bể")
    committee = Agency.objects.get(commune=place, role=Agency.Role.COMMUNE_COMMITTEE)
    member(committee, Role.OFFICER, "t_babe_officer")
    member(committee, Role.SPOKESPERSON, "t_babe_speaker")
    services.ensure_default_rules()
    with start_newsroom("127.0.0.1", 0, now=timezone.now() - timedelta(minutes=5)) as running:
        # Monitoring ingests the newsroom (every step a Celery task, eager here), then the planted surge.
        monitoring_demo.demo_setup(running.url)
        newsroom_of(running).plant_surge("Ba Bể", 12)
        Feed.objects.update(next_poll_at=None)
        monitoring_tasks.poll_due.delay()
    states = Counter(IngestItem.objects.values_list("state", flat=True))
    assert Alert.objects.filter(key=K.commune(place.code)).exists(), f"no alert; ingest items: {states}"

    def as_user(username: str):  # type: ignore[no-untyped-def]
        context = browser.new_context(locale="vi-VN")
        tab = context.new_page()
        tab.set_default_timeout(15000)
        browser_login(tab, live_server, username)
        return tab

    # 1. The commune officer's dashboard shows the alert routed to the commune.
    officer = as_user("t_babe_officer")
    officer.goto(f"{live_server.url}/trends/?mine=1")
    feed = officer.inner_text("#alerts-feed")
    assert "Xã Ba Bể" in feed and "Ủy ban nhân dân xã Ba Bể" in feed
    # 2. Open it: the alert explains itself.
    officer.click("#alerts-feed a:has-text('Xã Ba Bể')")
    assert "mức thường" in officer.inner_text("#alert-reason")
    # 3. Create a case for the suggested agency (the commune) on the 24-hour clock.
    officer.click("form button:has-text('Tạo vụ việc')")
    officer.wait_for_url("**/trends/cases/*/")
    case_url = officer.url
    assert "còn 23 giờ" in officer.inner_text("main") and "24 giờ" in officer.inner_text("pre.source")
    # 4. Draft the response; the commune's spokesperson approves; the officer records where it was published.
    officer.fill(
        "details[data-action=draft] textarea[name=response]", "UBND xã đã cấp nước sạch tạm thời cho các hộ."
    )
    officer.click("details[data-action=draft] button[type=submit]")
    assert "Đã có dự thảo" in officer.inner_text("#case-state")
    speaker = as_user("t_babe_speaker")
    speaker.goto(case_url)
    speaker.click("details[data-action=approve] button[type=submit]")
    assert "Đã duyệt" in speaker.inner_text("#case-state")
    officer.goto(case_url)
    officer.fill(
        "details[data-action=publish] input[name=published_url]",
        "https://babe.thainguyen.gov.vn/tb/nuoc-sach",
    )
    officer.click("details[data-action=publish] button[type=submit]")
    assert "Đã phản hồi" in officer.inner_text("#case-state") and "đúng hạn" in officer.inner_text("main")
    assert officer.get_attribute("#published-url", "href") == "https://babe.thainguyen.gov.vn/tb/nuoc-sach"
    # 5. The before/after view: a quiet week before, the surge on the response day, with charts.
    view = officer.inner_text("#before-after")
    assert "Trước phản hồi" in view and "Từ ngày phản hồi" in view
    assert float(officer.inner_text("#before-after .after-count").replace(",", ".")) >= 5
    assert officer.locator("#before-after svg.chart").count() == 2
    case = Case.objects.get()
    assert case.state == Case.State.PUBLISHED and case.agency == committee
