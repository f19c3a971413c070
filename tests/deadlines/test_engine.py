"""Deadline arithmetic on the seed rules: units, generations, explanations, and a property test."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loa.deadlines.calendar import WorkingCalendar, to_vietnam_time
from loa.deadlines.engine import Deadline, add_months, compute, due
from loa.deadlines.rules import SEED_RULES, WORKING_DAYS, Rule, select_rule

CAL = WorkingCalendar()
VN = timezone(timedelta(hours=7))


def run(rule_id: str, start: str, calendar: WorkingCalendar = CAL) -> Deadline:
    return compute(SEED_RULES, rule_id, datetime.fromisoformat(start), calendar)


def iso(deadline: Deadline) -> str:
    assert deadline.due is not None
    return deadline.due.isoformat()


def test_petition_switches_generation_on_1_july_2026() -> None:
    before = run("press.response.petition", "2026-06-30T10:00")
    assert before.rule.unit == "calendar_days" and before.rule.amount == 30
    assert iso(before) == "2026-07-30T23:59:59+07:00"
    after = run("press.response.petition", "2026-07-01T10:00")
    assert after.rule.unit == WORKING_DAYS and after.rule.amount == 15
    assert iso(after) == "2026-07-22T23:59:59+07:00"
    assert "Nghị định 237/2026/NĐ-CP Điều 18.3" in after.explanation


def test_generation_follows_the_vietnam_date_of_a_utc_start() -> None:
    # 18:00 UTC on 30/6 is 01:00 on 1/7 in Vietnam: the 2026 generation applies.
    deadline = run("press.response.petition", "2026-06-30T18:00:00Z")
    assert deadline.rule.valid_from == date(2026, 7, 1)
    assert deadline.start.isoformat() == "2026-07-01T01:00:00+07:00"


def test_hours_run_across_midnight() -> None:
    deadline = run("press.urgent.first_statement", "2026-03-10T22:30")
    assert iso(deadline) == "2026-03-11T22:30:00+07:00"
    assert deadline.first_counted_day is None


def test_hours_run_continuously_through_tet() -> None:
    deadline = run("press.urgent.first_statement", "2027-02-05T20:00+07:00")
    assert iso(deadline) == "2027-02-06T20:00:00+07:00"
    assert [item.describe() for item in deadline.counted_days_off] == ["05/02–06/02/2027 (Tết Nguyên đán)"]
    assert "tính liên tục" in deadline.explanation


def test_authorisation_12_hours_under_decree_09() -> None:
    deadline = run("spokesperson.publish_authorisation", "2026-05-01T18:00")
    assert iso(deadline) == "2026-05-02T06:00:00+07:00"
    assert deadline.rule.legal_basis == "Nghị định 09/2017/NĐ-CP Điều 3.6"


def test_calendar_day_period_ending_on_holiday_moves_to_next_working_day() -> None:
    # 30 days from 1/4/2027 end on Saturday 1/5 (Labour Day); Sunday 2/5 and compensatory Monday 3/5 follow.
    deadline = run("press.response.editor_request", "2027-04-01T09:00")
    assert deadline.nominal_last_day == date(2027, 5, 1)
    assert iso(deadline) == "2027-05-04T23:59:59+07:00"
    assert [item.describe() for item in deadline.skipped] == [
        "01/05–03/05/2027 (Ngày Quốc tế Lao động, Chủ nhật, Nghỉ bù Ngày Quốc tế Lao động)"
    ]
    assert "chuyển sang ngày làm việc tiếp theo" in deadline.explanation


def test_calendar_day_period_ending_in_tet() -> None:
    deadline = run("press.response.editor_request", "2027-01-05T09:00")
    assert deadline.nominal_last_day == date(2027, 2, 4)
    assert iso(deadline) == "2027-02-11T23:59:59+07:00"


def test_calendar_day_period_counts_days_off_inside_it() -> None:
    deadline = run("press.response.editor_request", "2026-06-30T10:00")
    assert deadline.first_counted_day == date(2026, 7, 1)
    assert deadline.skipped == ()
    assert sum((item.last - item.first).days + 1 for item in deadline.counted_days_off) == 8


def test_working_days_skip_tet_and_explain_ranges() -> None:
    deadline = run("ati.request.electronic.complex.provide", "2027-02-02T15:00")
    assert iso(deadline) == "2027-03-02T23:59:59+07:00"
    assert deadline.first_counted_day == date(2027, 2, 3)
    text = deadline.explanation
    assert "bỏ qua 13 ngày nghỉ" in text.lower()
    assert "04/02–10/02/2027 (Tết Nguyên đán)" in text
    assert "13/02–14/02/2027 (Thứ Bảy, Chủ nhật)" in text
    assert "Hạn: 23:59:59 Thứ Ba, 02/03/2027" in text


def test_working_days_across_labour_day_2027() -> None:
    deadline = run("ati.request.electronic.simple", "2027-04-29T10:00")
    # 30/4 Fri, 1/5 Sat, 2/5 Sun, 3/5 compensatory Mon are off: 4, 5, 6 May count.
    assert iso(deadline) == "2027-05-06T23:59:59+07:00"


def test_working_days_across_national_day_2026_count_the_swapped_saturday() -> None:
    deadline = run("ati.request.electronic.simple", "2026-08-20T10:00")
    # 21 Fri, 22 Sat (make-up working day), 24 Mon.
    assert iso(deadline) == "2026-08-24T23:59:59+07:00"
    assert deadline.make_up_days == (date(2026, 8, 22),)
    assert "Tính cả ngày làm bù: 22/08/2026" in deadline.explanation


def test_announced_saturday_working_day_and_monday_off() -> None:
    start = "2027-05-06T08:00"
    assert iso(run("ati.request.post.simple", start)) == "2027-05-13T23:59:59+07:00"
    saturday = CAL.with_announcements(working_days=[date(2027, 5, 8)])
    assert iso(run("ati.request.post.simple", start, saturday)) == "2027-05-12T23:59:59+07:00"
    monday = CAL.with_announcements(days_off=[date(2027, 5, 10)])
    deadline = run("ati.request.post.simple", start, monday)
    assert iso(deadline) == "2027-05-14T23:59:59+07:00"
    assert "08/05–10/05/2027 (Thứ Bảy, Chủ nhật, Ngày nghỉ do Chính phủ công bố)" in deadline.explanation


def test_complaint_conclusion_generations() -> None:
    old = run("press.response.complaint_conclusion", "2026-03-02T09:00")
    assert old.due is None
    assert "Không có hạn tính được" in old.explanation
    assert "press.response.petition" in old.explanation
    new = run("press.response.complaint_conclusion", "2026-07-01T09:00")
    assert iso(new) == "2026-07-08T23:59:59+07:00"


def test_spokesperson_contact_generations() -> None:
    assert run("spokesperson.publish_contact", "2026-06-15T09:00").due is None
    assert iso(run("spokesperson.publish_contact", "2026-07-15T09:00")) == "2026-07-16T09:00:00+07:00"


def test_internal_regulation_45_days_from_1_july_2026() -> None:
    deadline = run("spokesperson.internal_regulation", "2026-07-01")
    # 45th day is Saturday 15/8/2026.
    assert deadline.nominal_last_day == date(2026, 8, 15)
    assert iso(deadline) == "2026-08-17T23:59:59+07:00"


def test_immediately_is_due_at_the_start() -> None:
    deadline = run("ati.request.office.simple", "2026-10-05T14:20:00+07:00")
    assert iso(deadline) == "2026-10-05T14:20:00+07:00"


def test_next_issue_has_no_date() -> None:
    deadline = run("press.correction.periodical", "2026-10-05T14:20")
    assert deadline.due is None
    assert "số báo, chương trình tiếp theo" in deadline.explanation


def test_annual_report_is_due_before_20_december_without_moving() -> None:
    deadline = run("press.annual_report", "2027-12-14T17:00")
    assert iso(deadline) == "2027-12-19T23:59:59+07:00"
    assert "Ngày cuối là ngày nghỉ (Chủ nhật)" in deadline.explanation
    assert iso(run("press.annual_report", "2026-12-14")) == "2026-12-19T23:59:59+07:00"
    assert iso(run("press.annual_report", "2026-12-20")) == "2027-12-19T23:59:59+07:00"


def test_quarterly_conference_uses_months() -> None:
    deadline = run("press.conference.quarterly", "2026-11-30T09:00")
    assert deadline.nominal_last_day == date(2027, 2, 28)
    assert iso(deadline) == "2027-03-01T23:59:59+07:00"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 5, 31), 12, date(2027, 5, 31)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_explicit_rule_outside_its_validity_is_flagged() -> None:
    old = select_rule(SEED_RULES, "press.response.petition", date(2026, 1, 1))
    deadline = due(old, datetime(2026, 8, 3, 9, 0), CAL)
    assert "không có hiệu lực vào ngày sự kiện 03/08/2026" in deadline.explanation


def test_basis_line_marks_tbc() -> None:
    assert "TBC" in run("press.response.petition", "2026-07-01").explanation
    assert "đã xác nhận" in run("press.response.petition", "2026-06-01").explanation


def test_structured_form_is_json_serialisable() -> None:
    payload = run("ati.request.electronic.complex.provide", "2027-02-02T15:00").as_dict()
    decoded = json.loads(json.dumps(payload, ensure_ascii=False))
    assert decoded["due"] == "2027-03-02T23:59:59+07:00"
    assert decoded["rule"]["key"] == "ati.request.electronic.complex.provide@2026-09-01"
    assert decoded["skipped"][0] == {"from": "2027-02-04", "to": "2027-02-10", "reasons": ["Tết Nguyên đán"]}


def test_database_backed_calendar_without_package() -> None:
    rule = Rule(
        id="test.wd",
        title_vi="Thử",
        legal_basis="Văn bản thử Điều 1",
        valid_from=date(2020, 1, 1),
        valid_to=None,
        trigger="ngày nhận",
        amount=2,
        unit=WORKING_DAYS,
        applies_to=(),
        on_breach="",
        verification="confirmed",
    )
    calendar = WorkingCalendar(days_off={date(2027, 3, 2): "Ngày nghỉ lưu trong CSDL"}, statutory=None)
    deadline = due(rule, datetime(2027, 3, 1, 9, 0), calendar)
    assert iso(deadline) == "2027-03-04T23:59:59+07:00"
    assert "02/03/2027 (Ngày nghỉ lưu trong CSDL)" in deadline.explanation


WD_RULES = sorted({rule.id for rule in SEED_RULES if rule.unit == WORKING_DAYS})
ANNOUNCEABLE = st.dates(min_value=date(2025, 1, 1), max_value=date(2029, 12, 31))


@settings(max_examples=150, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2029, 10, 31)),
    offset_hours=st.integers(min_value=-12, max_value=14),
    amount=st.integers(min_value=1, max_value=30),
    days_off=st.sets(ANNOUNCEABLE, max_size=15),
    working=st.sets(ANNOUNCEABLE, max_size=15),
)
def test_working_day_deadline_lands_on_a_working_day(
    start: datetime, offset_hours: int, amount: int, days_off: set[date], working: set[date]
) -> None:
    calendar = WorkingCalendar(days_off=days_off - working, working_days=working)
    moment = start.replace(tzinfo=timezone(timedelta(hours=offset_hours)))
    template = select_rule(SEED_RULES, WD_RULES[amount % len(WD_RULES)], date(2027, 1, 1))
    rule = replace(template, amount=amount)
    deadline = due(rule, moment, calendar)
    assert deadline.due is not None
    local_start = to_vietnam_time(moment).date()
    assert calendar.is_working_day(deadline.due.date())
    assert (deadline.due.date() - local_start).days >= amount
    assert deadline.due.time().isoformat() == "23:59:59"
    assert deadline.due.utcoffset() == timedelta(hours=7)
    counted = sum(
        calendar.is_working_day(local_start + timedelta(days=offset))
        for offset in range(1, (deadline.due.date() - local_start).days + 1)
    )
    assert counted == amount
