"""From hand-written stories to the articles the sample newsroom serves. Pure: the clock is passed in.

Every story is published by its first outlet and republished by the others the way provincial media do
it: a new headline, the outlet's dateline, a dropped sentence or paragraph, an attribution line, the
older tone placement ("hoà", "thuỷ") at some outlets, and one copy served entirely in NFD. The
ground truth (story key, tone, communes) travels with each article so that dedup, locality and
sentiment can be evaluated against it; it is never rendered into the pages.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from loa.demo.newsroom.content import ALL_STORIES, BYLINES, OUTLETS, OUTLETS_BY_SLUG, SURGE_TEMPLATES
from loa.demo.newsroom.content.model import BaseStory, Outlet, Tone
from loa.text import search_key
from loa.text.letters import VOWELS, compose
from loa.text.syllable import parse

PageDate = Literal["ok", "missing", "bogus_past", "bogus_future"]

# The one republished copy served in decomposed Unicode (NFD), as some Mac-made CMS exports are.
NFD_COPY: tuple[str, str] = ("dl-ba-be-khach-tang", "kinh-te-vung")
# Copies whose page carries a broken date, so that extraction has to fall back on the feed date.
BOGUS_DATES: dict[tuple[str, str], PageDate] = {
    ("gt-cau-treo-ngan-son", "tin-mien-nui"): "bogus_past",
    ("gn-tai-ngheo-con-minh", "tin-mien-nui"): "bogus_future",
    ("ccth-chi-so-par-index", "tin-mien-nui"): "bogus_past",
}
FIRST_ID = 10_001
SURGE_FIRST_ID = 90_001
_DATELINE_LAYOUTS = frozenset({"daily", "blog", "tabloid"})
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[“\"(]?[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-ỹ])")


@dataclass(frozen=True)
class SampleArticle:
    id: int
    outlet: str
    path: str
    title: str
    lead: str
    body: tuple[str, ...]
    published: datetime
    category: str
    byline: str
    story_key: str
    theme: str
    tone: Tone
    communes: tuple[str, ...]
    province: str
    original: bool
    variants: tuple[str, ...]
    page_date: PageDate = "ok"
    planted: bool = False

    @property
    def text(self) -> str:
        """Lead and body as a reader sees them (the expected extraction result)."""
        return "\n".join((self.lead, *self.body))


def old_tone_marks(text: str) -> str:
    """Rewrite open oa/oe/uy syllables with the older tone placement: "hòa" -> "hoà", "thủy" -> "thuỷ"."""

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        syllable = parse(word)
        if (
            syllable is None
            or syllable.final
            or syllable.nucleus not in ("oa", "oe", "uy")
            or syllable.tone_index != syllable.start
        ):
            return word
        letters = list(word)
        second = syllable.start + 1
        letters[syllable.start] = VOWELS[word[syllable.start]][0]
        letters[second] = compose(word[second], syllable.tone)
        return "".join(letters)

    return re.sub(r"[^\W\d_]+", fix, text)


def _sentences(paragraph: str) -> list[str]:
    return _SENTENCE_END.split(paragraph)


def _slug(title: str) -> str:
    return search_key(title).replace(" ", "-")[:80].rstrip("-")


def _path(outlet: Outlet, article_id: int, title: str, category: str, published: datetime) -> str:
    prefix = f"/{outlet.slug}"
    if outlet.layout == "portal":
        return f"{prefix}/tin-tuc/chi-tiet?id={article_id}"
    if outlet.layout == "blog":
        return f"{prefix}/{published:%Y/%m}/{_slug(title)}/"
    if outlet.layout == "community":
        return f"{prefix}/bai-viet/{article_id}"
    return f"{prefix}/{_slug(category)}/{_slug(title)}-{article_id}.html"


def _dateline(outlet: Outlet, lead: str) -> str:
    if outlet.layout not in _DATELINE_LAYOUTS:
        return lead
    return f"({outlet.short}) - {lead}"


def _republish(
    story: BaseStory, outlet: Outlet, copy_index: int, rng: random.Random
) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    """Title, lead, body and the list of changes for the copy_index-th republication."""
    variants: list[str] = []
    title = story.title
    if story.alt_titles:
        title = story.alt_titles[(copy_index - 1) % len(story.alt_titles)]
        variants.append("retitled")
    paragraphs = [list(_sentences(p)) for p in story.body]
    if len(paragraphs) >= 3 and copy_index % 2 == 0:
        del paragraphs[rng.randrange(1, len(paragraphs))]
        variants.append("dropped_paragraph")
    candidates = [i for i, sentences in enumerate(paragraphs) if len(sentences) >= 2]
    if candidates:
        paragraphs[rng.choice(candidates)].pop()
        variants.append("dropped_sentence")
    body = [" ".join(sentences) for sentences in paragraphs]
    origin = OUTLETS_BY_SLUG[story.outlets[0]]
    body.append(f"Theo {origin.name}" if outlet.layout != "community" else f"Nguồn: {origin.name}")
    variants.append("attributed")
    return title, story.lead, tuple(body), tuple(variants)


def _articles_for(story: BaseStory, first_id: int, now: datetime) -> Iterable[SampleArticle]:
    rng = random.Random(story.key)
    original_at = now - timedelta(hours=story.age_hours, minutes=rng.randrange(0, 50))
    article_id = first_id
    for copy_index, slug in enumerate(story.outlets):
        outlet = OUTLETS_BY_SLUG[slug]
        variants: tuple[str, ...]
        if copy_index == 0:
            title, lead, body, variants = story.title, story.lead, story.body, ("original",)
            published = original_at
        else:
            title, lead, body, variants = _republish(story, outlet, copy_index, rng)
            delay = timedelta(minutes=rng.randrange(25, 18 * 60))
            published = min(original_at + delay, now - timedelta(minutes=rng.randrange(2, 20)))
            published = max(published, original_at + timedelta(minutes=5))
        lead = _dateline(outlet, lead)
        if outlet.old_tone_marks and copy_index > 0:
            title, lead = old_tone_marks(title), old_tone_marks(lead)
            body = tuple(old_tone_marks(p) for p in body)
            variants = (*variants, "old_tone_marks")
        if (story.key, slug) == NFD_COPY:
            title, lead = unicodedata.normalize("NFD", title), unicodedata.normalize("NFD", lead)
            body = tuple(unicodedata.normalize("NFD", p) for p in body)
            variants = (*variants, "nfd")
        published = published.replace(second=0, microsecond=0)
        yield SampleArticle(
            id=article_id,
            outlet=slug,
            path=_path(outlet, article_id, title, story.category, published),
            title=title,
            lead=lead,
            body=body,
            published=published,
            category=story.category,
            byline=rng.choice(BYLINES),
            story_key=story.key,
            theme=story.theme,
            tone=story.tone,
            communes=story.communes,
            province=story.province,
            original=copy_index == 0,
            variants=variants,
            page_date=BOGUS_DATES.get(
                (story.key, slug), "missing" if outlet.date_style == "relative" else "ok"
            ),
        )
        article_id += 1


def build_catalog(now: datetime, stories: tuple[BaseStory, ...] = ALL_STORIES) -> list[SampleArticle]:
    """All sample articles, newest first, with publication dates spread over the 30 days before ``now``."""
    articles: list[SampleArticle] = []
    next_id = FIRST_ID
    for story in stories:
        batch = list(_articles_for(story, next_id, now))
        articles.extend(batch)
        next_id += len(batch)
    articles.sort(key=lambda a: a.published, reverse=True)
    return articles


def _unit(commune: str) -> str:
    """ "Ba Bể" -> "xã Ba Bể"; "phường Sông Công" and "Xã Ba Bể" keep their kind, in lowercase."""
    name = " ".join(commune.split())
    kind, _, rest = name.partition(" ")
    if kind.lower() in ("xã", "phường") and rest:
        return f"{kind.lower()} {rest}"
    return f"xã {name}"


def build_surge(
    commune: str, count: int, now: datetime, first_id: int = SURGE_FIRST_ID
) -> list[SampleArticle]:
    """``count`` negative articles about ``commune``, published over the last two hours before ``now``.

    The burst cycles through the surge templates and through all outlets, so it looks like one local
    crisis picked up across the press; every headline in a burst is distinct.
    """
    if count < 1:
        return []
    unit = _unit(commune)
    name = unit.split(" ", 1)[1]
    fill = {"unit": unit, "Unit": unit[0].upper() + unit[1:], "name": name}
    articles: list[SampleArticle] = []
    for index in range(count):
        template = SURGE_TEMPLATES[index % len(SURGE_TEMPLATES)]
        round_ = index // len(SURGE_TEMPLATES)
        title = template.titles[round_ % len(template.titles)].format(**fill)
        if round_ >= len(template.titles):
            title = f"{title} (cập nhật {round_ - len(template.titles) + 1})"
        outlet = OUTLETS[index % len(OUTLETS)]
        published = (now - timedelta(minutes=7 * (count - index))).replace(second=0, microsecond=0)
        article_id = first_id + index
        articles.append(
            SampleArticle(
                id=article_id,
                outlet=outlet.slug,
                path=_path(outlet, article_id, title, "Thời sự", published),
                title=title,
                lead=_dateline(outlet, template.lead.format(**fill)),
                body=tuple(p.format(**fill) for p in template.body),
                published=published,
                category="Thời sự",
                byline=BYLINES[index % len(BYLINES)],
                story_key=f"surge-{search_key(unit).replace(' ', '-')}-{index % len(SURGE_TEMPLATES)}",
                theme=template.theme,
                tone="negative",
                communes=(unit,),
                province="Thái Nguyên",
                original=True,
                variants=("planted",),
                page_date="missing" if outlet.date_style == "relative" else "ok",
                planted=True,
            )
        )
    return articles
