"""The plans flow in headless Chromium: a coordinator uploads a plan → reviews it beside its source and
corrects a field → saves → the lead agency's officer submits a progress report → the coordinator accepts
it → the consolidated report is downloaded and read back."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from docx import Document

from tests.conftest import browser_login
from tests.plans.plan_helpers import sample_docx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def province(transactional_db):  # type: ignore[no-untyped-def]
    """Committed data for the live server (the module-scoped shortcut of conftest.py cannot serve it)."""
    from loa.organisations.services import init_province

    return init_province("Thái Nguyên").province


def test_import_review_report_accept_and_consolidated_report(browser, page, live_server, users, tmp_path):
    from loa.plans.models import Obligation, Plan

    def as_user(username: str):  # type: ignore[no-untyped-def]
        context = browser.new_context(locale="vi-VN", accept_downloads=True)
        tab = context.new_page()
        tab.set_default_timeout(20000)
        browser_login(tab, live_server, username)
        return tab

    # 1. The coordinating officer uploads the plan.
    document = tmp_path / "ke-hoach-45.docx"
    document.write_bytes(sample_docx())
    coordinator = as_user("t_coord")
    coordinator.goto(f"{live_server.url}/plans/import/")
    coordinator.set_input_files("input[name=file]", str(document))
    coordinator.click("form button[type=submit]")
    coordinator.wait_for_url(re.compile(r".*/plans/imports/\d+/$"))

    # 2. The review screen shows each task beside its source; the officer corrects the number and a title.
    main = coordinator.inner_text("main")
    assert "Rà soát trước khi lưu" in main and "Đơn vị chủ trì: Sở Tư pháp." in main
    coordinator.fill("input[name=doc-number]", "45/KH-UBND")
    coordinator.fill("input[name=t1-title]", "Truyền thông dự thảo văn bản quy phạm pháp luật")
    coordinator.click("button[value=save]")
    coordinator.wait_for_selector("text=Đã lưu các chỉnh sửa")
    assert coordinator.input_value("input[name=doc-number]") == "45/KH-UBND"  # kept after reload
    coordinator.click("button[value=confirm]")
    coordinator.wait_for_url(re.compile(r".*/plans/\d+/$"))
    plan = Plan.objects.get()
    assert plan.number == "45/KH-UBND"
    assert plan.tasks.get(ref="II.2").title == "Truyền thông dự thảo văn bản quy phạm pháp luật"
    assert "Truyền thông dự thảo văn bản quy phạm pháp luật" in coordinator.inner_text("main")

    # 3. The lead agency's officer (Sở Tư pháp) reports on the current period.
    obligation = Obligation.objects.get(task__ref="II.2", state="assigned")
    officer = as_user("t_justice")
    officer.goto(f"{live_server.url}/plans/obligations/")
    officer.click(f"a[href='/plans/obligations/{obligation.pk}/']")
    officer.fill("textarea[name=text]", "Đã đăng tải 9 dự thảo, tổng hợp 210 ý kiến góp ý của Nhân dân.")
    officer.select_option("select[name=progress]", "done")
    officer.fill("input[name=figure_articles]", "9")
    officer.click("button[value=submit]")
    officer.wait_for_selector("text=Đã gửi báo cáo.")
    assert "Đã báo cáo, chờ duyệt" in officer.inner_text("main")

    # 4. The coordinator accepts it.
    coordinator.goto(f"{live_server.url}/plans/obligations/{obligation.pk}/")
    coordinator.select_option("select[name=decision]", "accepted")
    coordinator.click("form:has(input[value=review]) button[type=submit]")
    coordinator.wait_for_selector("text=Đã ghi nhận kết quả xem xét.")
    obligation.refresh_from_db()
    assert obligation.state == "accepted"

    # 5. One action produces the consolidated report; the file says what was reported.
    coordinator.goto(f"{live_server.url}/plans/{plan.pk}/report/")
    coordinator.fill("input[name=start]", obligation.period_start.isoformat())
    coordinator.fill("input[name=end]", obligation.period_end.isoformat())
    coordinator.fill("input[name=signer]", "Nguyễn Văn Ký")
    with coordinator.expect_download() as download_info:
        coordinator.click("button[value=docx]")
    path = tmp_path / "bao-cao.docx"
    download_info.value.save_as(path)
    report = Document(BytesIO(path.read_bytes()))
    text = "\n".join(p.text for p in report.paragraphs) + "\n".join(
        cell.text for table in report.tables for row in table.rows for cell in row.cells
    )
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Kế hoạch số 45/KH-UBND" in text
    assert "Sở Tư pháp: Đã đăng tải 9 dự thảo" in text and "Nguyễn Văn Ký" in text
