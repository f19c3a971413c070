from __future__ import annotations

import unicodedata

import pytest

from loa.text import normalize, normalize_line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("Hoá", "Hóa"),
        ("khoẻ", "khỏe"),
        ("uỷ ban", "ủy ban"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        ("THUỶ", "THỦY"),
        ("ỦY BAN", "ỦY BAN"),
        ("hòang", "hoàng"),
        ("tóan", "toán"),
        ("khóai", "khoái"),
        ("khủyu", "khuỷu"),
        ("nguòi", "nguòi"),  # not a Vietnamese syllable spelling ("uo" cluster): untouched
    ],
)
def test_tone_moves_to_the_conventional_vowel(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "word",
    [
        "quả",
        "giữa",
        "quý",
        "Quỳnh",
        "quyết",
        "quốc",
        "gì",
        "gìn",
        "giỏi",
        "giàu",
        "giường",
        "hoàng",
        "toán",
        "khoái",
        "khuỷu",
        "người",
        "thuở",
        "thuế",
        "khuyến",
        "cứu",
        "mùa",
        "mía",
        "tài",
        "hòa",
        "thủy",
        "ủy",
        "khỏe",
        "Hóa",
        "xoáy",
        "yêu",
        "chuyện",
        "café",
        "où",
        "naïve",
    ],
)
def test_correctly_placed_tones_are_unchanged(word: str) -> None:
    assert normalize(word) == word
    assert normalize(word.upper()) == word.upper()


def test_nfd_input_gives_nfc_output() -> None:
    text = "Uỷ ban nhân dân tỉnh Khánh Hoà"
    assert normalize(unicodedata.normalize("NFD", text)) == "Ủy ban nhân dân tỉnh Khánh Hòa"


def test_d_lookalikes_become_d_stroke() -> None:
    assert normalize("ÐÀ NẴNG") == "ĐÀ NẴNG"
    assert normalize("\u0189ồng Nai") == "Đồng Nai"


def test_invisible_characters_removed() -> None:
    assert normalize("\ufeffHà\u200b Nội\u00ad") == "Hà Nội"


def test_whitespace_keeps_paragraphs() -> None:
    raw = "  Điều 1.\u00a0\u00a0Phạm vi \t điều chỉnh  \r\n\r\n\r\n\r\n  Điều 2. Đối tượng\r\nkhác \u2028 cuối  "
    assert normalize(raw) == "Điều 1. Phạm vi điều chỉnh\n\nĐiều 2. Đối tượng\nkhác\ncuối"


def test_normalize_line_collapses_everything() -> None:
    assert normalize_line(" Điều 1.\n\n  Phạm vi\tđiều chỉnh \n") == "Điều 1. Phạm vi điều chỉnh"
