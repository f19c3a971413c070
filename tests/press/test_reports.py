"""Annual report: counts K1–K6 from records in the 15/12–14/12 window, .docx (Decree 30) and .xlsx."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from loa.press import reports, services
from loa.press.models import AnnualReport, PressEvent
from tests.press.conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_of_records(users, agencies, assigned, received):
    """Records of 2026 (window 15/12/2025–14/12/2026) plus some just outside it."""
    coordinator, spokesperson, justice = users["coordinator"], users["spokesperson"], users["justice"]
    committee = agencies["ubnd-tinh"]
    for when, kind in (
        ("2025-12-20T09:00", PressEvent.Kind.CONFERENCE),
        ("2026-04-10T09:00", PressEvent.Kind.CONFERENCE),
        ("2026-12-14T15:00", PressEvent.Kind.CONFERENCE),
        ("2026-12-15T09:00", PressEvent.Kind.CONFERENCE),  # next year's window
        ("2026-05-05T09:00", PressEvent.Kind.BRIEFING),
        ("2026-06-05T09:00", PressEvent.Kind.BRIEFING),
    ):
        event = services.event_schedule(
            coordinator, agency=committee, kind=kind, title=f"Sự kiện {when}", scheduled_at=at(when)
        )
        services.event_hold(coordinator, event)
    services.event_schedule(
        coordinator,
        agency=committee,
        kind="conference",
        title="Chưa họp",
        scheduled_at=at("2026-11-01T09:00"),
    )

    answered = assigned("2026-03-02T09:00")
    services.press_request_transition(justice, answered, "draft", response="Trả lời")
    services.press_request_transition(spokesperson, answered, "approve")
    services.press_request_transition(justice, answered, "send", now=at("2026-03-10T09:00"))
    assigned("2026-08-03T09:00")  # open, not answered
    redirected = received("2026-09-01T09:00")
    services.press_request_transition(coordinator, redirected, "redirect", note="Thuộc thẩm quyền Bộ Công an")
    false_report = assigned("2026-10-01T09:00", classification="false_report")
    services.press_request_transition(justice, false_report, "draft", response="Thông tin sai vì…")
    services.press_request_transition(spokesperson, false_report, "approve")
    services.press_request_transition(
        justice, false_report, "send", outlet_kind="online", now=at("2026-10-02T09:00")
    )
    assigned("2026-11-02T09:00", classification="false_report")  # no feedback yet
    received("2025-12-10T09:00")  # previous window

    on_time = services.urgent_open(
        spokesperson,
        agency=committee,
        kind="incident",
        title="Sạt lở đúng hạn",
        received_at=at("2026-08-01T08:00"),
    )
    statement = services.statement_draft(
        spokesperson, agency=committee, title="Thông tin ban đầu", body="…", urgent_event=on_time
    )
    services.statement_transition(spokesperson, statement, "approve", now=at("2026-08-01T12:00"))
    services.statement_transition(spokesperson, statement, "publish", now=at("2026-08-01T13:00"))
    late = services.urgent_open(
        spokesperson,
        agency=committee,
        kind="incident",
        title="Lũ trễ hạn",
        received_at=at("2026-09-01T08:00"),
    )
    statement = services.statement_draft(
        spokesperson, agency=committee, title="Thông tin lũ", body="…", urgent_event=late
    )
    services.statement_transition(spokesperson, statement, "approve", now=at("2026-09-02T10:00"))
    services.statement_transition(spokesperson, statement, "publish", now=at("2026-09-02T11:00"))
    services.urgent_open(
        spokesperson,
        agency=committee,
        kind="incident",
        title="Chưa phát ngôn",
        received_at=at("2026-10-05T08:00"),
    )
    return users


def counts(year: int = 2026) -> dict[str, tuple[int, int | None]]:
    return {
        k.code: (k.numerator, k.denominator) for k in reports.annual_counts(year, now=at("2026-12-16T09:00"))
    }


def test_counts_come_from_the_records_in_the_window(year_of_records):
    assert counts() == {
        "K1": (3, None),  # 20/12/2025 and 14/12/2026 included; 15/12/2026 belongs to 2027
        "K2": (2, None),
        "K3": (2, 4),  # redirected excluded; an accepted or sent answer counts
        "K4": (2, 3),
        "K5": (1, 3),  # the case without a statement is past its deadline
        "K6": (1, 2),
    }
    assert counts(2027)["K1"] == (1, None)


def test_docx_follows_decree_30_and_carries_the_counts(year_of_records, client, province):
    client.force_login(year_of_records["coordinator"])
    client.post(
        reverse("press:report"),
        {
            "year": 2026,
            "number": "/BC-UBND",
            "difficulties": "Nhân lực làm công tác phát ngôn ở cấp xã còn thiếu.",
            "proposals": "Đề nghị Bộ tổ chức tập huấn.",
            "signer_name": "Nguyễn Văn A",
            "signer_position": "Phó Chủ tịch",
            "recipients": "Bộ Văn hóa, Thể thao và Du lịch\nLưu trữ",
        },
    )
    response = client.get(reverse("press:report_export", args=[2026, "docx"]))
    assert response["Content-Disposition"].endswith('bao-cao-phat-ngon-2026.docx"')
    doc = Document(BytesIO(response.content))
    left, right = doc.tables[0].rows[0].cells
    assert left.paragraphs[0].text == "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN" and left.paragraphs[
        -1
    ].text.endswith("/BC-UBND")
    assert right.paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert right.paragraphs[1].text == "Độc lập - Tự do - Hạnh phúc"
    assert right.paragraphs[-1].text.startswith("Thái Nguyên, ngày")
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO" in body and "15/12/2025" in body and "14/12/2026" in body
    assert "Nghị định 244/2026/NĐ-CP Điều 10" in body and "cấp xã còn thiếu" in body
    rows = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert rows[1] == ["1", "Số cuộc họp báo đã tổ chức", "3"] and rows[3][2] == "2/4"
    closing_left, closing_right = doc.tables[2].rows[0].cells
    assert closing_left.paragraphs[0].text == "Nơi nhận:"
    assert closing_right.paragraphs[0].text == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    assert closing_right.paragraphs[-1].text == "Nguyễn Văn A"
    fonts = {run.font.name for p in doc.paragraphs for run in p.runs}
    assert fonts == {"Times New Roman"}


def test_xlsx_has_the_summary_and_drill_down(year_of_records, client):
    client.force_login(year_of_records["coordinator"])
    book = load_workbook(BytesIO(client.get(reverse("press:report_export", args=[2026, "xlsx"])).content))
    summary = list(book["Tổng hợp"].iter_rows(values_only=True))
    assert summary[0] == ("Mã", "Chỉ tiêu", "Kết quả", "Số đạt", "Tổng số")
    assert summary[3][:5] == ("K3", "Số yêu cầu của báo chí đã trả lời / đã tiếp nhận", "2/4", 2, 4)
    assert [r[2] for r in book["K4 chi tiết"].iter_rows(min_row=2, values_only=True)] == ["có", "có", "không"]


def test_report_deadline_and_sending_freezes_the_counts(year_of_records):
    coordinator = year_of_records["coordinator"]
    report = services.annual_report_for(coordinator, 2026)
    assert report.due_at == at("2026-12-19T23:59:59")
    assert services.annual_report_for(coordinator, 2025).due_at is None  # no rule in force in 2025
    snapshot = reports.counts_snapshot(reports.annual_counts(2026))
    services.annual_report_send(coordinator, report, snapshot, now=at("2026-12-18T10:00"))
    report = AnnualReport.objects.get(year=2026)
    assert report.met_on_time is True and report.snapshot["K3"]["denominator"] == 4
    with pytest.raises(services.TransitionError):
        services.annual_report_update(coordinator, report, proposals="Sửa sau khi gửi")


def test_renders_to_pdf_when_libreoffice_is_available(year_of_records, province, tmp_path):
    from loa.core.documents import convert_to_pdf, soffice

    if soffice() is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    from pypdf import PdfReader

    report = services.annual_report_for(year_of_records["coordinator"], 2026)
    source = tmp_path / "baocao.docx"
    source.write_bytes(reports.annual_report_docx(report, reports.annual_counts(2026), province))
    reader = PdfReader(str(convert_to_pdf(source, tmp_path)))
    assert 1 <= len(reader.pages) <= 3
    assert "/BC-UBND" in reader.pages[0].extract_text()
