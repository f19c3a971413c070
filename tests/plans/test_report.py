"""The consolidated periodic report (.docx per Decree 30/2020/NĐ-CP) and its .xlsx annex, opened back."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from loa.plans import reports, services
from tests.plans.plan_helpers import at, import_sample

pytestmark = pytest.mark.django_db
TODAY = date(2026, 7, 10)


@pytest.fixture
def report_data(users, agencies):
    coordinator, justice = users["coordinator"], users["justice"]
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=at("2026-07-10T09:00"))
    q1 = plan.obligations.get(task__ref="II.2", period_key="2026-Q1")
    services.report_save(
        justice,
        q1,
        text="Đăng tải 12 dự thảo văn bản quy phạm pháp luật, tổng hợp 340 ý kiến góp ý của Nhân dân.",
        progress="done",
        figures={"articles": 12, "participants": 340},
        submit=True,
        now=at("2026-03-30T09:00"),
    )
    services.report_review(coordinator, q1, decision="accepted", now=at("2026-04-01T09:00"))
    q2 = plan.obligations.get(task__ref="II.2", period_key="2026-Q2")
    services.report_save(
        justice, q2, text="Đăng tải 8 dự thảo.", progress="in_progress", figures={"articles": 8}, submit=True,
        now=at("2026-07-03T09:00"),
    )  # fmt: skip
    services.course_record(
        coordinator,
        plan.tasks.get(ref="II.3"),
        title="Lớp tập huấn kỹ năng phát ngôn",
        held_on=date(2026, 5, 20),
        place="Hội trường UBND tỉnh",
        participants={agencies["so-noi-vu"].pk: (10, 9)},
    )
    services.budget_save(
        justice, plan.tasks.get(ref="II.2"), agency=agencies["so-tu-phap"], year=2026, amount=25_000_000
    )
    options = reports.default_options(plan, date(2026, 1, 1), date(2026, 6, 30))
    options.number = "27/BC-SVHTTDL"
    options.signer = "Nguyễn Văn Ký"
    options.signed_on = date(2026, 7, 10)
    options.difficulties = "Một số xã chưa bố trí cán bộ đầu mối."
    return reports.collect(plan, options, today=TODAY)


def _text(document: Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_docx_follows_decree_30_and_summarises_each_task(report_data):
    document = Document(io.BytesIO(reports.report_docx(report_data)))
    text = _text(document)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Số: 27/BC-SVHTTDL" in text
    assert "UBND TỈNH THÁI NGUYÊN" in text and "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" in text
    assert "Thái Nguyên, ngày 10 tháng 7 năm 2026" in text
    assert "BÁO CÁO" in text and "Kết quả thực hiện Kế hoạch số 999/KH-UBND ngày 15/01/2026" in text
    assert "từ ngày 01/01/2026 đến ngày 30/06/2026" in text
    # Each task, with its progress and the agencies' own words.
    assert "Truyền thông dự thảo chính sách trong quá trình xây dựng văn bản (mục II.2; hằng quý)" in text
    assert "Sở Tư pháp: Đăng tải 12 dự thảo văn bản quy phạm pháp luật" in text
    assert "Số liệu tổng hợp: 340 người tham dự; 20 tin, bài, sản phẩm" in text
    assert "Tập huấn, bồi dưỡng năm 2026: đã tổ chức 01 lớp/chỉ tiêu 02 lớp/năm, 9 lượt người tham dự" in text
    # Late and missing reports are listed by agency.
    lapses = document.tables[-2]  # before the closing (recipients | signature) table
    assert lapses.rows[0].cells[1].text == "Cơ quan, đơn vị"
    rows = {row.cells[1].text: (row.cells[2].text, row.cells[3].text) for row in lapses.rows[1:]}
    assert rows["Sở Tư pháp tỉnh Thái Nguyên"] == ("1", "0")  # Q2 reported on 3/7, due 30/6
    assert rows["Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Nguyên"][1] == "2"  # II.1 Q1 and Q2 missing
    assert "Tổng dự toán của 1 cơ quan: 25.000.000 đồng" in text
    assert "Một số xã chưa bố trí cán bộ đầu mối." in text
    assert "Nơi nhận:" in text and "- Lưu: VT." in text
    assert "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in text and "Nguyễn Văn Ký" in text
    # Times New Roman throughout, 13–14 pt body.
    fonts = {run.font.name for p in document.paragraphs for run in p.runs if run.text.strip()}
    sizes = {
        run.font.size.pt for p in document.paragraphs for run in p.runs if run.text.strip() and run.font.size
    }
    assert fonts == {"Times New Roman"} and sizes <= {11, 12, 13, 14}


def test_xlsx_annex_lists_every_report(report_data):
    workbook = load_workbook(io.BytesIO(reports.report_xlsx(report_data)))
    assert workbook.sheetnames == [
        "Tổng hợp nhiệm vụ",
        "Chi tiết báo cáo",
        "Trễ hạn, chưa báo cáo",
        "Tập huấn",
        "Kinh phí",
    ]
    summary = {row[0]: row for row in workbook["Tổng hợp nhiệm vụ"].iter_rows(min_row=2, values_only=True)}
    # Mục, Nhiệm vụ, Thời gian, Đúng hạn, Trễ hạn, Trả lại, Chưa báo cáo, Chưa đến hạn, Chờ duyệt, Tổng số …
    assert summary["II.2"][3:10] == (1, 1, 0, 0, 0, 1, 2)
    detail = list(workbook["Chi tiết báo cáo"].iter_rows(min_row=2, values_only=True))
    ii2 = [row for row in detail if row[1] == "II.2"]
    assert [(row[4], row[9], row[12][:10]) for row in ii2] == [
        ("Quý I/2026", "Đúng hạn", "Đăng tải 1"),
        ("Quý II/2026", "Trễ hạn", "Đăng tải 8"),
    ]
    assert next(workbook["Tập huấn"].iter_rows(min_row=2, values_only=True))[3:7] == (1, 2, 9, "Chưa đạt")
    assert next(workbook["Kinh phí"].iter_rows(min_row=2, values_only=True))[2] == 25_000_000


def test_renders_to_pdf_when_libreoffice_is_available(report_data, tmp_path):
    from loa.core.documents import convert_to_pdf, soffice

    if soffice() is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    from pypdf import PdfReader

    source = tmp_path / "bao-cao.docx"
    source.write_bytes(reports.report_docx(report_data))
    pdf = convert_to_pdf(source, tmp_path)
    reader = PdfReader(str(pdf))
    assert 2 <= len(reader.pages) <= 6
    # pypdf splits Vietnamese letters with stacked marks; check the ASCII parts of the heading and closing.
    assert "27/BC-SVHTTDL" in reader.pages[0].extract_text()
    assert "VT." in reader.pages[-1].extract_text()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text.decode() and "Nơi nhận:" in text.decode()


def test_agency_symbol():
    assert reports.agency_symbol("Sở VHTTDL") == "SVHTTDL"
    assert reports.agency_symbol("Sở Tư pháp") == "STP"


def test_exports_never_turn_document_text_into_formulas(users):
    from loa.plans.models import Task

    plan = import_sample(users["coordinator"], tracking_from=date(2026, 1, 1), now=at("2026-03-20T09:00"))
    Task.objects.filter(plan=plan, ref="II.2").update(title='=HYPERLINK("http://example.com","x")')
    rows = list(plan.obligations.filter(task__ref="II.2").select_related("task", "agency", "plan"))
    csv_text = reports.obligations_csv(rows, TODAY).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text
    workbook = load_workbook(
        io.BytesIO(reports.dashboard_xlsx(rows, TODAY, tasks=[], agencies=[], periods=[]))
    )
    cell = workbook["Báo cáo"]["C2"]
    assert cell.value.startswith("=HYPERLINK") and cell.data_type == "s"
