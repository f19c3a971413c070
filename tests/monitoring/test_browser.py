"""The monitoring flow in headless Chromium: article list → search "bac kan" typed without diacritics →
an article with its places and sentiment → its story with every copy → the source health page → a
coordinator reprocesses one source's stored articles from that page."""

from __future__ import annotations

import pytest

from tests.conftest import browser_login
from tests.monitoring.conftest import ingest_newsroom

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def province(transactional_db):
    """Committed data for the live server (the module-scoped shortcut of conftest.py cannot serve it)."""
    from loa.organisations.services import init_province

    return init_province("Thái Nguyên").province


def test_search_article_story_source_health_and_reprocess(browser, page, live_server, newsroom, users):
    ingested = ingest_newsroom(newsroom)
    assert ingested.articles > 50
    browser_login(page, live_server, "t_viewer")

    page.click("nav.mainnav >> text=Theo dõi báo chí")
    page.wait_for_selector("#results .hit")
    page.fill("#monitoring-search input[name=q]", "bac kan")
    page.click("#monitoring-search button[type=submit]")
    page.wait_for_url("**/monitoring/?q=bac+kan*")
    info = page.inner_text("#result-info")
    assert "Tìm thấy" in info and "ms" in info
    assert page.locator("#results mark").count() > 0
    first = page.locator("#results .hit").first
    assert "bắc kạn" in first.inner_text().lower()

    # Open a result that was republished elsewhere (its copy count links to its story).
    copied = page.locator("#results .hit", has=page.locator("a[href*='/monitoring/stories/']")).first
    title = copied.locator("h3 a").inner_text()
    copied.locator("h3 a").click()
    page.wait_for_selector("#story-link")
    assert page.inner_text("h1").startswith(title)
    assert "Vì sao là sắc thái này" in page.content() and "Địa danh" in page.content()
    copies = int(page.inner_text("#story-link").split()[0])
    assert copies > 1

    page.click("#story-link")
    page.wait_for_selector("#copies")
    rows = page.locator("#copies tbody tr")
    assert rows.count() == copies
    assert "bản đầu tiên" in rows.first.inner_text()
    assert title in page.inner_text("#copies")

    page.click("nav.subnav >> text=Nguồn tin, tình trạng")
    page.wait_for_selector("#sources")
    health = page.inner_text("#sources")
    for source in ingested.sources:
        assert source.name in health
    assert "Hoạt động tốt" in health
    assert page.locator("#progress .kpi").count() == 5

    # The viewer sees the reprocess card but not its form; a coordinator starts a run for one source.
    assert page.locator("[data-reprocess-form]").count() == 0
    coordinator = browser.new_context(locale="vi-VN").new_page()
    coordinator.set_default_timeout(15000)
    browser_login(coordinator, live_server, "t_coord")
    coordinator.goto(f"{live_server.url}/monitoring/sources/")
    source = ingested.sources[0]
    coordinator.select_option("[data-reprocess-form] select[name=source]", str(source.pk))
    coordinator.click("[data-reprocess-form] button[type=submit]")
    coordinator.wait_for_selector("ul.messages .msg-success")
    total = source.articles.count()
    assert total > 0
    assert f"Đã bắt đầu xử lý lại {total} bài" in coordinator.inner_text("ul.messages")
    # Tasks run eagerly in tests, so the run has usually finished by now; either state shows this run.
    state = coordinator.get_attribute("#reprocess [data-state]", "data-state")
    shown = coordinator.inner_text("#reprocess [data-state]")
    if state == "running":
        assert f"/{total} bài" in shown and coordinator.locator("#reprocess progress").count() == 1
    else:
        assert state == "done" and f"Đã xử lý lại {total} bài" in shown
    assert f"Nguồn: {source.name}." in shown
