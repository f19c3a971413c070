"""Word documents built with python-docx: heading table, automatic numbering, annex tables with
two-row headers, group rows, merged cells and bullets inside cells."""

from __future__ import annotations

from datetime import date

import pytest
from docx.document import Document
from docx.table import Table

from loa.plans.parsing import DocumentError, ParsedDocument, parse_bytes
from tests.plans.builders import add_heading_block, add_paragraphs, docx_bytes, new_docx


def _cell_lines(table: Table, row: int, column: int, lines: list[str]) -> None:
    cell = table.cell(row, column)
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _annex_table(document: Document) -> None:
    rows = [
        # (TT, Nội dung, Chủ trì, Phối hợp, Thời gian, Sản phẩm)
        ("I", "TRUYỀN THÔNG TRÊN BÁO CHÍ TỈNH BÌNH SƠN", "", "", "", ""),
        (
            "1",
            "Mở chuyên mục “Chính sách và cuộc sống”",
            "Báo Bình Sơn",
            "Sở Tư pháp",
            "Quý III/2026",
            "Chuyên mục",
        ),
        ("2", "Sản xuất phóng sự về dịch vụ công trực tuyến", "", "", "Thường xuyên", "Phóng sự"),
        ("", "", "", "", "", "Tin bài trên báo điện tử"),
        ("II", "TẬP HUẤN, BỒI DƯỠNG", "", "", "", ""),
        ("1", "", "Sở Nội vụ", "", "Trước ngày 15/12 hằng năm", "Lớp tập huấn"),
        (
            "2",
            "Khảo sát mức độ hài lòng của người dân",
            "",
            "Các sở, ban, ngành tỉnh; UBND các huyện",
            "",
            "",
        ),
    ]
    table = document.add_table(rows=3 + len(rows), cols=6)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "TT"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "Nội dung công việc"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Cơ quan thực hiện"
    table.cell(1, 2).text = "Chủ trì"
    table.cell(1, 3).text = "Phối hợp"
    table.cell(0, 4).merge(table.cell(1, 4)).text = "Thời gian hoàn thành"
    table.cell(0, 5).merge(table.cell(1, 5)).text = "Sản phẩm"
    for column in range(6):
        table.cell(2, column).text = f"({column + 1})"
    for offset, values in enumerate(rows):
        row = 3 + offset
        for column, value in enumerate(values):
            if value:
                table.cell(row, column).text = value
    # Group rows span the table.
    table.cell(3, 1).merge(table.cell(3, 5))
    table.cell(7, 1).merge(table.cell(7, 5))
    # One lead unit written once for the two press tasks; the second task runs over two rows.
    table.cell(4, 2).merge(table.cell(5, 2))
    table.cell(5, 0).merge(table.cell(6, 0))
    table.cell(5, 1).merge(table.cell(6, 1))
    table.cell(5, 4).merge(table.cell(6, 4))
    # Bullets inside a cell, units on separate lines.
    _cell_lines(
        table,
        8,
        1,
        ["Tập huấn kỹ năng truyền thông chính sách cho:", "- Người phát ngôn cấp tỉnh;", "- Cán bộ cấp xã."],
    )
    _cell_lines(table, 8, 3, ["Sở Văn hóa, Thể thao và Du lịch", "Hội Nhà báo tỉnh"])
    _cell_lines(table, 9, 2, ["Sở Văn hóa, Thể thao và Du lịch (chủ trì)"])
    table.cell(9, 4).text = "Hoàn thành trong tháng 9/2026"


def _plan() -> bytes:
    document = new_docx()
    add_heading_block(document)
    add_paragraphs(
        document,
        [
            "KẾ HOẠCH",
            "Truyền thông chính sách trên địa bàn tỉnh Bình Sơn năm 2026",
            "Thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Nâng cao hiệu quả truyền thông chính sách.",
            "2. Phân công rõ trách nhiệm của từng cơ quan.",
            "II. NHIỆM VỤ VÀ GIẢI PHÁP",
            "1. Công khai thông tin",
            "- Nội dung: Công khai dự thảo chính sách trên Cổng Thông tin điện tử tỉnh.",
            "- Đơn vị chủ trì (thực hiện): Văn phòng UBND tỉnh.",
            "- Đơn vị phối hợp: Các sở, ban, ngành tỉnh.",
            "- Thời gian thực hiện: Thường xuyên.",
            "2. Đối thoại chính sách",
            "Chủ trì: Sở Tư pháp; Phối hợp: Hội Luật gia tỉnh; Thời hạn: 30/9/2026.",
            "III. KINH PHÍ",
            "1. Ngân sách tỉnh bảo đảm theo phân cấp.",
            "IV. TỔ CHỨC THỰC HIỆN",
            "1. Sở Văn hóa, Thể thao và Du lịch",
            "- Theo dõi, đôn đốc thực hiện Kế hoạch.",
            "- Tổng hợp, báo cáo UBND tỉnh định kỳ 6 tháng.",
            "2. Các cơ quan báo chí của tỉnh thực hiện các nhiệm vụ tại Phụ lục kèm theo.",
        ],
    )
    closing = document.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    closing.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An"
    add_paragraphs(document, ["PHỤ LỤC", "NHIỆM VỤ TRUYỀN THÔNG CHÍNH SÁCH NĂM 2026"])
    _annex_table(document)
    return docx_bytes(document)


@pytest.fixture(scope="module")
def plan() -> ParsedDocument:
    return parse_bytes(_plan())


def test_heading_table(plan: ParsedDocument) -> None:
    assert plan.to_contract()["document"] == {
        "number": "27/KH-UBND",
        "issuer": "UBND tỉnh Bình Sơn",
        "kind": "KH",
        "title": "Truyền thông chính sách trên địa bàn tỉnh Bình Sơn năm 2026",
        "date": "2026-04-14",
    }
    assert plan.source_format == "docx"


def test_body_tasks(plan: ParsedDocument) -> None:
    body = [task for task in plan.tasks if not task.ref.startswith("PL")]
    assert [(t.ref, t.lead_units, t.coordinating_units, t.cadence, t.due) for t in body] == [
        ("II.1", ["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành tỉnh"], "ongoing", None),
        ("II.2", ["Sở Tư pháp"], ["Hội Luật gia tỉnh"], "once", date(2026, 9, 30)),
        ("IV.1.1", ["Sở Văn hóa, Thể thao và Du lịch"], [], None, None),
        ("IV.1.2", ["Sở Văn hóa, Thể thao và Du lịch"], [], "half_yearly", None),
        ("IV.2", ["Các cơ quan báo chí của tỉnh"], [], None, None),
    ]
    assert body[0].title == "Công khai thông tin"
    assert body[0].content == "Công khai dự thảo chính sách trên Cổng Thông tin điện tử tỉnh."


def test_annex_table(plan: ParsedDocument) -> None:
    annex = [task for task in plan.tasks if task.ref.startswith("PL")]
    culture = "Sở Văn hóa, Thể thao và Du lịch"
    assert [(t.ref, t.lead_units, t.coordinating_units, t.cadence, t.due) for t in annex] == [
        ("PL1.I.1", ["Báo Bình Sơn"], ["Sở Tư pháp"], "once", date(2026, 9, 30)),
        ("PL1.I.2", ["Báo Bình Sơn"], [], "ongoing", None),
        ("PL1.II.1", ["Sở Nội vụ"], [culture, "Hội Nhà báo tỉnh"], "yearly", None),
        ("PL1.II.2", [culture], ["Các sở, ban, ngành tỉnh", "UBND các huyện"], "once", date(2026, 9, 30)),
    ]
    assert annex[0].title == "Truyền thông trên báo chí tỉnh Bình Sơn"
    assert annex[0].content == "Mở chuyên mục “Chính sách và cuộc sống”"
    assert annex[1].product == "Phóng sự\nTin bài trên báo điện tử"
    assert annex[2].content.splitlines() == [
        "Tập huấn kỹ năng truyền thông chính sách cho:",
        "- Người phát ngôn cấp tỉnh;",
        "- Cán bộ cấp xã.",
    ]
    assert annex[2].title == "Tập huấn, bồi dưỡng"
    # The rows are part of the extracted text, so the review screen can point at them.
    assert "Báo Bình Sơn" in plan.text_lines[annex[0].first_line - 1]


def test_automatic_numbering_is_written_out() -> None:
    document = new_docx()
    add_heading_block(document, number="Số: 310/UBND-VX")
    add_paragraphs(
        document, ["V/v triển khai Tháng hành động vì người dân", "Kính gửi: Các sở, ban, ngành tỉnh"]
    )
    document.add_paragraph("Sở Tư pháp", style="List Number")
    document.add_paragraph("Rà soát quy chế phát ngôn.", style="List Bullet")
    document.add_paragraph("Tập huấn người phát ngôn hằng năm.", style="List Bullet")
    document.add_paragraph("Công an tỉnh", style="List Number")
    document.add_paragraph("Phối hợp với Sở Thông tin và Truyền thông xử lý tin giả.", style="List Bullet")
    parsed = parse_bytes(docx_bytes(document))
    assert parsed.header.kind == "CV"
    assert parsed.header.title == "Triển khai Tháng hành động vì người dân"
    assert [(t.ref, t.lead_units, t.coordinating_units, t.cadence) for t in parsed.tasks] == [
        ("1.1", ["Sở Tư pháp"], [], None),
        ("1.2", ["Sở Tư pháp"], [], "yearly"),
        ("2.1", ["Công an tỉnh"], ["Sở Thông tin và Truyền thông"], None),
    ]


def test_single_header_row_without_numbers() -> None:
    document = new_docx()
    add_heading_block(document, issuer=("UBND TỈNH BÌNH SƠN", "SỞ TƯ PHÁP"), number="Số: 45/KH-STP")
    add_paragraphs(document, ["KẾ HOẠCH", "Phổ biến pháp luật năm 2026"])
    table = document.add_table(rows=3, cols=3)
    for column, text in enumerate(["Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn"]):
        table.cell(0, column).text = text
    for column, text in enumerate(
        ["Biên soạn tài liệu hỏi - đáp", "Phòng Phổ biến pháp luật", "Tháng 5/2026"]
    ):
        table.cell(1, column).text = text
    for column, text in enumerate(["Tọa đàm với doanh nghiệp", "Văn phòng Sở", "Hằng quý"]):
        table.cell(2, column).text = text
    parsed = parse_bytes(docx_bytes(document))
    assert parsed.header.issuer == "Sở Tư pháp"
    assert [(t.ref, t.content, t.lead_units, t.cadence, t.due) for t in parsed.tasks] == [
        ("1", "Biên soạn tài liệu hỏi - đáp", ["Phòng Phổ biến pháp luật"], "once", date(2026, 5, 31)),
        ("2", "Tọa đàm với doanh nghiệp", ["Văn phòng Sở"], "quarterly", None),
    ]


def test_corrupted_docx() -> None:
    data = _plan()
    with pytest.raises(DocumentError) as error:
        parse_bytes(data[: len(data) // 2])
    assert "hỏng" in error.value.message


def test_docx_without_tasks() -> None:
    document = new_docx()
    add_heading_block(document, number="Số: 12/TB-UBND")
    add_paragraphs(
        document,
        ["THÔNG BÁO", "Lịch tiếp công dân tháng 5/2026", "Chủ tịch UBND tỉnh tiếp công dân ngày 15."],
    )
    with pytest.raises(DocumentError) as error:
        parse_bytes(docx_bytes(document))
    assert "nhiệm vụ" in error.value.message
