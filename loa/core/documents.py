"""Administrative documents laid out per Decree 30/2020/NĐ-CP (Phụ lục I: thể thức, kỹ thuật trình bày).

Shared by every report Loa exports (press annual report, plan reports, morning digest):

    doc = new_administrative_document(
        issuer="ỦY BAN NHÂN DÂN\\nTỈNH THÁI NGUYÊN", number="/BC-UBND", place="Thái Nguyên",
        day=date(2026, 12, 18), title="BÁO CÁO", summary="Công tác phát ngôn … năm 2026",
    )
    add_heading(doc, "I. KẾT QUẢ")
    add_paragraph(doc, "…")
    add_table(doc, ["TT", "Nội dung", "Số lượng"], rows)
    add_closing(doc, recipients=["Bộ Văn hóa, Thể thao và Du lịch"], signature=Signature(name="Nguyễn Văn A"))
    data = to_bytes(doc)

A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman (TCVN 6909:2001 Unicode);
national title 13 pt bold upper case, motto 14 pt bold with a line beneath; issuer 13 pt bold upper case
with a short line; "Số: …" 13 pt; place and date 14 pt italic; document type and summary 14 pt bold;
body 14 pt justified with a 1 cm first-line indent; "Nơi nhận:" 12 pt bold italic with 11 pt lines;
signature block 14 pt bold upper case; page numbers centred at the top from page 2.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BODY_PT = 14
HEADER_PT = 13

Container = DocumentObject | _Cell


@dataclass(frozen=True)
class Signature:
    """Signature block (Decree 30 Art. 8 and Phụ lục I §8): on behalf of (TM.), deputising (KT.)."""

    authority: str = "TM. ỦY BAN NHÂN DÂN"
    capacity: str = "KT. CHỦ TỊCH"
    position: str = "PHÓ CHỦ TỊCH"
    name: str = ""

    def lines(self) -> list[str]:
        return [line for line in (self.authority, self.capacity, self.position) if line]


def vietnamese_date(place: str, day: date | None) -> str:
    """“Thái Nguyên, ngày 05 tháng 02 năm 2026”: days below 10 and months 1–2 take a leading zero
    (Decree 30 Phụ lục I §4.b), so the date cannot be altered by hand; None leaves blanks to fill at signing."""
    if day is None:
        return f"{place}, ngày      tháng      năm        "
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _set_run_font(
    run: Any, size: float | None = None, *, bold: bool | None = None, italic: bool | None = None
) -> None:
    run.font.name = FONT
    r_fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        r_fonts.set(qn(attribute), FONT)
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic


def _paragraph(
    container: Container,
    text: str = "",
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: Any = WD_ALIGN_PARAGRAPH.CENTER,
    space_after: float = 0,
    first_line_indent: Any = None,
) -> Paragraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(space_after)
    if first_line_indent is not None:
        fmt.first_line_indent = first_line_indent
    lines = text.split("\n")
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        _set_run_font(run, size, bold=bold, italic=italic)
        if index < len(lines) - 1:
            run.add_break()
    return paragraph


def _short_line(container: Container, indent: Any) -> Paragraph:
    """The thin line drawn under the issuer, the motto and the summary: a top border on a tiny paragraph."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = indent
    fmt.right_indent = indent
    fmt.space_before = Pt(2)
    fmt.space_after = Pt(4)
    fmt.line_spacing = Pt(4)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)
    return paragraph


def _first_paragraph(cell: _Cell, text: str, **kwargs: Any) -> Paragraph:
    """Cells start with one empty paragraph: fill it instead of leaving a blank line."""
    paragraph = cell.paragraphs[0]
    paragraph._p.getparent().remove(paragraph._p)
    return _paragraph(cell, text, **kwargs)


def _set_widths(table: Any, widths_cm: Sequence[float]) -> None:
    """Column widths both in the grid (LibreOffice reads it) and on every cell (Word reads those)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=False):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _page_number_header(section: Any) -> None:
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    _set_run_font(run, BODY_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def new_administrative_document(
    issuer: str,
    number: str,
    place: str,
    day: date | None,
    title: str,
    *,
    parent: str = "",
    summary: str = "",
) -> DocumentObject:
    """A document with the Decree 30 heading: issuer and number left, national title, motto, place and
    date right, then the document type (`title`) and its summary.

    `issuer` may hold line breaks ("ỦY BAN NHÂN DÂN\\nTỈNH THÁI NGUYÊN"); `parent` is the governing body
    printed above it, if any; `number` is the number and symbol ("125/BC-UBND", or "/BC-UBND" to leave the
    number blank for the registry to fill in).
    """
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    r_fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        r_fonts.set(qn(attribute), FONT)
    _page_number_header(section)

    header = doc.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_widths(header, (6.2, 10.3))
    left, right = header.rows[0].cells
    if parent:
        _first_paragraph(left, parent.upper(), size=HEADER_PT)
        _paragraph(left, issuer.upper(), size=HEADER_PT, bold=True)
    else:
        _first_paragraph(left, issuer.upper(), size=HEADER_PT, bold=True)
    _short_line(left, Cm(2))
    symbol = number if not number.startswith("/") else f"{' ' * 8}{number}"
    _paragraph(left, f"Số: {symbol}", size=HEADER_PT)
    _first_paragraph(right, NATIONAL_TITLE, size=HEADER_PT, bold=True)
    _paragraph(right, MOTTO, size=BODY_PT, bold=True)
    _short_line(right, Cm(2.1))
    _paragraph(right, vietnamese_date(place, day), size=BODY_PT, italic=True)

    _paragraph(doc, "", size=8)
    _paragraph(doc, title.upper(), size=BODY_PT, bold=True)
    if summary:
        _paragraph(doc, summary, size=BODY_PT, bold=True)
    _short_line(doc, Cm(6))
    return doc


def add_heading(doc: DocumentObject, text: str) -> Paragraph:
    """A section heading of the body (“I. KẾT QUẢ THỰC HIỆN”): bold, flush with the indent."""
    return _paragraph(
        doc, text, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=6, first_line_indent=Cm(1)
    )


def add_paragraph(doc: DocumentObject, text: str, *, bold: bool = False, italic: bool = False) -> Paragraph:
    """A body paragraph: justified, 1 cm first-line indent, 6 pt after."""
    return _paragraph(
        doc,
        text,
        bold=bold,
        italic=italic,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        space_after=6,
        first_line_indent=Cm(1),
    )


def add_table(
    doc: DocumentObject,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    widths_cm: Sequence[float] = (),
) -> Any:
    """A bordered table with a bold header row, 13 pt."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _first_paragraph(cell, str(text), size=HEADER_PT, bold=True)
    for row in rows:
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
            align = WD_ALIGN_PARAGRAPH.LEFT if index and isinstance(value, str) else WD_ALIGN_PARAGRAPH.CENTER
            _first_paragraph(cell, "" if value is None else str(value), size=HEADER_PT, align=align)
    _set_widths(table, widths_cm)
    _paragraph(doc, "", size=6)
    return table


def add_recipients(container: Container, recipients: Sequence[str], *, archive: str = "VT") -> None:
    """“Nơi nhận:” 12 pt bold italic, then one 11 pt line per recipient, ending with the archive line."""
    first = (
        isinstance(container, _Cell) and len(container.paragraphs) == 1 and not container.paragraphs[0].text
    )
    heading_kwargs: dict[str, Any] = {
        "size": 12,
        "bold": True,
        "italic": True,
        "align": WD_ALIGN_PARAGRAPH.LEFT,
    }
    if first:
        assert isinstance(container, _Cell)
        _first_paragraph(container, "Nơi nhận:", **heading_kwargs)
    else:
        _paragraph(container, "Nơi nhận:", **heading_kwargs)
    for recipient in recipients:
        _paragraph(container, f"- {recipient.rstrip(';')};", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(container, f"- Lưu: {archive}.", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)


def add_signature(container: Container, signature: Signature) -> None:
    """Authority lines in bold upper case, room for the signature and seal, then the signer's name."""
    lines = "\n".join(signature.lines())
    if isinstance(container, _Cell) and len(container.paragraphs) == 1 and not container.paragraphs[0].text:
        _first_paragraph(container, lines, bold=True)
    else:
        _paragraph(container, lines, bold=True)
    for _ in range(4):
        _paragraph(container, "")
    if signature.name:
        _paragraph(container, signature.name, bold=True)


def add_closing(
    doc: DocumentObject, *, recipients: Sequence[str], signature: Signature, archive: str = "VT"
) -> None:
    """Recipients bottom left and the signature block bottom right, side by side as Decree 30 places them."""
    # The last body paragraph stays on the signature page (Decree 30: that page carries content too).
    if doc.paragraphs:
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    _paragraph(doc, "", size=6).paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    _set_widths(table, (7.5, 9))
    # The signature block never splits across pages: a split leaves a page of blank signature space.
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    row_properties.append(cant_split)
    left, right = table.rows[0].cells
    add_recipients(left, recipients, archive=archive)
    add_signature(right, signature)
    # A body must end with a paragraph; without one LibreOffice adds a full-size one on a new page.
    end = _paragraph(doc, "", size=1)
    end.paragraph_format.line_spacing = Pt(1)


def to_bytes(doc: DocumentObject) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def soffice() -> str | None:
    """LibreOffice's command, if installed (optional: only needed for PDF conversion)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(source: Path, outdir: Path, *, timeout: int = 120) -> Path:
    """Render a .docx to PDF with LibreOffice headless; raises FileNotFoundError when it is absent."""
    command = soffice()
    if command is None:
        raise FileNotFoundError("LibreOffice (soffice) không được cài đặt; không thể chuyển sang PDF.")
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            command,
            f"-env:UserInstallation=file://{outdir / '.lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return outdir / f"{source.stem}.pdf"
