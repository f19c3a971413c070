"""Sample plan at first start: an invented plan (marked as sample data) imported through the same review
service an officer uses, tracked from the start of the year, with a few reports, a course and estimates
so the dashboard has content. Idempotent."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from typing import Any

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from loa.core.models import Notification
from loa.organisations.models import Membership, Role
from loa.organisations.selectors import home_province
from loa.plans import services
from loa.plans.models import Obligation, Plan, PlanImport, Progress

SAMPLE_NAME = "ke-hoach-mau-truyen-thong-chinh-sach.docx"


def sample_plan_docx(province_short: str, year: int, *, commune_task: bool = False) -> bytes:
    """An invented provincial plan in the usual layout: heading block, numbered tasks with labelled
    fields, a training task with a class target, a one-off task with a quarter deadline and duties per
    agency in the implementation part. `commune_task` adds a task every commune committee leads."""
    document = docx.Document()
    heading = document.add_table(rows=2, cols=2)
    heading.cell(0, 0).text = f"ỦY BAN NHÂN DÂN\nTỈNH {province_short.upper()}"
    heading.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    heading.cell(1, 0).text = "Số: 999/KH-UBND"
    heading.cell(1, 1).text = f"{province_short}, ngày 15 tháng 01 năm {year}"
    lines = [
        "KẾ HOẠCH",
        f"Triển khai công tác truyền thông chính sách năm {year} (dữ liệu mẫu của Loa)",
        "Văn bản này là dữ liệu mẫu để trình diễn, không phải văn bản thật của cơ quan nào.",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Kịp thời cung cấp thông tin về chính sách mới đến người dân, doanh nghiệp.",
        "II. NHIỆM VỤ",
        "1. Cung cấp thông tin định kỳ cho báo chí",
        "- Nội dung: Tổ chức họp báo, cung cấp thông tin định kỳ về các chính sách mới ban hành và dự thảo "
        "chính sách có tác động lớn đến xã hội.",
        "- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.",
        "- Đơn vị phối hợp: Văn phòng UBND tỉnh và Cổng Thông tin điện tử tỉnh.",
        "- Thời gian thực hiện: Thường xuyên.",
        "2. Truyền thông dự thảo chính sách trong quá trình xây dựng văn bản",
        "- Nội dung: Đăng tải dự thảo, tổng hợp ý kiến góp ý của Nhân dân trên Cổng Thông tin điện tử tỉnh.",
        "- Đơn vị chủ trì: Sở Tư pháp.",
        "- Đơn vị phối hợp: Các sở, ban, ngành tỉnh.",
        "- Thời gian thực hiện: Hằng quý.",
        "3. Tập huấn kỹ năng truyền thông chính sách",
        "- Nội dung: Tập huấn kỹ năng phát ngôn, cung cấp thông tin cho báo chí và xử lý khủng hoảng truyền "
        "thông cho đội ngũ làm công tác truyền thông của các sở, ngành và UBND cấp xã.",
        "- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.",
        "- Đơn vị phối hợp: Sở Nội vụ; UBND các xã, phường.",
        "- Thời gian thực hiện: Hằng năm (dự kiến tổ chức 02 lớp/năm).",
        "4. Xây dựng bộ tài liệu hỏi - đáp về chính sách mới",
        "- Nội dung: Biên soạn, phát hành bộ tài liệu hỏi - đáp về chính sách mới có hiệu lực trong năm.",
        "- Đơn vị chủ trì: Sở Tư pháp.",
        "- Đơn vị phối hợp: Sở Văn hóa, Thể thao và Du lịch.",
        f"- Thời gian hoàn thành: Quý III/{year}.",
        *(
            [
                "5. Truyền thông chính sách tại cơ sở",
                "- Nội dung: Phát thanh chính sách mới trên hệ thống thông tin cơ sở, niêm yết tại nhà văn hóa.",
                "- Đơn vị chủ trì: UBND các xã, phường.",
                "- Đơn vị phối hợp: Sở Văn hóa, Thể thao và Du lịch.",
                "- Thời gian thực hiện: Hằng quý.",
            ]
            if commune_task
            else []
        ),
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Tài chính",
        "Căn cứ khả năng ngân sách, tham mưu UBND tỉnh bố trí kinh phí thực hiện Kế hoạch; báo cáo kết quả "
        "hằng năm.",
        "2. Công an tỉnh",
        "Phối hợp với Sở Văn hóa, Thể thao và Du lịch theo dõi, xử lý tin giả, thông tin xấu độc về chính "
        "sách của tỉnh; báo cáo 6 tháng.",
        "Trên đây là Kế hoạch triển khai công tác truyền thông chính sách; các cơ quan, đơn vị tổ chức thực "
        "hiện./.",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Người Ký Mẫu",
    ]
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _coordinator() -> Any:
    membership = (
        Membership.objects.filter(role__in=[Role.COORDINATOR, Role.ADMIN], user__is_active=True)
        .select_related("user")
        .order_by("role", "pk")
        .first()
    )
    return membership.user if membership else None


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_default_timezone())


def _sample_activity(actor: Any, plan: Plan, today: date) -> None:
    """Past periods as they might have gone: most reports on time and accepted, one late, one returned."""
    due = list(
        plan.obligations.filter(state=Obligation.State.ASSIGNED, due_date__lt=today).order_by(
            "due_date", "pk"
        )
    )
    for index, obligation in enumerate(due):
        if index % 5 == 4:
            continue  # left missing
        late = index % 5 == 3
        submitted = (
            obligation.due_date + timedelta(days=3) if late else obligation.due_date - timedelta(days=2)
        )
        services.report_save(
            actor,
            obligation,
            text=f"(Mẫu) Đã triển khai nhiệm vụ {obligation.task.ref} trong {obligation.period_label.lower()}: "
            "tổ chức các hoạt động theo kế hoạch, cập nhật thông tin lên Cổng Thông tin điện tử.",
            progress=Progress.IN_PROGRESS,
            figures={"articles": 5 + index, "events": 1},
            submit=True,
            now=_at(submitted),
        )
        decision = "returned" if index % 5 == 2 else "accepted"
        comment = "(Mẫu) Bổ sung số liệu cụ thể về số tin, bài." if decision == "returned" else ""
        services.report_review(
            actor, obligation, decision=decision, comment=comment, now=_at(submitted + timedelta(days=1))
        )
    training = plan.tasks.filter(is_training=True).first()
    if training is not None:
        leads = list(training.assignments.filter(role="lead").values_list("agency_id", flat=True))
        services.course_record(
            actor,
            training,
            title="(Mẫu) Lớp tập huấn kỹ năng phát ngôn",
            held_on=min(today, date(today.year, 4, 10)),
            place="Hội trường UBND tỉnh (mẫu)",
            participants={agency_id: (30, 27) for agency_id in leads},
        )


@transaction.atomic
def demo_setup(newsroom_url: str) -> str | None:
    province = home_province()
    actor = _coordinator()
    if province is None or actor is None or Plan.objects.filter(is_sample=True).exists():
        return None
    today = timezone.localdate()
    content = sample_plan_docx(province.short_name, today.year, commune_task=True)
    record = services.import_document(actor, SimpleUploadedFile(SAMPLE_NAME, content))
    if record.status != PlanImport.Status.PENDING:
        return None
    record.data["settings"]["tracking_from"] = date(today.year, 1, 1).isoformat()
    record.save(update_fields=["data"])
    plan = services.import_confirm(actor, record)
    Plan.objects.filter(pk=plan.pk).update(is_sample=True)
    last_notice = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
    _sample_activity(actor, plan, today)
    # The simulated history is not news: nobody is told about reports "made" months ago.
    Notification.objects.filter(pk__gt=last_notice).delete()
    return f"kế hoạch mẫu: {plan.tasks.count()} nhiệm vụ, {plan.obligations.count()} báo cáo cần theo dõi"
