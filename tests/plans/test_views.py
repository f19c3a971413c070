"""The /plans/ pages: review screen, dashboards and exports, report pages, permissions."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from loa.core.notifications import unread_count
from loa.plans import services
from loa.plans.models import Obligation, Plan, PlanImport
from tests.plans.plan_helpers import BAC_KAN, at, import_sample, sample_docx, seed_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(users):
    plan = import_sample(users["coordinator"], tracking_from=date(2026, 1, 1), now=at("2026-06-20T09:00"))
    obligation = plan.obligations.get(task__ref="II.2", period_key="2026-Q1")
    services.report_save(
        users["justice"],
        obligation,
        text="Đã đăng dự thảo.",
        progress="done",
        submit=True,
        now=at("2026-03-30T09:00"),
    )
    return plan


def test_review_screen_shows_tasks_beside_their_source_and_saves_corrections(client, users):
    client.force_login(users["coordinator"])
    response = client.post(
        reverse("plans:import"), {"file": SimpleUploadedFile("bac-kan.txt", seed_bytes(BAC_KAN))}
    )
    record = PlanImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "plans:import_review", args=[record.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Rà soát trước khi lưu" in page
    assert "Đơn vị chủ trì thực hiện: Sở Thông tin và Truyền thông" in page  # the source text
    assert 'value="Sở Thông tin và Truyền thông"' in page  # the unit as written, editable
    assert "Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Nguyên" in page  # what it resolved to
    assert "Tạp chí Văn nghệ Ba Bể" in page and "Chưa khớp cơ quan nào" in page
    assert "Cần xử lý trước khi lưu" in page

    # Saving is refused while names are unmatched; the corrections are kept.
    response = client.post(
        response["Location"],
        {"action": "confirm", "doc-number": "125/KH-UBND", "doc-date": "2023-07-20"},
        follow=True,
    )
    assert "chưa khớp cơ quan nào" in response.content.decode()
    record.refresh_from_db()
    assert record.status == "pending" and record.data["document"]["number"] == "125/KH-UBND"
    client.post(reverse("plans:import_review", args=[record.pk]), {"action": "leave_unmatched"})
    response = client.post(reverse("plans:import_review", args=[record.pk]), {"action": "confirm"})
    plan = Plan.objects.get()
    assert response["Location"] == reverse("plans:plan", args=[plan.pk])
    assert (plan.number, plan.issued_on) == ("125/KH-UBND", date(2023, 7, 20))
    # The review is closed: opening it again goes to the plan.
    assert client.get(reverse("plans:import_review", args=[record.pk]))["Location"] == reverse(
        "plans:plan", args=[plan.pk]
    )


def test_bad_upload_shows_the_reason(client, users):
    client.force_login(users["coordinator"])
    response = client.post(
        reverse("plans:import"),
        {"file": SimpleUploadedFile("ghi-chu.txt", "Mua gạo, muối.".encode())},
        follow=True,
    )
    assert "Không nhận ra văn bản hành chính" in response.content.decode()
    assert not PlanImport.objects.exists()


def test_officers_cannot_import_or_review(client, users):
    client.force_login(users["justice"])
    assert client.get(reverse("plans:import")).status_code == 403
    record = services.import_document(users["coordinator"], SimpleUploadedFile("k.docx", sample_docx()))
    assert client.get(reverse("plans:import_review", args=[record.pk])).status_code == 403


def test_dashboards_render_for_each_view_and_scope(client, users, plan):
    client.force_login(users["coordinator"])
    for view in ("task", "agency", "period", "list"):
        response = client.get(reverse("plans:plan", args=[plan.pk]), {"view": view})
        assert response.status_code == 200, view
    page = client.get(reverse("plans:plan", args=[plan.pk]), {"view": "period"}).content.decode()
    assert "<svg" in page and "Quý I/2026" in page
    assert re.search(r'<rect x="\d+(\.\d+)?" y="\d+(\.\d+)?"', page)  # not localised ("12,5")
    assert client.get(reverse("plans:list")).status_code == 200
    task = plan.tasks.get(ref="II.2")
    page = client.get(reverse("plans:task", args=[task.pk])).content.decode()
    assert "Đơn vị chủ trì: Sở Tư pháp." in page  # source text beside the task
    agency = Obligation.objects.filter(plan=plan).first().agency
    assert client.get(reverse("plans:agency", args=[agency.pk])).status_code == 200
    waiting = client.get(reverse("plans:my_obligations"), {"status": "awaiting"}).content.decode()
    assert "Đã báo cáo, chờ duyệt" in waiting and "Quý I/2026" in waiting


def test_officer_sees_only_own_agency_work(client, users, plan, agencies):
    from tests.factories import member

    outsider = member(agencies["ubnd-05533"], "officer", "t_commune")
    client.force_login(outsider)
    mine = client.get(reverse("plans:my_obligations"), {"all": "1"}).content.decode()
    assert "Sở Tư pháp" not in mine
    obligation = plan.obligations.get(task__ref="II.2", period_key="2026-Q1")
    assert client.get(reverse("plans:obligation", args=[obligation.pk])).status_code == 403
    assert client.get(reverse("plans:agency", args=[obligation.agency_id])).status_code == 403
    response = client.post(
        reverse("plans:obligation", args=[obligation.pk]),
        {"action": "submit", "text": "x", "progress": "done"},
    )
    assert response.status_code == 403
    task = plan.tasks.get(ref="II.2")
    assert client.get(reverse("plans:task", args=[task.pk])).status_code == 403
    # Export of the plan contains only what the viewer may see (the commune's training obligations, if any).
    export = client.get(reverse("plans:plan", args=[plan.pk]), {"format": "csv"}).content.decode("utf-8-sig")
    assert "Sở Tư pháp" not in export


def test_report_submission_and_review_through_the_pages(client, users, plan):
    obligation = plan.obligations.get(task__ref="II.2", period_key="2026-Q2")
    client.force_login(users["justice"])
    url = reverse("plans:obligation", args=[obligation.pk])
    page = client.get(url).content.decode()
    assert "Báo cáo kết quả thực hiện" in page and "Xem xét báo cáo" not in page
    response = client.post(
        url,
        {
            "action": "submit",
            "text": "Đăng 8 dự thảo, 120 ý kiến.",
            "progress": "done",
            "figure_articles": "8",
            "attachments": [SimpleUploadedFile("bang.txt", b"8 du thao")],
        },
    )
    assert response.status_code == 302
    obligation.refresh_from_db()
    assert obligation.state == "reported"
    attachment = obligation.reports.get().attachments.get()
    assert client.get(reverse("plans:attachment", args=[attachment.pk])).status_code == 200

    client.force_login(users["coordinator"])
    page = client.get(url).content.decode()
    assert "Xem xét báo cáo" in page and "Đăng 8 dự thảo" in page
    client.post(url, {"action": "review", "decision": "returned", "comment": "Thiếu số liệu tháng 6."})
    obligation.refresh_from_db()
    assert obligation.state == "returned"
    client.force_login(users["justice"])
    client.post(url, {"action": "submit", "text": "Bổ sung tháng 6: 3 dự thảo.", "progress": "done"})
    client.force_login(users["coordinator"])
    client.post(url, {"action": "review", "decision": "accepted", "comment": ""})
    obligation.refresh_from_db()
    assert obligation.state == "accepted"
    # The viewer of Sở Tài chính (a coordinating department) reads but has no form.
    client.force_login(users["viewer"])
    page = client.get(url).content.decode()
    assert "Bổ sung tháng 6" in page and 'name="action" value="submit"' not in page


def test_csv_and_xlsx_exports(client, users, plan):
    client.force_login(users["coordinator"])
    url = reverse("plans:plan", args=[plan.pk])
    response = client.get(url, {"format": "csv", "status": "on_time"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Kế hoạch", "Mục", "Nhiệm vụ", "Cơ quan chủ trì"]
    assert [(r[1], r[4], r[9]) for r in rows[1:]] == [("II.2", "Quý I/2026", "Đúng hạn")]
    response = client.get(url, {"format": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Báo cáo", "Theo nhiệm vụ", "Theo cơ quan", "Theo kỳ"]
    missing = [
        row
        for row in workbook["Báo cáo"].iter_rows(min_row=2, values_only=True)
        if row[9] == "Quá hạn, chưa báo cáo"
    ]
    assert len(missing) == plan.obligations.filter(state="assigned", due_date__lt=date.today()).count()
    by_task = {row[0]: row for row in workbook["Theo nhiệm vụ"].iter_rows(min_row=2, values_only=True)}
    assert any(label.startswith("II.2.") and row[1] == 1 for label, row in by_task.items())


def test_consolidated_report_page_downloads_docx_and_xlsx(client, users, plan):
    client.force_login(users["coordinator"])
    url = reverse("plans:report", args=[plan.pk])
    assert client.get(url).status_code == 200
    form = {
        "start": "2026-01-01",
        "end": "2026-06-30",
        "number": "15/BC-SVHTTDL",
        "capacity": "KT. GIÁM ĐỐC",
        "position": "PHÓ GIÁM ĐỐC",
        "signer": "Nguyễn Văn Ký",
        "recipients": "UBND tỉnh (b/c)\nCác sở, ban, ngành",
    }
    response = client.post(url, {**form, "format": "docx"})
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    response = client.post(url, {**form, "format": "xlsx"})
    assert load_workbook(io.BytesIO(response.content)).sheetnames[0] == "Tổng hợp nhiệm vụ"
    client.force_login(users["justice"])
    assert client.get(url).status_code == 403


def test_course_budget_notifications_and_source_pages(client, users, plan, agencies):
    client.force_login(users["coordinator"])
    training = plan.tasks.get(ref="II.3")
    url = reverse("plans:course_new", args=[training.pk])
    assert "Thành phần tham dự theo cơ quan" in client.get(url).content.decode()
    justice = agencies["so-noi-vu"].pk
    response = client.post(
        url,
        {
            "title": "Lớp 1",
            "held_on": "2026-05-05",
            "place": "Hội trường",
            f"p{justice}_invited": "4",
            f"p{justice}_attended": "3",
        },
    )
    assert response.status_code == 302 and training.courses.get().participations.get().attended == 3
    client.force_login(users["justice"])
    task = plan.tasks.get(ref="II.2")
    client.post(
        reverse("plans:budget_save", args=[task.pk]),
        {"agency": agencies["so-tu-phap"].pk, "year": "2027", "source": "state_budget", "amount": "20000000"},
    )
    estimate = task.budgets.get()
    client.post(reverse("plans:budget"), {"estimate": estimate.pk})
    estimate.refresh_from_db()
    assert estimate.status == "submitted"
    client.force_login(users["finance"])
    page = client.get(reverse("plans:budget")).content.decode()
    assert "20.000.000" in page
    client.post(reverse("plans:budget"), {"estimate": estimate.pk, "amount": "18000000"})
    estimate.refresh_from_db()
    assert (estimate.status, estimate.appraised_amount) == ("appraised", 18_000_000)
    response = client.get(reverse("plans:budget"), {"format": "xlsx"})
    assert load_workbook(io.BytesIO(response.content)).sheetnames == [
        "Tổng hợp theo cơ quan",
        "Chi tiết dự toán",
    ]
    client.force_login(users["coordinator"])
    # Plans' notices are on the shared notifications page (the header bell).
    notices = client.get(reverse("web:notifications")).content.decode()
    assert "Báo cáo chờ duyệt" in notices
    assert "Đánh dấu" in notices
    client.post(reverse("web:notifications"))
    assert "Báo cáo chờ duyệt" in client.get(reverse("web:notifications")).content.decode()
    assert unread_count(users["coordinator"]) == 0
    source = client.get(reverse("plans:plan_source", args=[plan.pk]))
    assert source.status_code == 200 and b"".join(source.streaming_content)[:2] == b"PK"
    home = client.get(reverse("home")).content.decode()
    assert "Kế hoạch, nhiệm vụ" in home and "kế hoạch đang theo dõi" in home


def test_long_plans_are_reviewed_page_by_page(client, users):
    from loa.plans import review as review_module
    from loa.plans.views import REVIEW_PAGE_TASKS

    record = services.import_document(users["coordinator"], SimpleUploadedFile("k.docx", sample_docx()))
    for _ in range(REVIEW_PAGE_TASKS):
        review_module.add_task(record.data)
    record.save()
    client.force_login(users["coordinator"])
    url = reverse("plans:import_review", args=[record.pk])
    first = client.get(url).content.decode()
    assert 'name="t0-ref"' in first and f'name="t{REVIEW_PAGE_TASKS}-ref"' not in first
    # Going to page 2 saves page 1's edits first.
    response = client.post(
        url, {"action": "goto:2", "page": "1", "t0-present": "1", "t0-include": "1", "t0-ref": "II.1a"}
    )
    assert response["Location"] == f"{url}?page=2"
    second = client.get(response["Location"]).content.decode()
    assert f'name="t{REVIEW_PAGE_TASKS}-ref"' in second and 'name="t0-ref"' not in second
    record.refresh_from_db()
    assert record.data["tasks"][0]["ref"] == "II.1a"
