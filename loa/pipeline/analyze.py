"""The one place where the analysis stages are composed.

    Article -> normalise -> dedup (story) -> locate (places) -> classify (topic) -> sentiment -> Analysis

Each stage is a plain function over plain data; none knows its neighbours. :class:`Analyzer` holds what
is expensive to load (topic model, place resolver, story index) so that it loads once, and runs the
stages over batches: the topic model predicts a whole batch at once. Sector rules are optional and
passed in; the Django side applies its own. Nothing here reads a clock, the network or a database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from loa.pipeline.dedup import (
    Assignment,
    DedupParams,
    Fingerprint,
    StoryIndex,
    fingerprint_normalized,
    url_hash,
)
from loa.pipeline.places import PlaceMention
from loa.pipeline.sectors import Document, SectorRule
from loa.pipeline.sentiment import Cue, Label, sentiment_of_tokens
from loa.pipeline.tokens import BREAK, COMMA, fold_tokens, tokenize
from loa.text import normalize


class TopicModel(Protocol):
    def predict(self, texts: Sequence[str]) -> list[str]: ...


class PlaceFinder(Protocol):
    def find(self, text: str) -> list[PlaceMention]: ...


@dataclass(frozen=True)
class Article:
    id: str
    title: str | None
    text: str
    url: str | None = None
    published: datetime | None = None


@dataclass(frozen=True)
class Place:
    province: str  # today's official name: "Tỉnh Thái Nguyên", "Thành phố Hà Nội"
    province_code: str
    commune: str | None
    commune_code: str | None
    mention: str  # first mention, as written


@dataclass(frozen=True)
class Analysis:
    id: str
    story: str  # id of the story's first article; may later be merged (see Analyzer.story_of)
    duplicate_of: str | None  # the earlier article this one copies, if any
    exact_duplicate: bool
    merged_stories: tuple[str, ...]  # story ids this article joined into ``story``
    url_hash: str | None
    content_hash: str
    fingerprint: bytes  # what to store to rebuild the story index (StoryIndex.from_records)
    understood: Understanding

    @property
    def topic(self) -> str:
        return self.understood.topic

    @property
    def sentiment(self) -> Label:
        return self.understood.sentiment

    @property
    def sentiment_score(self) -> float:
        return self.understood.sentiment_score

    @property
    def cues(self) -> tuple[Cue, ...]:
        return self.understood.cues

    @property
    def places(self) -> tuple[Place, ...]:
        return self.understood.places

    @property
    def sectors(self) -> tuple[str, ...]:
        return self.understood.sectors


@dataclass(frozen=True)
class Normalised:
    article: Article
    title: str
    text: str
    title_tokens: list[str]
    body_tokens: list[str]


@dataclass(frozen=True)
class Understanding:
    """What the story-independent stages make of one article (reprocessing re-runs only these)."""

    item: Normalised
    topic: str
    sentiment: Label
    sentiment_score: float
    cues: tuple[Cue, ...]
    places: tuple[Place, ...]
    sectors: tuple[str, ...]


# ---------------------------------------------------------------------------------------------- stages


def normalise(article: Article) -> Normalised:
    title = normalize(article.title or "")
    text = normalize(article.text)
    return Normalised(article, title, text, tokenize(title), tokenize(text))


def dedup(item: Normalised, index: StoryIndex) -> tuple[Assignment, Fingerprint]:
    fp = fingerprint_normalized(item.text, item.title or None, index.params)
    return index.assign(item.article.id, fp), fp


def locate(item: Normalised, finder: PlaceFinder) -> tuple[Place, ...]:
    """Places of title and body, one per (province, commune), in order of first mention."""
    places: dict[tuple[str, str | None], Place] = {}
    for text in (item.title, item.text):
        if not text:
            continue
        for mention in finder.find(text):
            key = (mention.province_code, mention.commune_code)
            if key not in places:
                places[key] = Place(
                    mention.province_name,
                    mention.province_code,
                    mention.commune_name,
                    mention.commune_code,
                    mention.mention,
                )
    return tuple(places.values())


def classify(items: Sequence[Normalised], model: TopicModel) -> list[str]:
    return model.predict([f"{item.title}\n{item.text}" if item.title else item.text for item in items])


def sector_document(item: Normalised) -> Document:
    """What sector rules look at: the words of title and body, folded, punctuation left out."""
    return Document.from_words(
        [w for w in fold_tokens(item.title_tokens + item.body_tokens) if w not in (BREAK, COMMA)]
    )


def sectors(item: Normalised, rules: Sequence[SectorRule]) -> tuple[str, ...]:
    if not rules:
        return ()
    document = sector_document(item)
    return tuple(rule.id for rule in rules if rule.matches_document(document))


# -------------------------------------------------------------------------------------------- analyzer


@dataclass
class Analyzer:
    """Loaded models plus the story index; :meth:`analyze_batch` runs every stage."""

    topics: TopicModel
    places: PlaceFinder
    stories: StoryIndex = field(default_factory=StoryIndex)
    sector_rules: Sequence[SectorRule] = ()
    counts: Counter[str] = field(default_factory=Counter)

    @classmethod
    def load(
        cls,
        *,
        home_province_code: str | None = None,
        stories: StoryIndex | None = None,
        max_stories_articles: int | None = None,
        dedup_params: DedupParams | None = None,
        sector_rules: Sequence[SectorRule] = (),
    ) -> Analyzer:
        """The shipped topic model and gazetteer; a fresh story index unless one is given."""
        from loa.pipeline.gazetteer import Gazetteer
        from loa.pipeline.places import PlaceResolver
        from loa.pipeline.topic import TopicClassifier

        if stories is None:
            stories = StoryIndex(dedup_params or DedupParams(), max_articles=max_stories_articles)
        return cls(
            topics=TopicClassifier.load(),
            places=PlaceResolver.build(Gazetteer.load(), home_province_code),
            stories=stories,
            sector_rules=sector_rules,
        )

    def story_of(self, story_id: str) -> str:
        """Current id of a story handed out earlier (stories merge when a later article bridges them)."""
        return self.stories.canonical(story_id)

    def understand_batch(self, articles: Iterable[Article]) -> list[Understanding]:
        """Every stage but story assignment: topic, places, sentiment, sectors."""
        items = [normalise(article) for article in articles]
        if not items:
            return []
        results = []
        for item, topic in zip(items, classify(items, self.topics), strict=True):
            feeling = sentiment_of_tokens(item.title_tokens, item.body_tokens)
            results.append(
                Understanding(
                    item=item,
                    topic=topic,
                    sentiment=feeling.label,
                    sentiment_score=feeling.score,
                    cues=feeling.cues,
                    places=locate(item, self.places),
                    sectors=sectors(item, self.sector_rules),
                )
            )
        return results

    def analyze_batch(self, articles: Iterable[Article]) -> list[Analysis]:
        results = []
        for understood in self.understand_batch(articles):
            item = understood.item
            assignment, fp = dedup(item, self.stories)
            match = assignment.match
            results.append(
                Analysis(
                    id=item.article.id,
                    story=assignment.story_id,
                    duplicate_of=match.article_id if match else None,
                    exact_duplicate=bool(match and match.exact),
                    merged_stories=assignment.merged,
                    url_hash=url_hash(item.article.url) if item.article.url else None,
                    content_hash=fp.content_hash.hex(),
                    fingerprint=fp.to_bytes(),
                    understood=understood,
                )
            )
            self._count(results[-1])
        return results

    def _count(self, analysis: Analysis) -> None:
        self.counts["articles"] += 1
        if analysis.duplicate_of is None:
            self.counts["new_stories"] += 1
        elif analysis.exact_duplicate:
            self.counts["exact_duplicates"] += 1
        else:
            self.counts["near_duplicates"] += 1
        if analysis.merged_stories:
            self.counts["merged_stories"] += len(analysis.merged_stories)
        if analysis.places:
            self.counts["with_places"] += 1
        self.counts[analysis.sentiment] += 1
