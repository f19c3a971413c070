"""User flow of the foundation in headless Chromium: log in, open the dashboard, search "bac kan"."""

import pytest

from tests.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_dashboard_and_search_old_name(page, live_server, users, tmp_path):
    browser_login(page, live_server, "t_viewer")
    assert "Tỉnh Thái Nguyên" in page.locator("h1").first.inner_text()
    page.fill(".bigsearch input[name=q]", "bac kan")
    page.click(".bigsearch button")
    page.wait_for_url("**/search/?q=bac+kan")
    first = page.locator(".hit").first
    assert "Tỉnh Bắc Kạn" in first.inner_text()
    assert "Tỉnh Thái Nguyên" in first.locator(".successors").inner_text()
    assert page.locator(".hit", has_text="Phường Bắc Kạn").count() >= 1
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)


def test_wrong_password_is_refused_in_vietnamese(page, live_server, users):
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "t_viewer")
    page.fill("input[name=password]", "sai-mat-khau")
    page.click("button[type=submit]")
    assert "không đúng" in page.locator(".error").inner_text()
