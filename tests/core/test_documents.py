"""Decree 30/2020 document layout: read the .docx back and check each element; render to PDF when
LibreOffice is installed."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from docx import Document
from docx.shared import Pt

from loa.core.documents import (
    MOTTO,
    NATIONAL_TITLE,
    Signature,
    add_closing,
    add_heading,
    add_paragraph,
    add_table,
    convert_to_pdf,
    new_administrative_document,
    soffice,
    to_bytes,
    vietnamese_date,
)


def sample() -> bytes:
    doc = new_administrative_document(
        "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN",
        "/BC-UBND",
        "Thái Nguyên",
        date(2026, 2, 5),
        "Báo cáo",
        summary="Công tác phát ngôn năm 2026",
    )
    add_heading(doc, "I. KẾT QUẢ")
    add_paragraph(doc, "Nội dung báo cáo.")
    add_table(doc, ["TT", "Chỉ tiêu", "Số lượng"], [(1, "Họp báo", 4)], widths_cm=(1.2, 12, 3))
    add_closing(
        doc,
        recipients=["Bộ Văn hóa, Thể thao và Du lịch;", "Lãnh đạo UBND tỉnh"],
        signature=Signature(name="Nguyễn Văn A"),
        archive="VT, KGVX",
    )
    return to_bytes(doc)


def test_vietnamese_date_pads_days_below_ten_and_january_february():
    assert vietnamese_date("Thái Nguyên", date(2026, 2, 5)) == "Thái Nguyên, ngày 05 tháng 02 năm 2026"
    assert vietnamese_date("Thái Nguyên", date(2026, 12, 18)) == "Thái Nguyên, ngày 18 tháng 12 năm 2026"
    assert vietnamese_date("Hà Nội", None).startswith("Hà Nội, ngày ")


def test_heading_has_issuer_number_national_title_motto_and_date():
    doc = Document(BytesIO(sample()))
    left, right = doc.tables[0].rows[0].cells
    assert left.paragraphs[0].text == "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN"
    assert left.paragraphs[0].runs[0].bold
    assert left.paragraphs[-1].text.startswith("Số:") and left.paragraphs[-1].text.endswith("/BC-UBND")
    assert [p.text for p in right.paragraphs if p.text] == [
        NATIONAL_TITLE,
        MOTTO,
        "Thái Nguyên, ngày 05 tháng 02 năm 2026",
    ]
    assert right.paragraphs[-1].runs[0].italic
    body = [p.text for p in doc.paragraphs if p.text]
    assert body[:4] == ["BÁO CÁO", "Công tác phát ngôn năm 2026", "I. KẾT QUẢ", "Nội dung báo cáo."]


def test_fonts_margins_table_recipients_and_signature():
    doc = Document(BytesIO(sample()))
    section = doc.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert all(run.font.name == "Times New Roman" for p in doc.paragraphs for run in p.runs)
    assert {run.font.size for p in doc.paragraphs for run in p.runs if run.text} <= {Pt(13), Pt(14)}
    table = doc.tables[1]
    assert [c.text for c in table.rows[1].cells] == ["1", "Họp báo", "4"]
    recipients, signature = doc.tables[2].rows[0].cells
    assert [p.text for p in recipients.paragraphs] == [
        "Nơi nhận:",
        "- Bộ Văn hóa, Thể thao và Du lịch;",
        "- Lãnh đạo UBND tỉnh;",
        "- Lưu: VT, KGVX.",
    ]
    assert signature.paragraphs[0].text == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    assert signature.paragraphs[-1].text == "Nguyễn Văn A"


def test_renders_to_pdf_with_libreoffice(tmp_path):
    if soffice() is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    from pypdf import PdfReader

    source = tmp_path / "baocao.docx"
    source.write_bytes(sample())
    pdf = convert_to_pdf(source, tmp_path)
    reader = PdfReader(str(pdf))
    # pypdf splits combining Vietnamese glyphs, so check the ASCII parts of the layout.
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    assert "/BC-UBND" in text and "VT, KGVX" in text and "Nguy" in text
