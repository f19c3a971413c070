"""Annex tables: "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm", with
two-row headers ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp"), group rows ("I. TRUYỀN THÔNG …"
across the table) and merged cells (one lead unit for several rows, one task over several rows)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loa.plans.parsing.fields import column_role
from loa.plans.parsing.header import sentence_case
from loa.plans.parsing.model import ParsedTask
from loa.plans.parsing.outline import split_marker
from loa.plans.parsing.sources import Table, TableCell
from loa.plans.parsing.timing import parse_timing
from loa.plans.parsing.units import split_units, starts_with_unit
from loa.text import normalize, normalize_line

_MAX_HEADER_ROWS = 3
_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$")
_GROUP_REF = re.compile(r"^(?:[IVXL]+|[A-ZĐ])\.?$")


@dataclass(slots=True)
class TaskTable:
    header_rows: int
    roles: dict[int, str]


def task_table(table: Table) -> TaskTable | None:
    """Column roles when ``table`` lists tasks (a content column and a unit or time column)."""
    header_rows = 0
    for row in table.rows[:_MAX_HEADER_ROWS]:
        distinct = distinct_cells(row)
        with_role = sum(1 for cell in distinct if column_role(cell.text) and len(cell.text) < 80)
        if with_role >= 2 or (header_rows and with_role >= 1 and not _looks_like_data(row)):
            header_rows += 1
        else:
            break
    if not header_rows:
        return None
    width = max(len(row) for row in table.rows[:header_rows])
    roles: dict[int, str] = {}
    for column in range(width):
        texts: list[str] = []
        for row in table.rows[:header_rows]:
            if column < len(row) and row[column].text.strip() and row[column].text not in texts:
                texts.append(row[column].text)
        header = " ".join(texts)
        role = column_role(header)
        if role == "coordination" and re.search(r"chủ trì", header, re.IGNORECASE):
            role = "lead_and_coordination"
        if role:
            roles[column] = role
    found = set(roles.values())
    if "content" not in found or not found & {"lead", "coordination", "lead_and_coordination", "time"}:
        return None
    return TaskTable(header_rows, roles)


def distinct_cells(row: list[TableCell]) -> list[TableCell]:
    """The cells of a row, each merged cell once."""
    seen: set[int] = set()
    cells: list[TableCell] = []
    for cell in row:
        if cell.key not in seen:
            seen.add(cell.key)
            cells.append(cell)
    return cells


def _looks_like_data(row: list[TableCell]) -> bool:
    first = row[0].text.strip() if row else ""
    return bool(re.match(r"^(?:\d+|[IVXL]+)\.?$", first))


@dataclass(slots=True)
class _Row:
    ref: str = ""
    values: dict[str, list[str]] = field(default_factory=dict)
    content_key: int | None = None
    spans_table: bool = False


def _read_row(row: list[TableCell], roles: dict[int, str], previous_keys: set[int]) -> _Row:
    result = _Row()
    seen: set[int] = set()
    for column, cell in enumerate(row):
        if cell.key in seen:
            continue
        seen.add(cell.key)
        role = roles.get(column)
        text = normalize(cell.text)
        if role == "content":
            result.content_key = cell.key
        if role == "ref":
            if cell.key not in previous_keys:
                result.ref = text.strip(" .")
        elif role and text:
            result.values.setdefault(role, []).append(text)
    filled = [cell for cell in distinct_cells(row) if cell.text.strip()]
    result.spans_table = len(filled) == 1 and sum(1 for cell in row if cell.key == filled[0].key) > 1
    return result


def _units(text: str) -> list[str]:
    """A cell lists units on separate lines or with separators; a wrapped name stays one name."""
    lines = [line.strip(" -–•+;,.") for line in text.split("\n") if line.strip(" -–•+;,.")]
    if len(lines) > 1 and all(starts_with_unit(line) for line in lines):
        text = "; ".join(lines)
    else:
        text = " ".join(lines)
    return split_units(text)


def table_tasks(
    table: Table, layout: TaskTable, *, prefix: str, year: int | None, first_line: int
) -> list[ParsedTask]:
    rows: list[tuple[int, list[str], _Row]] = []
    previous_keys: set[int] = set()
    for offset, row in enumerate(table.rows[layout.header_rows :]):
        texts = [cell.text.strip() for cell in row]
        if all(not text or _COLUMN_NUMBERS.match(text) for text in texts):
            continue
        rows.append(
            (first_line + layout.header_rows + offset, texts, _read_row(row, layout.roles, previous_keys))
        )
        previous_keys = {cell.key for cell in row}
    tasks: list[ParsedTask] = []
    group_label = ""
    group_title: str | None = None
    subgroup_title: str | None = None
    counter = 0
    last_content_key: int | None = None
    for index, (line, texts, data) in enumerate(rows):
        content = "\n".join(data.values.get("content", []))
        units_or_time = any(data.values.get(role) for role in ("lead", "coordination", "time"))
        if data.spans_table or (_GROUP_REF.match(data.ref) and not units_or_time):
            heading = content or " ".join(t for t in texts if t)
            marker, rest = split_marker(heading)
            group_label = data.ref or (marker.label if marker else "")
            group_title = _title(rest if marker else heading)
            subgroup_title = None
            last_content_key = None
            continue
        following = rows[index + 1][2].ref if index + 1 < len(rows) else ""
        if data.ref and not units_or_time and following.startswith(data.ref.rstrip(".") + "."):
            subgroup_title = _title(content)  # "1 | Truyền thông về …" over rows 1.1, 1.2
            last_content_key = None
            continue
        if not content:
            continue
        if data.content_key is not None and data.content_key == last_content_key and tasks:
            _merge(tasks[-1], data, year)
            tasks[-1].last_line = line
            continue
        last_content_key = data.content_key
        counter += 1
        ref = data.ref or str(counter)
        if group_label and not ref.startswith(group_label + "."):
            ref = f"{group_label}.{ref}"
        task = ParsedTask(
            ref=f"{prefix}{ref}",
            content=content,
            title=subgroup_title or group_title,
            section=group_title,
            first_line=line,
            last_line=line,
        )
        _merge(task, data, year)
        tasks.append(task)
    return tasks


def _merge(task: ParsedTask, data: _Row, year: int | None) -> None:
    for text in data.values.get("lead", []):
        _add(task.lead_units, _units(text))
    for text in data.values.get("coordination", []):
        _add(task.coordinating_units, _units(text))
    for text in data.values.get("lead_and_coordination", []):
        units = _units(text)
        # "Sở A (chủ trì); Sở B": the marked unit leads; unmarked, the first one does.
        leads = [u for u in units if re.search(re.escape(u) + r"\s*\(\s*chủ trì", text, re.IGNORECASE)]
        leads = leads or units[:1]
        _add(task.lead_units, leads)
        _add(task.coordinating_units, [u for u in units if u not in leads])
    time_text = " ".join(data.values.get("time", []))
    if time_text:
        timing = parse_timing(time_text, year=year)
        task.time_text = normalize_line(f"{task.time_text or ''} {time_text}")
        task.cadence = task.cadence or timing.cadence
        task.due = max(filter(None, (task.due, timing.due)), default=None)
        task.target = task.target or timing.target
    products = data.values.get("product", [])
    if products:
        task.product = "\n".join(filter(None, [task.product, *products]))
    task.coordinating_units[:] = [u for u in task.coordinating_units if u not in task.lead_units]


def _add(target: list[str], units: list[str]) -> None:
    for unit in units:
        if unit not in target:
            target.append(unit)


def _title(text: str) -> str | None:
    text = normalize_line(text).strip(" :.")
    if not text:
        return None
    if not any(c.islower() for c in text):
        return sentence_case(text)
    return text


def flatten(table: Table) -> list[str]:
    """Paragraphs of a table that does not list tasks (the two-column heading block, "Nơi nhận" and
    signature), row by row, each merged cell once."""
    seen: set[int] = set()
    paragraphs: list[str] = []
    for row in table.rows:
        for cell in row:
            if cell.key in seen:
                continue
            seen.add(cell.key)
            paragraphs.extend(line for line in cell.text.split("\n") if line.strip())
    return paragraphs
