"""Vietnamese labels for what the pipeline writes as keys: VNTC topics, sentiment cue categories."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The topic model predicts VNTC label keys (ASCII); people read these.
TOPICS: dict[str, str | Promise] = {
    "Chinh tri Xa hoi": _("Chính trị - Xã hội"),
    "Doi song": _("Đời sống"),
    "Khoa hoc": _("Khoa học"),
    "Kinh doanh": _("Kinh doanh"),
    "Phap luat": _("Pháp luật"),
    "Suc khoe": _("Sức khỏe"),
    "The gioi": _("Thế giới"),
    "The thao": _("Thể thao"),
    "Van hoa": _("Văn hóa"),
    "Vi tinh": _("Công nghệ - Vi tính"),
}

CUE_CATEGORIES: dict[str, str | Promise] = {
    "accident": _("tai nạn"),
    "fire": _("cháy nổ"),
    "crime": _("tội phạm"),
    "corruption": _("tham nhũng, tiêu cực"),
    "disaster": _("thiên tai"),
    "service": _("dịch vụ công trục trặc"),
    "pollution": _("ô nhiễm"),
    "complaint": _("khiếu nại, phản ánh"),
    "economy": _("khó khăn kinh tế"),
    "disease": _("dịch bệnh"),
    "labour": _("lao động, tiền lương"),
    "institution": _("yếu kém của cơ quan, trường, viện"),
    "general": _("tiêu cực chung"),
    "opening": _("khánh thành, khai trương"),
    "support": _("hỗ trợ"),
    "growth": _("tăng trưởng"),
    "award": _("khen thưởng"),
    "achievement": _("thành tích"),
    "recovery": _("khắc phục, phục hồi"),
    "quantity": _("tăng/giảm số lượng"),
}

CUE_MODIFIERS: dict[str, str | Promise] = {
    "negated": _("bị phủ định"),
    "prevention": _("trong ngữ cảnh phòng ngừa"),
    "relief": _("trong ngữ cảnh khắc phục"),
    "future": _("kế hoạch, chưa xảy ra"),
}


def topic_label(key: str) -> str:
    return str(TOPICS.get(key, key)) if key else ""


def cue_category_label(key: str) -> str:
    return str(CUE_CATEGORIES.get(key, key))


def cue_modifier_label(key: str | None) -> str:
    return str(CUE_MODIFIERS.get(key, key)) if key else ""
