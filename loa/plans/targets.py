"""Training tasks and numeric targets ("dự kiến tổ chức 01 lớp/năm"). Pure Python: no Django."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loa.text import search_key

_TRAINING_WORDS = ("tap huan", "boi duong", "dao tao")
_TARGET = re.compile(r"(\d+)\s+([^\W\d][\w ]{0,30}?)\s*/\s*(năm|quý|tháng|đợt)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    count: int
    unit: str  # "lớp"
    per: str  # "năm"

    def __str__(self) -> str:
        return f"{self.count:02d} {self.unit}/{self.per}"


def parse_target(text: str | None) -> Target | None:
    """The first "<number> <unit>/<period>" in a target wording."""
    match = _TARGET.search(text or "")
    if match is None:
        return None
    return Target(int(match.group(1)), match.group(2).strip().lower(), match.group(3).lower())


def is_training(*texts: str | None, target: str | None = None) -> bool:
    """A task about courses: it says "tập huấn", "bồi dưỡng" or "đào tạo", or its target counts classes."""
    parsed = parse_target(target)
    if parsed is not None and search_key(parsed.unit) in ("lop", "khoa", "lop tap huan", "khoa hoc"):
        return True
    key = " ".join(search_key(text or "") for text in texts)
    return any(word in key for word in _TRAINING_WORDS)
