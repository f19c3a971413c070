"""Pre-Unicode Vietnamese encodings still found in older government documents.

Text typed with the old 8-bit fonts reaches us as Windows-1252 look-alike characters:

* TCVN3 (TCVN 5712:1993 VN3, "ABC", .VnTime fonts): one byte per letter. Only lowercase letters and
  Ă Â Ê Ô Ơ Ư Đ have code points; capitals with a tone were typed with the lowercase codes in a
  capitals font (.VnTimeH). "Céng hßa" = "Cộng hòa", "§" = "Đ", "®" = "đ", "\\xad" (soft hyphen) = "ư".
* VNI-Windows (VNI-Times fonts): a base letter followed by a marker character. "Coäng hoøa" =
  "Cộng hòa", "Ñ"/"ñ" = "Đ"/"đ", "ô" = "ơ", "ö" = "ư".

The tables were checked character by character against the TCVN 5712 table of the X11 TrueType
server and against the VNI Software character chart as transcribed in public converters.

Repair legacy text BEFORE :func:`loa.text.normalize`: normalization removes soft hyphens, which
destroys TCVN3 "ư".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, get_args

from loa.text.letters import ACUTE, DOT, GRAVE, HOOK, TILDE, compose
from loa.text.syllable import is_well_formed, parse

LegacyEncoding = Literal["tcvn3", "vni"]
ENCODINGS: tuple[LegacyEncoding, ...] = get_args(LegacyEncoding)

# --- TCVN3 ---------------------------------------------------------------------------------------

_TCVN3_ENCODE: dict[str, str] = {
    "à": "\xb5", "ả": "\xb6", "ã": "\xb7", "á": "\xb8", "ạ": "\xb9",
    "ă": "\xa8", "ằ": "\xbb", "ẳ": "\xbc", "ẵ": "\xbd", "ắ": "\xbe", "ặ": "\xc6",
    "â": "\xa9", "ầ": "\xc7", "ẩ": "\xc8", "ẫ": "\xc9", "ấ": "\xca", "ậ": "\xcb",
    "đ": "\xae",
    "è": "\xcc", "ẻ": "\xce", "ẽ": "\xcf", "é": "\xd0", "ẹ": "\xd1",
    "ê": "\xaa", "ề": "\xd2", "ể": "\xd3", "ễ": "\xd4", "ế": "\xd5", "ệ": "\xd6",
    "ì": "\xd7", "ỉ": "\xd8", "ĩ": "\xdc", "í": "\xdd", "ị": "\xde",
    "ò": "\xdf", "ỏ": "\xe1", "õ": "\xe2", "ó": "\xe3", "ọ": "\xe4",
    "ô": "\xab", "ồ": "\xe5", "ổ": "\xe6", "ỗ": "\xe7", "ố": "\xe8", "ộ": "\xe9",
    "ơ": "\xac", "ờ": "\xea", "ở": "\xeb", "ỡ": "\xec", "ớ": "\xed", "ợ": "\xee",
    "ù": "\xef", "ủ": "\xf1", "ũ": "\xf2", "ú": "\xf3", "ụ": "\xf4",
    "ư": "\xad", "ừ": "\xf5", "ử": "\xf6", "ữ": "\xf7", "ứ": "\xf8", "ự": "\xf9",
    "ỳ": "\xfa", "ỷ": "\xfb", "ỹ": "\xfc", "ý": "\xfd", "ỵ": "\xfe",
    "Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5", "Ư": "\xa6", "Đ": "\xa7",
}  # fmt: skip
_TCVN3_DECODE: dict[int, str] = {ord(code): letter for letter, code in _TCVN3_ENCODE.items()}
# Codes whose case the text cannot tell (everything except the seven capitals).
_TCVN3_CASELESS = frozenset(
    letter for letter in _TCVN3_ENCODE.values() if letter not in "\xa1\xa2\xa3\xa4\xa5\xa6\xa7"
)
_TCVN3_CASELESS_LETTERS = frozenset(_TCVN3_DECODE[ord(code)] for code in _TCVN3_CASELESS)

# --- VNI -----------------------------------------------------------------------------------------

# Marker typed after the base letter, per tone (None = no tone).
_TONES: tuple[str | None, ...] = (None, ACUTE, GRAVE, HOOK, TILDE, DOT)
_VNI_TONE = dict(zip(_TONES, ("", "\xf9", "\xf8", "\xfb", "\xf5", "\xef"), strict=True))  # ù ø û õ ï
_VNI_CIRCUMFLEX = dict(
    zip(_TONES, ("\xe2", "\xe1", "\xe0", "\xe5", "\xe3", "\xe4"), strict=True)
)  # â á à å ã ä
_VNI_BREVE = dict(zip(_TONES, ("\xea", "\xe9", "\xe8", "\xfa", "\xfc", "\xeb"), strict=True))  # ê é è ú ü ë
_VNI_I = dict(zip(_TONES, ("i", "\xed", "\xec", "\xe6", "\xf3", "\xf2"), strict=True))  # i í ì æ ó ò


def _vni_lowercase() -> dict[str, str]:
    table: dict[str, str] = {"đ": "\xf1"}  # ñ
    bases = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ơ": "\xf4", "ư": "\xf6"}  # ô ö
    for tone in _TONES:
        for letter, base in bases.items():
            table[compose(letter, tone)] = base + _VNI_TONE[tone]
        for letter, base in (("â", "a"), ("ê", "e"), ("ô", "o")):
            table[compose(letter, tone)] = base + _VNI_CIRCUMFLEX[tone]
        table[compose("ă", tone)] = "a" + _VNI_BREVE[tone]
        table[compose("i", tone)] = _VNI_I[tone]
    table["ỵ"] = "\xee"  # î: VNI has a single code for y with dot below
    return {letter: code for letter, code in table.items() if letter != code}


_VNI_ENCODE_LOWER = _vni_lowercase()
_VNI_ENCODE: dict[str, str] = {
    **_VNI_ENCODE_LOWER,
    **{letter.upper(): code.upper() for letter, code in _VNI_ENCODE_LOWER.items()},
}


def _vni_decoding() -> dict[str, str]:
    table: dict[str, str] = {}
    for letter, code in _VNI_ENCODE.items():
        table[code] = letter
        if len(code) == 2:
            # The marker's case is unreliable in practice (capital base, small marker): the base decides.
            other = code[1].lower() if code[1].isupper() else code[1].upper()
            table[code[0] + other] = letter
    # Alternative codes for y with dot below seen in VNI documents.
    table["yï"] = table["yÏ"] = "ỵ"
    table["YÏ"] = table["Yï"] = "Ỵ"
    table["\xff"] = "ỵ"
    table["\u0178"] = "Ỵ"  # 0x9F in Windows-1252
    return table


_VNI_DECODE = _vni_decoding()
_VNI_PATTERN = re.compile("|".join(re.escape(code) for code in sorted(_VNI_DECODE, key=len, reverse=True)))

# --- conversion ----------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")


def _tcvn3_capitals(text: str) -> str:
    """Restore capitals lost by the .VnTimeH convention: a word written in capitals gets capital letters.

    A word without small ASCII letters counts as capitals when it has a capital letter after its first
    letter (CéNG, ñY); with only its first letter a capital (X·, Hµ) it is a capitalised word unless
    the words on both sides (or its only neighbour) are in capitals.
    """
    words = list(_WORD.finditer(text))
    capitals: list[bool | None] = []
    for match in words:
        word = match.group()
        if any("a" <= ch <= "z" for ch in word):
            capitals.append(False)
            continue
        upper = [i for i, ch in enumerate(word) if ch.isupper()]
        if len(upper) >= 2 or (upper and upper[0] > 0):
            capitals.append(True)  # a capitalised word has no capital after its first letter
        else:
            capitals.append(None if upper else False)
    pieces: list[str] = []
    last = 0
    for index, match in enumerate(words):
        state = capitals[index]
        if state is None:
            neighbours = capitals[max(index - 1, 0) : index] + capitals[index + 1 : index + 2]
            state = bool(neighbours) and all(neighbour is True for neighbour in neighbours)
        word = match.group()
        if state and any(ch in _TCVN3_CASELESS_LETTERS for ch in word):
            pieces.append(text[last : match.start()])
            pieces.append(word.upper())
            last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _convert_tcvn3(text: str) -> str:
    return text.translate(_TCVN3_DECODE)


def _convert_vni(text: str) -> str:
    return _VNI_PATTERN.sub(lambda match: _VNI_DECODE[match.group()], text)


def convert_legacy(text: str, encoding: str) -> str:
    """Convert text typed in a legacy encoding ("tcvn3" or "vni") to Unicode (NFC).

    Only the conversion is done; pass the result through :func:`loa.text.normalize` afterwards.
    """
    if encoding == "tcvn3":
        converted = _tcvn3_capitals(_convert_tcvn3(text))
    elif encoding == "vni":
        converted = _convert_vni(text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    return unicodedata.normalize("NFC", converted)


def encode_legacy(text: str, encoding: str) -> str:
    """Unicode -> legacy encoding (the inverse of :func:`convert_legacy`), e.g. to build fixtures.

    TCVN3 has no capitals with tone marks; they are written with the lowercase code (.VnTimeH
    convention), so such a letter only comes back as a capital inside a word written in capitals.
    """
    if encoding == "tcvn3":
        table = _TCVN3_ENCODE
        fallback = True
    elif encoding == "vni":
        table = _VNI_ENCODE
        fallback = False
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    pieces: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        code = table.get(ch)
        if code is None and fallback and ch.lower() in table:
            code = table[ch.lower()]
        pieces.append(ch if code is None else code)
    return "".join(pieces)


# --- detection -----------------------------------------------------------------------------------

# Runs of characters between whitespace and ASCII punctuation: the legacy letters are all outside
# ASCII, and several of them (§ ® · ¬ soft hyphen) are not letters in Unicode.
_TOKEN = re.compile(r"[^\s!-/:-@\[-`{-~]+")
_SIGNALS: dict[LegacyEncoding, frozenset[str]] = {
    "tcvn3": frozenset(_TCVN3_ENCODE.values()),
    "vni": frozenset(ch for code in _VNI_DECODE for ch in code if not ch.isascii()),
}
# Letters that exist in Unicode Vietnamese but in neither legacy encoding's Latin-1 disguise.
_UNICODE_ONLY = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)
_MAX_TOKENS = 5000


def _is_vietnamese_word(token: str, *, strict_case: bool) -> bool:
    # Legacy codes decode to mixed-case look-alikes ("chÝ" for "chí"): real words are not mixed-case.
    if strict_case and token[1:] != token[1:].lower() and token != token.upper():
        return False
    syllable = parse(unicodedata.normalize("NFC", token))
    return syllable is not None and is_well_formed(syllable)


def _evidence(tokens: list[str], encoding: LegacyEncoding) -> tuple[int, int, int]:
    """(tokens that only read as Vietnamese once converted, the reverse, tokens touched at all)."""
    signals = _SIGNALS[encoding]
    convert = _convert_tcvn3 if encoding == "tcvn3" else _convert_vni
    gained = lost = touched = 0
    for token in tokens:
        if not any(ch in signals for ch in token):
            continue
        touched += 1
        before = _is_vietnamese_word(token, strict_case=True)
        # TCVN3 cannot tell the case of most letters, so the converted word is judged caselessly.
        after = _is_vietnamese_word(convert(token), strict_case=False)
        gained += after and not before
        lost += before and not after
    return gained, lost, touched


def detect_legacy_encoding(text: str) -> LegacyEncoding | None:
    """Name the legacy encoding ``text`` was typed in, or None for Unicode (or undecidable) text.

    A word is evidence when it is not a Vietnamese syllable as it stands but becomes one after
    conversion. Unicode Vietnamese, English and French words almost never do; legacy-typed
    Vietnamese almost always does. At least two such words are needed, they must be the majority of
    the words the encoding would touch, and they must outnumber the words already in Unicode
    Vietnamese.
    """
    tokens = _TOKEN.findall(text)[:_MAX_TOKENS]
    if not tokens:
        return None
    unicode_words = sum(
        1 for token in tokens if _UNICODE_ONLY.search(token) and _is_vietnamese_word(token, strict_case=True)
    )
    best: LegacyEncoding | None = None
    best_gain = 0
    for encoding in ENCODINGS:
        gained, lost, touched = _evidence(tokens, encoding)
        if gained < 2 or 2 * gained < touched or gained <= 2 * lost or gained <= unicode_words:
            continue
        if gained > best_gain:
            best, best_gain = encoding, gained
    return best


def repair_encoding(text: str) -> tuple[str, LegacyEncoding | None]:
    """Detect a legacy encoding and convert; returns the (possibly unchanged) text and what was found."""
    encoding = detect_legacy_encoding(text)
    if encoding is None:
        return text, None
    return convert_legacy(text, encoding), encoding
