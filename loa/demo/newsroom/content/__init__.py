"""Content of the sample newsroom.

ĐÂY LÀ DỮ LIỆU MẪU (this is sample data). Every outlet, story, person, quote and figure in this
package was written for Loa's tests and demos; none of it is real news. Place names are real: the
current communes and wards of Thái Nguyên (which since 1/7/2025 includes the former Bắc Kạn) as the
administrative-unit dataset writes them, plus the old district names people still use.
"""

from __future__ import annotations

from loa.demo.newsroom.content import stories_culture, stories_governance, stories_incidents, stories_society
from loa.demo.newsroom.content.model import BaseStory, Outlet, Tone
from loa.demo.newsroom.content.outlets import OUTLETS, OUTLETS_BY_SLUG
from loa.demo.newsroom.content.surge import SURGE_TEMPLATES, SurgeTemplate

ALL_STORIES: tuple[BaseStory, ...] = (
    stories_governance.STORIES + stories_society.STORIES + stories_incidents.STORIES + stories_culture.STORIES
)

# Invented bylines, so that extraction tests can check that no author name reaches the stored text.
BYLINES: tuple[str, ...] = (
    "Minh Hằng",
    "Quang Huy",
    "Thu Trang",
    "Hoàng Long",
    "Bích Ngọc",
    "Văn Khánh",
    "Lan Anh",
    "Đức Thịnh",
)

__all__ = [
    "ALL_STORIES",
    "BYLINES",
    "OUTLETS",
    "OUTLETS_BY_SLUG",
    "SURGE_TEMPLATES",
    "BaseStory",
    "Outlet",
    "SurgeTemplate",
    "Tone",
]
