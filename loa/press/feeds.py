"""RSS of published statements and press releases (/public/statements/rss/)."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.text import Truncator

from loa.organisations.selectors import home_province
from loa.press.models import Statement
from loa.press.selectors import public_statements


class StatementsFeed(Feed):
    description = "Thông cáo báo chí và phát ngôn đã công bố"

    def title(self) -> str:
        province = home_province()
        return f"Thông cáo, phát ngôn — UBND {province.name if province else ''}".strip(" —")

    def link(self) -> str:
        return reverse("public:statements")

    def items(self) -> list[Statement]:
        return list(public_statements()[:30])

    def item_title(self, item: Statement) -> str:
        return item.title

    def item_description(self, item: Statement) -> str:
        return Truncator(item.body).words(80)

    def item_link(self, item: Statement) -> str:
        return reverse("public:statement", args=[item.pk])

    def item_pubdate(self, item: Statement) -> datetime | None:
        return item.published_at

    def item_author_name(self, item: Statement) -> str:
        return item.agency.name
