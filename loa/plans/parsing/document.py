"""From bytes to a ParsedDocument: read, rebuild paragraphs, cut away the parts that hold no tasks
("Kính gửi" list, closing formula, "Nơi nhận", signature), then parse the body and each annex."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from loa.plans.parsing.errors import DocumentError
from loa.plans.parsing.header import parse_header, type_word
from loa.plans.parsing.lines import join_wrapped, raw_lines, starts_paragraph, strip_page_furniture
from loa.plans.parsing.model import DocumentHeader, ParsedDocument, ParsedTask
from loa.plans.parsing.outline import Paragraph, build_tree, split_marker
from loa.plans.parsing.sources import Source, Table, read_source
from loa.plans.parsing.tables import TaskTable, distinct_cells, flatten, table_tasks, task_table
from loa.plans.parsing.tasks import Section, TaskExtractor
from loa.text import normalize_line

_ADDRESSEES = re.compile(r"^Kính gửi\b", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^(?:Nơi nhận|TM\.|KT\.|Q\.\s*CHỦ TỊCH|TL\.|TUQ\.)", re.IGNORECASE)
_CLOSING = re.compile(
    r"^(?:Trên đây là|Nhận được (?:Công văn|Văn bản|Kế hoạch|Chỉ thị|Quyết định|Thông báo)"
    r"|(?:Trong )?quá trình (?:triển khai|tổ chức|thực hiện)[^.]*(?:khó khăn|vướng mắc|phát sinh)"
    r"|Yêu cầu (?:các|Thủ trưởng|Giám đốc|Chủ tịch)[^.]*(?:nghiêm túc|khẩn trương)[^.]*\./\.\s*$)",
    re.IGNORECASE,
)
_PRINTED_LINES_SHARE = 0.1
_END_MARK = re.compile(r"\./\.\s*$")
_ANNEX = re.compile(r"^(?:PHỤ LỤC|DANH MỤC|BIỂU|BẢNG)\b")


@dataclass(slots=True)
class _Part:
    prefix: str
    section: Section
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[tuple[Table, TaskTable, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Layout:
    paragraphs: list[Paragraph]
    tables: list[tuple[Table, TaskTable, int]]
    text_lines: list[str]


def parse_file(path: str | Path) -> ParsedDocument:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DocumentError(
            f"Không đọc được tệp {path}: {exc.strerror or exc}.", f"Cannot read {path}: {exc}"
        ) from exc
    return parse_bytes(data)


def parse_bytes(data: bytes) -> ParsedDocument:
    source = read_source(data)
    layout = _layout(source)
    if not layout.text_lines:
        raise DocumentError("Tệp không có nội dung chữ.", "The file contains no text.")
    header = parse_header([p.text for p in layout.paragraphs])
    tasks: list[ParsedTask] = []
    for part in _parts(layout, header):
        extractor = TaskExtractor(year=header.year, prefix=part.prefix)
        tasks.extend(extractor.run(build_tree(part.paragraphs), part.section))
        for table, columns, line in part.tables:
            tasks.extend(table_tasks(table, columns, prefix=part.prefix, year=header.year, first_line=line))
    tasks.sort(key=lambda task: task.first_line)
    _unique_refs(tasks)
    _check_is_plan(header, tasks, has_task_tables=bool(layout.tables))
    return ParsedDocument(
        header=header, tasks=tasks, source_format=source.format, text_lines=layout.text_lines
    )


def _layout(source: Source) -> _Layout:
    paragraphs: list[Paragraph] = []
    tables: list[tuple[Table, TaskTable, int]] = []
    lines: list[str] = []

    def add(text: str) -> None:
        text = normalize_line(text)
        if text:
            lines.append(text)
            paragraphs.append(Paragraph(text, len(lines), len(lines)))

    if source.format == "docx":
        texts = [item.strip() for item in source.items if isinstance(item, str) and item.strip()]
        # A Word file converted from PDF keeps one paragraph per printed line: many open in lowercase.
        printed_lines = sum(text[0].islower() for text in texts) > _PRINTED_LINES_SHARE * max(1, len(texts))
        pending: list[str] = []
        for item in [*source.items, None]:
            if isinstance(item, str):
                pending.extend(item.split("\n") if printed_lines else _soft_breaks(item))
                continue
            if printed_lines:
                pending = [joined.text for joined in join_wrapped(raw_lines([pending]))]
            for text in _join_continuations(pending):
                add(text)
            pending = []
            if item is None:
                break
            columns = task_table(item)
            if columns is None:
                for text in _join_continuations(flatten(item)):
                    add(text)
                continue
            tables.append((item, columns, len(lines) + 1))
            # The rows go into the text too, one line each, so task line numbers point at them.
            for row in item.rows:
                lines.append(" | ".join(normalize_line(cell.text) for cell in distinct_cells(row)))
    else:
        for joined in join_wrapped(raw_lines(strip_page_furniture(source.pages))):
            add(joined.text)
    return _Layout(paragraphs, tables, lines)


def _join_continuations(paragraphs: list[str]) -> list[str]:
    """A paragraph that opens in lowercase, or follows one ending in a symbol hyphen ("407/QĐ-"),
    continues the previous one (a line break typed as a paragraph break)."""
    joined: list[str] = []
    for text in paragraphs:
        stripped = text.strip()
        if (
            joined
            and stripped
            and not starts_paragraph(stripped)
            and (stripped[0].islower() or re.search(r"\S-$", joined[-1]))
        ):
            separator = "" if re.search(r"\S-$", joined[-1]) else " "
            joined[-1] = f"{joined[-1]}{separator}{stripped}"
        else:
            joined.append(text)
    return joined


def _soft_breaks(text: str) -> list[str]:
    """A Word paragraph with manual line breaks: a piece that starts an item is its own paragraph."""
    pieces = [piece for piece in text.split("\n") if piece.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and not starts_paragraph(normalize_line(piece)):
            merged[-1] = f"{merged[-1]} {piece.strip()}"
        else:
            merged.append(piece.strip())
    return merged


def _parts(layout: _Layout, header: DocumentHeader) -> list[_Part]:
    """The body, then each annex or attached document. Addressees, closing formula, recipients and
    signature are dropped."""
    default: Section = "duty" if header.kind in ("CV", "CT") else "unknown"
    parts = [_Part("", default)]
    annexes = 0
    skipping_addressees = False
    after_body = False
    table_positions = sorted(layout.tables, key=lambda entry: entry[2])
    table_index = 0
    for paragraph in layout.paragraphs:
        while table_index < len(table_positions) and table_positions[table_index][2] < paragraph.first_line:
            if after_body:
                # A task table after the signature is an annex even without a "PHỤ LỤC" line.
                after_body = False
                annexes += 1
                parts.append(_Part(f"PL{annexes}.", "task"))
            parts[-1].tables.append(table_positions[table_index])
            table_index += 1
        text = paragraph.text
        annex = _ANNEX.match(text)
        attached = type_word(text) if after_body else None
        if annex or attached:
            after_body = False
            if annex:
                # "PHỤ LỤC" over "DANH MỤC NHIỆM VỤ …": one annex, two heading lines.
                if not (parts[-1].prefix and not parts[-1].paragraphs and not parts[-1].tables):
                    annexes += 1
                    parts.append(_Part(f"PL{annexes}.", "task"))
            else:
                parts.append(_Part("", "unknown"))
            continue
        if after_body:
            continue
        marker, _ = split_marker(text)
        if _ADDRESSEES.match(text):
            skipping_addressees = True
            continue
        if skipping_addressees:
            if marker is not None and marker.kind == "bullet":
                continue
            skipping_addressees = False
        if _RECIPIENTS.match(text) or (marker is None and _CLOSING.match(text)):
            after_body = True
            continue
        parts[-1].paragraphs.append(paragraph)
        if marker is None and _END_MARK.search(text):
            after_body = True
    if table_index < len(table_positions) and after_body:
        annexes += 1
        parts.append(_Part(f"PL{annexes}.", "task"))
    for entry in table_positions[table_index:]:
        parts[-1].tables.append(entry)
    return parts


def _unique_refs(tasks: list[ParsedTask]) -> None:
    seen: dict[str, int] = {}
    for task in tasks:
        count = seen.get(task.ref, 0) + 1
        seen[task.ref] = count
        if count > 1:
            task.ref = f"{task.ref}#{count}"


def _check_is_plan(header: DocumentHeader, tasks: list[ParsedTask], *, has_task_tables: bool) -> None:
    heading = bool(header.number or header.issuer or header.year or header.title)
    # Without a heading block, only annex tables or tasks with labelled fields or under a numbered part
    # count as a plan.
    structured = has_task_tables or any(task.time_text or task.section for task in tasks)
    if not heading and not structured:
        raise DocumentError(
            "Không nhận ra văn bản hành chính (kế hoạch, quyết định, chỉ thị, công văn): không có số ký hiệu, "
            "cơ quan ban hành hay ngày ban hành.",
            "Not an administrative document (plan, decision, directive, letter): no number, issuer or date.",
        )
    if not tasks:
        raise DocumentError(
            "Không tìm thấy nhiệm vụ nào trong văn bản (không có mục nhiệm vụ, phân công cơ quan hay bảng phụ lục).",
            "No tasks found in the document (no task sections, agency assignments or annex tables).",
        )
