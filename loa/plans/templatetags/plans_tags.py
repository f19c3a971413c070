"""Small renderers for the plans pages. Tables repeat them for every row, so they are tags rather than
`{% include %}`s (an include per row costs a template context each: seconds on a 60,000-report plan)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from loa.plans.models import Obligation

register = template.Library()
STATE_LABELS: dict[str, Any] = dict(Obligation.State.choices)

BUCKET_BADGES: dict[str, tuple[str, Any]] = {
    "on_time": ("ok", _("Đúng hạn")),
    "late": ("status-late", _("Trễ hạn")),
    "returned": ("status-returned", _("Bị trả lại")),
    "missing": ("bad", _("Quá hạn")),
    "pending": ("status-pending", _("Chưa đến hạn")),
    "cancelled": ("", _("Đã hủy")),
}


@register.filter
def vnd(value: Any) -> str:
    """Money the Vietnamese way: 20.000.000 (Django's "vi" number format does not group digits)."""
    if value is None or value == "":
        return "—"
    return f"{int(value):,}".replace(",", ".")


@register.simple_tag
def bucket_badge(bucket: str) -> SafeString:
    css, label = BUCKET_BADGES.get(bucket, BUCKET_BADGES["pending"])
    return format_html('<span class="badge {}">{}</span>', css, label)


@register.simple_tag
def state_badge(state: str) -> SafeString:
    """An obligation's state; `get_state_display` in a loop would rebuild the choices dict every row."""
    return format_html('<span class="badge status-{}">{}</span>', state, STATE_LABELS.get(state, state))


@register.simple_tag
def count_cells(counts: Any) -> SafeString:
    """The seven count cells of a dashboard row: on time, late, returned, missing, pending, awaiting, rate."""
    cells = [counts.on_time, counts.late, counts.returned]
    missing = format_html('<span class="badge bad">{}</span>', counts.missing) if counts.missing else "0"
    rate = "—" if counts.on_time_rate is None else f"{counts.on_time_rate:.1f}%".replace(".", ",")
    values = [*cells, missing, counts.pending, counts.awaiting, rate]
    return format_html_join("", '<td class="num">{}</td>', ((value,) for value in values))
