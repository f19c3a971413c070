from __future__ import annotations

from collections.abc import Sequence

import pytest

from loa.pipeline.analyze import Analyzer, Article, classify, locate, normalise
from loa.pipeline.dedup import StoryIndex
from loa.pipeline.dedup_eval import BASE_STORIES
from loa.pipeline.gazetteer import Gazetteer
from loa.pipeline.places import PlaceResolver
from loa.pipeline.sectors import SectorRule

FLOOD_TITLE, FLOOD = BASE_STORIES[0]
BRIDGE_TITLE, BRIDGE = BASE_STORIES[6]


class KeywordTopics:
    """Stands in for the trained topic model: the composition, not the model, is under test here."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def predict(self, texts: Sequence[str]) -> list[str]:
        self.calls.append(len(texts))
        return ["Kinh doanh" if "đầu tư" in text else "Chinh tri Xa hoi" for text in texts]


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver.build(Gazetteer.load())


@pytest.fixture
def analyzer(resolver: PlaceResolver) -> Analyzer:
    return Analyzer(topics=KeywordTopics(), places=resolver, stories=StoryIndex())


def test_normalise_keeps_the_article_and_tokenises_once() -> None:
    item = normalise(Article("a", "Hoà Bình", "Thuỷ lợi  tốt.", None, None))
    assert item.title == "Hòa Bình" and item.text == "Thủy lợi tốt."
    assert item.title_tokens == ["Hòa", "Bình"] and item.body_tokens == ["Thủy", "lợi", "tốt", "."]


def test_analyze_batch_runs_every_stage(analyzer: Analyzer) -> None:
    articles = [
        Article("1", FLOOD_TITLE, FLOOD, "https://baothainguyen.vn/lu-quet.html?utm_source=fb", None),
        Article("2", "Lũ quét ở Võ Nhai", "(TTXVN) " + FLOOD + "\nMinh Hằng", None, None),
        Article("3", BRIDGE_TITLE, BRIDGE, None, None),
    ]
    results = analyzer.analyze_batch(articles)
    assert [r.id for r in results] == ["1", "2", "3"]
    flood, copy, bridge = results
    assert flood.story == copy.story == "1" and bridge.story == "3"
    assert copy.duplicate_of == "1" and copy.exact_duplicate and flood.duplicate_of is None
    assert flood.sentiment == "negative" and bridge.sentiment == "positive"
    assert any(cue.phrase == "lũ quét" for cue in flood.cues)
    assert flood.topic == "Chinh tri Xa hoi" and bridge.topic == "Kinh doanh"
    assert flood.places[0].province == "Tỉnh Thái Nguyên" and flood.places[0].commune == "Xã Sảng Mộc"
    assert flood.url_hash is not None and bridge.url_hash is None
    assert len(flood.content_hash) == 64 and flood.content_hash == copy.content_hash
    assert StoryIndex.from_records([("1", flood.story, flood.fingerprint)]).story_of("1") == "1"
    assert analyzer.topics.calls == [3]  # type: ignore[attr-defined]
    assert analyzer.counts == {
        "articles": 3,
        "new_stories": 2,
        "exact_duplicates": 1,
        "with_places": 3,
        "negative": 2,
        "positive": 1,
    }


def test_stories_carry_over_between_batches(analyzer: Analyzer) -> None:
    analyzer.analyze_batch([Article("a", FLOOD_TITLE, FLOOD)])
    [later] = analyzer.analyze_batch([Article("b", None, FLOOD + " Phóng viên sẽ tiếp tục thông tin.")])
    assert later.story == "a" and not later.exact_duplicate
    assert analyzer.counts["near_duplicates"] == 1
    assert analyzer.story_of("a") == "a"


def test_places_are_one_per_unit_in_order_of_first_mention(resolver: PlaceResolver) -> None:
    item = normalise(
        Article(
            "a",
            "Thái Nguyên: mưa lớn",
            "Mưa lớn ở tỉnh Thái Nguyên và Thành phố Hà Nội. Thái Nguyên bị ngập.",
        )
    )
    places = locate(item, resolver)
    assert [(p.province, p.commune) for p in places] == [
        ("Tỉnh Thái Nguyên", None),
        ("Thành phố Hà Nội", None),
    ]
    assert places[0].mention == "Thái Nguyên"


def test_sector_rules_are_applied_when_given(resolver: PlaceResolver) -> None:
    rules = [SectorRule("thien-tai", 'lũ OR "sạt lở"'), SectorRule("giao-duc", "trường OR giáo*")]
    analyzer = Analyzer(topics=KeywordTopics(), places=resolver, sector_rules=rules)
    [result] = analyzer.analyze_batch([Article("a", FLOOD_TITLE, FLOOD)])
    assert result.sectors == ("thien-tai",)


def test_classify_sends_title_and_text() -> None:
    seen: list[str] = []

    class Recorder:
        def predict(self, texts: Sequence[str]) -> list[str]:
            seen.extend(texts)
            return ["x"] * len(texts)

    items = [normalise(Article("a", "Tiêu đề", "Nội dung")), normalise(Article("b", None, "Chỉ nội dung"))]
    assert classify(items, Recorder()) == ["x", "x"]
    assert seen == ["Tiêu đề\nNội dung", "Chỉ nội dung"]


def test_empty_batch(analyzer: Analyzer) -> None:
    assert analyzer.analyze_batch([]) == []
    assert analyzer.topics.calls == []  # type: ignore[attr-defined]
