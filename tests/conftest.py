"""Shared fixtures. Datasets from ../shared/data are read in place, never copied."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(
            f"../shared/data is absent ({SHARED_DATA}); this test reads the public datasets from there"
        )
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _interface_language_reset():  # type: ignore[no-untyped-def]
    """Every test starts in the default language: a request in English leaves English active on the
    thread, and the next test in the same process would read its messages in English."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Initialise Thái Nguyên once per test database: it takes seconds, and most tests need it."""
    from loa.organisations.services import init_province

    with django_db_blocker.unblock():
        init_province("Thái Nguyên")


@pytest.fixture
def province(db):  # type: ignore[no-untyped-def]
    """Thái Nguyên as the home province (communes, former names, standard agencies).

    Set up once per test database; a transactional test (browser, worker) flushes the database, so
    the fixture initialises it again when it is missing.
    """
    from loa.organisations.models import Province
    from loa.organisations.services import init_province

    home = Province.objects.filter(is_home=True, code="19").first()
    return home or init_province("Thái Nguyên").province


@pytest.fixture
def agencies(province):  # type: ignore[no-untyped-def]
    from loa.organisations.models import Agency

    return {a.slug: a for a in Agency.objects.filter(province=province)}


@pytest.fixture
def users(agencies):  # type: ignore[no-untyped-def]
    """One user per role: admin and coordinator (Sở VHTTDL), officers of Sở Tư pháp and Sở Tài chính,
    a spokesperson (VP UBND) and a viewer (Sở Tài chính)."""
    from loa.organisations.models import Role
    from tests.factories import member

    return {
        "admin": member(agencies["van-phong-ubnd"], Role.ADMIN, "t_admin"),
        "coordinator": member(agencies["so-vhttdl"], Role.COORDINATOR, "t_coord"),
        "justice": member(agencies["so-tu-phap"], Role.OFFICER, "t_justice"),
        "finance": member(agencies["so-tai-chinh"], Role.OFFICER, "t_finance"),
        "spokesperson": member(agencies["van-phong-ubnd"], Role.SPOKESPERSON, "t_spokes"),
        "viewer": member(agencies["so-tai-chinh"], Role.VIEWER, "t_viewer"),
    }


CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
TEST_PASSWORD = "mat-khau-thu-nghiem"


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Headless Debian Chromium driven by Playwright (no browser download: `executable_path`)."""
    import os
    import shutil

    executable = next((c for c in CHROMIUM_CANDIDATES if os.path.exists(c)), None) or shutil.which("chromium")
    if executable is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test
    # itself are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="vi-VN", accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(15000)
    yield tab
    context.close()


def browser_login(page, live_server, username: str, password: str = TEST_PASSWORD) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
