from __future__ import annotations

import unicodedata

import pytest

from loa.text import compact_key, fold, search_key, strip_diacritics, syllables


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Đà Nẵng", "da nang"),
        ("Bắc Kạn", "bac kan"),
        ("ỦY BAN NHÂN DÂN", "uy ban nhan dan"),
        ("Hoà Bình, Thừa Thiên-Huế", "hoa binh, thua thien-hue"),
        ("Ｈà Ｎội", "ha noi"),
    ],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


def test_strip_diacritics_keeps_case() -> None:
    assert strip_diacritics("Đắk Lắk, ĐỒNG THÁP") == "Dak Lak, DONG THAP"


def test_search_key() -> None:
    assert search_key("  TP. Hồ Chí Minh ") == "tp ho chi minh"
    assert search_key("Bà Rịa–Vũng Tàu") == "ba ria vung tau"


def test_compact_key() -> None:
    assert compact_key("Thành phố Hà Nội") == "thanhphohanoi"
    assert compact_key("Tỉnh Khánh Hoà") == "tinhkhanhhoa"


def test_syllables() -> None:
    assert syllables("Cộng hoà XÃ HỘI, chủ-nghĩa (2024)!") == [
        "cộng",
        "hòa",
        "xã",
        "hội",
        "chủ",
        "nghĩa",
        "2024",
    ]


def test_foreign_letters_fold_too() -> None:
    assert fold("Café Ñandú, Łódź") == "cafe nandu, łodz"
    assert search_key("Café Ñandú, Łódź") == "cafe nandu lodz"
    assert search_key("Straße ﬁnal ²") == "strasse final 2"


def test_other_scripts_are_kept_by_fold_and_dropped_from_keys() -> None:
    assert fold("Hà Nội 北京 서울") == "ha noi 北京 서울"
    assert search_key("Hà Nội 北京") == "ha noi"


def test_syllables_of_decomposed_input() -> None:
    assert syllables(unicodedata.normalize("NFD", "Thuỷ lợi, Hoà Bình")) == ["thủy", "lợi", "hòa", "bình"]
