"""Diacritic-insensitive forms of Vietnamese text for search, matching and tokenising."""

from __future__ import annotations

import re
import unicodedata

from loa.text.letters import VIETNAMESE_LETTERS
from loa.text.normalization import canonical_characters, normalize

# Combining marks of the Latin script; other scripts keep their marks (NFC puts them back).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_STROKED: dict[int, str] = {
    ord("đ"): "d",
    ord("Đ"): "D",
    ord("Ð"): "D",
    ord("ð"): "d",
    ord("Ɖ"): "D",
    ord("ɖ"): "d",
}
# Latin letters with no decomposition, spelled out so that search keys stay ASCII-meaningful.
_SPELLED: dict[int, str] = {
    ord("ß"): "ss",
    ord("æ"): "ae",
    ord("œ"): "oe",
    ord("ø"): "o",
    ord("ł"): "l",
    ord("þ"): "th",
    ord("ı"): "i",
}
_NOT_VIETNAMESE = re.compile(
    "[^\x00-\x7f" + "".join(sorted(ch for ch in VIETNAMESE_LETTERS if not ch.isascii())) + "]"
)
_NOT_KEY = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[^\W_]+")


def strip_diacritics(text: str) -> str:
    """Remove tone and shape marks and turn đ/Đ into d/D; case and everything else is kept."""
    stripped = _MARKS.sub("", unicodedata.normalize("NFD", text)).translate(_STROKED)
    return unicodedata.normalize("NFC", stripped)


def fold(text: str) -> str:
    """Normalized, lowercase, without diacritics: "Đà Nẵng" -> "da nang".

    Compatibility characters are folded too (full-width digits, ligatures), so that "Ｈà Ｎội" and
    "Hà Nội" fold alike. Spaces, line breaks and punctuation are kept.
    """
    normalized = normalize(text).lower()
    if normalized.isascii():
        return normalized
    if not _NOT_VIETNAMESE.search(normalized):
        # Only ASCII and Vietnamese letters: every mark decomposes to a combining character.
        decomposed = unicodedata.normalize("NFD", normalized).replace("đ", "d")
        return decomposed.encode("ascii", "ignore").decode("ascii")
    decomposed = unicodedata.normalize("NFKD", normalized)
    # Compatibility forms can decompose to capitals (㎒ -> MHz), hence the second lower().
    folded = _MARKS.sub("", decomposed).replace("đ", "d").lower()
    if not folded.isascii():
        folded = unicodedata.normalize("NFC", folded.translate(_STROKED))
    if _untidy(folded):
        folded = normalize(folded)
    return folded


def _untidy(folded: str) -> bool:
    """Removed marks can leave spaces side by side ("a ̀ b") and compatibility forms of spacing marks
    decompose to a space (¨ -> " ̈"); cleaning the whitespace again is needed only then."""
    return (
        "  " in folded
        or " \n" in folded
        or "\n " in folded
        or "\n\n\n" in folded
        or folded.startswith((" ", "\n"))
        or folded.endswith((" ", "\n"))
    )


def search_key(text: str) -> str:
    """Folded text reduced to ASCII words separated by single spaces: " TP. Hồ Chí Minh " -> "tp ho chi minh"."""
    return _NOT_KEY.sub(" ", _spelled(fold(text))).strip()


def compact_key(text: str) -> str:
    """:func:`search_key` without spaces, the key style of the administrative-unit dataset."""
    return _NOT_KEY.sub("", _spelled(fold(text)))


def _spelled(folded: str) -> str:
    return folded if folded.isascii() else folded.translate(_SPELLED)


def syllables(text: str) -> list[str]:
    """Lowercase word tokens (letters and digits) of the normalized text; punctuation is dropped."""
    # Whitespace clean-up cannot change the tokens, so only the character-level part of normalize runs.
    return _WORD.findall(canonical_characters(text).lower())
