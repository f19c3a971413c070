"""Plain-text documents: the fixtures under fixtures/ (written for these tests) in several encodings."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from loa.plans.parsing import ParsedDocument, parse_bytes
from loa.text import encode_legacy
from tests.plans.builders import fixture_text


def _parse(name: str) -> ParsedDocument:
    return parse_bytes(fixture_text(name).encode("utf-8"))


def _rows(document: ParsedDocument) -> list[tuple[str, list[str], list[str], str | None, date | None]]:
    return [(t.ref, t.lead_units, t.coordinating_units, t.cadence, t.due) for t in document.tasks]


def test_directive_with_lettered_items_and_giao() -> None:
    document = _parse("directive_press.txt")
    assert document.to_contract()["document"] == {
        "number": "05/CT-UBND",
        "issuer": "UBND tỉnh Bình Sơn",
        "kind": "CT",
        "title": "Đẩy mạnh công tác phát ngôn và cung cấp thông tin cho báo chí",
        "date": "2026-03-12",
    }
    heads = ["Giám đốc các sở", "Thủ trưởng các ban, ngành tỉnh", "Chủ tịch UBND các huyện, thành phố"]
    assert _rows(document) == [
        ("1.a", heads, [], "once", date(2026, 3, 31)),
        ("1.b", heads, [], "quarterly", None),
        ("1.c", heads, ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], None, None),
        ("2", ["Sở Văn hóa, Thể thao và Du lịch"], ["Văn phòng UBND tỉnh"], "half_yearly", None),
        ("3.1", ["Sở Tư pháp"], [], "once", date(2026, 6, 30)),
        ("3.2", ["Sở Tư pháp"], [], "yearly", None),
        (
            "4",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"],
            [],
            None,
            None,
        ),
    ]
    # Sub-bullets stay inside the duty they detail.
    assert document.tasks[5].content.splitlines()[1:] == [
        "+ Lớp cho người phát ngôn cấp tỉnh;",
        "+ Lớp cho người phát ngôn cấp xã.",
    ]


def test_plan_with_label_variants_wrapped_lines_and_page_furniture() -> None:
    document = _parse("plan_fields_wrapped.txt")
    header = document.to_contract()["document"]
    assert header["issuer"] == "Sở Văn hóa, Thể thao và Du lịch"
    assert (header["number"], header["kind"], header["date"]) == ("112/KH-SVHTTDL", "KH", "2026-01-05")
    assert header["title"] == "Truyền thông chính sách năm 2026"
    culture = "Sở Văn hóa, Thể thao và Du lịch"
    assert _rows(document) == [
        ("II.1.1", ["Sở Tư pháp"], [culture, "Cổng Thông tin điện tử tỉnh"], "ongoing", None),
        ("II.1.2", [culture], ["Hiệp hội Doanh nghiệp tỉnh", "Báo Bình Sơn"], "once", date(2026, 9, 30)),
        ("II.2", ["Văn phòng UBND tỉnh"], [culture, "Hội Nhà báo tỉnh"], "monthly", None),
        ("II.3", ["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"], [], "yearly", None),
        ("II.4", [culture], ["Sở Tư pháp", "các cơ quan, đơn vị liên quan"], "once", date(2026, 9, 30)),
        ("II.5", [culture], [], "once", date(2026, 12, 31)),
        ("II.6", [culture], [], "half_yearly", None),
        ("IV.1", ["Phòng Thông tin - Báo chí - Xuất bản"], [], "once", date(2026, 12, 20)),
        ("IV.2", ["Các cơ quan báo chí của tỉnh"], ["Sở Tư pháp"], None, None),
    ]
    inline = document.tasks[0]
    assert inline.content == (
        "Đăng tải dự thảo văn bản quy phạm pháp luật có tác động lớn đến xã hội để lấy ý kiến Nhân dân."
    )
    assert inline.title == "Truyền thông về dự thảo chính sách"
    furniture = {"Kế hoạch truyền thông chính sách năm 2026", "1", "- 2 -", "3"}
    assert not furniture & set(document.text_lines)  # running header and page numbers


def test_decision_with_attached_plan_and_annex() -> None:
    document = _parse("decision_with_plan.txt")
    header = document.to_contract()["document"]
    assert (header["number"], header["kind"]) == ("1520/QĐ-UBND", "QD")
    assert header["title"] == "Ban hành Kế hoạch truyền thông về chuyển đổi số năm 2026"
    assert _rows(document) == [
        ("II.1.1", ["Đài Phát thanh - Truyền hình tỉnh"], [], None, None),
        ("II.1.2", ["UBND các huyện, thị xã, thành phố"], [], None, None),
        ("II.2", ["Sở Khoa học và Công nghệ"], ["Tỉnh đoàn"], "once", date(2026, 6, 30)),
        ("III.1", ["Sở Khoa học và Công nghệ"], [], "quarterly", None),
        ("III.2", ["Sở Tài chính"], [], None, None),
        ("PL1.1", ["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành tỉnh"], "once", date(2026, 11, 30)),
        ("PL1.2", ["Sở Nội vụ"], [], "yearly", None),
    ]
    assert document.tasks[2].title == "Tổ chức cuộc thi tìm hiểu về chuyển đổi số"
    assert document.tasks[-1].target == "02 lớp/năm"
    assert not any("Quyết định này" in task.content for task in document.tasks)


def test_letter_from_a_department_with_two_level_issuer() -> None:
    document = _parse("letter_wrapped.txt")
    header = document.to_contract()["document"]
    assert header == {
        "number": "845/SVHTTDL-TTBCXB",
        "issuer": "Sở Văn hóa, Thể thao và Du lịch",
        "kind": "CV",
        "title": "Triển khai truyền thông về các chính sách mới có hiệu lực từ ngày 01/7/2026",
        "date": "2026-06-03",
    }
    press = ["Báo Bình Sơn", "Đài Phát thanh - Truyền hình tỉnh"]
    assert _rows(document) == [
        ("1.1", ["Các sở, ban, ngành tỉnh"], [], "once", date(2026, 6, 20)),
        ("1.2", ["Các sở, ban, ngành tỉnh"], [], None, None),
        ("2", ["UBND các huyện, thị xã, thành phố"], [], "monthly", None),
        ("3.a", press, [], None, None),
        ("3.b", press, ["Sở Tư pháp", "Hội Luật gia tỉnh"], "once", date(2026, 7, 31)),
    ]
    assert document.tasks[2].content.startswith(
        "Chỉ đạo Trung tâm Văn hóa, Thể thao và Truyền thông cấp huyện"
    )


def _to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps the tone marks as combining characters after the (shaped) base letter."""
    pieces = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        pieces.append(base + tones)
    return "".join(pieces).encode("cp1258")


ENCODINGS = {
    "utf-8-sig": lambda text: text.encode("utf-8-sig"),
    "utf-16": lambda text: text.encode("utf-16"),
    "utf-16-le without BOM": lambda text: text.encode("utf-16-le"),
    "utf-16-be without BOM": lambda text: text.encode("utf-16-be"),
    "cp1258": _to_cp1258,
    "vni": lambda text: encode_legacy(text, "vni").encode("latin-1"),
    "tcvn3": lambda text: encode_legacy(text, "tcvn3").encode("latin-1"),
    "tcvn3 saved as utf-8": lambda text: encode_legacy(text, "tcvn3").encode("utf-8"),
}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_encodings_give_the_same_plan(encoding: str) -> None:
    text = fixture_text("directive_press.txt")
    expected = parse_bytes(text.encode("utf-8")).to_contract()
    assert parse_bytes(ENCODINGS[encoding](text)).to_contract() == expected


def test_windows_line_endings_and_form_feeds() -> None:
    text = fixture_text("letter_wrapped.txt").replace("\n", "\r\n")
    expected = _parse("letter_wrapped.txt").to_contract()
    assert parse_bytes(text.encode("utf-8")).to_contract() == expected


def test_assignments_in_brackets_lettered_labels_and_inline_labels() -> None:
    document = _parse("plan_inline_assignments.txt")
    assert document.header.number == "77/KH-UBND"
    assert document.header.date == date(2026, 7, 15)
    assert _rows(document) == [
        ("II.1", ["Sở Ngoại vụ"], ["Công an tỉnh"], "once", date(2026, 6, 30)),
        ("II.2", ["Sở Văn hóa, Thể thao và Du lịch"], [], "once", date(2026, 10, 31)),
        ("II.3", ["Sở Ngoại vụ"], ["Sở Nội vụ"], "yearly", None),
        ("III.1.1", ["Các cơ quan báo chí, truyền thông"], [], None, None),
        ("III.2.1", ["Sở Ngoại vụ"], [], "quarterly", None),
    ]
    assert document.tasks[0].content == "Tổ chức hội nghị cung cấp thông tin cho phóng viên nước ngoài"
    assert (document.tasks[1].title, document.tasks[1].content) == (
        "Cập nhật tài liệu quảng bá",
        "Biên soạn tài liệu giới thiệu tỉnh bằng tiếng Anh.",
    )


def test_task_list_without_a_heading_block_is_still_a_plan() -> None:
    text = "II. NHIỆM VỤ\n1. Tập huấn người phát ngôn\n- Chủ trì: Sở Nội vụ\n- Thời gian: Quý II/2026\n"
    document = parse_bytes(text.encode())
    assert document.to_contract()["document"] == {
        "number": None,
        "issuer": None,
        "kind": "other",
        "title": None,
        "date": None,
    }
    assert _rows(document) == [("II.1", ["Sở Nội vụ"], [], "once", date(2026, 6, 30))]


def test_items_inside_articles_and_descriptive_items() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH SƠN\nSố: 19/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc giao nhiệm vụ truyền thông\n"
        "Điều 1. Giao nhiệm vụ truyền thông chính sách năm 2026 như sau:\n"
        "1. Sở Tư pháp: chủ trì tổ chức đối thoại chính sách, hoàn thành trong quý III/2026.\n"
        "2. Kinh phí thực hiện: từ ngân sách tỉnh.\n"
        "3. Yêu cầu Sở Nội vụ chủ trì rà soát biên chế làm công tác truyền thông.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    document = parse_bytes(text.encode())
    assert (document.header.kind, document.header.title) == ("QD", "Giao nhiệm vụ truyền thông")
    assert _rows(document) == [
        ("Điều 1.1", ["Sở Tư pháp"], [], "once", date(2026, 9, 30)),
        ("Điều 1.3", ["Sở Nội vụ"], [], None, None),
    ]


def test_capitalised_arabic_parts_without_roman_numerals() -> None:
    text = (
        "UBND TỈNH BÌNH SƠN\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 5/KH-STTTT\nKẾ HOẠCH\nTuyên truyền năm 2026\n"
        "1. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức của cán bộ, công chức.\n"
        "2. NHIỆM VỤ\n2.1. Tuyên truyền trên báo chí\n- Chủ trì: Báo Bình Sơn\n- Thời gian: Thường xuyên\n"
        "2.2. Tuyên truyền trên mạng xã hội\n- Chủ trì: Phòng Thông tin - Báo chí\n- Thời gian: Hằng quý\n"
        "3. TỔ CHỨC THỰC HIỆN\n3.1. Văn phòng Sở: bố trí kinh phí thực hiện.\n"
    )
    document = parse_bytes(text.encode())
    assert document.header.issuer == "Sở Thông tin và Truyền thông"
    assert _rows(document) == [
        ("2.1", ["Báo Bình Sơn"], [], "ongoing", None),
        ("2.2", ["Phòng Thông tin - Báo chí"], [], "quarterly", None),
        ("3.1", ["Văn phòng Sở"], [], None, None),
    ]
