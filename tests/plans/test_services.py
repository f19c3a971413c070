"""Import → review → save, through the services an officer's screen calls."""

from __future__ import annotations

import io
from datetime import date

import docx as python_docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from loa.core.models import AuditEvent
from loa.organisations.models import Agency
from loa.plans import review, services
from loa.plans.models import Obligation, Plan, PlanImport, Task, TaskUnit
from tests.plans.plan_helpers import (
    BAC_KAN,
    DAK_LAK,
    at,
    corrupted_docx,
    image_only_pdf,
    import_sample,
    random_pdf,
    sample_docx,
    seed_bytes,
    spreadsheet,
    task_index,
    upload,
)

pytestmark = pytest.mark.django_db
NOW = at("2026-03-02T09:00")


def _unit_index(record: PlanImport, ref: str, role: str, written: str) -> int:
    units = record.data["tasks"][task_index(record, ref)][role]
    return next(i for i, unit in enumerate(units) if unit["written"] == written)


def _lead_slugs(plan: Plan, ref: str) -> set[str]:
    task = plan.tasks.get(ref=ref)
    return set(task.assignments.filter(role="lead").values_list("agency__slug", flat=True))


def test_bac_kan_plan_imports_into_tasks_with_agencies_resolved(users, agencies):
    coordinator = users["coordinator"]
    record = services.import_document(coordinator, upload(seed_bytes(BAC_KAN), "bac-kan.txt"), now=NOW)
    assert record.status == PlanImport.Status.PENDING and record.sha256 and record.file.name
    blocking = review.problems(record.data)
    assert any("Tạp chí Văn nghệ Ba Bể" in p for p in blocking)  # flagged, not dropped
    with pytest.raises(ValidationError):
        services.import_confirm(coordinator, record, now=NOW)

    # The officer corrects one unit name and explicitly leaves the journal unmatched (one by hand, the
    # rest with the "leave remaining unmatched" action).
    i = task_index(record, "II.5")
    j = _unit_index(record, "II.5", "coordinating", "UBND huyện, thành phố")
    k = task_index(record, "II.6.2")
    m = _unit_index(record, "II.6.2", "lead", "Tạp chí Văn nghệ Ba Bể")
    form = {
        f"t{i}-present": "1",
        f"t{i}-include": "1",
        f"t{i}-training": "1",
        f"t{i}-coordinating{j}-written": "UBND các huyện, thành phố",
        f"t{k}-present": "1",
        f"t{k}-include": "1",
        f"t{k}-lead{m}-written": "Tạp chí Văn nghệ Ba Bể",
        f"t{k}-lead{m}-unmatched": "1",
        "doc-title": "Tăng cường truyền thông chính sách trên địa bàn tỉnh Bắc Kạn",
    }
    assert services.import_correct(coordinator, record, form) == []
    record.refresh_from_db()  # kept in the database: a reload loses nothing
    assert len(record.data["tasks"][i]["coordinating"][j]["agency_ids"]) == 92
    assert record.data["tasks"][k]["lead"][m]["unmatched_ok"] is True
    services.import_correct(coordinator, record, {}, action="leave_unmatched")
    plan = services.import_confirm(coordinator, record, now=NOW)

    assert (plan.kind, plan.number, plan.issuer) == ("KH", "/KH-UBND", "UBND tỉnh Bắc Kạn")
    assert plan.source_sha256 == record.sha256 and plan.source_file.name == record.file.name
    refs = list(plan.tasks.values_list("ref", flat=True))
    assert refs[:3] == ["II.1", "II.2", "II.3.1"] and "II.9.2" in refs and "IV.9.3" in refs
    # Former name: Sở Thông tin và Truyền thông → Sở VHTTDL (press function).
    assert _lead_slugs(plan, "II.2") == {"so-vhttdl"}
    unit = TaskUnit.objects.get(task__plan=plan, task__ref="II.2", role="lead")
    assert (unit.written, unit.via) == ("Sở Thông tin và Truyền thông", "former_name")
    # "UBND các huyện, thành phố" → every commune People's Committee (no district level any more).
    communes = set(agencies[s].slug for s in agencies if agencies[s].role == Agency.Role.COMMUNE_COMMITTEE)
    leads = _lead_slugs(plan, "II.1")
    assert communes <= leads and len(communes) == 92
    assert {"so-tu-phap", "so-noi-vu", "so-tai-chinh"} <= leads
    assert _lead_slugs(plan, "IV.2") == {"van-phong-ubnd"}  # "Văn phòng UBND tỉnh"
    assert _lead_slugs(plan, "II.6.2") == {"bao-ptth", "cong-ttdt"}  # Báo/Đài Bắc Kạn, Cổng TTĐT
    journal = TaskUnit.objects.get(task__plan=plan, task__ref="II.6.2", written="Tạp chí Văn nghệ Ba Bể")
    assert journal.via == "unmatched" and not journal.assignments.exists()
    training = plan.tasks.get(ref="II.5")
    assert training.is_training and training.target_count == 1 and training.cadence == "yearly"
    assert plan.tasks.get(ref="II.9.2").cadence == "on_request"
    # Obligations: the yearly data period 15/12/2025–14/12/2026, quarters for ongoing tasks, none on request.
    yearly = Obligation.objects.get(task__plan=plan, task__ref="II.2")
    assert (yearly.period_start, yearly.period_end, yearly.due_date) == (
        date(2025, 12, 15),
        date(2026, 12, 14),
        date(2026, 12, 14),
    )
    assert Obligation.objects.filter(task__ref="II.1", period_key="2026-Q1").count() == len(leads)
    assert not Obligation.objects.filter(task__ref="II.9.2").exists()
    assert AuditEvent.objects.filter(action="plan.create", object_id=str(plan.pk)).exists()


def test_dak_lak_letter_duties_become_tasks_led_by_their_agency(users):
    coordinator = users["coordinator"]
    record = services.import_document(coordinator, upload(seed_bytes(DAK_LAK), "dak-lak.txt"), now=NOW)
    data = record.data
    assert data["document"]["kind"] == "CV" and data["document"]["number"] == "/UBND-KGVX"
    assert all(task["cadence"] == "ongoing" and task["cadence_guessed"] for task in data["tasks"])
    i = task_index(record, "6")
    j = _unit_index(record, "6", "coordinating", "Sở Thông tin và Thông tin và truyền thông")
    k = task_index(record, "7.1")
    m = _unit_index(record, "7.1", "lead", "Báo Đắk Lắk")
    form = {
        f"t{i}-present": "1",
        f"t{i}-include": "1",
        f"t{i}-coordinating{j}-written": "Sở Thông tin và Thông tin và truyền thông",
        f"t{i}-coordinating{j}-pick": "Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Nguyên",
        f"t{k}-present": "1",
        f"t{k}-include": "1",
        f"t{k}-lead{m}-written": "Báo Đắk Lắk",
        f"t{k}-lead{m}-pick": "Báo và PT-TH",  # the short name works too
    }
    assert services.import_correct(coordinator, record, form) == []
    services.import_correct(coordinator, record, {}, action="leave_unmatched")
    plan = services.import_confirm(coordinator, record, now=NOW)
    assert plan.kind == "CV" and plan.tasks.count() == len(data["tasks"])
    assert _lead_slugs(plan, "2.1") == {"so-vhttdl"}
    assert _lead_slugs(plan, "3.2") == {"so-tu-phap"}
    assert _lead_slugs(plan, "4") == {"van-phong-ubnd"}
    assert _lead_slugs(plan, "5") == {"so-tai-chinh"}
    assert _lead_slugs(plan, "7.1") >= {"bao-ptth", "cong-ttdt"}
    assert len(_lead_slugs(plan, "1.1")) == 92 + 15
    picked = TaskUnit.objects.get(
        task__plan=plan, task__ref="6", written__startswith="Sở Thông tin và Thông tin"
    )
    assert picked.via == "manual" and picked.assignments.get().agency.slug == "so-vhttdl"


def test_a_bad_pick_is_reported_and_nothing_else_is_lost(users):
    coordinator = users["coordinator"]
    record = services.import_document(coordinator, upload(sample_docx()), now=NOW)
    errors = services.import_correct(
        coordinator,
        record,
        {"t0-present": "1", "t0-include": "1", "t0-lead0-written": "Sở Văn hóa, Thể thao và Du lịch",
         "t0-lead0-pick": "Sở Không Có", "t0-title": "Cung cấp thông tin cho báo chí", "doc-date": "15/01/2026"},
    )  # fmt: skip
    assert any("Sở Không Có" in e for e in errors) and any("Ngày ban hành" in e for e in errors)
    record.refresh_from_db()
    assert record.data["tasks"][0]["title"] == "Cung cấp thông tin cho báo chí"


def test_officer_can_exclude_add_and_edit_tasks(users):
    coordinator = users["coordinator"]
    record = services.import_document(coordinator, upload(sample_docx()), now=NOW)
    services.import_correct(coordinator, record, {}, action="add_task")
    new = len(record.data["tasks"]) - 1
    form = {
        "t0-present": "1",  # no include box: excluded
        f"t{new}-present": "1",
        f"t{new}-include": "1",
        f"t{new}-ref": "5",
        f"t{new}-content": "Tổ chức cuộc thi tìm hiểu chính sách mới.",
        f"t{new}-cadence": "once",
        f"t{new}-due": "2026-10-31",
        f"t{new}-leadnew": "Sở Tư pháp",
    }
    assert services.import_correct(coordinator, record, form) == []
    plan = services.import_confirm(coordinator, record, now=NOW)
    assert not plan.tasks.filter(ref="II.1").exists()
    added = plan.tasks.get(ref="5")
    assert (added.cadence, added.due_date) == ("once", date(2026, 10, 31))
    obligation = added.obligations.get()
    assert (obligation.period_label, obligation.due_date, obligation.agency.slug) == (
        "Một lần",
        date(2026, 10, 31),
        "so-tu-phap",
    )


def test_same_document_twice_is_offered_as_an_update(users):
    coordinator = users["coordinator"]
    content = sample_docx()  # python-docx stamps the time: build the file once
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=NOW, content=content)
    again = services.import_document(coordinator, upload(content), now=NOW)
    assert again.plan == plan and again.duplicate_reason == "same_file"
    assert {c.kind for c in review.changes_from_plan(again.data, plan)} == {"same"}
    # Uploading it once more while that review is pending returns the same review.
    assert services.import_document(coordinator, upload(content), now=NOW).pk == again.pk
    services.import_discard(coordinator, again)

    # Imported again and changed on review: one task reworded, one left out.
    record = services.import_document(coordinator, upload(content), now=NOW)
    assert record.pk != again.pk and record.plan == plan
    record.data["tasks"] = [t for t in record.data["tasks"] if t["ref"] != "II.4"]
    record.data["tasks"][0]["content"] = "Họp báo định kỳ hằng quý về chính sách mới."
    record.save()
    report = next(o for o in plan.obligations.filter(task__ref="II.1", state="assigned"))
    services.report_save(coordinator, report, text="Đã họp báo.", progress="done", submit=True, now=NOW)
    changes = {c.ref: c for c in review.changes_from_plan(record.data, plan)}
    assert changes["II.4"].kind == "removed" and changes["II.1"].kind == "changed"
    assert review.restore_saved(record.data, 0, plan)
    assert record.data["tasks"][0]["content"].startswith("Tổ chức họp báo")
    record.data["tasks"][0]["content"] = "Họp báo định kỳ hằng quý về chính sách mới."
    record.save()
    updated = services.import_confirm(coordinator, record, now=NOW)
    assert updated.pk == plan.pk and Plan.objects.count() == 1
    assert plan.tasks.get(ref="II.1").content == "Họp báo định kỳ hằng quý về chính sách mới."
    gone = plan.tasks.get(ref="II.4")
    assert gone.is_cancelled and not gone.obligations.exclude(state="cancelled").exists()
    report.refresh_from_db()
    assert report.state == "reported"  # submitted work is kept


def test_revised_file_with_same_number_is_detected(users):
    coordinator = users["coordinator"]
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=NOW)
    document = python_docx.Document(io.BytesIO(sample_docx()))
    document.add_paragraph("Phụ chú: bản sửa đổi.")
    buffer = io.BytesIO()
    document.save(buffer)
    record = services.import_document(coordinator, upload(buffer.getvalue()), now=NOW)
    assert record.plan == plan and record.duplicate_reason == "same_number"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "rong.txt", "rỗng"),
        (random_pdf, "bao-cao.pdf", "văn bản"),
        (image_only_pdf, "scan.pdf", "chữ"),
        (spreadsheet, "bang.xlsx", "không được chấp nhận"),
        (corrupted_docx, "hong.docx", "hỏng"),
        (b"\x00\x01\x02binary\x00" * 50, "du-lieu.bin", "không nhận ra định dạng"),
        ("Danh sách mua sắm: gạo, muối, nước mắm.\n".encode(), "ghi-chu.txt", "văn bản"),
    ],
)
def test_files_that_are_not_plans_get_a_clear_message_and_nothing_is_saved(users, content, name, message):
    data = content() if callable(content) else content
    with pytest.raises(ValidationError) as caught:
        services.import_document(users["coordinator"], upload(data, name), now=NOW)
    text = " ".join(caught.value.messages)
    assert message in text.lower() and name in text
    assert PlanImport.objects.count() == 0 and Plan.objects.count() == 0


def test_only_coordinators_import(users):
    with pytest.raises(PermissionDenied):
        services.import_document(users["justice"], upload(sample_docx()), now=NOW)


def test_on_request_obligations_are_opened_by_hand(users):
    coordinator = users["coordinator"]
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=NOW)
    task = plan.tasks.get(ref="II.2")
    Task.objects.filter(pk=task.pk).update(cadence="on_request")
    with pytest.raises(PermissionDenied):
        services.obligation_open_on_request(
            users["justice"], task, due_date=date(2026, 4, 1), request_note="Bộ yêu cầu", now=NOW
        )
    with pytest.raises(ValidationError):
        services.obligation_open_on_request(
            coordinator, task, due_date=date(2026, 4, 1), request_note=" ", now=NOW
        )
    rows = services.obligation_open_on_request(
        coordinator,
        task,
        due_date=date(2026, 4, 1),
        request_note="Công văn 12/BVHTTDL yêu cầu báo cáo",
        now=NOW,
    )
    assert [(o.agency.slug, o.period_key, o.due_date) for o in rows] == [
        ("so-tu-phap", "req-1", date(2026, 4, 1))
    ]
    second = services.obligation_open_on_request(
        coordinator, task, due_date=date(2026, 5, 1), request_note="Yêu cầu lần 2", now=NOW
    )
    assert second[0].period_key == "req-2"


def test_courses_track_the_yearly_class_target(users, agencies):
    from loa.plans import selectors

    coordinator = users["coordinator"]
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=NOW)
    training = plan.tasks.get(ref="II.3")
    assert training.is_training and (training.target_count, training.target_unit) == (2, "lớp")
    with pytest.raises(PermissionDenied):
        services.course_record(
            users["justice"],
            training,
            title="Lớp 1",
            held_on=date(2026, 4, 1),
            place="Hội trường",
            participants={},
        )
    course = services.course_record(
        coordinator,
        training,
        title="Lớp tập huấn kỹ năng phát ngôn",
        held_on=date(2026, 4, 1),
        place="Hội trường UBND tỉnh",
        participants={agencies["so-tu-phap"].pk: (3, 2), agencies["so-noi-vu"].pk: (2, 2)},
    )
    assert course.participations.count() == 2
    progress = selectors.training_progress(plan.tasks.all(), 2026)
    assert [(p.task.ref, p.courses, p.attended, p.target, p.met) for p in progress] == [
        ("II.3", 1, 4, 2, False)
    ]
    with pytest.raises(services.TransitionError):
        services.course_record(
            coordinator,
            plan.tasks.get(ref="II.1"),
            title="x",
            held_on=date(2026, 4, 1),
            place="y",
            participants={},
        )


def test_budget_estimates_move_from_draft_to_spent_and_sum_for_finance(users, agencies):
    from loa.plans import reports, selectors

    coordinator, justice, finance = users["coordinator"], users["justice"], users["finance"]
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=NOW)
    task = plan.tasks.get(ref="II.4")
    estimate = services.budget_save(
        justice, task, agency=agencies["so-tu-phap"], year=2027, amount=50_000_000
    )
    with pytest.raises(PermissionDenied):
        services.budget_save(justice, task, agency=agencies["so-noi-vu"], year=2027, amount=1)
    with pytest.raises(ValidationError):  # Sở Tài chính is not assigned to this task
        services.budget_save(coordinator, task, agency=agencies["so-tai-chinh"], year=2027, amount=1)
    services.budget_save(justice, task, agency=agencies["so-tu-phap"], year=2027, amount=45_000_000)
    services.budget_advance(justice, estimate)  # submitted
    with pytest.raises(PermissionDenied):
        services.budget_advance(justice, estimate)  # only the finance department appraises
    services.budget_advance(finance, estimate, amount=40_000_000)
    services.budget_advance(finance, estimate, amount=38_000_000)
    services.budget_advance(justice, estimate, amount=37_500_000)
    estimate.refresh_from_db()
    assert (estimate.status, estimate.amount, estimate.appraised_amount, estimate.allocated_amount) == (
        "spent",
        45_000_000,
        40_000_000,
        38_000_000,
    )
    assert estimate.spent_amount == 37_500_000
    with pytest.raises(services.TransitionError):
        services.budget_advance(finance, estimate)
    totals = selectors.budget_totals(selectors.budgets_for(finance, year=2027))
    assert totals == [
        {
            "year": 2027,
            "agency_id": agencies["so-tu-phap"].pk,
            "agency__name": agencies["so-tu-phap"].name,
            "amount": 45_000_000,
            "appraised": 40_000_000,
            "allocated": 38_000_000,
            "spent": 37_500_000,
            "estimates": 1,
        }
    ]
    assert selectors.budgets_for(users["viewer"]).count() == 0  # another agency's estimate
    workbook = load_workbook(io.BytesIO(reports.budget_xlsx(selectors.budgets_for(finance), totals)))
    assert workbook.sheetnames == ["Tổng hợp theo cơ quan", "Chi tiết dự toán"]
    assert next(workbook["Tổng hợp theo cơ quan"].iter_rows(min_row=2, values_only=True))[:3] == (
        2027,
        agencies["so-tu-phap"].name,
        45_000_000,
    )


def test_an_update_realigns_open_obligations_with_new_timing(users):
    coordinator = users["coordinator"]
    content = sample_docx()
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=NOW, content=content)
    assert {o.period_kind for o in plan.obligations.filter(task__ref="II.2")} == {"quarterly"}
    record = services.import_document(coordinator, upload(content), now=NOW)
    i, k = task_index(record, "II.2"), task_index(record, "II.4")
    form = {
        f"t{i}-present": "1",
        f"t{i}-include": "1",
        f"t{i}-cadence": "yearly",
        f"t{k}-present": "1",
        f"t{k}-include": "1",
        f"t{k}-due": "2026-08-31",
    }
    assert services.import_correct(coordinator, record, form) == []
    services.import_confirm(coordinator, record, now=NOW)
    ii2 = plan.obligations.filter(task__ref="II.2")
    assert set(ii2.filter(period_kind="quarterly").values_list("state", flat=True)) == {"cancelled"}
    assert ii2.get(period_kind="yearly").period_key == "2026"
    assert plan.obligations.get(task__ref="II.4").due_date == date(2026, 8, 31)
