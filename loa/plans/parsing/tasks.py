"""Tasks from the outline of a plan, directive or letter.

Three shapes are recognised, in this order, at every numbered or bulleted item:

1. Labelled fields under the item ("- Nội dung:", "- Đơn vị chủ trì:", "- Thời gian thực hiện:"): one
   task. Its content is the "Nội dung" field, or the item's own text when the heading is the content.
2. An agency heading ("2. Sở Thông tin và Truyền thông", "1. Đề nghị Ban Tuyên giáo Tỉnh ủy", "4. Văn
   phòng UBND tỉnh chủ động …"): one task per bullet under it, or the paragraph under it (or the rest
   of the heading line) as the single duty; the agencies lead.
3. Otherwise the item groups its children, and a leaf item inside a task or duty section is a task.

Part headings classify what follows: "I. MỤC ĐÍCH, YÊU CẦU" and "III. KINH PHÍ" hold no tasks, "II.
NHIỆM VỤ VÀ GIẢI PHÁP" holds tasks, "IV. TỔ CHỨC THỰC HIỆN" holds duties.

References: the document's numbering joined with dots under the part's Roman numeral ("II.3.1");
unnumbered bullets get their position ("IV.3.2" is the second bullet under IV.3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from loa.plans.parsing.fields import FieldName, split_fields, starts_with_label
from loa.plans.parsing.model import ParsedTask
from loa.plans.parsing.outline import Node
from loa.plans.parsing.timing import parse_timing
from loa.plans.parsing.units import agency_heading, coordinating_units, parse_unit_list, split_units
from loa.text import fold, normalize_line

Section = Literal["task", "duty", "unknown"]

_SKIP = re.compile(
    r"^(?:muc dich|yeu cau|muc tieu|can cu|co so|quan diem|tinh hinh|thuc trang|danh gia|ket qua"
    r"|kinh phi|nguon kinh phi|pham vi|doi tuong|dac diem|boi canh|su can thiet|nguyen tac)\b"
)
_TASKS = re.compile(
    r"^(?:(?:cac |mot so )?nhiem vu|(?:cac )?giai phap|noi dung|(?:cac )?hoat dong|danh muc"
    r"|chuong trinh hanh dong)\b"
)
_DUTIES = re.compile(r"^(?:to chuc thuc hien|trach nhiem|phan cong|che do (?:thong tin )?bao cao)\b")
# Items that describe the plan rather than assign work: "3. Kinh phí thực hiện: …", "1. Mục đích:".
_NOT_A_TASK = re.compile(
    r"^(?:kinh phi|nguon kinh phi|muc dich|yeu cau|muc tieu|can cu)(?: [a-z ]{0,25})?(?::|$)"
)
_SECTION_HEADING_MAX = 90
_ITEM_HEADING_MAX = 50
_TITLE_MAX = 120
_INLINE_LEAD = re.compile(r"\(([^()]*?)\s+(?:chủ trì|thực hiện)\b", re.IGNORECASE)
# "Tổ chức hội nghị (Sở Tư pháp chủ trì, phối hợp với …; thời gian: Quý II)": the assignment in brackets.
_ASSIGNMENT = re.compile(r"\s*\((?=[^()]*\b(?:chủ trì|phối hợp|thực hiện)\b)[^()]*\)?\s*$", re.IGNORECASE)
_COPULA = re.compile(r"^(?:là|có trách nhiệm|chịu trách nhiệm|được giao)\b", re.IGNORECASE)
_GIVEN_TO = re.compile(r"\bgiao\s+(?:cho\s+)?(?=\S)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Context:
    section: Section
    section_title: str | None = None
    part: str = ""  # Roman numeral (or letter) of the enclosing part: "II"
    path: str = ""  # numbering inside the part: "3.1"
    parent_title: str | None = None
    leads: tuple[str, ...] = ()


@dataclass(slots=True)
class _Fields:
    values: dict[FieldName, list[str]] = field(default_factory=dict)
    before: list[str] = field(default_factory=list)  # items before the first label

    def add(self, name: FieldName, value: str) -> None:
        self.values.setdefault(name, []).append(value)

    def text(self, name: FieldName, separator: str = " ") -> str | None:
        values = [v for v in self.values.get(name, []) if v.strip()]
        return separator.join(values) if values else None

    @property
    def describes_task(self) -> bool:
        return any(name in self.values for name in ("content", "lead", "coordination", "time"))


def _marker_prefix(node: Node) -> str:
    return f"{node.marker.label} " if node.marker and node.marker.kind == "bullet" else ""


def _is_detail(child: Node) -> bool:
    """Part of the parent's fields: a bullet, a plain paragraph, or a lettered label ("a) Nội dung: …")."""
    if child.marker is None or child.marker.kind == "bullet":
        return True
    return child.marker.kind == "lower" and starts_with_label(child.text)


def _collect_fields(node: Node) -> _Fields:
    fields = _Fields()
    _, own = split_fields(node.text)
    current: FieldName | None = None
    for name, value in own:
        fields.add(name, value)
        current = name

    def walk(children: list[Node]) -> None:
        nonlocal current
        for child in children:
            if not _is_detail(child):
                continue  # numbered sub-items are tasks of their own
            prefix, found = split_fields(child.text)
            if found:
                if prefix:
                    _append(fields, current, prefix, child)
                for name, value in found:
                    fields.add(name, value)
                    current = name
            else:
                _append(fields, current, child.text, child)
            walk(child.children)

    def _append(target: _Fields, name: FieldName | None, text: str, child: Node) -> None:
        line = _marker_prefix(child) + text
        if name is None:
            target.before.append(line)
        elif child.marker is None:
            target.values[name][-1] = f"{target.values[name][-1]} {text}".strip()
        else:
            target.values[name][-1] = f"{target.values[name][-1]}\n{line}".strip()

    walk(node.children)
    return fields


def _details(node: Node) -> list[str]:
    """Sub-bullets of a bullet, as lines of its content ("+ Giới thiệu luật mới;")."""
    lines: list[str] = []
    for child in node.structural_children:
        lines.append(_marker_prefix(child) + " ".join([child.text, *(p.text for p in child.plain_children)]))
        lines.extend(_details(child))
    return lines


def _clean(text: str) -> str:
    text = normalize_line(text).strip(" ;:,")
    return text[:1].upper() + text[1:]


def _clean_block(text: str) -> str:
    lines = [
        _clean(line) if index == 0 else normalize_line(line) for index, line in enumerate(text.split("\n"))
    ]
    return "\n".join(line for line in lines if line)


def _title_of(heading: str) -> str | None:
    title = normalize_line(heading).strip(" :;.")
    return title or None


def _inline_leads(text: str) -> list[str]:
    match = _INLINE_LEAD.search(text)
    if match:
        return split_units(match.group(1))
    match = _GIVEN_TO.search(text)
    if match:
        units, _ = parse_unit_list(text[match.end() :])
        return units
    return []


class TaskExtractor:
    def __init__(self, *, year: int | None, prefix: str = "") -> None:
        self.year = year
        self.prefix = prefix
        self.tasks: list[ParsedTask] = []

    def run(self, root: Node, section: Section) -> list[ParsedTask]:
        self._children(root, _Context(section=section))
        return self.tasks

    # --- walking ---------------------------------------------------------------------------------

    def _children(self, node: Node, context: _Context) -> None:
        bullets = 0
        for child in node.structural_children:
            if child.marker is not None and child.marker.kind == "bullet":
                bullets += 1
            self._visit(child, context, bullets)

    def _child_context(self, node: Node, context: _Context, bullet_number: int) -> _Context:
        marker = node.marker
        assert marker is not None
        if marker.kind in ("roman", "upper"):
            part = (
                f"{context.part}.{marker.label}" if context.part and marker.kind == "upper" else marker.label
            )
            return replace(context, part=part, path="")
        if marker.kind == "arabic" and "." in marker.label:
            path = marker.label
        else:
            label = str(bullet_number) if marker.kind == "bullet" else marker.label
            path = f"{context.path}.{label}" if context.path else label
        return replace(context, path=path)

    def _ref(self, context: _Context) -> str:
        return self.prefix + ".".join(part for part in (context.part, context.path) if part)

    def _section(self, node: Node, context: _Context) -> Section | Literal["skip"] | None:
        marker = node.marker
        assert marker is not None
        heading = node.text
        part = marker.kind in ("roman", "upper")
        eligible = part or (
            marker.kind == "arabic"
            and (
                (context.section_title is None and marker.depth == 1 and not context.leads)
                or not any(c.islower() for c in heading)
            )
        )
        if not eligible or len(heading) > (_SECTION_HEADING_MAX if part else _ITEM_HEADING_MAX):
            return None
        key = fold(heading).strip(" .:")
        found: Section | Literal["skip"] | None = (
            "duty"
            if _DUTIES.match(key)
            else "task"
            if _TASKS.match(key)
            else "skip"
            if _SKIP.match(key)
            else None
        )
        if found is None:
            return "unknown" if part else None
        if not part and any(c.islower() for c in heading) and agency_heading(heading) is not None:
            return None  # "3. Yêu cầu Sở Nội vụ chủ trì …", "2. Trách nhiệm của Sở Tư pháp" assign work
        return found

    def _visit(self, node: Node, context: _Context, bullet_number: int) -> None:
        marker = node.marker
        if marker is None:
            return
        if marker.kind == "article":
            # An article ("Điều 1. Ban hành kèm theo …") is a legal clause; items numbered inside it
            # ("Điều 2. Tổ chức thực hiện: 1. Sở Tư pháp …") can still assign work.
            key = fold(node.text).strip(" .:")
            inside: Section = (
                "duty" if _DUTIES.match(key) else "task" if _TASKS.match(key) else context.section
            )
            self._children(node, replace(context, section=inside, part=f"Điều {marker.label}", path=""))
            return
        inner = self._child_context(node, context, bullet_number)
        section = self._section(node, context)
        if section == "skip":
            return
        if section is not None:
            title = _title_of(node.text)
            self._children(
                node, replace(inner, section=section, section_title=title, parent_title=None, leads=())
            )
            return
        if _NOT_A_TASK.match(fold(node.text).strip(" .")):
            return
        fields = _collect_fields(node)
        if fields.describes_task:
            self._emit_fields(node, inner, fields)
            sub = replace(inner, parent_title=_title_of(split_fields(node.text)[0]) or inner.parent_title)
            for child in node.structural_children:
                if not _is_detail(child):
                    self._visit(child, sub, 0)
            return
        agency = agency_heading(node.text) if node.text else None
        if agency is not None:
            self._emit_agency(node, inner, agency.units, agency.remainder)
            return
        children = node.structural_children
        bullet = marker.kind == "bullet"
        if children and not (bullet and all(c.marker and c.marker.kind == "bullet" for c in children)):
            title = _title_of(node.text) if len(node.text) <= _TITLE_MAX else None
            self._children(node, replace(inner, parent_title=title or inner.parent_title))
            return
        if context.section in ("task", "duty") or context.leads:
            self._emit_leaf(node, inner)

    # --- emitting ----------------------------------------------------------------------------------

    def _emit(
        self,
        node: Node,
        context: _Context,
        *,
        content: str,
        title: str | None,
        leads: list[str],
        coordination: list[str],
        time_text: str | None = None,
        product: str | None = None,
    ) -> None:
        content = _clean_block(content)
        if not content:
            return
        timing = (
            parse_timing(time_text, year=self.year)
            if time_text
            else parse_timing(content, year=self.year, strict=True)
        )
        coordinating = [u for u in coordination if fold(u) not in {fold(lead) for lead in leads}]
        self.tasks.append(
            ParsedTask(
                ref=self._ref(context),
                content=content,
                title=title,
                lead_units=leads,
                coordinating_units=coordinating,
                cadence=timing.cadence,
                due=timing.due,
                target=timing.target,
                time_text=normalize_line(time_text) if time_text else None,
                product=product,
                section=context.section_title,
                first_line=node.first_line,
                last_line=node.span_end(),
            )
        )

    def _emit_fields(self, node: Node, context: _Context, fields: _Fields) -> None:
        heading = split_fields(node.text)[0]
        assignment = _ASSIGNMENT.search(heading)
        if assignment:
            heading = heading[: assignment.start()]
            leads = _inline_leads(assignment.group())
            if leads and not fields.text("lead"):
                fields.add("lead", "; ".join(leads))
            coordination = coordinating_units(assignment.group())
            if coordination and not fields.text("coordination"):
                fields.add("coordination", "; ".join(coordination))
        content_field = fields.text("content", "\n")
        if content_field:
            content = (
                "\n".join([content_field, *fields.before]) if fields.before and not heading else content_field
            )
            title = _title_of(heading) if heading else context.parent_title
        else:
            content = "\n".join(part for part in [heading, *fields.before] if part)
            title = context.parent_title
        lead_text = fields.text("lead", "; ")
        leads = split_units(lead_text) if lead_text else list(context.leads) or _inline_leads(content)
        coordination_text = fields.text("coordination", "; ")
        coordination = (
            split_units(coordination_text)
            if coordination_text
            else coordinating_units(f"{content} {lead_text or ''}")
        )
        self._emit(
            node,
            context,
            content=content,
            title=title,
            leads=leads,
            coordination=coordination,
            time_text=fields.text("time", "; "),
            product=fields.text("product", "\n"),
        )

    def _emit_agency(self, node: Node, context: _Context, units: list[str], remainder: str) -> None:
        leads = list(units)
        children = node.structural_children
        if children:
            if remainder and not node.text.rstrip().endswith(":"):
                self._emit(
                    node,
                    context,
                    content=remainder,
                    title=None,
                    leads=leads,
                    coordination=coordinating_units(remainder),
                )
            self._children(node, replace(context, leads=tuple(leads), parent_title=None))
            return
        # A bullet naming its own agency ("- UBND các huyện chủ động bố trí …") and a duty that only
        # makes sense with its subject ("Sở A là cơ quan thường trực …") read best whole.
        whole = (node.marker is not None and node.marker.kind == "bullet") or _COPULA.match(remainder)
        opening = node.text if whole else remainder
        content = "\n".join(part for part in [opening, *(p.text for p in node.plain_children)] if part)
        self._emit(
            node,
            context,
            content=content,
            title=context.parent_title,
            leads=leads,
            coordination=coordinating_units(content),
        )

    def _emit_leaf(self, node: Node, context: _Context) -> None:
        plain = [child.text for child in node.plain_children]
        details = _details(node)
        heading = node.text
        numbered = node.marker is not None and node.marker.kind != "bullet"
        if numbered and plain and len(heading) <= _TITLE_MAX and not heading.rstrip().endswith((".", ";")):
            title: str | None = _title_of(heading)
            content = " ".join(plain)
        else:
            title = context.parent_title
            content = " ".join([heading, *plain])
        if details:
            content = "\n".join([content, *details])
        leads = list(context.leads) or _inline_leads(content)
        self._emit(
            node, context, content=content, title=title, leads=leads, coordination=coordinating_units(content)
        )
