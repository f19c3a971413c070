"""Files: the consolidated periodic report (.docx per Decree 30/2020/NĐ-CP, with an .xlsx annex), the
dashboard export (.csv, .xlsx) and the finance department's budget summary (.xlsx).

The report covers the obligations due within the chosen dates: each task's progress (counts, figures,
excerpts of the agencies' reports, courses against the training target) and the agencies that reported
late or not at all.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from loa.core.documents import (
    Signature,
    add_closing,
    add_heading,
    add_paragraph,
    add_table,
    new_administrative_document,
    to_bytes,
)
from loa.plans import selectors
from loa.plans.models import (
    FIGURES,
    BudgetEstimate,
    Contribution,
    Obligation,
    Plan,
    Progress,
    ProgressReport,
    Task,
)
from loa.text import strip_diacritics

FIGURE_LABELS = {key: str(label) for key, label in FIGURES}
FIGURE_UNITS = {
    "participants": "người tham dự",
    "articles": "tin, bài, sản phẩm",
    "events": "hoạt động",
    "budget": "đồng",
}
PROGRESS_LABELS = {value: str(label) for value, label in Progress.choices}
EXCERPTS_PER_TASK = 3
EXCERPT_CHARS = 400


@dataclass
class ReportOptions:
    start: date
    end: date
    number: str = ""
    signed_on: date | None = None
    capacity: str = "KT. GIÁM ĐỐC"
    position: str = "PHÓ GIÁM ĐỐC"
    signer: str = ""
    recipients: list[str] = field(default_factory=list)
    difficulties: str = ""
    proposals: str = ""


def agency_symbol(short_name: str) -> str:
    """“Sở VHTTDL” → “SVHTTDL”, “Sở Tư pháp” → “STP”: the unit part of a number and symbol."""
    parts = []
    for word in strip_diacritics(short_name).replace("&", "").split():
        parts.append(word if word.isupper() and len(word) > 1 else word[0].upper())
    return "".join(parts) or "UBND"


def default_options(plan: Plan, start: date, end: date) -> ReportOptions:
    owner = plan.owner_agency
    return ReportOptions(
        start=start,
        end=end,
        number=f"/BC-{agency_symbol(owner.short_name or owner.name)}",
        recipients=[
            f"UBND {plan.province.name[0].lower()}{plan.province.name[1:]} (b/c)",
            "Bộ Văn hóa, Thể thao và Du lịch (b/c)",
            "Các sở, ban, ngành tỉnh",
            "UBND các xã, phường",
        ],
    )


def _issuer_name(plan: Plan) -> str:
    """The agency's name without the province ("Sở Tư pháp tỉnh Thái Nguyên" → "Sở Tư pháp"): the
    province is printed above it as the governing body."""
    name = plan.owner_agency.name
    return re.sub(rf"\s+tỉnh\s+{re.escape(plan.province.short_name)}$", "", name)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _plan_reference(plan: Plan) -> str:
    kind = plan.get_kind_display()
    number = f" số {plan.number}" if plan.number and any(ch.isdigit() for ch in plan.number) else ""
    issued = f" ngày {plan.issued_on:%d/%m/%Y}" if plan.issued_on else ""
    issuer = f" của {plan.issuer}" if plan.issuer else ""
    title = f" về {_lower_first(plan.title)}" if plan.title else ""
    return f"{kind}{number}{issued}{issuer}{title}"


@dataclass
class TaskSummary:
    task: Task
    counts: selectors.Counts
    leads: list[str]
    figures: dict[str, float]
    excerpts: list[tuple[str, str]]
    more_reports: int
    training: selectors.TrainingProgress | None = None


@dataclass
class AgencyLapse:
    agency: str
    late: int = 0
    missing: int = 0
    returned: int = 0
    refs: set[str] = field(default_factory=set)


@dataclass
class ReportData:
    plan: Plan
    options: ReportOptions
    today: date
    total: selectors.Counts
    tasks: list[TaskSummary]
    lapses: list[AgencyLapse]
    obligations: list[Obligation]
    latest: dict[int, ProgressReport]
    budgets: list[dict[str, Any]]


def _obligations(plan: Plan, start: date, end: date) -> QuerySet[Obligation]:
    return plan.obligations.exclude(state=Obligation.State.CANCELLED).filter(
        due_date__gte=start, due_date__lte=end
    )


def _unit_text(unit: Any) -> str:
    """A lead unit for today's reader: the current agency, with the document's wording when it changed
    (“Sở Văn hóa, Thể thao và Du lịch (văn bản ghi: Sở Thông tin và Truyền thông)”); a group stays as written."""
    agencies = [assignment.agency.name for assignment in unit.assignments.all()]
    if not agencies or len(agencies) > 3:
        return str(unit.written)
    names = ", ".join(agencies)
    return names if unit.via in ("exact", "manual") else f"{names} (văn bản ghi: {unit.written})"


def _sum_figures(target: dict[str, float], figures: dict[str, Any]) -> None:
    for key, value in figures.items():
        if key in FIGURE_LABELS and isinstance(value, int | float):
            target[key] = target.get(key, 0) + value


def collect(plan: Plan, options: ReportOptions, *, today: date) -> ReportData:
    """Everything the report says, gathered in a handful of queries."""
    rows = _obligations(plan, options.start, options.end)
    obligations = list(selectors.obligation_rows(rows))
    latest: dict[int, ProgressReport] = {}
    for report in ProgressReport.objects.filter(obligation__in=rows, submitted_at__isnull=False).order_by(
        "version"
    ):
        latest[report.obligation_id] = report  # the highest version wins
    contributions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for obligation_id, extra in Contribution.objects.filter(obligation__in=rows).values_list(
        "obligation_id", "figures"
    ):
        contributions[obligation_id].append(extra)
    by_task: dict[int, list[Obligation]] = defaultdict(list)
    for obligation in obligations:
        by_task[obligation.task_id].append(obligation)
    counts = {row.key: row.counts for row in selectors.by_task(rows, today)}
    training = {
        item.task.pk: item for item in selectors.training_progress(plan.tasks.all(), options.end.year)
    }
    tasks = []
    lapses: dict[int, AgencyLapse] = {}
    for task in plan.tasks.filter(is_cancelled=False).prefetch_related("units__assignments__agency"):
        items = by_task.get(task.pk, [])
        figures: dict[str, float] = {}
        excerpts: list[tuple[str, str]] = []
        reported = [o for o in items if o.pk in latest]
        # Accepted reports first: they are what the coordinating officer vouches for.
        reported.sort(key=lambda o: (o.state != Obligation.State.ACCEPTED, o.agency.name))
        for obligation in reported:
            _sum_figures(figures, latest[obligation.pk].figures)
            for extra in contributions.get(obligation.pk, []):
                _sum_figures(figures, extra)
        for obligation in reported[:EXCERPTS_PER_TASK]:
            text = " ".join(latest[obligation.pk].text.split())
            if len(text) > EXCERPT_CHARS:
                text = text[: EXCERPT_CHARS - 1].rstrip() + "…"
            excerpts.append((obligation.agency.short_name or obligation.agency.name, text))
        tasks.append(
            TaskSummary(
                task=task,
                counts=counts.get(task.pk, selectors.Counts()),
                leads=[_unit_text(unit) for unit in task.units.all() if unit.role == "lead"],
                figures=figures,
                excerpts=excerpts,
                more_reports=max(0, len(reported) - EXCERPTS_PER_TASK),
                training=training.get(task.pk),
            )
        )
        for obligation in items:
            bucket = selectors.bucket_of(obligation, today)
            if bucket not in ("late", "missing", "returned"):
                continue
            lapse = lapses.setdefault(obligation.agency_id, AgencyLapse(obligation.agency.name))
            setattr(lapse, bucket, getattr(lapse, bucket) + 1)
            lapse.refs.add(task.ref)
    budgets = selectors.budget_totals(BudgetEstimate.objects.filter(task__plan=plan, year=options.end.year))
    return ReportData(
        plan=plan,
        options=options,
        today=today,
        total=selectors.counts(rows, today),
        tasks=tasks,
        lapses=sorted(lapses.values(), key=lambda lapse: (-lapse.missing, -lapse.late, lapse.agency)),
        obligations=obligations,
        latest=latest,
        budgets=budgets,
    )


def _figures_text(figures: dict[str, float]) -> str:
    parts = []
    for key, _label in FIGURES:
        if key in figures:
            value = figures[key]
            number = f"{value:,.0f}".replace(",", ".") if float(value).is_integer() else f"{value:,.1f}"
            parts.append(f"{number} {FIGURE_UNITS[key]}")
    return "; ".join(parts)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def report_docx(data: ReportData) -> bytes:
    plan, options, total = data.plan, data.options, data.total
    period = f"từ ngày {options.start:%d/%m/%Y} đến ngày {options.end:%d/%m/%Y}"
    doc = new_administrative_document(
        _issuer_name(plan),
        options.number or "/BC",
        plan.province.short_name,
        options.signed_on,
        "Báo cáo",
        parent=f"UBND {plan.province.name}",
        summary=f"Kết quả thực hiện {_plan_reference(plan)}",
    )
    add_paragraph(
        doc,
        f"Thực hiện {_plan_reference(plan)}, {_issuer_name(plan)} tổng hợp kết quả thực hiện của "
        f"các cơ quan, đơn vị, địa phương trong kỳ báo cáo ({period}) như sau:",
    )
    add_heading(doc, "I. TÌNH HÌNH TRIỂN KHAI VÀ BÁO CÁO")
    add_paragraph(
        doc,
        f"Kế hoạch có {len(data.tasks)} nhiệm vụ; trong kỳ có {total.total} báo cáo phải thực hiện, trong đó "
        f"{total.due} báo cáo đã đến hạn. Đã báo cáo đúng hạn {total.on_time} ({_percent(total.on_time, total.due)}), "
        f"trễ hạn {total.late}, bị trả lại để bổ sung {total.returned}, quá hạn chưa báo cáo {total.missing}; "
        f"{total.pending} báo cáo chưa đến hạn.",
    )
    add_table(
        doc,
        ["TT", "Nhiệm vụ", "Đúng hạn", "Trễ hạn", "Trả lại", "Chưa báo cáo", "Chưa đến hạn"],
        [
            (
                index,
                f"{item.task.ref}. {item.task.label}",
                item.counts.on_time,
                item.counts.late,
                item.counts.returned,
                item.counts.missing,
                item.counts.pending,
            )
            for index, item in enumerate(data.tasks, start=1)
        ],
        widths_cm=(1.2, 7.3, 1.6, 1.6, 1.6, 1.6, 1.6),
    )
    add_heading(doc, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ")
    for index, item in enumerate(data.tasks, start=1):
        task = item.task
        add_paragraph(
            doc, f"{index}. {task.label} (mục {task.ref}; {task.get_cadence_display().lower()})", bold=True
        )
        if item.leads:
            add_paragraph(doc, f"- Đơn vị chủ trì: {'; '.join(item.leads)}.")
        counts = item.counts
        if counts.total:
            add_paragraph(
                doc,
                f"- Báo cáo trong kỳ: {counts.on_time + counts.late}/{counts.total} đã báo cáo "
                f"(đúng hạn {counts.on_time}, trễ hạn {counts.late}); trả lại {counts.returned}; "
                f"quá hạn chưa báo cáo {counts.missing}.",
            )
        else:
            add_paragraph(doc, "- Không có báo cáo đến hạn trong kỳ.")
        if item.figures:
            add_paragraph(doc, f"- Số liệu tổng hợp: {_figures_text(item.figures)}.")
        training = item.training
        if training is not None:
            goal = (
                f"chỉ tiêu {training.target:02d} {task.target_unit or 'lớp'}/năm" if training.target else ""
            )
            if training.courses:
                held = f"đã tổ chức {training.courses:02d} lớp" + (f"/{goal}" if goal else "")
                held += f", {training.attended} lượt người tham dự"
            else:
                held = "chưa tổ chức lớp nào" + (f" ({goal})" if goal else "")
            add_paragraph(doc, f"- Tập huấn, bồi dưỡng năm {training.year}: {held}.")
        for agency, text in item.excerpts:
            add_paragraph(doc, f"- {agency}: {text}")
        if item.more_reports:
            add_paragraph(
                doc, f"- Và {item.more_reports} báo cáo khác (chi tiết tại Phụ lục kèm theo).", italic=True
            )
    add_heading(doc, "III. CƠ QUAN, ĐƠN VỊ BÁO CÁO TRỄ HẠN HOẶC CHƯA BÁO CÁO")
    if data.lapses:
        add_table(
            doc,
            ["TT", "Cơ quan, đơn vị", "Trễ hạn", "Chưa báo cáo", "Trả lại", "Nhiệm vụ"],
            [
                (
                    index,
                    lapse.agency,
                    lapse.late,
                    lapse.missing,
                    lapse.returned,
                    ", ".join(sorted(lapse.refs)),
                )
                for index, lapse in enumerate(data.lapses, start=1)
            ],
            widths_cm=(1.2, 5.8, 1.7, 1.9, 1.7, 4.2),
        )
    else:
        add_paragraph(doc, "Các cơ quan, đơn vị đều báo cáo đúng hạn.")
    if data.budgets:
        add_heading(doc, f"IV. KINH PHÍ THỰC HIỆN NĂM {options.end.year}")
        amount = sum(row["amount"] or 0 for row in data.budgets)
        allocated = sum(row["allocated"] or 0 for row in data.budgets)
        spent = sum(row["spent"] or 0 for row in data.budgets)
        add_paragraph(
            doc,
            f"Tổng dự toán của {len(data.budgets)} cơ quan: {amount:,} đồng; đã được bố trí {allocated:,} đồng; "
            f"đã chi {spent:,} đồng (chi tiết tại Phụ lục).".replace(",", "."),
        )
    numbering = "V" if data.budgets else "IV"
    add_heading(doc, f"{numbering}. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ")
    for text in _paragraphs(options.difficulties) + _paragraphs(options.proposals) or ["Không có."]:
        add_paragraph(doc, text)
    add_paragraph(doc, f"Trên đây là báo cáo kết quả thực hiện trong kỳ của {_issuer_name(plan)}./.")
    add_closing(
        doc,
        recipients=options.recipients,
        signature=Signature(
            authority="",
            capacity=options.capacity.upper(),
            position=options.position.upper(),
            name=options.signer,
        ),
    )
    return to_bytes(doc)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- spreadsheets ------------------------------------------------------------------------------------


def _sheet(
    wb: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, first: bool = False
) -> Any:
    ws = wb.active if first else wb.create_sheet()
    ws.title = title[:31]
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append([timezone.localtime(v).replace(tzinfo=None) if isinstance(v, datetime) else v for v in row])
        for cell in ws[ws.max_row]:
            # Text from uploaded documents and reports is never a formula ("=HYPERLINK(…)").
            if cell.data_type == "f":
                cell.data_type = "s"
    for index, header in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(index)].width = max(12, min(60, len(header) + 6))
    ws.freeze_panes = "A2"
    return ws


def _workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


COUNT_HEADERS = ["Đúng hạn", "Trễ hạn", "Trả lại", "Chưa báo cáo", "Chưa đến hạn", "Chờ duyệt", "Tổng số"]
OBLIGATION_HEADERS = [
    "Kế hoạch",
    "Mục",
    "Nhiệm vụ",
    "Cơ quan chủ trì",
    "Kỳ báo cáo",
    "Từ ngày",
    "Đến ngày",
    "Hạn báo cáo",
    "Trạng thái",
    "Đánh giá",
    "Ngày báo cáo",
    "Tiến độ",
]


def _count_cells(counts: selectors.Counts) -> list[int]:
    return [
        counts.on_time,
        counts.late,
        counts.returned,
        counts.missing,
        counts.pending,
        counts.awaiting,
        counts.total,
    ]


def _obligation_cells(obligation: Obligation, today: date) -> list[Any]:
    bucket = selectors.bucket_of(obligation, today)
    return [
        obligation.plan.number or obligation.plan.title[:60],
        obligation.task.ref,
        obligation.task.label,
        obligation.agency.name,
        obligation.period_label,
        obligation.period_start,
        obligation.period_end,
        obligation.due_date,
        obligation.get_state_display(),
        selectors.BUCKET_LABELS.get(bucket, "Đã hủy"),
        obligation.reported_on,
        PROGRESS_LABELS.get(obligation.progress, ""),
    ]


def report_xlsx(data: ReportData) -> bytes:
    """The annex: per task, every obligation with its report, the lapses, courses and budget."""
    wb = Workbook()
    _sheet(
        wb,
        "Tổng hợp nhiệm vụ",
        ["Mục", "Nhiệm vụ", "Thời gian thực hiện", *COUNT_HEADERS, *FIGURE_LABELS.values()],
        [
            [
                item.task.ref,
                item.task.label,
                item.task.get_cadence_display(),
                *_count_cells(item.counts),
                *(item.figures.get(key) for key in FIGURE_LABELS),
            ]
            for item in data.tasks
        ],
        first=True,
    )
    _sheet(
        wb,
        "Chi tiết báo cáo",
        [*OBLIGATION_HEADERS, "Kết quả thực hiện", *FIGURE_LABELS.values(), "Ý kiến cán bộ điều phối"],
        [
            [
                *_obligation_cells(obligation, data.today),
                data.latest[obligation.pk].text if obligation.pk in data.latest else "",
                *(
                    data.latest[obligation.pk].figures.get(key) if obligation.pk in data.latest else None
                    for key in FIGURE_LABELS
                ),
                data.latest[obligation.pk].review_comment if obligation.pk in data.latest else "",
            ]
            for obligation in data.obligations
        ],
    )
    _sheet(
        wb,
        "Trễ hạn, chưa báo cáo",
        ["Cơ quan, đơn vị", "Trễ hạn", "Chưa báo cáo", "Trả lại", "Nhiệm vụ"],
        [
            [lapse.agency, lapse.late, lapse.missing, lapse.returned, ", ".join(sorted(lapse.refs))]
            for lapse in data.lapses
        ],
    )
    _sheet(
        wb,
        "Tập huấn",
        [
            "Mục",
            "Nhiệm vụ",
            "Năm",
            "Số lớp đã tổ chức",
            "Chỉ tiêu (lớp/năm)",
            "Lượt người tham dự",
            "Đạt chỉ tiêu",
        ],
        [
            [
                item.task.ref,
                item.task.label,
                item.training.year,
                item.training.courses,
                item.training.target,
                item.training.attended,
                {True: "Đạt", False: "Chưa đạt", None: ""}[item.training.met],
            ]
            for item in data.tasks
            if item.training is not None
        ],
    )
    _sheet(
        wb,
        "Kinh phí",
        [
            "Năm",
            "Cơ quan",
            "Dự toán (đồng)",
            "Thẩm định (đồng)",
            "Bố trí (đồng)",
            "Đã chi (đồng)",
            "Số dự toán",
        ],
        [
            [
                row["year"],
                row["agency__name"],
                row["amount"],
                row["appraised"],
                row["allocated"],
                row["spent"],
                row["estimates"],
            ]
            for row in data.budgets
        ],
    )
    return _workbook_bytes(wb)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return ""
    # A spreadsheet would run text starting with these as a formula (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + value
    return value


def obligations_csv(rows: Iterable[Obligation], today: date) -> bytes:
    """The dashboard's filtered obligations, UTF-8 with a byte-order mark so Excel reads the diacritics."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(OBLIGATION_HEADERS)
    for obligation in rows:
        writer.writerow([_csv_cell(v) for v in _obligation_cells(obligation, today)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def dashboard_xlsx(
    rows: Iterable[Obligation],
    today: date,
    *,
    tasks: Sequence[selectors.Row],
    agencies: Sequence[selectors.Row],
    periods: Sequence[selectors.Row],
) -> bytes:
    wb = Workbook()
    _sheet(wb, "Báo cáo", OBLIGATION_HEADERS, (_obligation_cells(o, today) for o in rows), first=True)
    _sheet(
        wb, "Theo nhiệm vụ", ["Nhiệm vụ", *COUNT_HEADERS], ([r.label, *_count_cells(r.counts)] for r in tasks)
    )
    _sheet(
        wb,
        "Theo cơ quan",
        ["Cơ quan", *COUNT_HEADERS],
        ([r.label, *_count_cells(r.counts)] for r in agencies),
    )
    _sheet(
        wb, "Theo kỳ", ["Kỳ báo cáo", *COUNT_HEADERS], ([r.label, *_count_cells(r.counts)] for r in periods)
    )
    return _workbook_bytes(wb)


def budget_xlsx(estimates: Iterable[BudgetEstimate], totals: Sequence[dict[str, Any]]) -> bytes:
    """For the finance department (Sở Tài chính): every estimate, and the sums per agency and year."""
    wb = Workbook()
    _sheet(
        wb,
        "Tổng hợp theo cơ quan",
        [
            "Năm",
            "Cơ quan",
            "Dự toán (đồng)",
            "Thẩm định (đồng)",
            "Bố trí (đồng)",
            "Đã chi (đồng)",
            "Số dự toán",
        ],
        [
            [
                r["year"],
                r["agency__name"],
                r["amount"],
                r["appraised"],
                r["allocated"],
                r["spent"],
                r["estimates"],
            ]
            for r in totals
        ],
        first=True,
    )
    _sheet(
        wb,
        "Chi tiết dự toán",
        [
            "Năm",
            "Kế hoạch",
            "Mục",
            "Nhiệm vụ",
            "Cơ quan",
            "Nguồn",
            "Dự toán (đồng)",
            "Thẩm định (đồng)",
            "Bố trí (đồng)",
            "Đã chi (đồng)",
            "Trạng thái",
            "Ghi chú",
        ],
        [
            [
                e.year,
                e.task.plan.number or e.task.plan.title[:60],
                e.task.ref,
                e.task.label,
                e.agency.name,
                e.get_source_display(),
                e.amount,
                e.appraised_amount,
                e.allocated_amount,
                e.spent_amount,
                e.get_status_display(),
                e.note,
            ]
            for e in estimates
        ],
    )
    return _workbook_bytes(wb)
