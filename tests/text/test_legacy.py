from __future__ import annotations

import unicodedata

import pytest

from loa.text import (
    VIETNAMESE_LETTERS,
    convert_legacy,
    detect_legacy_encoding,
    encode_legacy,
    normalize,
    repair_encoding,
)
from tests.text.samples import (
    ENGLISH_TEXT,
    FRENCH_TEXT,
    OTHER_LATIN_TEXT,
    VIETNAMESE_SENTENCES,
    tcvn3_expected,
)

NATIONAL_MOTTO = "Cộng hòa xã hội chủ nghĩa Việt Nam"
# Samples quoted in the task brief and in public converters' documentation, not produced by our encoder.
TCVN3_SAMPLES = [
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", NATIONAL_MOTTO),
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("B¸t X¸t", "Bát Xát"),
    ("M\xadêng Kh\xad\xacng", "Mường Khương"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
]
VNI_SAMPLES = [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", NATIONAL_MOTTO),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("UÛY BAN NHAÂN DAÂN TÆNH ÑOÀNG NAI", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"),
    ("Ñaø Naüng", "Đà Nẵng"),
]
SPECIAL_LETTERS = sorted(ch for ch in VIETNAMESE_LETTERS if not ch.isascii())

# Every letter with its TCVN3 code point (TCVN 5712:1993 VN3), one line per vowel family.
TCVN3_TABLE = {
    "a": "a\xb5\xb6\xb7\xb8\xb9", "ă": "\xa8\xbb\xbc\xbd\xbe\xc6", "â": "\xa9\xc7\xc8\xc9\xca\xcb",
    "e": "e\xcc\xce\xcf\xd0\xd1", "ê": "\xaa\xd2\xd3\xd4\xd5\xd6", "i": "i\xd7\xd8\xdc\xdd\xde",
    "o": "o\xdf\xe1\xe2\xe3\xe4", "ô": "\xab\xe5\xe6\xe7\xe8\xe9", "ơ": "\xac\xea\xeb\xec\xed\xee",
    "u": "u\xef\xf1\xf2\xf3\xf4", "ư": "\xad\xf5\xf6\xf7\xf8\xf9", "y": "y\xfa\xfb\xfc\xfd\xfe",
}  # fmt: skip
TONE_ORDER = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # TCVN3 order: none ` ? ~ ' .


def test_letter_inventory() -> None:
    assert len(SPECIAL_LETTERS) == 134


@pytest.mark.parametrize(("vowel", "codes"), TCVN3_TABLE.items())
def test_tcvn3_table(vowel: str, codes: str) -> None:
    for tone, code in zip(TONE_ORDER, codes, strict=True):
        letter = unicodedata.normalize("NFC", vowel + tone)
        assert convert_legacy(code, "tcvn3") == letter
        assert encode_legacy(letter, "tcvn3") == code


def test_tcvn3_distinct_capitals() -> None:
    assert convert_legacy("\xa1\xa2\xa3\xa4\xa5\xa6\xa7", "tcvn3") == "ĂÂÊÔƠƯĐ"
    assert convert_legacy("\xa8\xa9\xaa\xab\xac\xad\xae", "tcvn3") == "ăâêôơưđ"


@pytest.mark.parametrize(
    ("letter", "code"),
    [
        ("ắ", "aé"), ("ằ", "aè"), ("ẳ", "aú"), ("ẵ", "aü"), ("ặ", "aë"), ("ă", "aê"),
        ("ấ", "aá"), ("ầ", "aà"), ("ẩ", "aå"), ("ẫ", "aã"), ("ậ", "aä"), ("â", "aâ"),
        ("ế", "eá"), ("ệ", "eä"), ("ố", "oá"), ("ộ", "oä"), ("ớ", "ôù"), ("ợ", "ôï"), ("ơ", "ô"),
        ("ứ", "öù"), ("ự", "öï"), ("ư", "ö"), ("í", "í"), ("ì", "ì"), ("ỉ", "æ"), ("ĩ", "ó"),
        ("ị", "ò"), ("ý", "yù"), ("ỳ", "yø"), ("ỷ", "yû"), ("ỹ", "yõ"), ("ỵ", "î"), ("đ", "ñ"),
        ("Ắ", "AÉ"), ("Ữ", "ÖÕ"), ("Ỉ", "Æ"), ("Ĩ", "Ó"), ("Ị", "Ò"), ("Ỵ", "Î"), ("Đ", "Ñ"), ("Ơ", "Ô"),
    ],
)  # fmt: skip
def test_vni_table(letter: str, code: str) -> None:
    assert convert_legacy(code, "vni") == letter
    assert encode_legacy(letter, "vni") == code


def test_vni_marker_case_follows_the_base() -> None:
    assert convert_legacy("Aù Aø", "vni") == "Á À"
    assert convert_legacy("yï", "vni") == "ỵ"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_every_special_letter_round_trips(encoding: str) -> None:
    for letter in SPECIAL_LETTERS:
        expected = letter if encoding == "vni" or encoding_has_capital(letter) else letter.lower()
        assert convert_legacy(encode_legacy(letter, encoding), encoding) == expected


def encoding_has_capital(letter: str) -> bool:
    return letter.islower() or letter in "ĂÂÊÔƠƯĐ"


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_SAMPLES)
def test_tcvn3_samples(legacy: str, unicode: str) -> None:
    assert repair_encoding(legacy) == (unicode, "tcvn3")


@pytest.mark.parametrize(("legacy", "unicode"), VNI_SAMPLES)
def test_vni_samples(legacy: str, unicode: str) -> None:
    assert repair_encoding(legacy) == (unicode, "vni")


def test_tcvn3_capitals_font_convention() -> None:
    heading = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nỦY BAN NHÂN DÂN"
    legacy = encode_legacy(heading, "tcvn3")
    assert legacy.startswith("CéNG HßA X· HéI")
    assert convert_legacy(legacy, "tcvn3") == heading


def test_tcvn3_lone_capitalised_word_stays_capitalised() -> None:
    assert convert_legacy("Hµ Néi", "tcvn3") == "Hà Nội"
    assert convert_legacy("Lª V¨n Hßa", "tcvn3") == "Lê Văn Hòa"


@pytest.mark.parametrize(
    "text",
    [
        *VIETNAMESE_SENTENCES,
        ENGLISH_TEXT,
        FRENCH_TEXT,
        OTHER_LATIN_TEXT,
        "",
        "2024",
        "Bà mê cá",
        "© 2024 ® § 5",
    ],
)
def test_unicode_english_and_french_are_not_detected(text: str) -> None:
    assert detect_legacy_encoding(text) is None
    assert detect_legacy_encoding(unicodedata.normalize("NFD", text)) is None
    assert repair_encoding(text) == (text, None)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("sentence", VIETNAMESE_SENTENCES)
def test_each_sample_sentence_is_detected(encoding: str, sentence: str) -> None:
    legacy = encode_legacy(sentence, encoding)
    assert detect_legacy_encoding(legacy) == encoding
    expected = tcvn3_expected(sentence) if encoding == "tcvn3" else sentence
    assert convert_legacy(legacy, encoding) == expected


def test_text_mostly_in_unicode_is_left_alone() -> None:
    mixed = " ".join(VIETNAMESE_SENTENCES[:4]) + " " + encode_legacy("Bảo Thắng", "tcvn3")
    assert detect_legacy_encoding(mixed) is None


def test_unknown_encoding_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        convert_legacy("abc", "viscii")
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        encode_legacy("abc", "viscii")


def test_normalizing_before_repair_loses_tcvn3_u_horn() -> None:
    # Documented ordering constraint: the TCVN3 code for ư is the soft hyphen.
    legacy = encode_legacy("người dân", "tcvn3")
    assert convert_legacy(legacy, "tcvn3") == "người dân"
    assert convert_legacy(normalize(legacy), "tcvn3") != "người dân"
