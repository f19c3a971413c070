"""Vietnamese alphabet data shared by the text functions.

A Vietnamese vowel letter is a base vowel (a e i o u y), an optional shape mark (breve, circumflex,
horn) and an optional tone mark. Everything here is derived from those pieces with ``unicodedata``
so no table of precomposed letters has to be typed by hand.
"""

from __future__ import annotations

import unicodedata

GRAVE = "\u0300"  # huyền
ACUTE = "\u0301"  # sắc
HOOK = "\u0309"  # hỏi
TILDE = "\u0303"  # ngã
DOT = "\u0323"  # nặng
TONE_MARKS: tuple[str, ...] = (GRAVE, ACUTE, HOOK, TILDE, DOT)

# The twelve toneless vowels of the alphabet, lowercase, NFC.
BASE_VOWELS: tuple[str, ...] = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
CONSONANTS: tuple[str, ...] = tuple("bcdđghklmnpqrstvx")


def compose(toneless: str, tone: str | None) -> str:
    """Put ``tone`` (a combining mark or None) on the single letter ``toneless``."""
    if tone is None:
        return toneless
    return unicodedata.normalize("NFC", toneless + tone)


def _build_vowels() -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for base in BASE_VOWELS:
        for toneless in (base, base.upper()):
            table[toneless] = (toneless, None)
            for tone in TONE_MARKS:
                table[compose(toneless, tone)] = (toneless, tone)
    return table


# Every Vietnamese vowel letter (both cases, all tones) -> (letter without tone, tone mark or None).
VOWELS: dict[str, tuple[str, str | None]] = _build_vowels()
TONED_VOWELS: frozenset[str] = frozenset(ch for ch, (_, tone) in VOWELS.items() if tone is not None)

# All letters of the Vietnamese alphabet in every tone and both cases (178 characters).
VIETNAMESE_LETTERS: frozenset[str] = (
    frozenset(VOWELS) | frozenset(CONSONANTS) | frozenset(c.upper() for c in CONSONANTS)
)

# The 134 letters that are not plain ASCII: the ones a legacy encoding has to represent specially.
SPECIAL_LETTERS: frozenset[str] = frozenset(ch for ch in VIETNAMESE_LETTERS if not ch.isascii())
