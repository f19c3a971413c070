from __future__ import annotations

import random
import unicodedata

import pytest

from loa.pipeline.dedup import (
    Fingerprint,
    StoryIndex,
    assign_stories,
    canonical_url,
    content_hash,
    fingerprint,
    strip_boilerplate,
    url_hash,
)
from loa.pipeline.dedup_eval import (
    BASE_STORIES,
    errors,
    evaluate,
    generate,
    make_variant,
    old_style_tones,
    pairwise_scores,
    refill,
    template_stories,
)
from loa.text import normalize

FLOOD_TITLE, FLOOD = BASE_STORIES[0]
# Pairs of different events in the same place (see BASE_STORIES): they must never share a story.
SAME_SUBJECT_PAIRS = [(0, 1), (2, 3), (4, 5), (20, 21)]


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("https://WWW.BaoThaiNguyen.vn/tin-tuc/abc.html", "https://baothainguyen.vn/tin-tuc/abc.html"),
        ("https://m.baothainguyen.vn/tin-tuc/abc.html/", "https://baothainguyen.vn/tin-tuc/abc.html"),
        ("https://amp.vnexpress.net/a-123.html", "https://vnexpress.net/a-123.html"),
        ("https://vnexpress.net/a-123.html/amp", "https://vnexpress.net/a-123.html"),
        ("http://baothainguyen.vn:80/a?utm_source=fb&utm_medium=x", "http://baothainguyen.vn/a"),
        ("https://baothainguyen.vn:443/a#binh-luan", "https://baothainguyen.vn/a"),
        ("https://baothainguyen.vn:8080/a", "https://baothainguyen.vn:8080/a"),
        ("https://x.vn/a?id=5&fbclid=abc&gclid=def&page=2", "https://x.vn/a?id=5&page=2"),
        ("https://x.vn/a?page=2&id=5", "https://x.vn/a?id=5&page=2"),
        ("x.vn/tin/1", "http://x.vn/tin/1"),
        ("https://x.vn/", "https://x.vn/"),
        ("https://www.m.x.vn/a", "https://x.vn/a"),
        ("https://m.vn/a", "https://m.vn/a"),  # a bare two-label host keeps its name
    ],
)
def test_canonical_url(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


def test_url_hash_ignores_scheme_and_tracking_but_not_meaningful_parameters() -> None:
    base = url_hash("https://baothainguyen.vn/tin?id=5")
    assert base == url_hash("http://www.baothainguyen.vn/tin/?id=5&utm_campaign=x#top")
    assert base != url_hash("https://baothainguyen.vn/tin?id=6")
    assert len(base) == 64


def test_content_hash_survives_republishing_noise() -> None:
    text = FLOOD + " Trạm thủy văn cho biết sức khỏe bà con ổn định, xóm làng hòa thuận."
    assert old_style_tones(text) != text
    variant = "THÁI NGUYÊN (TTXVN) - " + unicodedata.normalize("NFD", old_style_tones(text)) + "\nMinh Hằng"
    assert content_hash(variant) == content_hash(text)
    assert content_hash(text.replace("5 ngôi nhà", "6 ngôi nhà")) != content_hash(text)


def test_strip_boilerplate_removes_tags_credits_and_bylines_only() -> None:
    text = normalize(
        "(Báo Thái Nguyên) - Xã Sảng Mộc (Võ Nhai) bị lũ. Ảnh: Minh Hằng. Theo TTXVN, nước đã rút.\nQuang Minh"
    )
    stripped = strip_boilerplate(text)
    assert "Báo" not in stripped and "Minh Hằng" not in stripped and "TTXVN" not in stripped
    assert "Quang Minh" not in stripped
    assert "(Võ Nhai)" in stripped and "nước đã rút" in stripped


def test_republished_variants_join_one_story() -> None:
    rng = random.Random(3)
    index = StoryIndex()
    story = index.add("original", FLOOD, FLOOD_TITLE)
    for k in range(12):
        title, text = make_variant(FLOOD_TITLE, FLOOD, rng)
        assert index.add(f"copy-{k}", text, title) == story == "original", text


def test_nfd_and_old_style_tones_are_exact_duplicates() -> None:
    index = StoryIndex()
    text = FLOOD + " Sức khỏe của người dân bị thương đã ổn định, xóm làng hòa thuận."
    index.add("a", text)
    assignment = index.assign("b", fingerprint(unicodedata.normalize("NFD", old_style_tones(text))))
    assert assignment.story_id == "a"
    assert assignment.match is not None and assignment.match.exact


@pytest.mark.parametrize(("first", "second"), SAME_SUBJECT_PAIRS)
def test_different_events_on_the_same_subject_stay_apart(first: int, second: int) -> None:
    stories = assign_stories([("a", BASE_STORIES[first][1], None), ("b", BASE_STORIES[second][1], None)])
    assert stories["a"] != stories["b"]


def test_template_releases_with_other_names_and_figures_stay_apart() -> None:
    fills = template_stories()
    stories = assign_stories([(str(k), text, title) for k, (title, text) in enumerate(fills)])
    assert len(set(stories.values())) == len(fills)


def test_refilled_copy_is_a_different_story() -> None:
    refilled = refill(FLOOD, random.Random(1))
    assert refilled is not None
    stories = assign_stories([("a", FLOOD, None), ("b", refilled, None)])
    assert stories["a"] != stories["b"]


def test_a_bridging_article_merges_stories_under_the_oldest_id() -> None:
    sentences = FLOOD.split(". ")
    head = ". ".join(sentences[:4]) + "."
    tail = ". ".join(sentences[2:])
    index = StoryIndex()
    assert index.add("early", head) == "early"
    assert index.add("late", tail) == "late"  # the two halves share too little to be one story
    assignment = index.assign("full", fingerprint(FLOOD))
    assert assignment.story_id == "early"
    assert assignment.merged == ("late",)
    assert index.story_of("late") == "early"
    assert index.canonical("late") == "early"


def test_story_ids_are_deterministic() -> None:
    items = generate(seed=5)
    triples = [(item.id, item.text, item.title) for item in items]
    assert assign_stories(triples) == assign_stories(triples)


def test_index_round_trips_through_bytes_and_records() -> None:
    index = StoryIndex(max_articles=50)
    for k, (title, text) in enumerate(BASE_STORIES[:6]):
        index.add(f"a{k}", text, title)
    index.add("copy", "(TTXVN) " + BASE_STORIES[2][1], None)
    restored = StoryIndex.from_bytes(index.to_bytes())
    rebuilt = StoryIndex.from_records(index.records())
    for other in (restored, rebuilt):
        assert len(other) == len(index)
        assert other.story_of("copy") == "a2"
        assert other.add("late-copy", BASE_STORIES[4][1] + " Phóng viên sẽ tiếp tục thông tin.") == "a4"
    assert restored.max_articles == 50 and restored.params == index.params


def test_fingerprint_bytes_round_trip_and_reject_garbage() -> None:
    fp = fingerprint(FLOOD, FLOOD_TITLE)
    again = Fingerprint.from_bytes(fp.to_bytes())
    assert again.content_hash == fp.content_hash and again.size == fp.size
    assert (again.signature == fp.signature).all() and (again.specifics == fp.specifics).all()
    with pytest.raises(ValueError):
        Fingerprint.from_bytes(fp.to_bytes()[:-3])
    with pytest.raises(ValueError):
        StoryIndex.from_bytes(b"not an index")


def test_window_forgets_the_oldest_articles() -> None:
    index = StoryIndex(max_articles=2)
    index.add("a", BASE_STORIES[6][1])
    index.add("b", BASE_STORIES[7][1])
    index.add("c", BASE_STORIES[8][1])
    assert "a" not in index and len(index) == 2
    assert index.add("a-copy", BASE_STORIES[6][1]) == "a-copy"


def test_empty_texts_never_join_each_other() -> None:
    stories = assign_stories([("a", "", None), ("b", "  ", None), ("c", "...", None)])
    assert stories == {"a": "a", "b": "b", "c": "c"}


def test_short_texts_use_their_title() -> None:
    fp_a = fingerprint("Xem video.", "Lũ quét cuốn trôi 5 ngôi nhà ở xã Sảng Mộc")
    fp_b = fingerprint("Xem video.", "Khánh thành cầu Bến Oánh nối hai bờ sông Cầu")
    assert fp_a.content_hash != fp_b.content_hash


def test_pairwise_scores() -> None:
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    assert pairwise_scores(gold, {"a": "x", "b": "x", "c": "y", "d": "z"}) == pytest.approx(
        {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "true_pairs": 2.0, "predicted_pairs": 1.0}
    )
    merged = pairwise_scores(gold, dict.fromkeys(gold, "x"))
    assert merged["precision"] == pytest.approx(2 / 6) and merged["recall"] == 1.0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_benchmark_reaches_target_f1(seed: int) -> None:
    items = generate(seed=seed)
    scores = evaluate(items, assign_stories)
    predicted = assign_stories([(item.id, item.text, item.title) for item in items])
    assert scores["f1"] >= 0.95, errors(items, predicted)[:10]
    assert scores["true_pairs"] > 20 and scores["stories"] >= len(BASE_STORIES)
