"""What the parser produces. Richer than the `loa plans parse` contract: the review screen also needs
source positions, the section a task came from, the raw time wording and targets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Kind = Literal["KH", "CV", "QD", "CT", "other"]
Cadence = Literal["ongoing", "yearly", "half_yearly", "quarterly", "monthly", "once", "on_request"]


@dataclass(slots=True)
class DocumentHeader:
    number: str | None = None
    issuer: str | None = None
    kind: Kind = "other"
    title: str | None = None
    date: date | None = None
    # Year of the document even when the day is left blank ("ngày    tháng 7 năm 2023"): used to
    # complete deadlines written without a year ("Quý III").
    year: int | None = None


@dataclass(slots=True)
class Timing:
    cadence: Cadence | None = None
    due: date | None = None
    target: str | None = None


@dataclass(slots=True)
class ParsedTask:
    ref: str
    content: str
    title: str | None = None
    lead_units: list[str] = field(default_factory=list)
    coordinating_units: list[str] = field(default_factory=list)
    cadence: Cadence | None = None
    due: date | None = None
    target: str | None = None
    time_text: str | None = None
    product: str | None = None
    section: str | None = None
    # 1-based line numbers in the extracted text, inclusive, for highlighting on the review screen.
    first_line: int = 0
    last_line: int = 0

    def to_contract(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "title": self.title,
            "content": self.content,
            "lead_units": list(self.lead_units),
            "coordinating_units": list(self.coordinating_units),
            "cadence": self.cadence,
            "due": self.due.isoformat() if self.due else None,
        }


@dataclass(slots=True)
class ParsedDocument:
    header: DocumentHeader
    tasks: list[ParsedTask]
    source_format: str
    # The extracted text, one logical paragraph per line; task line numbers point into it.
    text_lines: list[str] = field(default_factory=list)

    def to_contract(self) -> dict[str, Any]:
        header = self.header
        return {
            "document": {
                "number": header.number,
                "issuer": header.issuer,
                "kind": header.kind,
                "title": header.title,
                "date": header.date.isoformat() if header.date else None,
            },
            "tasks": [task.to_contract() for task in self.tasks],
        }
