"""Obligations per reporting period, by cadence; idempotent generation; the report flow."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from loa.core.models import AuditEvent, Notification
from loa.deadlines.services import announce_day
from loa.plans import selectors, services
from loa.plans.models import Obligation, Plan
from tests.plans.plan_helpers import at, import_sample

pytestmark = pytest.mark.django_db


def _periods(plan: Plan, ref: str) -> list[tuple[str, date, date, date, str]]:
    rows = plan.obligations.filter(task__ref=ref).order_by("period_start", "agency__slug")
    return [(o.period_key, o.period_start, o.period_end, o.due_date, o.state) for o in rows]


def test_each_cadence_yields_its_periods(users):
    plan = import_sample(users["coordinator"], tracking_from=date(2026, 1, 1), now=at("2026-06-20T09:00"))
    # Ongoing (II.1) follows the plan's period: quarterly; the next quarter starts within the look-ahead.
    assert _periods(plan, "II.1") == [
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31), date(2026, 3, 31), "assigned"),
        ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30), date(2026, 6, 30), "assigned"),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30), date(2026, 9, 30), "planned"),
    ]
    # Quarterly (II.2) is the same; yearly (II.3, III.1) runs over the data period 15/12–14/12.
    assert [p[0] for p in _periods(plan, "II.2")] == ["2026-Q1", "2026-Q2", "2026-Q3"]
    assert _periods(plan, "II.3") == [
        ("2026", date(2025, 12, 15), date(2026, 12, 14), date(2026, 12, 14), "assigned")
    ]
    # Half-yearly (III.2); H1 2026 ends on Tuesday 30/6.
    assert _periods(plan, "III.2") == [
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30), date(2026, 6, 30), "assigned"),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31), date(2026, 12, 31), "planned"),
    ]
    # Once (II.4, "Quý III/2026"): one obligation due at the end of the quarter.
    assert _periods(plan, "II.4") == [
        ("once", date(2026, 1, 1), date(2026, 9, 30), date(2026, 9, 30), "assigned")
    ]


def test_monthly_plans_and_report_lag_move_due_dates_to_working_days(users):
    plan = import_sample(
        users["coordinator"],
        tracking_from=date(2027, 1, 1),
        now=at("2027-01-05T09:00"),
        ongoing_period="monthly",
        report_lag_days="0",
    )
    # January 2027 ends on a Sunday: the report is due on Monday 1/2.
    assert _periods(plan, "II.1")[0][:4] == ("2027-01", date(2027, 1, 1), date(2027, 1, 31), date(2027, 2, 1))
    services.plan_update(users["coordinator"], plan, report_lag_days=3, now=at("2027-01-05T09:00"))
    # Three working days after 31/1: 1, 2 and 3 February.
    assert plan.obligations.get(task__ref="II.1", period_key="2027-01").due_date == date(2027, 2, 3)


def test_generation_is_idempotent_and_starts_periods_when_they_begin(users):
    coordinator = users["coordinator"]
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=at("2026-06-20T09:00"))
    count = plan.obligations.count()
    again = services.sync_plan(plan, now=at("2026-06-20T10:00"))
    assert (again.created, again.activated, again.moved) == (0, 0, 0)
    assert plan.obligations.count() == count
    later = services.sync_plan(plan, now=at("2026-07-02T09:00"))
    assert later.activated == plan.obligations.filter(period_start=date(2026, 7, 1)).count() == 3
    assert not plan.obligations.filter(period_key="2026-Q3", state="planned").exists()
    assert Notification.objects.filter(user=users["justice"], title__contains="Nhiệm vụ cần báo cáo").exists()
    # The periodic task does the same for every active plan.
    total = services.sync_all(now=at("2026-07-02T09:00"))
    assert (total.created, total.activated) == (0, 0)


def test_announced_day_off_moves_open_due_dates(users, agencies):
    coordinator = users["coordinator"]
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=at("2026-06-20T09:00"))
    q3 = plan.obligations.filter(period_key="2026-Q3", task__ref="II.2")
    assert {o.due_date for o in q3} == {date(2026, 9, 30)}
    announce_day(coordinator, date(2026, 9, 30), "day_off", label="Nghỉ bù (giả định trong thử nghiệm)")
    report = services.sync_plan(plan, now=at("2026-06-21T09:00"))
    assert report.moved >= q3.count()
    assert {o.due_date for o in q3.all()} == {date(2026, 10, 1)}
    assert {o.nominal_due for o in q3.all()} == {date(2026, 9, 30)}
    assert AuditEvent.objects.filter(action="plan.sync", object_id=str(plan.pk)).exists()


def test_collective_leads_owe_one_report_each_and_tracking_end_stops_generation(users):
    coordinator = users["coordinator"]
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=at("2026-02-01T09:00"))
    # The sample's III.1 and III.2 have one lead each; II.2 one lead (Sở Tư pháp).
    assert plan.obligations.filter(task__ref="II.2", period_key="2026-Q1").count() == 1
    services.plan_update(coordinator, plan, tracking_to=date(2026, 3, 31), now=at("2026-02-01T09:00"))
    services.sync_plan(plan, now=at("2026-05-01T09:00"))
    assert not plan.obligations.filter(period_key="2026-Q2").exists()
    services.plan_update(coordinator, plan, status="closed", now=at("2026-05-01T09:00"))
    assert services.sync_plan(plan, now=at("2026-09-01T09:00")).created == 0


def test_lead_officer_reports_coordinator_accepts_or_returns(users, agencies):
    from tests.factories import member

    coordinator, justice = users["coordinator"], users["justice"]
    # A commune committee has no part in task II.2 (Sở Tư pháp leads, provincial departments coordinate).
    outsider = member(agencies["ubnd-05533"], "officer", "t_commune_officer")
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=at("2026-03-20T09:00"))
    obligation = plan.obligations.get(task__ref="II.2", period_key="2026-Q1")
    assert obligation.agency.slug == "so-tu-phap"

    # Another agency's officer can neither read nor report.
    with pytest.raises(PermissionDenied):
        selectors.obligation_for(outsider, obligation.pk)
    assert not selectors.tasks_for(outsider, plan).filter(ref="II.2").exists()
    assert list(selectors.tasks_for(outsider, plan).values_list("ref", flat=True)) == ["II.3"]
    # A coordinating department reads it but cannot report for the lead.
    assert selectors.obligation_for(users["finance"], obligation.pk) == obligation
    with pytest.raises(PermissionDenied):
        services.report_save(users["finance"], obligation, text="x", progress="done", submit=True)
    with pytest.raises(PermissionDenied):
        services.report_save(users["viewer"], obligation, text="x", progress="done", submit=True)

    draft = services.report_save(
        justice,
        obligation,
        text="Đang tổng hợp",
        progress="in_progress",
        figures={"articles": "3"},
        now=at("2026-03-25T09:00"),
    )
    obligation.refresh_from_db()
    assert (obligation.state, draft.submitted_at, draft.figures) == ("in_progress", None, {"articles": 3})
    with pytest.raises(ValidationError):
        services.report_save(justice, obligation, text="", progress="done", submit=True)
    with pytest.raises(ValidationError):
        services.report_save(
            justice, obligation, text="x", progress="done", figures={"budget": "-5"}, submit=True
        )
    submitted = services.report_save(
        justice,
        obligation,
        text="Đã đăng 12 dự thảo, tổng hợp 340 ý kiến.",
        progress="done",
        figures={"articles": 12, "participants": 340},
        submit=True,
        now=at("2026-04-02T09:00"),
    )
    assert submitted.pk == draft.pk and submitted.version == 1
    obligation.refresh_from_db()
    assert (obligation.state, obligation.reported_on) == ("reported", date(2026, 4, 2))
    assert selectors.bucket_of(obligation, date(2026, 4, 3)) == "late"  # due 31/3
    assert Notification.objects.filter(user=coordinator, title__contains="Báo cáo chờ duyệt").exists()
    with pytest.raises(services.TransitionError):
        services.report_save(justice, obligation, text="lại", progress="done", submit=True)

    with pytest.raises(PermissionDenied):
        services.report_review(justice, obligation, decision="accepted")
    with pytest.raises(ValidationError):
        services.report_review(coordinator, obligation, decision="returned", comment="")
    services.report_review(
        coordinator, obligation, decision="returned", comment="Bổ sung số liệu theo tháng."
    )
    obligation.refresh_from_db()
    assert obligation.state == "returned"
    assert Notification.objects.filter(user=justice, title__contains="bị trả lại").exists()

    second = services.report_save(
        justice, obligation, text="Bổ sung: tháng 1: 4, tháng 2: 4, tháng 3: 4.", progress="done", submit=True
    )
    assert second.version == 2
    services.report_review(coordinator, obligation, decision="accepted")
    obligation.refresh_from_db()
    assert obligation.state == "accepted" and obligation.accepted_at is not None
    assert obligation.reported_on == date(2026, 4, 2)  # timeliness is judged on the first submission
    assert list(obligation.reports.values_list("version", "decision")) == [(2, "accepted"), (1, "returned")]
    with pytest.raises(services.TransitionError):
        services.report_review(coordinator, obligation, decision="accepted")


def test_coordinating_agencies_contribute(users, agencies):
    from tests.factories import member

    coordinator, justice = users["coordinator"], users["justice"]
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=at("2026-03-20T09:00"))
    # II.4: Sở Tư pháp leads, Sở VHTTDL coordinates.
    obligation = plan.obligations.get(task__ref="II.4")
    vhttdl_officer = member(agencies["so-vhttdl"], "officer", "t_vhttdl_officer")
    interior_officer = member(agencies["so-noi-vu"], "officer", "t_interior")
    assert selectors.obligations_for(vhttdl_officer).filter(pk=obligation.pk).exists()
    assert not selectors.obligations_for(interior_officer).filter(pk=obligation.pk).exists()
    with pytest.raises(PermissionDenied):
        services.contribution_add(interior_officer, obligation, text="x")
    with pytest.raises(PermissionDenied):  # the lead agency reports; it does not contribute to itself
        services.contribution_add(justice, obligation, text="x")
    contribution = services.contribution_add(
        vhttdl_officer, obligation, text="Đã cung cấp 20 câu hỏi - đáp.", figures={"articles": 20}
    )
    assert contribution.agency.slug == "so-vhttdl"
    assert Notification.objects.filter(user=justice, title__contains="nội dung phối hợp").exists()


def test_attachments_are_checked_by_content(users):
    from django.core.files.uploadedfile import SimpleUploadedFile

    coordinator, justice = users["coordinator"], users["justice"]
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=at("2026-03-20T09:00"))
    obligation = plan.obligations.get(task__ref="II.2", period_key="2026-Q1")
    fake = SimpleUploadedFile("anh.png", b"MZ\x90\x00 this is a program")
    with pytest.raises(ValidationError):
        services.report_save(justice, obligation, text="x", progress="done", attachments=[fake], submit=True)
    obligation.refresh_from_db()
    assert obligation.state == "assigned" and not obligation.reports.exists()  # rolled back
    note = SimpleUploadedFile("ket-qua.txt", "Kết quả: 12 tin bài.".encode())
    report = services.report_save(
        justice, obligation, text="x", progress="done", attachments=[note], submit=True
    )
    attachment = report.attachments.get()
    assert (attachment.kind, attachment.name, len(attachment.sha256)) == ("txt", "ket-qua.txt", 64)


def test_cancelled_obligations_leave_the_counts(users):
    coordinator = users["coordinator"]
    plan = import_sample(coordinator, tracking_from=date(2026, 1, 1), now=at("2026-06-20T09:00"))
    obligation = plan.obligations.get(task__ref="II.2", period_key="2026-Q1")
    rows = Obligation.objects.filter(plan=plan)
    before = selectors.counts(rows.exclude(state="cancelled"), date(2026, 6, 20))
    services.obligation_cancel(coordinator, obligation, reason="Trùng với báo cáo chuyên đề")
    after = selectors.counts(selectors.Filters().apply(rows, date(2026, 6, 20)), date(2026, 6, 20))
    assert after.total == before.total - 1 and after.missing == before.missing - 1
    with pytest.raises(services.TransitionError):
        services.obligation_cancel(coordinator, obligation, reason="lại")
