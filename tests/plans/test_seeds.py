"""The two seed documents (text extracted from the original PDFs), read in place from ../shared/seeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from loa.plans.parsing import ParsedDocument, parse_bytes, parse_file
from tests.plans.builders import SEEDS, add_paragraphs, docx_bytes, new_docx, pdf_bytes


def _seed(marker: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds is absent ({SEEDS}); these tests read the seed documents from there")
    for path in sorted(SEEDS.glob("*.txt")):
        if marker in path.read_text(encoding="utf-8"):
            return path
    pytest.skip(f"no seed document containing {marker!r} in {SEEDS}")


@pytest.fixture(scope="module")
def bac_kan() -> ParsedDocument:
    return parse_file(_seed("TỈNH BẮC KẠN"))


@pytest.fixture(scope="module")
def dak_lak() -> ParsedDocument:
    return parse_file(_seed("TỈNH ĐẮK LẮK"))


def _by_ref(document: ParsedDocument) -> dict[str, dict[str, Any]]:
    return {task["ref"]: task for task in document.to_contract()["tasks"]}


DEPARTMENTS = "Các sở, ban, ngành tỉnh"
DISTRICTS = "UBND các huyện, thành phố"
TTTT = "Sở Thông tin và Truyền thông"
RELATED = "các đơn vị liên quan"
PRESS = ["Báo Bắc Kạn", "Đài Phát thanh và Truyền hình Bắc Kạn", "Tạp chí Văn nghệ Ba Bể"]

# ref: (lead units, coordinating units, cadence)
BAC_KAN_TASKS: dict[str, tuple[list[str], list[str], str | None]] = {
    "II.1": ([DEPARTMENTS, DISTRICTS], [], "ongoing"),
    "II.2": ([TTTT], ["Sở Tư pháp", RELATED], "yearly"),
    "II.3.1": (
        [TTTT],
        [
            "Ban Tuyên giáo Tỉnh ủy",
            "Hội Nhà báo tỉnh",
            "các sở, ban, ngành tỉnh",
            DISTRICTS,
            "cơ quan báo chí Trung ương và của tỉnh",
        ],
        "ongoing",
    ),
    "II.3.2": ([DEPARTMENTS, DISTRICTS], ["Các cơ quan báo chí Trung ương và địa phương"], "ongoing"),
    "II.3.3": ([TTTT], [DEPARTMENTS, DISTRICTS], "ongoing"),
    "II.4": (["Sở Nội vụ"], [TTTT, "các sở, ban, ngành tỉnh", DISTRICTS], "yearly"),
    "II.5": ([TTTT], ["Các cơ quan báo chí của tỉnh", "UBND huyện, thành phố"], "yearly"),
    "II.6.1": ([TTTT], PRESS, "yearly"),
    "II.6.2": ([*PRESS, "Cổng Thông tin điện tử tỉnh"], [], "yearly"),
    "II.7": (["Sở Tư pháp"], [DEPARTMENTS, DISTRICTS], "yearly"),
    "II.8.1": ([TTTT], ["Công an tỉnh", RELATED], "ongoing"),
    "II.8.2": ([TTTT], ["Công an tỉnh", RELATED], "ongoing"),
    "II.8.3": ([TTTT], ["Công an tỉnh", RELATED], "ongoing"),
    "II.8.4": ([DEPARTMENTS, DISTRICTS], [], "ongoing"),
    "II.9.1": ([TTTT], ["Các đơn vị liên quan"], "ongoing"),
    "II.9.2": ([TTTT], ["Các đơn vị liên quan"], "on_request"),
    "IV.1": (["Ban Tuyên giáo Tỉnh ủy"], [], None),
    "IV.2": (["Văn phòng UBND tỉnh"], [], None),
    "IV.3.1": ([TTTT], [RELATED], "yearly"),
    "IV.3.2": ([TTTT], [], None),
    "IV.4": (["Sở Tư pháp"], ["các sở, ban, ngành tỉnh", DISTRICTS], None),
    "IV.5": (["Sở Nội vụ"], [], None),
    "IV.6": (["Sở Tài chính"], ["các cơ quan, đơn vị liên quan"], None),
    "IV.7": (["Công an tỉnh"], [TTTT], None),
    "IV.8.1": ([DEPARTMENTS, DISTRICTS], [], None),
    "IV.8.2": ([DEPARTMENTS, DISTRICTS], [], None),
    "IV.8.3": ([DEPARTMENTS, DISTRICTS], [], None),
    "IV.8.4": ([DISTRICTS], [], None),
    "IV.9.1": (PRESS, [], None),
    "IV.9.2": (PRESS, [TTTT], None),
    "IV.9.3": (PRESS, ["các sở, ban, ngành tỉnh", DISTRICTS], None),
}


def test_bac_kan_header(bac_kan: ParsedDocument) -> None:
    assert bac_kan.to_contract()["document"] == {
        "number": "/KH-UBND",
        "issuer": "UBND tỉnh Bắc Kạn",
        "kind": "KH",
        "title": "Tăng cường truyền thông chính sách trên địa bàn tỉnh Bắc Kạn",
        "date": None,
    }
    assert bac_kan.header.year == 2023


def test_bac_kan_tasks_in_order(bac_kan: ParsedDocument) -> None:
    assert [task.ref for task in bac_kan.tasks] == list(BAC_KAN_TASKS)


@pytest.mark.parametrize("ref", list(BAC_KAN_TASKS))
def test_bac_kan_task_units_and_cadence(bac_kan: ParsedDocument, ref: str) -> None:
    task = _by_ref(bac_kan)[ref]
    leads, coordinating, cadence = BAC_KAN_TASKS[ref]
    assert (task["lead_units"], task["coordinating_units"], task["cadence"]) == (leads, coordinating, cadence)
    assert task["due"] is None


def test_bac_kan_titles_and_contents(bac_kan: ParsedDocument) -> None:
    tasks = _by_ref(bac_kan)
    assert tasks["II.1"]["title"] == "Công khai thông tin"
    assert str(tasks["II.1"]["content"]).startswith("Thực hiện tốt việc công khai thông tin theo quy định")
    # A subsection whose heading is the content: the section heading becomes the title.
    assert tasks["II.3.1"]["title"] == "Định hướng, cung cấp thông tin"
    assert str(tasks["II.3.1"]["content"]).startswith("Cung cấp thông tin chính xác, kịp thời cho báo chí")
    assert str(tasks["II.3.1"]["content"]).endswith("đồng hành cùng sự phát triển của đất nước")
    assert tasks["IV.1"]["content"] == (
        "Chỉ đạo, định hướng cho các cơ quan thông tin, báo chí thực hiện việc tuyên truyền về các chủ trương, "
        "chương trình, chính sách, đặc biệt là các vấn đề liên quan đến chính sách có nhiều ý kiến, được dư "
        "luận xã hội quan tâm."
    )
    # No task from the purposes, the budget part, the closing formula or the recipients.
    contents = " ".join(str(task["content"]) for task in tasks.values())
    for outside in ("Truyền thông nâng cao nhận thức", "Ngân sách Nhà nước", "Trên đây là", "Như trên"):
        assert outside not in contents


def test_bac_kan_internal_fields(bac_kan: ParsedDocument) -> None:
    training = next(task for task in bac_kan.tasks if task.ref == "II.5")
    assert training.target == "01 lớp/năm"
    assert training.time_text == "Hằng năm (dự kiến tổ chức 01 lớp/năm)."
    assert training.section == "NHIỆM VỤ VÀ GIẢI PHÁP"
    assert 0 < training.first_line <= training.last_line
    assert "Công tác bồi dưỡng, tập huấn" in bac_kan.text_lines[training.first_line - 1]


LETTER_COUNTS = {"1": 5, "2": 8, "3": 2, "4": 1, "5": 1, "6": 1, "7": 2}


def test_dak_lak_header(dak_lak: ParsedDocument) -> None:
    assert dak_lak.to_contract()["document"] == {
        "number": "/UBND-KGVX",
        "issuer": "UBND tỉnh Đắk Lắk",
        "kind": "CV",
        "title": "Tăng cường công tác truyền thông chính sách",
        "date": None,
    }


def test_dak_lak_one_task_per_bullet(dak_lak: ParsedDocument) -> None:
    refs = [task.ref for task in dak_lak.tasks]
    expected: list[str] = []
    for heading, count in LETTER_COUNTS.items():
        expected.extend([heading] if count == 1 else [f"{heading}.{n}" for n in range(1, count + 1)])
    assert refs == expected


def test_dak_lak_leads_come_from_the_agency_headings(dak_lak: ParsedDocument) -> None:
    tasks = _by_ref(dak_lak)
    assert tasks["1.3"]["lead_units"] == ["Các sở, ban ngành", "UBND các huyện, thị xã, thành phố"]
    assert {tuple(tasks[f"2.{n}"]["lead_units"]) for n in range(1, 9)} == {(TTTT,)}
    assert tasks["3.2"]["lead_units"] == ["Sở Tư pháp"]
    assert tasks["4"]["lead_units"] == ["Văn phòng UBND tỉnh"]
    assert str(tasks["4"]["content"]).startswith(
        "Chủ động cung cấp thông tin, chỉ đạo điều hành của UBND tỉnh"
    )
    assert tasks["5"]["lead_units"] == ["Sở Tài chính"]
    assert tasks["6"]["lead_units"] == ["Sở Nội vụ"]
    assert tasks["7.2"]["lead_units"] == [
        "Báo Đắk Lắk",
        "Đài Phát thanh và Truyền hình tỉnh",
        "Tạp chí Chư Yang Sin",
        "Trung tâm Công nghệ và Cổng Thông tin điện tử tỉnh",
    ]


def test_dak_lak_coordination_inside_duties(dak_lak: ParsedDocument) -> None:
    tasks = _by_ref(dak_lak)
    assert tasks["2.3"]["coordinating_units"] == ["Sở Tư pháp", RELATED]
    assert tasks["2.4"]["coordinating_units"] == [
        "Ban Tuyên giáo Tỉnh ủy",
        "Hội Nhà báo tỉnh",
        "các sở, ban, ngành, địa phương",
    ]
    assert tasks["2.5"]["coordinating_units"] == ["Công an tỉnh"]
    assert tasks["2.6"]["coordinating_units"] == ["Sở Ngoại vụ"]
    assert tasks["5"]["coordinating_units"] == ["các cơ quan liên quan"]
    assert tasks["1.1"]["coordinating_units"] == []


def test_dak_lak_addressees_and_closing_are_not_tasks(dak_lak: ParsedDocument) -> None:
    contents = " ".join(task.content for task in dak_lak.tasks)
    assert "Tạp chí Chư Yang Sin." not in contents
    assert "Nhận được Công văn này" not in contents
    assert "Thực hiện Chỉ thị số 07/CT-TTg" not in contents


def _seed_lines(marker: str) -> list[str]:
    return [line.strip() for line in _seed(marker).read_text(encoding="utf-8").split("\n")]


@pytest.mark.parametrize("marker", ["TỈNH BẮC KẠN", "TỈNH ĐẮK LẮK"])
def test_seed_as_word_file_with_one_paragraph_per_printed_line(marker: str) -> None:
    """What a PDF-to-Word conversion produces: the same plan must come out."""
    expected = parse_file(_seed(marker)).to_contract()
    document = new_docx()
    add_paragraphs(document, _seed_lines(marker))
    assert parse_bytes(docx_bytes(document)).to_contract() == expected


def test_seed_letter_as_pdf_with_page_numbers_and_running_header() -> None:
    expected = parse_file(_seed("TỈNH ĐẮK LẮK")).to_contract()
    lines = [line for line in _seed_lines("TỈNH ĐẮK LẮK") if line]
    pages = [lines[start : start + 45] for start in range(0, len(lines), 45)]
    data = pdf_bytes(pages, running_header="UBND tỉnh Đắk Lắk - Công văn truyền thông chính sách")
    assert parse_bytes(data).to_contract() == expected
