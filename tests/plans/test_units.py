from __future__ import annotations

import pytest

from loa.plans.parsing.units import agency_heading, coordinating_units, split_units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Tư pháp và các đơn vị liên quan", ["Sở Tư pháp", "các đơn vị liên quan"]),
        (
            "Ban Tuyên giáo Tỉnh uỷ; Hội Nhà báo tỉnh; các sở, ban, ngành tỉnh; UBND các huyện, thành phố",
            [
                "Ban Tuyên giáo Tỉnh ủy",
                "Hội Nhà báo tỉnh",
                "các sở, ban, ngành tỉnh",
                "UBND các huyện, thành phố",
            ],
        ),
        (
            "Các sở, ban, ngành tỉnh và UBND các huyện, thành phố.",
            ["Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"],
        ),
        ("UBND các huyện, thị xã và thành phố", ["UBND các huyện, thị xã và thành phố"]),
        ("các cơ quan, đơn vị liên quan", ["các cơ quan, đơn vị liên quan"]),
        ("Các cơ quan báo chí Trung ương và địa phương.", ["Các cơ quan báo chí Trung ương và địa phương"]),
        (
            "Sở Văn hóa, Thể thao và Du lịch; Sở Lao động - Thương binh và Xã hội",
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội"],
        ),
        (
            "Sở Nội vụ, Sở Tài chính, Kho bạc Nhà nước tỉnh",
            ["Sở Nội vụ", "Sở Tài chính", "Kho bạc Nhà nước tỉnh"],
        ),
        ("Sở Thông tin và Truyền thông (chủ trì)", ["Sở Thông tin và Truyền thông"]),
        ("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
        ("Tổ biên tập của Ban chỉ đạo", ["Tổ biên tập của Ban chỉ đạo"]),
    ],
)
def test_split_units(text: str, expected: list[str]) -> None:
    from loa.text import normalize

    assert split_units(normalize(text)) == expected


@pytest.mark.parametrize(
    ("heading", "units", "remainder"),
    [
        ("Sở Thông tin và Truyền thông", ["Sở Thông tin và Truyền thông"], ""),
        ("Đề nghị Ban Tuyên giáo Tỉnh ủy", ["Ban Tuyên giáo Tỉnh ủy"], ""),
        ("Giao Sở Tư pháp chủ trì tổ chức hội nghị", ["Sở Tư pháp"], "chủ trì tổ chức hội nghị"),
        (
            "Văn phòng UBND tỉnh chủ động cung cấp thông tin",
            ["Văn phòng UBND tỉnh"],
            "chủ động cung cấp thông tin",
        ),
        ("Sở Nội vụ: hướng dẫn vị trí việc làm.", ["Sở Nội vụ"], "hướng dẫn vị trí việc làm"),
        (
            "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh:",
            ["Giám đốc các sở", "Thủ trưởng các ban, ngành tỉnh"],
            "",
        ),
    ],
)
def test_agency_headings(heading: str, units: list[str], remainder: str) -> None:
    found = agency_heading(heading)
    assert found is not None
    assert (found.units, found.remainder) == (units, remainder)


@pytest.mark.parametrize(
    "heading",
    [
        "Công khai thông tin",
        "Báo cáo kết quả thực hiện",
        "Ban hành quy chế phát ngôn",
        "Hội nghị sơ kết",
        "Tổ chức cuộc thi tìm hiểu pháp luật",
        "Định hướng, cung cấp thông tin",
        "Số: 12/KH-UBND",
        "Đài truyền thanh cơ sở hoạt động hiệu quả hơn",
    ],
)
def test_task_headings_are_not_agencies(heading: str) -> None:
    assert agency_heading(heading) is None


@pytest.mark.parametrize(
    ("duty", "expected"),
    [
        (
            "Chủ trì, phối hợp với Sở Tư pháp và các đơn vị liên quan, rà soát văn bản",
            ["Sở Tư pháp", "các đơn vị liên quan"],
        ),
        ("Phối hợp thường xuyên, chặt chẽ với Báo Bình Sơn trong tuyên truyền", ["Báo Bình Sơn"]),
        ("Phối hợp Công an tỉnh đấu tranh ngăn chặn tin giả", ["Công an tỉnh"]),
        ("phối hợp cùng Hội Luật gia tỉnh giải đáp pháp luật", ["Hội Luật gia tỉnh"]),
        ("Tổ chức tập huấn; phối hợp thực hiện tốt nhiệm vụ", []),
    ],
)
def test_coordinating_units_in_a_duty(duty: str, expected: list[str]) -> None:
    assert coordinating_units(duty) == expected
