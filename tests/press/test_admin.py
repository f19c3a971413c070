"""The refusal-ground admin saves through the audited service and keeps grounds a refusal cites."""

from __future__ import annotations

import pytest
from django.urls import reverse

from loa.core.models import AuditEvent
from loa.press import selectors, services
from loa.press.models import RefusalGround
from tests.press.conftest import at

pytestmark = pytest.mark.django_db


def test_admin_edits_a_ground_through_the_service_and_cannot_delete_a_cited_one(client, users, assigned):
    ground = selectors.refusal_grounds().get(code="press-law-2025-31.2.b")
    client.force_login(users["admin"])
    response = client.post(
        reverse("admin:press_refusalground_change", args=[ground.pk]),
        {
            "code": ground.code,
            "label": "Thông tin về vụ án đang điều tra hoặc chưa xét xử",
            "legal_basis": ground.legal_basis,
            "valid_from": "2026-07-01",
            "valid_to": "",
            "verification": "confirmed",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="refusal_ground.update")
    assert set(event.changes) == {"label", "verification"}
    request = assigned("2026-07-01T10:00")
    services.press_request_transition(
        users["spokesperson"],
        request,
        "refuse",
        ground=ground.code,
        reason="Đang điều tra",
        now=at("2026-07-02T09:00"),
    )
    delete = client.get(reverse("admin:press_refusalground_delete", args=[ground.pk]))
    assert delete.status_code == 403 and RefusalGround.objects.filter(pk=ground.pk).exists()
