from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from loa.pipeline.sentiment import analyse, sentiment_of_tokens
from loa.pipeline.tokens import tokenize
from loa.text import normalize, strip_diacritics

FIXTURES = Path(__file__).parent / "fixtures"
LABELS = ("negative", "neutral", "positive")


def _load(name: str) -> list[dict[str, str]]:
    with open(FIXTURES / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _scores(rows: list[dict[str, str]]) -> tuple[float, float]:
    confusion: Counter[tuple[str, str]] = Counter()
    for row in rows:
        confusion[row["label"], analyse(row["text"], row["title"]).label] += 1
    accuracy = sum(confusion[label, label] for label in LABELS) / len(rows)
    f1s = []
    for label in LABELS:
        tp = confusion[label, label]
        predicted = sum(confusion[gold, label] for gold in LABELS)
        actual = sum(confusion[label, pred] for pred in LABELS)
        precision, recall = tp / predicted if predicted else 0.0, tp / actual if actual else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return accuracy, sum(f1s) / len(f1s)


def test_fixture_sets_are_balanced_large_enough_and_disjoint() -> None:
    evaluation, development = _load("sentiment_eval.jsonl"), _load("sentiment_dev.jsonl")
    for rows in (evaluation, development):
        assert len(rows) >= 150
        counts = Counter(row["label"] for row in rows)
        assert set(counts) == set(LABELS) and max(counts.values()) - min(counts.values()) <= 2
    assert not {row["title"] for row in evaluation} & {row["title"] for row in development}


def test_accuracy_on_the_held_out_evaluation_set() -> None:
    accuracy, macro_f1 = _scores(_load("sentiment_eval.jsonl"))
    assert accuracy >= 0.75
    assert macro_f1 >= 0.8


@pytest.mark.parametrize(
    ("title", "text", "label"),
    [
        ("Không xảy ra tai nạn giao thông nghiêm trọng trong dịp lễ", "", "positive"),
        ("Hàng trăm hộ dân chưa nhận được tiền hỗ trợ", "", "negative"),
        ("Hội nghị triển khai công tác phòng, chống tham nhũng", "", "neutral"),
        ("Cảnh báo nguy cơ lũ quét tại các xã vùng cao", "", "neutral"),
        ("Đã khắc phục xong sự cố mất điện tại phường Tân Lập", "", "positive"),
        (
            "Hỗ trợ người dân khắc phục hậu quả sau lũ",
            "Tỉnh trao 500 triệu đồng cho các hộ bị thiệt hại.",
            "positive",
        ),
        ("Giá xăng giảm mạnh từ chiều nay", "", "positive"),
        ("Giá điện tăng, người dân thêm gánh nặng", "", "negative"),
        ("Bắt giữ đối tượng trộm cắp xe máy", "", "negative"),  # crime is negative even when solved
        ("Số ca sốt xuất huyết giảm mạnh", "", "positive"),
        ("Lịch tiếp công dân tháng 5", "Chủ tịch UBND tỉnh tiếp công dân vào ngày 15/5.", "neutral"),
    ],
)
def test_policy_cases(title: str, text: str, label: str) -> None:
    assert analyse(text, title).label == label


def test_unaccented_and_nfd_text_read_like_accented_text() -> None:
    title = "Lũ quét cuốn trôi 5 ngôi nhà, một người mất tích"
    accented = analyse("", title)
    assert analyse("", strip_diacritics(title)).label == accented.label == "negative"
    assert analyse("", "Lu quet cuon troi 5 ngoi nha").label == "negative"


def test_cues_explain_the_label() -> None:
    result = analyse("Chính quyền đang tìm kiếm nạn nhân.", "Sạt lở vùi lấp nhà dân")
    phrases = {cue.phrase for cue in result.cues}
    assert {"Sạt lở", "vùi lấp", "nạn nhân"} <= phrases
    assert all(cue.weight < 0 for cue in result.cues)
    assert result.negative > 0 and result.positive == 0 and -1 < result.score < 0
    assert {cue.where for cue in result.cues} == {"title", "body"}


def test_modifiers_are_reported() -> None:
    negated = analyse("", "Không xảy ra cháy nổ trong mùa khô")
    assert [cue.modifier for cue in negated.cues] == ["negated"] and negated.cues[0].weight > 0
    prevention = analyse("", "Tập huấn phòng chống đuối nước cho học sinh")
    assert prevention.cues[0].modifier == "prevention" and prevention.label == "neutral"


def test_a_cue_counts_at_most_twice() -> None:
    once = analyse("Vụ tai nạn xảy ra lúc 9 giờ.")
    many = analyse(" ".join(["Vụ tai nạn xảy ra lúc 9 giờ."] * 6))
    assert len(many.cues) == 2 and many.negative == pytest.approx(once.negative * 2, rel=0.5)


def test_tokens_entry_point_matches_text_entry_point() -> None:
    title, text = "Khánh thành cầu treo", "Cây cầu giúp người dân đi lại an toàn."
    via_tokens = sentiment_of_tokens(tokenize(normalize(title)), tokenize(normalize(text)))
    assert via_tokens == analyse(text, title)


def test_empty_text_is_neutral() -> None:
    result = analyse("")
    assert result.label == "neutral" and result.cues == () and result.score == 0.0
