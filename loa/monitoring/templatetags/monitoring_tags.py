"""Template helpers for the monitoring pages: Vietnamese topic labels, retention, health badges, counts."""

from __future__ import annotations

from django import template

from loa.monitoring import conf, labels

register = template.Library()


@register.filter
def topic_label(key: str) -> str:
    return labels.topic_label(key)


@register.simple_tag
def retention_days() -> int:
    return conf.retention().days


@register.filter
def seconds_vi(seconds: int | float | None) -> str:
    """A polling interval for people: "15 phút", "2 giờ"."""
    from datetime import timedelta

    from loa.pipeline.feeds import format_duration_vi

    if not seconds:
        return "—"
    return format_duration_vi(timedelta(seconds=float(seconds)))


@register.filter
def count_vi(value: int | None) -> str:
    """A count with a dot between thousands, as Vietnamese writes it ("12.000")."""
    from loa.pipeline.trends.explain import format_number

    return format_number(value or 0, 0)
