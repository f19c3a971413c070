"""Demo content at first start: marked as sample, idempotent, needs an administrator to act as."""

from __future__ import annotations

import pytest

from loa.deadlines import demo as deadlines_demo
from loa.deadlines.models import LegalRule
from loa.press import demo
from loa.press.models import PressEvent, PressRequest, Spokesperson

pytestmark = pytest.mark.django_db


def test_demo_content_is_sample_data_and_created_once(users):
    assert deadlines_demo.demo_setup("http://127.0.0.1:8765") and LegalRule.objects.exists()
    assert deadlines_demo.demo_setup("http://127.0.0.1:8765") is None
    line = demo.demo_setup("http://127.0.0.1:8765")
    assert line and "3 người phát ngôn" in line
    people = Spokesperson.objects.all()
    assert people.count() == 3 and all(p.is_sample for p in people)
    assert people.filter(published_at__isnull=False).count() == 2
    assert PressEvent.objects.filter(is_sample=True, status="planned").count() == 1
    request = PressRequest.objects.get()
    assert request.is_sample and request.state == "assigned" and request.agency.slug == "so-tu-phap"
    assert demo.demo_setup("http://127.0.0.1:8765") is None
    assert Spokesperson.objects.count() == 3


def test_demo_needs_an_administrator(province):
    assert demo.demo_setup("http://127.0.0.1:8765") is None
    assert not Spokesperson.objects.exists()
