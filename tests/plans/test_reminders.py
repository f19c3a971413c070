"""Reminders 7, 3 and 1 working days before a report is due and once overdue, on the database calendar
(weekends, Tết, announced days off), each sent once, in the app and by e-mail."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail

from loa.core.models import Notification
from loa.deadlines.services import announce_day
from loa.plans import services
from loa.plans.models import Obligation, Reminder
from tests.plans.plan_helpers import at, import_sample

pytestmark = pytest.mark.django_db
DUE = date(2027, 2, 16)  # Tuesday after Tết Nguyên đán 2027 (4–10 February)


@pytest.fixture
def obligation(users):
    """One report owed by Sở Tư pháp, due 16/2/2027, requested on 20/1/2027."""
    coordinator = users["coordinator"]
    users["justice"].email = "tuphap@example.gov.vn"
    users["justice"].save()
    plan = import_sample(coordinator, tracking_from=date(2027, 1, 1), now=at("2027-01-20T08:00"))
    Obligation.objects.filter(plan=plan).update(state="cancelled")  # keep only the one under test
    task = plan.tasks.get(ref="II.2")
    task.cadence = "on_request"
    task.save()
    [row] = services.obligation_open_on_request(
        coordinator,
        task,
        due_date=DUE,
        request_note="Bộ VHTTDL yêu cầu báo cáo nhanh",
        now=at("2027-01-20T08:00"),
    )
    return row


def _run_days(first: date, last: date, capture: Any) -> dict[str, date]:
    day = first
    while day <= last:
        with capture(execute=True):  # e-mails leave once the reminders are committed
            services.send_reminders(now=at(f"{day.isoformat()}T09:00"))
            services.send_reminders(now=at(f"{day.isoformat()}T15:00"))  # a second run that day sends nothing
        day += timedelta(days=1)
    return {
        r.kind: r.sent_at.astimezone(at("2027-01-01T00:00").tzinfo).date() for r in Reminder.objects.all()
    }


def test_reminders_count_working_days_across_tet(obligation, users, django_capture_on_commit_callbacks):
    sent = _run_days(date(2027, 1, 20), date(2027, 2, 19), django_capture_on_commit_callbacks)
    assert sent == {
        "7": date(2027, 1, 29),  # 1, 2, 3, 11, 12, 15, 16 February are the 7 working days left
        "3": date(2027, 2, 11),  # the first working day after Tết
        "1": date(2027, 2, 15),
        "overdue": date(2027, 2, 17),
    }
    assert len(mail.outbox) == 4
    assert mail.outbox[0].to == ["tuphap@example.gov.vn"]
    assert "còn 7 ngày làm việc" in mail.outbox[0].body and "16/02/2027" in mail.outbox[0].body
    assert "QUÁ HẠN" in mail.outbox[-1].body
    titles = list(Notification.objects.filter(user=users["justice"]).values_list("title", flat=True))
    assert sum("Nhắc hạn báo cáo" in t for t in titles) == 4
    # The plan's coordinator hears about the overdue report in the app.
    assert Notification.objects.filter(user=users["coordinator"], title__contains="quá hạn báo cáo").exists()


def test_an_announced_day_off_moves_the_reminders(obligation, users, django_capture_on_commit_callbacks):
    announce_day(users["admin"], date(2027, 2, 12), "day_off", label="Nghỉ (giả định trong thử nghiệm)")
    sent = _run_days(date(2027, 1, 20), date(2027, 2, 16), django_capture_on_commit_callbacks)
    # 12/2 is off: from 3/2 the working days left are 11, 15 and 16 February.
    assert sent["3"] == date(2027, 2, 3)
    assert sent["7"] == date(2027, 1, 28)
    assert "overdue" not in sent


def test_no_reminders_on_days_off_and_none_once_reported(obligation, users):
    # 29/1/2027 would be the 7-day reminder; on Saturday 30/1 nothing is sent at all.
    assert services.send_reminders(now=at("2027-01-30T09:00")) == 0
    assert services.send_reminders(now=at("2027-01-29T09:00")) == 1
    services.report_save(users["justice"], obligation, text="Đã báo cáo.", progress="done", submit=True)
    assert services.send_reminders(now=at("2027-02-11T09:00")) == 0
    assert Reminder.objects.count() == 1


def test_the_periodic_task_sends_through_the_service(obligation, monkeypatch):
    from django.utils import timezone

    from loa.plans import tasks

    monkeypatch.setattr(timezone, "now", lambda: at("2027-01-29T09:00"))
    assert tasks.send_reminders.apply().result == 1
    assert tasks.send_reminders.apply().result == 0
    assert tasks.sync_obligations.apply().result == 0
