"""Parse time of a generated 30-page plan as .txt (wrapped, page numbers, running header), .docx (body
plus annex table) and .pdf (text layer). Target: under 2 s per document."""

from __future__ import annotations

import io
import statistics
import textwrap
import time
from collections.abc import Callable

from loa.plans.parsing import parse_bytes
from loa.plans.parsing.units import clear_cache

PAGES = 30
LINES_PER_PAGE = 44
WIDTH = 88
REPEATS = 3

_AGENCIES = ("Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "Công an tỉnh", "Văn phòng UBND tỉnh")
_TIMES = ("Thường xuyên.", "Hằng năm.", "Quý III/2026.", "Trước ngày 15/12 hằng năm.", "Định kỳ 6 tháng.")


def _paragraphs(sections: int, tasks_per_section: int) -> list[str]:
    paragraphs = [
        "ỦY BAN NHÂN DÂN",
        "TỈNH BÌNH SƠN",
        "Số: 99/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Bình Sơn, ngày 10 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Truyền thông chính sách giai đoạn 2026 - 2030",
        "Thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Nâng cao hiệu quả truyền thông chính sách, tạo đồng thuận xã hội.",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP",
    ]
    for section in range(1, sections + 1):
        paragraphs.append(
            f"{section}. Nhóm nhiệm vụ truyền thông số {section} về chính sách trọng tâm của tỉnh"
        )
        for task in range(1, tasks_per_section + 1):
            lead = _AGENCIES[(section + task) % len(_AGENCIES)]
            paragraphs += [
                f"{section}.{task}. Tổ chức truyền thông về chính sách {section}.{task} trên báo chí, mạng xã hội "
                "và hệ thống thông tin cơ sở, bảo đảm kịp thời, chính xác, dễ hiểu đối với người dân và "
                "doanh nghiệp trên địa bàn tỉnh:",
                f"- Đơn vị chủ trì thực hiện: {lead}.",
                "- Đơn vị phối hợp: Ban Tuyên giáo Tỉnh ủy; Hội Nhà báo tỉnh; các sở, ban, ngành tỉnh; "
                "UBND các huyện, thành phố.",
                f"- Thời gian thực hiện: {_TIMES[task % len(_TIMES)]}",
            ]
    paragraphs += ["III. TỔ CHỨC THỰC HIỆN"]
    for number, agency in enumerate(_AGENCIES, start=1):
        paragraphs.append(f"{number}. {agency}")
        paragraphs += [
            f"- Chủ trì, phối hợp với Sở Thông tin và Truyền thông triển khai nhiệm vụ {n} được giao tại "
            "Kế hoạch này; định kỳ 6 tháng báo cáo kết quả về UBND tỉnh."
            for n in range(1, 5)
        ]
    paragraphs += ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]
    return paragraphs


def _pages(paragraphs: list[str]) -> list[list[str]]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, WIDTH) or [""]
    return [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]


def _sections_for(pages: int) -> int:
    """Number of task sections that fills ``pages`` pages of wrapped text."""
    sections = 4
    while len(_pages(_paragraphs(sections, 6))) < pages:
        sections += 1
    return sections


def _txt(pages: list[list[str]]) -> bytes:
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        header = ["Kế hoạch truyền thông chính sách giai đoạn 2026 - 2030"] if number > 1 else []
        out.append("\n".join([*header, *page, f"- {number} -"]))
    return "\f".join(out).encode("utf-8")


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs[: paragraphs.index("Nơi nhận:")]:
        document.add_paragraph(paragraph)
    document.add_paragraph("PHỤ LỤC")
    table = document.add_table(rows=1, cols=5)
    for column, title in enumerate(["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]):
        table.cell(0, column).text = title
    for number in range(1, 61):
        cells = table.add_row().cells
        values = [
            str(number),
            f"Nhiệm vụ phụ lục số {number}",
            _AGENCIES[number % 5],
            "Sở Tư pháp",
            "Quý III/2026",
        ]
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(pages: list[list[str]]) -> bytes:
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    buffer = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(buffer) as pdf:
        for number, lines in enumerate(pages, start=1):
            figure = Figure(figsize=(8.27, 11.69))
            for index, line in enumerate(lines):
                figure.text(0.06, 0.95 - index * 0.021, line, fontsize=9)
            figure.text(0.5, 0.02, str(number), fontsize=9)
            pdf.savefig(figure)
    return buffer.getvalue()


def _time(data: bytes) -> tuple[float, int]:
    durations: list[float] = []
    tasks = 0
    for _ in range(REPEATS):
        clear_cache()  # cold: every run pays for its own unit lists
        started = time.perf_counter()
        tasks = len(parse_bytes(data).tasks)
        durations.append(time.perf_counter() - started)
    return statistics.median(durations), tasks


def run() -> dict[str, object]:
    paragraphs = _paragraphs(_sections_for(PAGES), 6)
    pages = _pages(paragraphs)
    builders: dict[str, Callable[[], bytes]] = {
        "txt": lambda: _txt(pages),
        "docx": lambda: _docx(paragraphs),
        "pdf": lambda: _pdf(pages),
    }
    result: dict[str, object] = {"pages": len(pages), "lines": sum(len(page) for page in pages)}
    for name, build in builders.items():
        seconds, tasks = _time(build())
        result[f"{name}_parse_seconds"] = round(seconds, 3)
        result[f"{name}_tasks"] = tasks
    result["target_seconds"] = 2.0
    return result
