"""Shapes of the sample newsroom content. ĐÂY LÀ DỮ LIỆU MẪU: every story is invented for tests and demos."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tone = Literal["negative", "neutral", "positive"]

# How an outlet's article page states its publication date; extraction must cope with each.
DateStyle = Literal["meta", "text", "jsonld", "relative"]


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    short: str  # dateline tag as the outlet prints it before the lead, e.g. "TN"
    feed_kind: Literal["rss", "atom"]
    feed_path: str  # below the outlet prefix
    date_style: DateStyle
    old_tone_marks: bool  # republishes with the older "hoà/thuỷ" tone placement
    layout: str  # key of the HTML template in render.py
    description: str


@dataclass(frozen=True)
class BaseStory:
    """One hand-written story; `outlets[0]` publishes it first, the others republish it.

    `tone` is the story's valence for the province's image as a communication officer would read it
    (a police success is positive, an unsolved crime negative). `communes` lists the current (2025)
    units the story is about, written as the dataset writes them ("xã Ba Bể", "phường Phổ Yên").
    """

    key: str
    theme: str
    tone: Tone
    communes: tuple[str, ...]
    age_hours: float
    outlets: tuple[str, ...]
    title: str
    alt_titles: tuple[str, ...]
    lead: str
    body: tuple[str, ...]
    province: str = "Thái Nguyên"
    category: str = "Thời sự"
