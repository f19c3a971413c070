"""Press fixtures: a helper to register spokespersons and to log press requests at fixed moments."""

from __future__ import annotations

from datetime import datetime

import pytest

from loa.deadlines.calendar import VN_TZ


def at(text: str) -> datetime:
    """An aware Vietnam-time moment from "YYYY-MM-DDTHH:MM"."""
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


@pytest.fixture
def register(users, agencies):  # type: ignore[no-untyped-def]
    from loa.press import services

    def make(slug: str = "so-tu-phap", kind: str = "regular", signed: str = "2026-07-02T09:00", **extra):  # type: ignore[no-untyped-def]
        actor = extra.pop("actor", users["coordinator"])
        fields = {
            "full_name": "Nguyễn Thị Lan",
            "position": "Phó Giám đốc",
            "phone": "0208 3855 123",
            "email": "lan@thainguyen.gov.vn",
            "decision_number": "12/QĐ-STP",
            "signed_at": at(signed),
            **extra,
        }
        return services.spokesperson_register(actor, agency=agencies[slug], kind=kind, **fields)

    return make


@pytest.fixture
def received(users):  # type: ignore[no-untyped-def]
    """A press request from the public form, received at a given moment."""
    from loa.press import services

    def make(when: str = "2026-07-01T10:00", subject: str = "Phản ánh về thủ tục công chứng", **extra):  # type: ignore[no-untyped-def]
        return services.press_request_receive(
            None,
            channel="public_form",
            outlet=extra.pop("outlet", "Báo Thái Nguyên điện tử"),
            journalist="Trần Văn Bình",
            contact_email="binh@baothainguyen.vn",
            subject=subject,
            body="Bạn đọc phản ánh thời gian chờ công chứng kéo dài.",
            requested_agency_text=extra.pop("requested_agency_text", "Sở Tư pháp"),
            received_at=at(when),
            **extra,
        )

    return make


@pytest.fixture
def assigned(received, users, agencies):  # type: ignore[no-untyped-def]
    """A petition classified and assigned to Sở Tư pháp."""
    from loa.press import services

    def make(when: str = "2026-07-01T10:00", classification: str = "petition", slug: str = "so-tu-phap"):  # type: ignore[no-untyped-def]
        request = received(when)
        services.press_request_transition(
            users["coordinator"], request, "classify", classification=classification
        )
        return services.press_request_transition(
            users["coordinator"], request, "assign", agency=agencies[slug]
        )

    return make
