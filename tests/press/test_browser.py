"""The press flow in headless Chromium: register a spokesperson → contact published on the public
directory → a journalist sends a request on the public form → classified and assigned → answered on time
→ counted in the annual report (downloaded and read back)."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.utils import timezone
from docx import Document

from tests.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def province(transactional_db):  # type: ignore[no-untyped-def]
    """Committed data for the live server (the module-scoped shortcut of conftest.py cannot serve it)."""
    from loa.organisations.services import init_province

    return init_province("Thái Nguyên").province


def report_year() -> int:
    today = timezone.localdate()
    return today.year + (1 if (today.month, today.day) >= (12, 15) else 0)


def test_spokesperson_to_answered_request_counted_in_the_annual_report(
    browser, page, live_server, users, tmp_path
):
    def as_user(username: str):  # type: ignore[no-untyped-def]
        context = browser.new_context(locale="vi-VN", accept_downloads=True)
        tab = context.new_page()
        tab.set_default_timeout(15000)
        browser_login(tab, live_server, username)
        return tab

    # 1. An officer of Sở Tư pháp registers the department's regular spokesperson and publishes the contact.
    officer = as_user("t_justice")
    officer.goto(f"{live_server.url}/press/spokespersons/new/")
    officer.select_option("select[name=kind]", "regular")
    officer.fill("input[name=full_name]", "Đỗ Thị Phát Ngôn")
    officer.fill("input[name=position]", "Phó Giám đốc Sở Tư pháp")
    officer.fill("input[name=phone]", "0208 3999 888")
    officer.fill("input[name=email]", "phatngon.stp@thainguyen.gov.vn")
    officer.fill("input[name=decision_number]", "45/QĐ-STP")
    officer.fill("input[name=signed_at]", timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    officer.click("form button[type=submit]")
    officer.wait_for_url(re.compile(r".*/press/spokespersons/\d+/$"))
    assert "còn 23 giờ" in officer.inner_text("main")  # Decree 244 Art. 3.3: 24 hours
    officer.click("text=Ghi nhận đã công bố")
    assert "đúng hạn" in officer.inner_text("main")

    # 2. The public directory shows it without login.
    page.goto(f"{live_server.url}/public/spokespersons/")
    assert (
        "Đỗ Thị Phát Ngôn" in page.inner_text("main") and "phatngon.stp@thainguyen.gov.vn" in page.content()
    )

    # 3. A journalist sends a request on the public form.
    page.goto(f"{live_server.url}/public/request/")
    page.fill("input[name=outlet]", "Báo Thái Nguyên")
    page.fill("input[name=journalist]", "Phóng viên Hà")
    page.fill("input[name=contact_email]", "ha@baothainguyen.vn")
    page.fill("input[name=requested_agency_text]", "Sở Tư pháp")
    page.fill("input[name=subject]", "Thời gian chờ công chứng kéo dài")
    page.fill("textarea[name=body]", "Đề nghị Sở cho biết nguyên nhân và biện pháp khắc phục.")
    page.click("form button[type=submit]")
    page.wait_for_url("**/public/request/sent/")
    reference = page.inner_text("#reference")
    assert reference.startswith("YC-")

    # 4. The coordinator classifies it and assigns it to the agency suggested from the name written.
    coordinator = as_user("t_coord")
    coordinator.goto(f"{live_server.url}/press/requests/")
    coordinator.click(f"text={reference}")
    request_url = coordinator.url
    coordinator.select_option("details[data-action=classify] select[name=classification]", "petition")
    coordinator.click("details[data-action=classify] button[type=submit]")
    assert "15 ngày làm việc" in coordinator.inner_text("main")
    coordinator.locator("details[data-action=assign]").evaluate("details => { details.open = true; }")
    assert "Sở Tư pháp" in coordinator.inner_text("details[data-action=assign]")
    coordinator.click("details[data-action=assign] button[type=submit]")
    assert "Đã giao xử lý" in coordinator.inner_text("h1")

    # 5. The officer drafts, the province's spokesperson approves, the officer sends.
    officer.goto(request_url)
    officer.fill("details[data-action=draft] textarea[name=response]", "Sở đã bố trí thêm công chứng viên.")
    officer.click("details[data-action=draft] button[type=submit]")
    spokesperson = as_user("t_spokes")
    spokesperson.goto(request_url)
    spokesperson.click("details[data-action=approve] button[type=submit]")
    assert "Người phát ngôn đã duyệt" in spokesperson.inner_text("h1")
    officer.goto(request_url)
    officer.click("details[data-action=send] button[type=submit]")
    assert "Đã gửi trả lời" in officer.inner_text("h1") and "đúng hạn" in officer.inner_text("main")

    # 6. The answered request is counted in the annual report: K3 on the page and in the .docx.
    year = report_year()
    coordinator.goto(f"{live_server.url}/press/report/?year={year}")
    assert "1/1" in coordinator.inner_text(".kpis")
    with coordinator.expect_download() as download_info:
        coordinator.click("text=Tải báo cáo (.docx")
    path = tmp_path / "bao-cao.docx"
    download_info.value.save_as(path)
    doc = Document(BytesIO(path.read_bytes()))
    rows = {cells[1]: cells[2] for cells in ([c.text for c in row.cells] for row in doc.tables[1].rows)}
    assert rows["Số yêu cầu của báo chí đã trả lời / đã tiếp nhận"] == "1/1"
    coordinator.screenshot(path=str(tmp_path / "report.png"), full_page=True)


def test_coordinator_overrides_a_deadline_and_records_the_next_correction_round(
    browser, live_server, users, assigned
):
    from loa.press import services

    # A petition assigned to Sở Tư pháp, and a false report answered with a correction request (round 1).
    petition = assigned("2026-07-01T10:00")
    false_report = assigned("2026-07-01T10:00", classification="false_report")
    services.press_request_transition(users["justice"], false_report, "draft", response="Thông tin sai vì…")
    services.press_request_transition(users["spokesperson"], false_report, "approve")
    services.press_request_transition(users["justice"], false_report, "send", outlet_kind="daily")

    tab = browser.new_context(locale="vi-VN").new_page()
    tab.set_default_timeout(15000)
    browser_login(tab, live_server, "t_coord")

    # 1. A fixed deadline with its reason, shown in the explanation; then removed.
    tab.goto(f"{live_server.url}/press/requests/{petition.pk}/")
    computed = tab.inner_text("#due-explanation")
    box = tab.locator("[data-override^='request-']")
    box.locator("details[data-override-form=request]").evaluate("details => { details.open = true; }")
    box.locator("input[name=due_at]").fill("2026-07-24T17:00")
    box.locator("textarea[name=reason]").fill("Chờ kết quả thanh tra liên ngành")
    box.locator("details[data-override-form=request] button[type=submit]").click()
    tab.wait_for_selector("text=Đã ghi điều chỉnh thời hạn.")
    explanation = tab.inner_text("#due-explanation")
    assert "Chờ kết quả thanh tra liên ngành" in explanation and "17:00:00 ngày 24/07/2026" in explanation
    rule_due = timezone.localtime(petition.due_at).strftime("%H:%M:%S ngày %d/%m/%Y")
    assert f"Nếu không điều chỉnh, hạn tính theo quy tắc ({petition.rule_key}) là {rule_due}" in explanation
    assert "Thời hạn đã được điều chỉnh" in box.inner_text()
    box.locator("form:has(input[name=op][value=remove]) button[type=submit]").click()
    tab.wait_for_selector("text=Đã gỡ điều chỉnh")
    assert tab.locator("[data-override^='request-'] .badge.warn").count() == 0
    assert tab.inner_text("#due-explanation") == computed

    # 2. The outlet turned the correction down: the next round is recorded and counted "vòng 2/…".
    tab.goto(f"{live_server.url}/press/requests/{false_report.pk}/")
    assert "vòng 1/" in tab.inner_text("[data-rounds]")
    tab.select_option("form[data-outcome='1'] select[name=outcome]", "declined")
    tab.click("form[data-outcome='1'] button[type=submit]")
    tab.wait_for_selector("text=Đã ghi nhận kết quả cải chính.")
    tab.locator("details[data-action=correction_round]").evaluate("details => { details.open = true; }")
    tab.fill("details[data-action=correction_round] textarea[name=text]", "Đề nghị cải chính lần 2")
    tab.click("details[data-action=correction_round] button[type=submit]")
    tab.wait_for_selector("text=Đã gửi đề nghị cải chính vòng tiếp theo.")
    rounds = tab.locator("[data-rounds]")
    assert rounds.count() == 2 and "vòng 2/" in rounds.nth(1).inner_text()
    assert tab.locator("form[data-outcome='2']").count() == 1
