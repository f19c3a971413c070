from __future__ import annotations

import pytest

from loa.plans.parsing.lines import RawLine, join_wrapped, strip_page_furniture
from loa.plans.parsing.outline import Paragraph, build_tree, split_marker


@pytest.mark.parametrize(
    ("text", "kind", "label", "rest"),
    [
        ("II. NHIỆM VỤ VÀ GIẢI PHÁP", "roman", "II", "NHIỆM VỤ VÀ GIẢI PHÁP"),
        ("3.1. Cung cấp thông tin", "arabic", "3.1", "Cung cấp thông tin"),
        ("3.1 Cung cấp thông tin", "arabic", "3.1", "Cung cấp thông tin"),
        ("1.Công khai", "arabic", "1", "Công khai"),
        ("2) Sở Tư pháp", "arabic", "2", "Sở Tư pháp"),
        ("a) Kiện toàn", "lower", "a", "Kiện toàn"),
        ("đ) Tổ chức", "lower", "đ", "Tổ chức"),
        ("B. NHIỆM VỤ CỤ THỂ", "upper", "B", "NHIỆM VỤ CỤ THỂ"),
        ("- Nội dung: x", "bullet", "-", "Nội dung: x"),
        ("– Nội dung", "bullet", "-", "Nội dung"),
        ("+ Lớp tập huấn", "bullet", "+", "Lớp tập huấn"),
        ("• Lớp tập huấn", "bullet", "•", "Lớp tập huấn"),
        ("Điều 2. Quyết định này có hiệu lực", "article", "2", "Quyết định này có hiệu lực"),
    ],
)
def test_markers(text: str, kind: str, label: str, rest: str) -> None:
    marker, remainder = split_marker(text)
    assert marker is not None
    assert (marker.kind, marker.label, remainder) == (kind, label, rest)


@pytest.mark.parametrize(
    "text", ["2022 - 2027 là giai đoạn", "30 tháng 3 năm 2022", "15/12 hằng năm", "1.000 người", "-5% so với"]
)
def test_not_markers(text: str) -> None:
    assert split_marker(text)[0] is None


def test_tree_nests_by_marker_rank_and_bullet_order() -> None:
    texts = ["I. PHẦN", "1. Mục", "+ ý a", "- ý b", "+ ý c", "1.1. Tiểu mục", "đoạn", "2. Mục hai"]
    root = build_tree([Paragraph(t, i, i) for i, t in enumerate(texts, 1)])
    (part,) = root.children
    first, second = part.children
    # "+" came first under "1.", so it is the outer bullet there and "- ý b" nests inside it.
    assert [c.text for c in first.children] == ["ý a", "ý c", "Tiểu mục"]
    assert [c.text for c in first.children[0].children] == ["ý b"]
    assert [c.text for c in first.children[2].children] == ["đoạn"]
    assert second.text == "Mục hai"


def _lines(*texts: str, blanks: int = 0) -> list[RawLine]:
    return [RawLine(text, number, blanks) for number, text in enumerate(texts, 1)]


def test_wrapped_lines_rejoin() -> None:
    joined = join_wrapped(
        _lines(
            "7. Báo Đắk Lắk, Đài Phát thanh và Truyền hình tỉnh, Tạp chí Chư Yang Sin và các",
            "Yang Sin, Trung tâm Công nghệ:",
            "- Phối hợp thường xuyên, chặt chẽ với các đơn vị, địa phương trong công tác",
            "truyền thông chính sách.",
            "2. Văn phòng UBND tỉnh",
            "Chủ động cung cấp thông tin, chỉ đạo điều hành của UBND tỉnh trên Cổng Thông",
            "tin điện tử tỉnh; theo dõi, tổng hợp tình hình phát triển kinh tế",
            "- xã hội của tỉnh, Quyết định số 407/QĐ-",
            "TTg ngày 30/3/2022.",
        )
    )
    assert [p.text for p in joined] == [
        "7. Báo Đắk Lắk, Đài Phát thanh và Truyền hình tỉnh, Tạp chí Chư Yang Sin và các Yang Sin, Trung tâm "
        "Công nghệ:",
        "- Phối hợp thường xuyên, chặt chẽ với các đơn vị, địa phương trong công tác truyền thông chính sách.",
        "2. Văn phòng UBND tỉnh",
        "Chủ động cung cấp thông tin, chỉ đạo điều hành của UBND tỉnh trên Cổng Thông tin điện tử tỉnh; theo "
        "dõi, tổng hợp tình hình phát triển kinh tế - xã hội của tỉnh, Quyết định số 407/QĐ-TTg ngày 30/3/2022.",
    ]
    assert (joined[0].first_line, joined[0].last_line) == (1, 2)


def test_page_furniture() -> None:
    pages = [
        ["KẾ HOẠCH", "nội dung trang một", "1"],
        ["Kế hoạch số 12/KH-UBND", "nội dung trang hai", "- 2 -"],
        ["Kế hoạch số 12/KH-UBND", "nội dung trang ba", "Trang 3/3"],
    ]
    kept = [line for page in strip_page_furniture(pages) for line in page]
    assert kept == ["KẾ HOẠCH", "nội dung trang một", "nội dung trang hai", "nội dung trang ba"]
