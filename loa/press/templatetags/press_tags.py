"""Deadline display: the remaining time as words (kept live by static/press/countdown.js)."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


def remaining_words(seconds: int) -> str:
    """“2 ngày 3 giờ”, “5 giờ 20 phút”, “12 phút”."""
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days} ngày {hours} giờ"
    if hours:
        return f"{hours} giờ {minutes} phút"
    return f"{minutes} phút"


@register.simple_tag
def countdown(due: datetime | None, met: datetime | None = None) -> SafeString:
    """A badge: time left (amber under a day), overdue in red, or on time / late once met."""
    if due is None:
        return format_html('<span class="badge">{}</span>', "không có hạn cố định")
    if met is not None:
        if met <= due:
            return format_html('<span class="badge ok">{}</span>', "đúng hạn")
        return format_html(
            '<span class="badge bad">{}</span>', f"trễ {remaining_words(int((met - due).total_seconds()))}"
        )
    left = int((due - timezone.now()).total_seconds())
    css = "bad" if left < 0 else "warn" if left < 86400 else "ok"
    text = f"quá hạn {remaining_words(left)}" if left < 0 else f"còn {remaining_words(left)}"
    return format_html('<span class="badge {} countdown" data-due="{}">{}</span>', css, due.isoformat(), text)
