"""The review of an imported document, kept as JSON on `PlanImport.data` until the officer saves it.

`build_review` turns the parser's output into that JSON with every unit name resolved to agencies;
`apply_corrections` applies what the officer typed on the review screen; `problems` lists what still
blocks saving (an unmatched name the officer neither matched nor explicitly left unmatched, a task with
no lead, a one-off task without a due date…); `changes_from_plan` compares with the saved plan when the
same document is imported again.

Review data:
    {"document": {"number", "issuer", "kind", "title", "date"},
     "settings": {"ongoing_period", "tracking_from", "year_start", "report_lag_days"},
     "source_format": "docx", "text_lines": [...],
     "tasks": [{"ref", "title", "content", "section", "cadence", "cadence_guessed", "due", "target",
                "time_text", "product", "first_line", "last_line", "is_training", "include",
                "lead": [unit, ...], "coordinating": [unit, ...]}]}
    unit = {"written", "agency_ids", "via", "note", "unmatched_ok"}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from loa.organisations.models import Agency, Province
from loa.organisations.selectors import AgencyMatch, AgencyNameIndex, agency_key
from loa.plans.models import Cadence, DocumentKind, PeriodKind, Plan, Task, UnitRole
from loa.plans.parsing import ParsedDocument
from loa.plans.schedule import check_year_start
from loa.plans.targets import is_training

ROLES = (("lead", UnitRole.LEAD), ("coordinating", UnitRole.COORDINATING))
TASK_TEXT_FIELDS = ("ref", "title", "content", "target")
MANUAL = "manual"
VIA_LABELS = {
    "exact": "khớp tên",
    "former_name": "tên cũ",
    "collective": "cụm từ chỉ nhóm",
    "district": "UBND cấp huyện cũ",
    "fuzzy": "gần đúng, cần kiểm tra",
    MANUAL: "cán bộ chọn",
    "unmatched": "chưa khớp",
}


class UnitResolver:
    """The province's `AgencyNameIndex` (one load for a plan that repeats the same few names dozens of
    times), plus a lookup of the agency an officer picks by name on the review screen."""

    def __init__(self, province: Province) -> None:
        self.province = province
        self._index = AgencyNameIndex(province)

    def resolve(self, written: str) -> AgencyMatch:
        return self._index.resolve(written)

    def unit(self, written: str) -> dict[str, Any]:
        match = self.resolve(written)
        return {
            "written": written,
            "agency_ids": [a.pk for a in match.agencies],
            "via": match.via,
            "note": match.note,
            "unmatched_ok": False,
        }

    def pick(self, name: str) -> Agency | None:
        """The agency an officer chose from the list (its name or short name), else None."""
        return self._index.by_key.get(agency_key(name))


def build_review(parsed: ParsedDocument, resolver: UnitResolver, *, today: date) -> dict[str, Any]:
    header = parsed.header
    tasks = []
    for task in parsed.tasks:
        cadence = task.cadence
        tasks.append(
            {
                "ref": task.ref,
                "title": task.title or "",
                "content": task.content,
                "section": task.section or "",
                # A duty without any time wording is continuous work until the officer says otherwise.
                "cadence": cadence or Cadence.ONGOING.value,
                "cadence_guessed": cadence is None,
                "due": task.due.isoformat() if task.due else "",
                "target": task.target or "",
                "time_text": task.time_text or "",
                "product": task.product or "",
                "first_line": task.first_line,
                "last_line": task.last_line,
                "is_training": is_training(task.title, task.content, target=task.target),
                "include": True,
                "lead": [resolver.unit(name) for name in task.lead_units],
                "coordinating": [resolver.unit(name) for name in task.coordinating_units],
            }
        )
    return {
        "document": {
            "number": header.number or "",
            "issuer": header.issuer or "",
            "kind": header.kind,
            "title": header.title or "",
            "date": header.date.isoformat() if header.date else "",
        },
        "settings": {
            "ongoing_period": PeriodKind.QUARTERLY.value,
            "tracking_from": today.isoformat(),
            "year_start": "15/12",
            "report_lag_days": 0,
        },
        "source_format": parsed.source_format,
        "text_lines": list(parsed.text_lines),
        "tasks": tasks,
    }


# --- corrections from the review form ----------------------------------------------------------------


def _date_value(raw: str, label: str, errors: list[str]) -> str:
    raw = raw.strip()
    if not raw:
        return ""
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        errors.append(f"{label}: ngày không hợp lệ “{raw}” (định dạng năm-tháng-ngày).")
        return ""


def _apply_units(
    units: list[dict[str, Any]],
    form: Mapping[str, str],
    prefix: str,
    resolver: UnitResolver,
    errors: list[str],
) -> list[dict[str, Any]]:
    kept = []
    for index, unit in enumerate(units):
        name = f"{prefix}{index}"
        if f"{name}-written" not in form:
            kept.append(unit)  # not on the form (e.g. a partial post): unchanged
            continue
        if form.get(f"{name}-remove"):
            continue
        written = " ".join(form.get(f"{name}-written", "").split())
        if not written:
            continue
        if written != unit["written"]:
            unit = resolver.unit(written)
        pick = form.get(f"{name}-pick", "").strip()
        if pick:
            agency = resolver.pick(pick)
            if agency is None:
                errors.append(f"Không tìm thấy cơ quan “{pick}” (cho “{written}”); chọn tên trong danh sách.")
            else:
                unit = {
                    **unit,
                    "agency_ids": [agency.pk],
                    "via": MANUAL,
                    "note": f"Cán bộ chọn: {agency.name}",
                    "unmatched_ok": False,
                }
        unit = {**unit, "unmatched_ok": bool(form.get(f"{name}-unmatched")) and not unit["agency_ids"]}
        kept.append(unit)
    added = " ".join(form.get(f"{prefix}new", "").split())
    if added:
        kept.append(resolver.unit(added))
    return kept


def apply_corrections(data: dict[str, Any], form: Mapping[str, str], resolver: UnitResolver) -> list[str]:
    """Apply the review form to `data` in place; returns input errors (the rest is still applied)."""
    errors: list[str] = []
    document = data["document"]
    for key in ("number", "issuer", "title"):
        if f"doc-{key}" in form:
            document[key] = " ".join(form[f"doc-{key}"].split())
    if form.get("doc-kind") in DocumentKind.values:
        document["kind"] = form["doc-kind"]
    if "doc-date" in form:
        document["date"] = _date_value(form["doc-date"], "Ngày ban hành", errors)
    settings = data["settings"]
    if form.get("set-ongoing_period") in PeriodKind.values:
        settings["ongoing_period"] = form["set-ongoing_period"]
    if "set-tracking_from" in form:
        settings["tracking_from"] = (
            _date_value(form["set-tracking_from"], "Theo dõi từ ngày", errors) or settings["tracking_from"]
        )
    if form.get("set-year_start"):
        try:
            day, month = (int(part) for part in form["set-year_start"].strip().split("/"))
            check_year_start((month, day))
            settings["year_start"] = f"{day}/{month}"
        except ValueError:
            errors.append(
                f"Ngày bắt đầu kỳ số liệu năm không hợp lệ: “{form['set-year_start']}” (dạng 15/12)."
            )
    if "set-report_lag_days" in form:
        raw = form["set-report_lag_days"].strip() or "0"
        if raw.isdigit() and int(raw) <= 60:
            settings["report_lag_days"] = int(raw)
        else:
            errors.append("Số ngày làm việc sau kỳ để nộp báo cáo phải là số từ 0 đến 60.")
    for index, task in enumerate(data["tasks"]):
        prefix = f"t{index}-"
        if f"{prefix}present" not in form:
            continue
        task["include"] = bool(form.get(f"{prefix}include"))
        for key in TASK_TEXT_FIELDS:
            if f"{prefix}{key}" in form:
                value = form[f"{prefix}{key}"]
                task[key] = value.strip() if key == "content" else " ".join(value.split())
        if form.get(f"{prefix}cadence") in Cadence.values:
            if form[f"{prefix}cadence"] != task["cadence"]:
                task["cadence_guessed"] = False
            task["cadence"] = form[f"{prefix}cadence"]
        if f"{prefix}due" in form:
            task["due"] = _date_value(form[f"{prefix}due"], f"Nhiệm vụ {task['ref']}: thời hạn", errors)
        task["is_training"] = bool(form.get(f"{prefix}training"))
        for role, _unused in ROLES:
            task[role] = _apply_units(task[role], form, f"{prefix}{role}", resolver, errors)
    return errors


def add_task(data: dict[str, Any]) -> None:
    """A blank task for one the parser missed."""
    refs = {task["ref"] for task in data["tasks"]}
    number = len(data["tasks"]) + 1
    while f"Bổ sung {number}" in refs:
        number += 1
    data["tasks"].append(
        {
            "ref": f"Bổ sung {number}",
            "title": "",
            "content": "",
            "section": "",
            "cadence": Cadence.ONGOING.value,
            "cadence_guessed": False,
            "due": "",
            "target": "",
            "time_text": "",
            "product": "",
            "first_line": 0,
            "last_line": 0,
            "is_training": False,
            "include": True,
            "lead": [],
            "coordinating": [],
        }
    )


def leave_unmatched(data: dict[str, Any]) -> int:
    """The officer's explicit choice to keep every still-unmatched name without an agency."""
    count = 0
    for task in data["tasks"]:
        for role, _unused in ROLES:
            for unit in task[role]:
                if not unit["agency_ids"] and not unit["unmatched_ok"]:
                    unit["unmatched_ok"] = True
                    count += 1
    return count


# --- what blocks saving ------------------------------------------------------------------------------


def problems(data: dict[str, Any]) -> list[str]:
    found = []
    if data["document"]["kind"] not in DocumentKind.values:
        found.append("Chọn loại văn bản.")
    seen: set[str] = set()
    included = [task for task in data["tasks"] if task["include"]]
    if not included:
        found.append("Không còn nhiệm vụ nào được chọn để lưu.")
    for task in included:
        ref = task["ref"] or "(chưa có số thứ tự)"
        if not task["ref"]:
            found.append("Một nhiệm vụ chưa có số thứ tự.")
        elif task["ref"] in seen:
            found.append(f"Số thứ tự “{ref}” bị trùng.")
        seen.add(task["ref"])
        if not task["content"].strip():
            found.append(f"Nhiệm vụ {ref}: chưa có nội dung.")
        if task["cadence"] == Cadence.ONCE and not task["due"]:
            found.append(f"Nhiệm vụ {ref}: thực hiện một lần nhưng chưa có thời hạn.")
        if not task["lead"]:
            found.append(f"Nhiệm vụ {ref}: chưa có đơn vị chủ trì.")
        for role, role_value in ROLES:
            for unit in task[role]:
                if not unit["agency_ids"] and not unit["unmatched_ok"]:
                    found.append(
                        f"Nhiệm vụ {ref}: “{unit['written']}” ({role_value.label.lower()}) chưa khớp cơ quan nào — "
                        "chọn cơ quan hoặc đánh dấu để chưa khớp."
                    )
    return found


def warnings(data: dict[str, Any]) -> list[str]:
    """Not blocking, but worth a look before saving."""
    found = []
    for task in data["tasks"]:
        if not task["include"]:
            continue
        if task["lead"] and not any(unit["agency_ids"] for unit in task["lead"]):
            found.append(
                f"Nhiệm vụ {task['ref']}: đơn vị chủ trì chưa khớp cơ quan nào, sẽ không có báo cáo để theo dõi."
            )
        if task["cadence_guessed"]:
            found.append(f"Nhiệm vụ {task['ref']}: văn bản không ghi thời gian; tạm coi là thường xuyên.")
        if any(unit["via"] == "fuzzy" for role, _unused in ROLES for unit in task[role]):
            found.append(f"Nhiệm vụ {task['ref']}: có tên cơ quan khớp gần đúng, cần kiểm tra.")
    return found


# --- comparison with the saved plan (re-import) ------------------------------------------------------


@dataclass
class TaskChange:
    ref: str
    kind: str  # "new" | "changed" | "removed" | "same"
    fields: list[tuple[str, str, str]]  # (label, saved, in this review)
    index: int | None = None  # position in the review data


def saved_task_data(task: Task) -> dict[str, Any]:
    """A saved task in the review's JSON shape (to compare, or to restore on the review screen)."""
    units: dict[str, list[dict[str, Any]]] = {"lead": [], "coordinating": []}
    for unit in task.units.all():
        units[unit.role].append(
            {
                "written": unit.written,
                "agency_ids": sorted(a.agency_id for a in unit.assignments.all()),
                "via": unit.via,
                "note": unit.note,
                "unmatched_ok": not unit.assignments.all(),
            }
        )
    return {
        "ref": task.ref,
        "title": task.title,
        "content": task.content,
        "section": task.section,
        "cadence": task.cadence,
        "cadence_guessed": False,
        "due": task.due_date.isoformat() if task.due_date else "",
        "target": task.target,
        "time_text": task.time_text,
        "product": task.product,
        "first_line": task.first_line,
        "last_line": task.last_line,
        "is_training": task.is_training,
        "include": True,
        **units,
    }


_COMPARED = (
    ("title", "Tên nhiệm vụ"),
    ("content", "Nội dung"),
    ("cadence", "Thời gian thực hiện"),
    ("due", "Thời hạn"),
    ("target", "Chỉ tiêu"),
)


def _units_text(units: list[dict[str, Any]]) -> str:
    return "; ".join(unit["written"] for unit in units)


def changes_from_plan(data: dict[str, Any], plan: Plan) -> list[TaskChange]:
    saved = {
        task.ref: saved_task_data(task)
        for task in plan.tasks.filter(is_cancelled=False).prefetch_related("units__assignments")
    }
    cadence_labels = dict(Cadence.choices)
    changes = []
    for index, task in enumerate(data["tasks"]):
        if not task["include"]:
            continue
        old = saved.pop(task["ref"], None)
        if old is None:
            changes.append(TaskChange(task["ref"], "new", [], index))
            continue
        fields = []
        for key, label in _COMPARED:
            if (old[key] or "") != (task[key] or ""):
                show = (lambda v: str(cadence_labels.get(v, v))) if key == "cadence" else str
                fields.append((label, show(old[key]), show(task[key])))
        for role, role_value in ROLES:
            before, after = _units_text(old[role]), _units_text(task[role])
            ids_before = sorted(i for u in old[role] for i in u["agency_ids"])
            ids_after = sorted(i for u in task[role] for i in u["agency_ids"])
            if before != after or ids_before != ids_after:
                fields.append((f"Đơn vị {role_value.label.lower()}", before, after))
        changes.append(TaskChange(task["ref"], "changed" if fields else "same", fields, index))
    changes.extend(TaskChange(ref, "removed", []) for ref in saved)
    return changes


def restore_saved(data: dict[str, Any], index: int, plan: Plan) -> bool:
    """Put the saved plan's version of task `index` back into the review."""
    task = plan.tasks.filter(ref=data["tasks"][index]["ref"], is_cancelled=False).first()
    if task is None:
        return False
    restored = saved_task_data(task)
    # Keep the source position of this document: the restored values are shown beside it.
    restored["first_line"] = data["tasks"][index]["first_line"]
    restored["last_line"] = data["tasks"][index]["last_line"]
    data["tasks"][index] = restored
    return True
