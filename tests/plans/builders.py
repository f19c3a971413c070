"""Documents built on the fly for the parser tests: .docx with python-docx, PDFs with a real text layer
through matplotlib's PDF backend (DejaVu Sans, embedded as TrueType so the text can be extracted)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path

import docx
from docx.document import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def new_docx() -> Document:
    return docx.Document()


def docx_bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_heading_block(
    document: Document,
    *,
    issuer: Sequence[str] = ("ỦY BAN NHÂN DÂN", "TỈNH BÌNH SƠN"),
    number: str = "Số: 27/KH-UBND",
    place_date: str = "Bình Sơn, ngày 14 tháng 4 năm 2026",
) -> None:
    """The two-column heading table of a Vietnamese administrative document."""
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "\n".join(issuer)
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = number
    table.cell(1, 1).text = place_date


def add_paragraphs(document: Document, lines: Iterable[str]) -> None:
    for line in lines:
        document.add_paragraph(line)


def pdf_bytes(
    pages: Sequence[Sequence[str]],
    *,
    running_header: str | None = None,
    page_numbers: bool = True,
) -> bytes:
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    buffer = io.BytesIO()
    # TrueType (type 42) fonts carry a ToUnicode map: the text can be extracted again.
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(buffer) as pdf:
        for number, lines in enumerate(pages, start=1):
            figure = Figure(figsize=(8.27, 11.69))
            if running_header and number > 1:
                figure.text(0.5, 0.97, running_header, fontsize=8, ha="center")
            for index, line in enumerate(lines):
                figure.text(0.08, 0.93 - index * 0.021, line, fontsize=10)
            if page_numbers:
                figure.text(0.5, 0.03, str(number), fontsize=9, ha="center")
            pdf.savefig(figure)
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    """A scanned page: an image and no text layer."""
    import numpy as np
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    buffer = io.BytesIO()
    with PdfPages(buffer) as pdf:
        figure = Figure(figsize=(8.27, 11.69))
        figure.figimage(np.random.default_rng(7).random((200, 150)), xo=50, yo=50)
        pdf.savefig(figure)
    return buffer.getvalue()
