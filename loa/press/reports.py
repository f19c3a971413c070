"""The annual press-statement report (legal-requirements §3.E) and the registry export for the national
network (§3.H): counts K1–K6 computed from the records with their drill-down, and .docx/.xlsx files.

The .docx uses the shared Decree 30/2020 layout of `loa.core.documents`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from io import BytesIO
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
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
from loa.deadlines.services import db_rules
from loa.organisations.models import Membership, Province, Role
from loa.press.models import AnnualReport, PressEvent, PressRequest, Spokesperson, UrgentEvent


def report_window(year: int) -> tuple[datetime, datetime]:
    """[15 December of the previous year 00:00, 15 December 00:00) in Vietnam time."""
    tz = timezone.get_default_timezone()
    return (
        datetime.combine(date(year - 1, 12, 15), time.min, tzinfo=tz),
        datetime.combine(date(year, 12, 15), time.min, tzinfo=tz),
    )


@dataclass
class KpiItem:
    label: str
    when: datetime | None
    ok: bool | None  # counted in the numerator
    kind: str  # "event" | "request" | "urgent"
    pk: int


@dataclass
class Kpi:
    code: str
    label: str  # Vietnamese: the report to the Ministry quotes it; screens show ui_label
    numerator: int
    denominator: int | None = None
    items: list[KpiItem] = field(default_factory=list)

    @property
    def ui_label(self) -> str:
        return gettext(self.label)

    @property
    def display(self) -> str:
        return f"{self.numerator}/{self.denominator}" if self.denominator is not None else str(self.numerator)

    @property
    def rate(self) -> float | None:
        if not self.denominator:
            return None
        return self.numerator / self.denominator


def _in(start: datetime, end: datetime, moment: datetime | None) -> bool:
    return moment is not None and start <= moment < end


def annual_counts(year: int, *, now: datetime | None = None) -> list[Kpi]:
    """K1–K6 for the data window of `year`, from the records of the province, its departments and communes."""
    now = now or timezone.now()
    start, end = report_window(year)
    held = PressEvent.objects.filter(status=PressEvent.Status.HELD, held_at__gte=start, held_at__lt=end)

    def events(kind: str) -> list[KpiItem]:
        return [
            KpiItem(f"{e.title} — {e.agency.short_name or e.agency.name}", e.held_at, True, "event", e.pk)
            for e in held.filter(kind=kind).select_related("agency").order_by("held_at")
        ]

    k1 = events(PressEvent.Kind.CONFERENCE)
    k2 = events(PressEvent.Kind.BRIEFING)

    requests = list(
        PressRequest.objects.filter(received_at__gte=start, received_at__lt=end)
        .exclude(state=PressRequest.State.REDIRECTED)
        .order_by("received_at")
    )
    k3 = [
        KpiItem(f"{r.reference}: {r.subject}", r.received_at, r.answered, "request", r.pk) for r in requests
    ]
    false_reports = [r for r in requests if r.classification == PressRequest.Classification.FALSE_REPORT]
    k6 = [
        KpiItem(f"{r.reference}: {r.subject}", r.received_at, r.sent_at is not None, "request", r.pk)
        for r in false_reports
    ]

    window = Q(occurred_at__gte=start, occurred_at__lt=end) | Q(received_at__gte=start, received_at__lt=end)
    window |= Q(found_at__gte=start, found_at__lt=end)
    urgent = [
        e for e in UrgentEvent.objects.filter(window).order_by("created_at") if _in(start, end, e.trigger_at)
    ]
    k4 = [KpiItem(e.title, e.trigger_at, e.first_statement_at is not None, "urgent", e.pk) for e in urgent]
    # A case counts for timeliness once its deadline has passed or its statement is out.
    timed = [
        e for e in urgent if e.due_at is not None and (e.first_statement_at is not None or e.due_at < now)
    ]
    k5 = [KpiItem(e.title, e.due_at, bool(e.met_on_time), "urgent", e.pk) for e in timed]

    def ratio(code: str, label: str, items: list[KpiItem]) -> Kpi:
        return Kpi(code, label, sum(1 for i in items if i.ok), len(items), items)

    return [
        Kpi("K1", gettext_noop("Số cuộc họp báo đã tổ chức"), len(k1), None, k1),
        Kpi("K2", gettext_noop("Số lần chủ động cung cấp thông tin tại giao ban báo chí"), len(k2), None, k2),
        ratio("K3", gettext_noop("Số yêu cầu của báo chí đã trả lời / đã tiếp nhận"), k3),
        ratio("K4", gettext_noop("Số sự kiện, vấn đề cần phát ngôn đã có phát ngôn / tổng số"), k4),
        ratio("K5", gettext_noop("Số phát ngôn đúng thời hạn / số trường hợp có thời hạn"), k5),
        ratio(
            "K6",
            gettext_noop("Số văn bản phản hồi, đề nghị cải chính / số trường hợp báo chí đăng thông tin sai"),
            k6,
        ),
    ]


def counts_snapshot(kpis: Iterable[Kpi]) -> dict[str, Any]:
    return {k.code: {"label": k.label, "numerator": k.numerator, "denominator": k.denominator} for k in kpis}


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _basis(report: AnnualReport) -> str:
    """The legal basis of the generation the report's deadline was computed with."""
    rule = next((r for r in db_rules() if r.key == report.rule_key), None)
    return f"quy định tại {rule.legal_basis}" if rule else "quy định"


def annual_report_docx(report: AnnualReport, kpis: list[Kpi], province: Province) -> bytes:
    """The report as a Decree 30/2020 administrative document (Báo cáo, ký hiệu BC-UBND)."""
    start, end = report_window(report.year)
    signed = timezone.localdate(report.sent_at) if report.sent_at else None
    doc = new_administrative_document(
        f"ỦY BAN NHÂN DÂN\n{province.name}",
        report.number,
        province.short_name,
        signed,
        "Báo cáo",
        summary=f"Kết quả công tác phát ngôn và cung cấp thông tin cho báo chí năm {report.year}",
    )
    add_paragraph(
        doc,
        f"Thực hiện {_basis(report)} về phát ngôn và cung cấp thông tin cho báo chí, Ủy ban nhân dân "
        f"{province.name[0].lower()}{province.name[1:]} báo cáo kết quả công tác phát ngôn và cung cấp thông tin "
        f"cho báo chí năm {report.year} (số liệu từ ngày {start:%d/%m/%Y} đến ngày "
        f"{timezone.localtime(end) - timedelta(days=1):%d/%m/%Y}) như sau:",
    )
    add_heading(doc, "I. KẾT QUẢ THỰC HIỆN")
    add_table(
        doc,
        ["TT", "Nội dung", "Kết quả"],
        [(index, k.label, k.display) for index, k in enumerate(kpis, start=1)],
        widths_cm=(1.2, 12, 3.3),
    )
    add_paragraph(
        doc,
        "Số liệu tổng hợp từ hồ sơ trên hệ thống Loa của Ủy ban nhân dân tỉnh, các sở, ngành và Ủy ban nhân dân "
        "các xã, phường; không tính yêu cầu đã chuyển cơ quan có thẩm quyền khác.",
        italic=True,
    )
    add_heading(doc, "II. KHÓ KHĂN, VƯỚNG MẮC")
    for text in _paragraphs(report.difficulties) or ["Không có."]:
        add_paragraph(doc, text)
    add_heading(doc, "III. ĐỀ XUẤT, KIẾN NGHỊ")
    for text in _paragraphs(report.proposals) or ["Không có."]:
        add_paragraph(doc, text)
    add_paragraph(
        doc,
        f"Ủy ban nhân dân {province.name[0].lower()}{province.name[1:]} báo cáo Bộ Văn hóa, Thể thao và Du lịch "
        "theo quy định./.",
    )
    add_closing(
        doc,
        recipients=_paragraphs(report.recipients),
        signature=Signature(position=report.signer_position.upper(), name=report.signer_name),
        archive="VT",
    )
    return to_bytes(doc)


def _sheet(
    wb: Workbook, title: str, headers: list[str], rows: Iterable[Iterable[Any]], first: bool = False
) -> Any:
    ws = wb.active if first else wb.create_sheet()
    ws.title = title[:31]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append([timezone.localtime(v).replace(tzinfo=None) if isinstance(v, datetime) else v for v in row])
    for index, header in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(index)].width = max(12, min(60, len(header) + 6))
    ws.freeze_panes = "A2"
    return ws


def _workbook_bytes(wb: Workbook) -> bytes:
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def annual_report_xlsx(report: AnnualReport, kpis: list[Kpi]) -> bytes:
    start, end = report_window(report.year)
    wb = Workbook()
    summary = _sheet(
        wb,
        "Tổng hợp",
        ["Mã", "Chỉ tiêu", "Kết quả", "Số đạt", "Tổng số"],
        [(k.code, k.label, k.display, k.numerator, k.denominator) for k in kpis],
        first=True,
    )
    summary.append([])
    summary.append(
        ["Kỳ số liệu", f"{start:%d/%m/%Y} – {timezone.localtime(end) - timedelta(days=1):%d/%m/%Y}"]
    )
    summary.append(["Khó khăn, vướng mắc", report.difficulties])
    summary.append(["Đề xuất, kiến nghị", report.proposals])
    for kpi in kpis:
        _sheet(
            wb,
            f"{kpi.code} chi tiết",
            ["Hồ sơ", "Thời điểm", "Được tính"],
            [(i.label, i.when, "có" if i.ok else "không") for i in kpi.items],
        )
    return _workbook_bytes(wb)


def _level(spokesperson: Spokesperson) -> str:
    if spokesperson.agency.role == "commune_committee":
        return "Cấp xã"
    return "Cấp tỉnh" if spokesperson.agency.role == "provincial_committee" else "Sở, ngành"


def spokespersons_xlsx(people: Iterable[Spokesperson], staff: Iterable[Membership]) -> bytes:
    """The list sent to the ministry's press department for the national network of spokespersons and
    policy-communication staff."""
    wb = Workbook()
    _sheet(
        wb,
        "Người phát ngôn",
        [
            "TT",
            "Cơ quan, đơn vị",
            "Cấp",
            "Họ và tên",
            "Loại",
            "Chức vụ",
            "Điện thoại",
            "Thư điện tử",
            "Văn bản giao, ủy quyền",
            "Ngày ký",
            "Hiệu lực từ",
            "Hiệu lực đến",
            "Công bố trên cổng lúc",
            "Công bố đúng hạn",
        ],
        [
            (
                index,
                p.agency.name,
                _level(p),
                p.full_name,
                p.get_kind_display(),
                p.position,
                p.phone,
                p.email,
                p.decision_number,
                p.decision_date,
                p.valid_from,
                p.valid_to,
                p.published_at,
                {True: "có", False: "trễ", None: ""}[p.met_on_time],
            )
            for index, p in enumerate(people, start=1)
        ],
        first=True,
    )
    _sheet(
        wb,
        "Cán bộ truyền thông CS",
        ["TT", "Cơ quan, đơn vị", "Họ và tên", "Chức vụ", "Vai trò trong Loa", "Thư điện tử"],
        [
            (
                index,
                m.agency.name,
                m.user.get_full_name() or m.user.get_username(),
                m.position,
                m.get_role_display(),
                m.user.email,
            )
            for index, m in enumerate(staff, start=1)
        ],
    )
    return _workbook_bytes(wb)


def communication_staff() -> Any:
    """Members who do policy-communication work (everyone but viewers and administrators)."""
    return (
        Membership.objects.select_related("user", "agency")
        .filter(role__in=[Role.COORDINATOR, Role.OFFICER, Role.SPOKESPERSON], user__is_active=True)
        .order_by("agency__name", "user__last_name")
    )
