from __future__ import annotations

import re

import pytest

from loa.pipeline.sectors import Document, SectorRule, SectorRuleError, matching_rules
from loa.text import fold

TEXT = fold(
    "Lũ quét tại xã Sảng Mộc, tỉnh Thái Nguyên làm 5 ngôi nhà bị cuốn trôi. "
    "Học sinh không thể đến trường vì đường bị sạt lở. Sở Giáo dục chỉ đạo các trường hỗ trợ."
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lũ", True),
        ("bão", False),
        ("lũ OR bão", True),
        ("bão OR hạn", False),
        ("lũ AND bão", False),
        ("lũ AND trường", True),
        ("lũ trường", True),  # adjacent terms are an AND
        ("lũ NOT bão", True),
        ("lũ AND NOT trường", False),
        ('"sạt lở"', True),
        ('"lở sạt"', False),
        ('"Thái Nguyên" AND (lũ OR bão)', True),
        ("(bão OR hạn) OR (lũ AND NOT trường)", False),
        ("lũ OR bão AND hạn", True),  # AND binds tighter than OR
        ('"Sảng Mộc" NEAR/3 "Thái Nguyên"', True),
        ('"Sảng Mộc" NEAR/1 "Thái Nguyên"', True),  # one word ("tỉnh") between
        ('"Sảng Mộc" NEAR/0 "Thái Nguyên"', False),
        ('"Thái Nguyên" NEAR/3 "Sảng Mộc"', True),  # either order
        ("lũ NEAR/2 (ngôi OR quét)", True),
        ('"học sinh" NEAR/3 trường', True),
        ('"học sinh" NEAR/2 trường', False),
        ('lũ NEAR/1 ("cuốn trôi" NEAR/2 nhà)', False),
        ('nhà NEAR/1 ("cuốn trôi" OR "sạt lở")', True),
        ("giáo*", True),
        ("giáo* NEAR/0 dục", True),
        ("y tế", False),
        ("(lũ HOẶC bão) VÀ KHÔNG hạn", True),
        ("lũ GẦN/3 xã", True),
    ],
)
def test_queries(query: str, expected: bool) -> None:
    assert SectorRule("r", query).matches(TEXT) is expected


def test_diacritics_and_case_never_matter() -> None:
    rule = SectorRule("dat-dai", '"GIẢI PHÓNG MẶT BẰNG" OR "đất đai"')
    assert rule.matches(fold("Người dân khiếu nại về giải phóng mặt bằng"))
    assert rule.matches(fold("Nguoi dan khieu nai ve giai phong mat bang"))
    assert SectorRule("y-te", '"benh vien"').matches(fold("Bệnh viện Đa khoa tỉnh quá tải"))


def test_phrases_do_not_match_across_other_words() -> None:
    rule = SectorRule("r", '"hộ nghèo"')
    assert rule.matches(fold("Hỗ trợ hộ nghèo"))
    assert not rule.matches(fold("Hỗ trợ hộ cận nghèo"))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "trống"),
        ("   ", "trống"),
        ("NOT lũ", "không chứa từ khóa"),
        ("lũ OR NOT bão", "không chứa từ khóa"),
        ("lũ OR NOT lũ", "không chứa từ khóa"),
        ("lũ AND NOT lũ", "không bao giờ khớp"),
        ('(lũ OR bão) AND NOT lũ AND NOT "bão"', "không bao giờ khớp"),
        ("(lũ", "Thiếu dấu ')'"),
        ("lũ)", "Không hiểu ')'"),
        ("lũ AND", "thiếu từ khóa"),
        ("OR lũ", "Thiếu từ khóa trước 'OR'"),
        ('"sạt lở', "chưa được đóng"),
        ("lũ NEAR mưa", "NEAR/5"),
        ("(lũ AND mưa) NEAR/3 xã", "NEAR"),
        ('"!!"', "không chứa chữ"),
    ],
)
def test_invalid_rules_are_rejected_with_a_message(query: str, message: str) -> None:
    with pytest.raises(SectorRuleError, match=re.escape(message)):
        SectorRule("r", query)


def test_matching_rules_shares_one_document() -> None:
    rules = [
        SectorRule("thien-tai", "lũ OR bão"),
        SectorRule("giao-duc", "giáo* OR trường"),
        SectorRule("y-te", '"y tế"'),
    ]
    assert matching_rules(rules, TEXT) == ["thien-tai", "giao-duc"]
    document = Document.from_words(TEXT.replace(",", " ").replace(".", " ").split())
    assert [rule.id for rule in rules if rule.matches_document(document)] == ["thien-tai", "giao-duc"]
