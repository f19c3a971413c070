"""Labelled fields of a task ("- Nội dung:", "- Đơn vị chủ trì thực hiện:", "Thời hạn:") and the same
wordings as annex-table column headers."""

from __future__ import annotations

import re
from typing import Literal

FieldName = Literal["content", "lead", "coordination", "time", "product", "target", "budget"]

# Order matters for column headers: "Cơ quan thực hiện / Phối hợp" is coordination, "Thời gian thực
# hiện" is time, before the looser lead wordings get a chance.
_WORDINGS: tuple[tuple[FieldName, str], ...] = (
    ("coordination", r"(?:(?:đơn vị|cơ quan|bộ phận)\s+)?phối hợp(?:\s+thực hiện)?"),
    (
        "time",
        r"thời\s+(?:gian|hạn)(?:\s+(?:thực hiện|hoàn thành|triển khai|báo cáo))?"
        r"|tiến độ(?:\s+(?:thực hiện|hoàn thành))?|thời điểm(?:\s+hoàn thành)?|mốc thời gian",
    ),
    ("product", r"sản phẩm(?:\s+(?:đầu ra|chính|dự kiến))?|kết quả(?:\s+(?:đầu ra|dự kiến|cần đạt))?"),
    ("target", r"chỉ tiêu"),
    ("budget", r"(?:nguồn\s+)?kinh phí(?:\s+thực hiện)?|dự toán"),
    (
        "lead",
        r"(?:(?:đơn vị|cơ quan|bộ phận)\s+)?chủ trì(?:\s*\(?\s*thực hiện\s*\)?|\s+chính)?"
        r"|(?:đơn vị|cơ quan)\s+(?:thực hiện|chịu trách nhiệm|đầu mối)(?:\s+chính)?"
        r"|trách nhiệm thực hiện|đơn vị được giao",
    ),
    (
        "content",
        r"nội dung(?:\s+(?:thực hiện|công việc|nhiệm vụ|hoạt động|chủ yếu|cụ thể))?"
        r"|(?:tên\s+)?nhiệm vụ(?:\s+cụ thể)?|công việc|hoạt động",
    ),
)
_GROUPS = "|".join(f"(?P<{name}>{pattern})" for name, pattern in _WORDINGS)
# A label opens a paragraph or follows ".", ";" or "(" — never mid-sentence ("trong thời gian: …").
_LABEL = re.compile(rf"(?:^|(?<=[.;(\n]))\s*(?:[-+•]\s*)?(?:{_GROUPS})\s*:\s*", re.IGNORECASE)
_LABEL_START = re.compile(rf"^\s*(?:[-+•–]\s*)?(?:{_GROUPS})\s*:", re.IGNORECASE)

_HEADER_WORDINGS: tuple[tuple[str, str], ...] = (
    ("coordination", r"phối hợp"),
    ("time", r"thời gian|thời hạn|tiến độ|thời điểm|hoàn thành"),
    ("product", r"sản phẩm|kết quả"),
    ("budget", r"kinh phí|dự toán"),
    ("note", r"ghi chú"),
    ("lead", r"chủ trì|cơ quan|đơn vị|thực hiện chính|trách nhiệm"),
    ("content", r"nội dung|nhiệm vụ|công việc|hoạt động|tên|giải pháp"),
    ("ref", r"^(?:s\.?\s*tt|tt|số\s*tt|số thứ tự|stt)\.?$"),
)


def split_fields(text: str) -> tuple[str, list[tuple[FieldName, str]]]:
    """Text before the first label, and each labelled value: "Tập huấn; Chủ trì: Sở A; Thời hạn: Quý
    III/2026" -> ("Tập huấn", [("lead", "Sở A"), ("time", "Quý III/2026")])."""
    matches = list(_LABEL.finditer(text))
    if not matches:
        return text, []
    fields: list[tuple[FieldName, str]] = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        name = next(key for key, value in match.groupdict().items() if value is not None)
        value = text[match.end() : end].strip(" ;\n")
        if value.endswith(")") and value.count(")") > value.count("("):
            value = value[:-1].rstrip()
        fields.append((name, value))  # type: ignore[arg-type]
    return text[: matches[0].start()].strip(" (\n"), fields


def starts_with_label(text: str) -> bool:
    return bool(_LABEL_START.match(text))


def column_role(header: str) -> str | None:
    """Role of an annex-table column from its (possibly two-row) header text."""
    lowered = " ".join(header.lower().split())
    if not lowered:
        return None
    for role, pattern in _HEADER_WORDINGS:
        if re.search(pattern, lowered):
            return role
    return None
