from __future__ import annotations

import pytest
from django.utils import timezone

from loa.core.models import Notification
from loa.plans.demo import demo_setup
from loa.plans.models import Obligation, Plan

pytestmark = pytest.mark.django_db


def test_demo_plan_is_imported_once_with_sample_activity(users):
    line = demo_setup("http://127.0.0.1:8765")
    plan = Plan.objects.get()
    assert plan.is_sample and "dữ liệu mẫu" in plan.title and line and "kế hoạch mẫu" in line
    assert plan.tasks.count() == 7 and plan.source_file.name
    assert plan.tracking_from == timezone.localdate().replace(month=1, day=1)
    states = set(Obligation.objects.filter(plan=plan).values_list("state", flat=True))
    if timezone.localdate().month > 3:  # the first quarter is over: reports were made and reviewed
        assert {"accepted", "returned"} <= states
    assert not Notification.objects.filter(title__contains="chờ duyệt").exists()
    assert demo_setup("http://127.0.0.1:8765") is None
    assert Plan.objects.count() == 1


def test_demo_needs_a_coordinator(db):
    assert demo_setup("http://127.0.0.1:8765") is None
    assert not Plan.objects.exists()
