"""PDFs with a text layer: wrapped lines, page numbers, running headers, symbols broken at a hyphen."""

from __future__ import annotations

from datetime import date

import pytest

from loa.plans.parsing import DocumentError, parse_bytes
from tests.plans.builders import image_only_pdf, pdf_bytes

PAGE_1 = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH BÌNH SƠN",
    "Số: 88/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Bình Sơn, ngày 09 tháng 02 năm 2026",
    "KẾ HOẠCH",
    "Triển khai Đề án truyền thông chính sách có tác động lớn đến xã hội",
    "Thực hiện Quyết định số 407/QĐ-",
    "TTg ngày 30/3/2022 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Bảo đảm truyền thông kịp thời trong suốt quá trình xây dựng chính sách.",
    "II. NHIỆM VỤ",
    "1. Truyền thông dự thảo nghị quyết của HĐND tỉnh về chính sách hỗ trợ doanh nghiệp",
    "nhỏ và vừa trong giai đoạn 2026 - 2030",
    "- Chủ trì: Sở Kế hoạch và Đầu tư.",
    "- Phối hợp: Sở Tư pháp, Báo Bình Sơn, Đài Phát thanh - Truyền hình tỉnh và",
    "các cơ quan, đơn vị liên quan.",
    "- Thời gian: Quý II/2026.",
]
PAGE_2 = [
    "2. Xây dựng chuyên trang hỏi - đáp chính sách trên Cổng Thông tin điện tử tỉnh",
    "- Chủ trì: Văn phòng UBND tỉnh.",
    "- Thời gian: Hằng tháng.",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Sở Tư pháp",
    "Theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp kết quả, báo cáo UBND tỉnh",
    "trước ngày 10/12/2026.",
    "2. Sở Tài chính",
    "Bố trí kinh phí thực hiện Kế hoạch theo quy định.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
]
RUNNING_HEADER = "Kế hoạch triển khai Đề án truyền thông chính sách"


@pytest.fixture(scope="module")
def plan_pdf() -> bytes:
    return pdf_bytes(
        [PAGE_1, PAGE_2, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Sơn"]], running_header=RUNNING_HEADER
    )


def test_pdf_plan(plan_pdf: bytes) -> None:
    document = parse_bytes(plan_pdf)
    assert document.source_format == "pdf"
    assert document.to_contract()["document"] == {
        "number": "88/KH-UBND",
        "issuer": "UBND tỉnh Bình Sơn",
        "kind": "KH",
        "title": "Triển khai Đề án truyền thông chính sách có tác động lớn đến xã hội",
        "date": "2026-02-09",
    }
    assert [(t.ref, t.lead_units, t.coordinating_units, t.cadence, t.due) for t in document.tasks] == [
        (
            "II.1",
            ["Sở Kế hoạch và Đầu tư"],
            [
                "Sở Tư pháp",
                "Báo Bình Sơn",
                "Đài Phát thanh - Truyền hình tỉnh",
                "các cơ quan, đơn vị liên quan",
            ],
            "once",
            date(2026, 6, 30),
        ),
        ("II.2", ["Văn phòng UBND tỉnh"], [], "monthly", None),
        ("III.1", ["Sở Tư pháp"], [], "once", date(2026, 12, 10)),
        ("III.2", ["Sở Tài chính"], [], None, None),
    ]
    assert document.tasks[0].content == (
        "Truyền thông dự thảo nghị quyết của HĐND tỉnh về chính sách hỗ trợ doanh nghiệp nhỏ và vừa "
        "trong giai đoạn 2026 - 2030"
    )


def test_pdf_furniture_and_hyphenated_symbols(plan_pdf: bytes) -> None:
    lines = parse_bytes(plan_pdf).text_lines
    assert RUNNING_HEADER not in lines
    assert not {"1", "2", "3"} & set(lines)
    assert any("Quyết định số 407/QĐ-TTg ngày 30/3/2022" in line for line in lines)


def test_scanned_pdf_without_text_layer() -> None:
    with pytest.raises(DocumentError) as error:
        parse_bytes(image_only_pdf())
    assert "OCR" in error.value.message
    assert "text layer" in error.value.message_en


def test_pdf_that_is_not_a_plan() -> None:
    article = [
        "Quarterly weather summary",
        "Rainfall in the northern highlands was above the seasonal average,",
        "with the wettest week recorded in early August.",
        "Temperatures stayed within two degrees of the long-term mean.",
    ]
    with pytest.raises(DocumentError) as error:
        parse_bytes(pdf_bytes([article]))
    assert "Not an administrative document" in error.value.message_en


def test_corrupted_pdf(plan_pdf: bytes) -> None:
    with pytest.raises(DocumentError):
        parse_bytes(plan_pdf[:400])
