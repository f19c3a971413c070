"""Reading the input: file type by content, then the text of .docx (paragraphs and tables in document
order, with Word's automatic numbering written out), .pdf (text layer) and plain text."""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from loa.plans.parsing.errors import DocumentError
from loa.text import convert_legacy, detect_legacy_encoding

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM", b"RIFF")


@dataclass(slots=True)
class TableCell:
    text: str
    key: int  # the same key in two grid positions means one merged cell


@dataclass(slots=True)
class Table:
    rows: list[list[TableCell]]


@dataclass(slots=True)
class Source:
    format: str  # "docx", "pdf" or "text"
    # pdf/text: physical lines per page. docx: paragraphs (str) and tables in document order.
    pages: list[list[str]] = field(default_factory=list)
    items: list[str | Table] = field(default_factory=list)


def read_source(data: bytes) -> Source:
    if not data.strip():
        raise DocumentError("Tệp rỗng, không có nội dung.", "The file is empty.")
    head = data[:1024]
    if b"%PDF-" in head:
        return Source("pdf", pages=_repair_pages(_pdf_pages(data)))
    if data.startswith(_ZIP):
        return _read_zip(data)
    if data.startswith(_OLE):
        raise DocumentError(
            "Tệp Word/Excel định dạng cũ (.doc/.xls) chưa được hỗ trợ; hãy lưu lại thành .docx hoặc PDF.",
            "Legacy Office binary files (.doc/.xls) are not supported; save as .docx or PDF.",
        )
    if data.startswith(b"{\\rtf"):
        raise DocumentError(
            "Tệp RTF chưa được hỗ trợ; hãy lưu lại thành .docx hoặc PDF.",
            "RTF files are not supported; save as .docx or PDF.",
        )
    if data.startswith(_IMAGES):
        raise DocumentError(
            "Tệp là hình ảnh, không có lớp chữ; cần nhận dạng ký tự (OCR) trước khi phân tích.",
            "The file is an image without a text layer; run OCR first.",
        )
    return Source("text", pages=_repair_pages(_text_pages(_decode_text(data))))


# --- docx ------------------------------------------------------------------------------------------


def _read_zip(data: bytes) -> Source:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                archive.read("word/document.xml")
            mimetype = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, KeyError, OSError, EOFError) as exc:
        raise DocumentError(
            "Tệp nén/.docx bị hỏng, không đọc được.", f"Corrupted .docx/zip file: {exc}"
        ) from exc
    if "word/document.xml" not in names:
        if any(name.startswith("xl/") for name in names) or mimetype.endswith("spreadsheet"):
            raise DocumentError(
                "Tệp bảng tính (Excel) không phải văn bản kế hoạch; hãy tải lên tệp .docx hoặc PDF của văn bản.",
                "A spreadsheet is not a plan document; upload the .docx or PDF.",
            )
        if mimetype.endswith("opendocument.text"):
            raise DocumentError(
                "Tệp OpenDocument (.odt) chưa được hỗ trợ; hãy lưu lại thành .docx hoặc PDF.",
                "OpenDocument text (.odt) is not supported; save as .docx or PDF.",
            )
        raise DocumentError(
            "Tệp nén không phải văn bản Word (.docx).", "The zip archive is not a Word (.docx) document."
        )
    return Source("docx", items=_repair_items(_docx_items(data)))


def _docx_items(data: bytes) -> list[str | Table]:
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types on malformed parts
        raise DocumentError("Tệp .docx bị hỏng, không đọc được.", f"Corrupted .docx file: {exc}") from exc
    numbering = _Numbering(document)
    items: list[str | Table] = []

    def walk(parent: Any) -> None:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                items.append(numbering.label(child) + _paragraph_text(child, document))
            elif child.tag == qn("w:tbl"):
                items.append(_table(child, numbering, document))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    walk(document.element.body)
    return items


def _paragraph_text(element: Any, document: Any) -> str:
    from docx.text.paragraph import Paragraph

    return str(Paragraph(element, document).text)


def _table(element: Any, numbering: _Numbering, document: Any) -> Table:
    from docx.table import Table as DocxTable

    table = DocxTable(element, document)
    # Holding every cell element keeps lxml from recycling proxies, so id() identifies merged cells.
    cell_elements = list(element.iter(element.tag.replace("tbl", "tc")))
    rows: list[list[TableCell]] = []
    for row in table.rows:
        try:
            cells = row.cells
        except (ValueError, IndexError):
            continue
        rows.append(
            [
                TableCell(
                    "\n".join(numbering.label(p._p) + p.text for p in cell.paragraphs),
                    id(cell._tc),
                )
                for cell in cells
            ]
        )
    del cell_elements
    return Table(rows)


_ROMAN_VALUES = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), *_ROMAN_VALUES):  # fmt: skip
        while number >= value:
            out += letters
            number -= value
    return out


def _letter(number: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[(number - 1) % 26]


class _Numbering:
    """Word's automatic list numbering: the "1." or "-" a reader sees is not in the paragraph text."""

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, list[int]] = {}
        self._style_numbering: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            self._load(root)
        for style in document.styles:
            found = self._style_num(style)
            if found:
                self._style_numbering[style.style_id] = found

    def _val(self, element: Any, tag: str, default: str | None = None) -> str | None:
        child = element.find(self._qn(tag))
        if child is None:
            return default
        return str(child.get(self._qn("w:val")))

    def _load(self, root: Any) -> None:
        qn = self._qn
        for abstract in root.findall(qn("w:abstractNum")):
            levels: dict[int, tuple[str, str, int]] = {}
            for level in abstract.findall(qn("w:lvl")):
                ilvl = int(level.get(qn("w:ilvl"), "0"))
                levels[ilvl] = (
                    self._val(level, "w:numFmt", "decimal") or "decimal",
                    self._val(level, "w:lvlText", "") or "",
                    int(self._val(level, "w:start", "1") or 1),
                )
            self._levels[str(abstract.get(qn("w:abstractNumId")))] = levels
        for num in root.findall(qn("w:num")):
            overrides: dict[int, int] = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = self._val(override, "w:startOverride")
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl"), "0"))] = int(start)
            abstract_id = self._val(num, "w:abstractNumId")
            if abstract_id is not None:
                self._nums[str(num.get(qn("w:numId")))] = (abstract_id, overrides)

    def _style_num(self, style: Any) -> tuple[str, int] | None:
        seen = 0
        while style is not None and seen < 10:
            element = getattr(style, "element", None)
            p_pr = element.find(self._qn("w:pPr")) if element is not None else None
            num_pr = p_pr.find(self._qn("w:numPr")) if p_pr is not None else None
            if num_pr is not None:
                num_id = self._val(num_pr, "w:numId")
                if num_id is not None:
                    return num_id, int(self._val(num_pr, "w:ilvl", "0") or 0)
            style = getattr(style, "base_style", None)
            seen += 1
        return None

    def label(self, paragraph: Any) -> str:
        qn = self._qn
        p_pr = paragraph.find(qn("w:pPr"))
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        num_id: str | None = None
        ilvl = 0
        if num_pr is not None:
            num_id = self._val(num_pr, "w:numId")
            ilvl = int(self._val(num_pr, "w:ilvl", "0") or 0)
        elif p_pr is not None:
            style_id = self._val(p_pr, "w:pStyle")
            if style_id in self._style_numbering:
                num_id, ilvl = self._style_numbering[style_id]
        if not num_id or num_id == "0" or num_id not in self._nums:
            return ""
        abstract_id, overrides = self._nums[num_id]
        levels = self._levels.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [0] * 10)
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return ("-", "+", "•")[min(ilvl, 2)] + " "
        if fmt == "none":
            return ""
        for level in range(10):
            start = overrides.get(level, levels.get(level, ("", "", 1))[2])
            if level == ilvl:
                counters[level] = counters[level] + 1 if counters[level] >= start else start
            elif level > ilvl:
                counters[level] = 0
        rendered = text
        for level in range(ilvl, -1, -1):
            level_fmt = levels.get(level, ("decimal", "", 1))[0]
            value = counters[level] or overrides.get(level, levels.get(level, ("", "", 1))[2])
            rendered = rendered.replace(f"%{level + 1}", _format_number(value, level_fmt))
        return rendered.strip() + " " if rendered.strip() else ""


def _format_number(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "upperLetter":
        return _letter(value).upper()
    if fmt == "lowerLetter":
        return _letter(value)
    return str(value)


# --- pdf ---------------------------------------------------------------------------------------------


def _pdf_pages(data: bytes) -> list[list[str]]:
    """Text layer of each page, read with PDFium (pypdf is 15x slower on dense pages: a 30-page plan
    would miss the 2 s budget)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DocumentError(
                "Tệp PDF có mật khẩu, không đọc được.", "The PDF is password-protected."
            ) from exc
        raise DocumentError("Tệp PDF bị hỏng, không đọc được.", f"Corrupted PDF file: {exc}") from exc
    texts: list[str] = []
    try:
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            texts.append(text_page.get_text_range())
            text_page.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise DocumentError("Tệp PDF bị hỏng, không đọc được.", f"Corrupted PDF file: {exc}") from exc
    finally:
        document.close()
    if not any(text.strip() for text in texts):
        raise DocumentError(
            "Tệp PDF không có lớp chữ (bản quét/ảnh); cần nhận dạng ký tự (OCR) trước khi phân tích.",
            "The PDF has no text layer (scanned image); run OCR first.",
        )
    # PDFium joins a line that ends in a hyphen to the next one and marks the hyphen U+FFFE (or U+0002):
    # in Vietnamese documents that is the hyphen of a symbol ("407/QĐ-TTg"), so it stays.
    return [
        text.replace("\ufffe", "-").replace("\x02", "-").replace("\r\n", "\n").split("\n") for text in texts
    ]


# --- text --------------------------------------------------------------------------------------------


def _decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    sample = data[:4000]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) >= len(sample) // 40 + 1 and max(even, odd) > 5 * (min(even, odd) + 1):
        # UTF-16 without a byte-order mark: spaces, digits and ASCII letters leave a zero byte on one
        # side (only about a third of the characters in Vietnamese text, so the test is loose).
        return data.decode("utf-16-le" if odd > even else "utf-16-be", errors="replace")
    if b"\x00" in sample:
        raise _not_text()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    latin = data.decode("latin-1")
    if detect_legacy_encoding(latin[:_LEGACY_SAMPLE]) is not None:
        return latin  # TCVN3/VNI bytes: repaired with the other pages below
    return data.decode("cp1258", errors="replace")


def _not_text() -> DocumentError:
    return DocumentError(
        "Không nhận ra định dạng tệp; hãy tải lên văn bản .docx, PDF có lớp chữ hoặc .txt.",
        "Unrecognised file type; upload a .docx, a PDF with a text layer or a .txt file.",
    )


def _text_pages(text: str) -> list[list[str]]:
    controls = sum(1 for ch in text[:4000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(3, len(text[:4000]) // 100):
        raise _not_text()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [page.split("\n") for page in text.split("\f")]


# --- legacy encodings ------------------------------------------------------------------------------


# A document is typed in one encoding; the first pages decide (detection costs ~0.1 s per 5,000 words).
_LEGACY_SAMPLE = 8000


def _repair_pages(pages: list[list[str]]) -> list[list[str]]:
    encoding = detect_legacy_encoding("\n".join(line for page in pages for line in page)[:_LEGACY_SAMPLE])
    if encoding is None:
        return pages
    return [[convert_legacy(line, encoding) for line in page] for page in pages]


def _repair_items(items: list[str | Table]) -> list[str | Table]:
    texts = [
        item if isinstance(item, str) else " ".join(c.text for r in item.rows for c in r) for item in items
    ]
    encoding = detect_legacy_encoding("\n".join(texts)[:_LEGACY_SAMPLE])
    if encoding is None:
        return items
    repaired: list[str | Table] = []
    for item in items:
        if isinstance(item, str):
            repaired.append(convert_legacy(item, encoding))
        else:
            repaired.append(
                Table(
                    [[TableCell(convert_legacy(c.text, encoding), c.key) for c in row] for row in item.rows]
                )
            )
    return repaired
