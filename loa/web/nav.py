"""Top navigation. Each capability adds its entry here; entries whose URL is not installed are hidden."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str | Promise
    coordinator_only: bool = False


NAV: tuple[NavItem, ...] = (
    NavItem("home", _("Tổng quan")),
    NavItem("plans:list", _("Kế hoạch, nhiệm vụ")),
    NavItem("monitoring:articles", _("Theo dõi báo chí")),
    NavItem("trends:dashboard", _("Xu hướng, cảnh báo")),
    NavItem("press:home", _("Phát ngôn, báo chí")),
    NavItem("web:audit", _("Nhật ký"), coordinator_only=True),
)


def nav_links(is_coordinator: bool) -> list[tuple[str, str]]:
    links = []
    for item in NAV:
        if item.coordinator_only and not is_coordinator:
            continue
        try:
            links.append((reverse(item.url_name), str(item.label)))
        except NoReverseMatch:
            continue
    return links
