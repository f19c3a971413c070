"""Public pages without login: directory, schedule, the journalists' form (CSRF, rate limit, uploads)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from loa.press import services
from loa.press.models import PressRequest

pytestmark = pytest.mark.django_db

FORM = {
    "outlet": "Báo Lao Động",
    "journalist": "Hoàng Minh",
    "contact_email": "minh@laodong.vn",
    "subject": "Đề nghị cung cấp thông tin về dự án đường",
    "body": "Đề nghị UBND tỉnh cho biết tiến độ.",
    "requested_agency_text": "Sở Xây dựng",
}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def test_directory_lists_published_current_spokespersons_only(client, register, users):
    published = register(signed="2026-07-02T09:00", full_name="Người Đã Công Bố")
    services.spokesperson_publish(users["coordinator"], published)
    register(slug="so-tai-chinh", signed="2026-07-02T09:00", full_name="Người Chưa Công Bố")
    head = register(slug="so-noi-vu", kind="head", signed="2026-01-02T09:00", full_name="Giám Đốc")
    expired = register(
        slug="so-noi-vu",
        kind="authorised",
        signed="2026-01-03T09:00",
        authorised_by=head,
        valid_to=date(2026, 1, 31),
        scope="Một vụ việc",
        full_name="Ủy Quyền Hết Hạn",
    )
    services.spokesperson_publish(users["coordinator"], expired)
    html = client.get(reverse("public:directory")).content.decode()
    assert "Người Đã Công Bố" in html and "lan@thainguyen.gov.vn" in html
    assert "Người Chưa Công Bố" not in html and "Ủy Quyền Hết Hạn" not in html


def test_schedule_shows_public_upcoming_events(client, users, agencies):
    services.event_schedule(
        users["coordinator"],
        agency=agencies["ubnd-tinh"],
        kind="conference",
        title="Họp báo công khai",
        scheduled_at=timezone.now() + timezone.timedelta(days=5),
    )
    services.event_schedule(
        users["coordinator"],
        agency=agencies["ubnd-tinh"],
        kind="conference",
        title="Họp báo nội bộ",
        scheduled_at=timezone.now() + timezone.timedelta(days=6),
        is_public=False,
    )
    html = client.get(reverse("public:schedule")).content.decode()
    assert "Họp báo công khai" in html and "Họp báo nội bộ" not in html


def test_public_form_requires_csrf(province):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("public:request"), FORM).status_code == 403
    page = strict.get(reverse("public:request"))
    token = page.cookies["csrftoken"].value
    response = strict.post(reverse("public:request"), {**FORM, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    created = PressRequest.objects.get()
    assert created.channel == "public_form" and created.agency is None and created.state == "received"
    assert created.reference in strict.get(response["Location"]).content.decode()


def test_public_form_is_rate_limited(client, province):
    codes = [
        client.post(reverse("public:request"), FORM, REMOTE_ADDR="203.0.113.7").status_code for _ in range(6)
    ]
    assert codes == [302, 302, 302, 302, 302, 429]
    assert PressRequest.objects.count() == 5
    assert client.post(reverse("public:request"), FORM, REMOTE_ADDR="203.0.113.8").status_code == 302


def test_public_form_checks_attachments_by_content_and_needs_a_contact(client, province):
    disguised = SimpleUploadedFile(
        "baocao.pdf", b"\x7fELF\x02\x01\x01 binary", content_type="application/pdf"
    )
    response = client.post(reverse("public:request"), {**FORM, "attachments": [disguised]})
    assert response.status_code == 200 and "chương trình chạy được" in response.content.decode()
    no_contact = {k: v for k, v in FORM.items() if k != "contact_email"}
    assert (
        "thư điện tử hoặc số điện thoại"
        in client.post(reverse("public:request"), no_contact).content.decode()
    )
    bot = client.post(reverse("public:request"), {**FORM, "website": "http://spam"})
    assert bot.status_code == 200 and not PressRequest.objects.exists()
    pdf = SimpleUploadedFile(
        "tailieu.pdf", b"%PDF-1.4\n%fake but pdf header\n", content_type="application/pdf"
    )
    assert client.post(reverse("public:request"), {**FORM, "attachments": [pdf]}).status_code == 302
    assert PressRequest.objects.get().attachments.get().kind == "pdf"


def test_public_pages_need_no_login(client, province):
    for name in (
        "public:index",
        "public:directory",
        "public:statements",
        "public:schedule",
        "public:request",
    ):
        assert client.get(reverse(name)).status_code == 200, name
