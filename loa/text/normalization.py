"""Canonical form of Vietnamese text: NFC, clean whitespace, one tone-placement convention."""

from __future__ import annotations

import re
import unicodedata

from loa.text.letters import TONE_MARKS, VOWELS, compose
from loa.text.syllable import NUCLEI, Syllable, parse, tone_position

_REMOVED = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_LINE_BREAKS = "\v\f\x85\u2028\u2029"
_CONTROLS = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\v\f") + "\x7f"

_TRANSLATION: dict[int, str | None] = {
    # Look-alikes of Đ typed from other keyboards, and Windows-1258 text mis-decoded as Latin-1
    # (0xD0/0xF0 are Đ/đ there but Ð/ð in Latin-1).
    0x00D0: "Đ",
    0x0189: "Đ",
    0x00F0: "đ",
    **{ord(c): None for c in _REMOVED + _CONTROLS},
    **{ord(c): " " for c in _SPACES},
    **{ord(c): "\n" for c in _LINE_BREAKS},
}
_REPLACEMENTS: dict[str, str] = {chr(code): value or "" for code, value in _TRANSLATION.items()}
# str.translate walks every character; replacing just the few special ones present is much faster.
_SPECIAL = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "\r]")

_SPACE_RUN = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" \n ?|\n ")
_BLANK_LINES = re.compile(r"\n{3,}")


def _misplaced_runs() -> frozenset[str]:
    """Lowercase vowel runs (with a preceding q/g and the first letter of the final, as matched by
    ``_RUN``) whose tone is on the wrong letter. A superset filter: :func:`place_tone` decides."""
    runs: set[str] = set()
    for nucleus in NUCLEI:
        for glide, initial in (("", "b"), ("u", "qu"), ("i", "gi")):
            run = glide + nucleus
            for final in ("", "c", "m", "n", "p", "t"):
                reading = Syllable(initial, nucleus, final, len(glide), None, None)
                right = tone_position(reading)
                if glide:
                    prefixes = {initial[0]}
                else:  # after q or g a run starting with u or i reads as qu/gi + nucleus instead
                    prefixes = {
                        "",
                        *(letter for letter, vowel in (("q", "u"), ("g", "i")) if run[0] != vowel),
                    }
                for tone in TONE_MARKS:
                    for index in range(len(run)):
                        if index != right:
                            toned = run[:index] + compose(run[index], tone) + run[index + 1 :]
                            runs.update(prefix + toned + final for prefix in prefixes)
    return frozenset(runs)


_MISPLACED_RUNS = _misplaced_runs()
_VOWEL_CLASS = "".join(sorted(VOWELS))
# Vowel runs that could carry a misplaced tone, with the letters that decide how they read.
_RUN = re.compile(rf"[qQgG]?[{_VOWEL_CLASS}]{{2,}}[cmnptCMNPT]?")

_CACHE_LIMIT = 50_000
_tone_cache: dict[str, str] = {}


def place_tone(word: str) -> str:
    """Move the tone mark of a single syllable onto the conventional vowel (see loa.text.syllable)."""
    syllable = parse(word)
    if syllable is None or syllable.tone_index is None:
        return word
    target = tone_position(syllable)
    current = syllable.tone_index
    if target == current:
        return word
    letters = list(word)
    letters[current] = VOWELS[word[current]][0]
    letters[target] = compose(letters[target], syllable.tone)
    return "".join(letters)


def _place_tone_match(match: re.Match[str]) -> str:
    run = match.group()
    if run.lower() not in _MISPLACED_RUNS:
        return run
    text, (start, end) = match.string, match.span()
    word_start, word_end = start, end
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    while word_end < len(text) and text[word_end].isalpha():
        word_end += 1
    if word_end < len(text) and "\u0300" <= text[word_end] <= "\u036f":
        return run  # NFC could merge a moved tone with this stray combining mark
    word = text[word_start:word_end]
    fixed = _tone_cache.get(word)
    if fixed is None:
        if len(_tone_cache) >= _CACHE_LIMIT:
            _tone_cache.clear()
        fixed = _tone_cache[word] = place_tone(word)
    # The match covers the whole vowel run, the only letters place_tone changes.
    return fixed[start - word_start : end - word_start]


def _place_tones(text: str) -> str:
    if _MISPLACED_RUNS.isdisjoint(map(str.lower, _RUN.findall(text))):
        return text  # the common case (stored text is canonical) costs one C-speed scan
    return _RUN.sub(_place_tone_match, text)


def canonical_characters(text: str) -> str:
    """The character-level part of :func:`normalize`: everything but the whitespace layout."""
    special = set(_SPECIAL.findall(text))
    if special:
        if "\r" in special:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            special.discard("\r")
        for character in special:
            text = text.replace(character, _REPLACEMENTS[character])
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _place_tones(text)


def normalize(text: str) -> str:
    """Canonical form for storage and comparison.

    NFC; Đ look-alikes -> Đ; zero-width characters, soft hyphens, BOM and control characters removed;
    every kind of space and tab -> one space; line breaks kept (at most one blank line between
    paragraphs, no spaces around them); tone marks on the conventional vowel (hoà -> hòa,
    thuỷ -> thủy). Idempotent.
    """
    text = canonical_characters(text)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip(" \n")


def normalize_line(text: str) -> str:
    """Like :func:`normalize`, but every run of whitespace (line breaks included) becomes one space."""
    # After canonical_characters the only whitespace left is " " and "\n".
    text = canonical_characters(text).replace("\n", " ")
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    return text.strip(" ")
