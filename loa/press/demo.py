"""Sample press content at first start, marked as sample data (`is_sample`) and shown with a badge."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from loa.organisations.models import Agency
from loa.organisations.selectors import home_province
from loa.press import services
from loa.press.models import PressEvent, PressRequest, Spokesperson

SAMPLE_PEOPLE = (
    # agency slug, kind, name, position, phone, e-mail, decision, hours since signing, published
    (
        "ubnd-tinh",
        "regular",
        "Nguyễn Văn Mẫu",
        "Chánh Văn phòng UBND tỉnh",
        "0208 3851 000",
        "vpubnd@example.gov.vn",
        "15/QĐ-UBND (mẫu)",
        240,
        True,
    ),
    (
        "so-vhttdl",
        "head",
        "Trần Thị Mẫu",
        "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
        "0208 3852 000",
        "svhttdl@example.gov.vn",
        "Quyết định bổ nhiệm (mẫu)",
        500,
        True,
    ),
    (
        "so-tu-phap",
        "regular",
        "Lê Văn Mẫu",
        "Phó Giám đốc Sở Tư pháp",
        "0208 3853 000",
        "stp@example.gov.vn",
        "08/QĐ-STP (mẫu)",
        2,
        False,
    ),
)


@transaction.atomic
def demo_setup(newsroom_url: str) -> str | None:
    """A few spokespersons, a scheduled and a past press conference, one open press request. Idempotent."""
    province = home_province()
    actor = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if province is None or actor is None or Spokesperson.objects.filter(is_sample=True).exists():
        return None
    agencies = {a.slug: a for a in Agency.objects.filter(province=province)}
    now = timezone.now()
    for slug, kind, name, position, phone, email, decision, hours, published in SAMPLE_PEOPLE:
        if slug not in agencies:
            continue
        person = services.spokesperson_register(
            actor,
            agency=agencies[slug],
            kind=kind,
            full_name=name,
            position=position,
            phone=phone,
            email=email,
            decision_number=decision,
            signed_at=now - timedelta(hours=hours),
            is_sample=True,
        )
        if published:
            services.spokesperson_publish(actor, person, now=person.signed_at + timedelta(hours=3))
    committee = agencies.get("ubnd-tinh")
    if committee is not None:
        past = services.event_schedule(
            actor,
            agency=committee,
            kind=PressEvent.Kind.CONFERENCE,
            title="[Mẫu] Họp báo định kỳ quý trước",
            scheduled_at=now - timedelta(days=70),
            place="Hội trường UBND tỉnh",
            is_sample=True,
        )
        services.event_hold(actor, past, summary="Dữ liệu mẫu.")
        services.event_schedule(
            actor,
            agency=committee,
            kind=PressEvent.Kind.CONFERENCE,
            title="[Mẫu] Họp báo định kỳ quý",
            scheduled_at=timezone.localtime(now + timedelta(days=14)).replace(
                hour=15, minute=0, second=0, microsecond=0
            ),
            place="Hội trường UBND tỉnh; trực tuyến",
            is_sample=True,
        )
    request = services.press_request_receive(
        actor,
        channel=PressRequest.Channel.FORM,
        outlet="Báo Thái Nguyên (mẫu)",
        journalist="Phóng viên mẫu",
        contact_email="phongvien@example.vn",
        subject="[Mẫu] Phản ánh thời gian chờ công chứng tại bộ phận một cửa",
        body="Dữ liệu mẫu: bạn đọc phản ánh thời gian chờ công chứng kéo dài; đề nghị cơ quan chức năng trả lời.",
        requested_agency_text="Sở Tư pháp",
        received_at=now - timedelta(days=3),
        is_sample=True,
    )
    services.press_request_transition(actor, request, "classify", classification="petition")
    if "so-tu-phap" in agencies:
        services.press_request_transition(actor, request, "assign", agency=agencies["so-tu-phap"])
    return "phát ngôn, báo chí: dữ liệu mẫu (3 người phát ngôn, 2 buổi họp báo, 1 yêu cầu của báo chí)"
