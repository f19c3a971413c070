"""Deadline display: the remaining time as words (kept live by static/press/countdown.js)."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, pgettext

register = template.Library()


def _units() -> tuple[str, str, str, str]:
    return (
        pgettext("countdown", "ngày"),
        pgettext("countdown", "giờ"),
        pgettext("countdown", "phút"),
        pgettext("countdown", "giây"),
    )


def remaining_words(seconds: int) -> str:
    """“2 ngày 3 giờ”, “5 giờ 20 phút”, “12 phút”."""
    day, hour, minute, _second = _units()
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days} {day} {hours} {hour}"
    if hours:
        return f"{hours} {hour} {minutes} {minute}"
    return f"{minutes} {minute}"


@register.simple_tag
def countdown(due: datetime | None, met: datetime | None = None) -> SafeString:
    """A badge: time left (amber under a day), overdue in red, or on time / late once met."""
    if due is None:
        return format_html('<span class="badge">{}</span>', gettext("không có hạn cố định"))
    if met is not None:
        if met <= due:
            return format_html('<span class="badge ok">{}</span>', gettext("đúng hạn"))
        late = remaining_words(int((met - due).total_seconds()))
        return format_html('<span class="badge bad">{}</span>', gettext("trễ %(time)s") % {"time": late})
    left = int((due - timezone.now()).total_seconds())
    css = "bad" if left < 0 else "warn" if left < 86400 else "ok"
    overdue, remaining = gettext("quá hạn %(time)s"), gettext("còn %(time)s")
    text = (overdue if left < 0 else remaining) % {"time": remaining_words(left)}
    # The script rewrites the text every second in the same words.
    return format_html(
        '<span class="badge {} countdown" data-due="{}" data-left="{}" data-over="{}" data-units="{}">{}</span>',
        css,
        due.isoformat(),
        remaining,
        overdue,
        "|".join(_units()),
        text,
    )
