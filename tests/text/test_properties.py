"""Property tests for loa.text (hypothesis)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from loa.text import (
    compact_key,
    convert_legacy,
    detect_legacy_encoding,
    encode_legacy,
    fold,
    normalize,
    normalize_line,
    repair_encoding,
    search_key,
    syllables,
)
from loa.text.letters import TONE_MARKS, VOWELS, compose
from loa.text.syllable import FINALS, INITIALS, NUCLEI, is_well_formed, parse, tone_position
from tests.text.samples import TRICKY_WORDS, VIETNAMESE_SENTENCES, tcvn3_expected

# No per-example deadline: CI machines are shared and slow examples are not failures here.
relaxed = settings(deadline=None)

WORDS = sorted({word for sentence in VIETNAMESE_SENTENCES for word in sentence.split()} | set(TRICKY_WORDS))
SEPARATORS = [" ", "  ", ", ", ". ", "\n", "\n\n\n", "\t", "\u00a0", " - ", "\u200b ", "\r\n"]
CASINGS = [str.lower, str.upper, str.title, lambda word: word]


@st.composite
def vietnamese_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
    pieces: list[str] = []
    for word in words:
        pieces.append(draw(st.sampled_from(CASINGS))(word))
        pieces.append(draw(st.sampled_from(SEPARATORS)))
    text = "".join(pieces)
    return unicodedata.normalize("NFD", text) if draw(st.booleans()) else text


@st.composite
def canonical_syllable(draw: st.DrawFn) -> str:
    """A well-formed toned syllable with its tone on the conventional vowel."""
    initial = draw(st.sampled_from(sorted(INITIALS | {""})))
    bare = initial + draw(st.sampled_from(sorted(NUCLEI))) + draw(st.sampled_from(sorted(FINALS)))
    syllable = parse(bare)
    assume(syllable is not None)
    assert syllable is not None
    position = tone_position(syllable)
    word = bare[:position] + compose(bare[position], draw(st.sampled_from(TONE_MARKS))) + bare[position + 1 :]
    toned = parse(word)
    assume(toned is not None and is_well_formed(toned))
    return word


def move_tone(word: str, index: int) -> str:
    """Put the word's tone mark on the letter at ``index`` instead."""
    letters = list(word)
    tone = None
    for i, ch in enumerate(letters):
        bare, mark = VOWELS.get(ch, (ch, None))
        if mark is not None:
            tone, letters[i] = mark, bare
    assert tone is not None
    letters[index] = compose(letters[index], tone)
    return "".join(letters)


any_text = st.text(max_size=200)


@relaxed
@given(st.one_of(any_text, vietnamese_text()))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert normalize_line(once) == normalize_line(text)
    assert normalize_line(normalize_line(text)) == normalize_line(text)


@relaxed
@given(st.one_of(any_text, vietnamese_text()))
def test_normalize_output_shape(text: str) -> None:
    result = normalize(text)
    assert unicodedata.is_normalized("NFC", result)
    assert "  " not in result and "\n\n\n" not in result and "\t" not in result and "\r" not in result
    assert result == result.strip()
    line = normalize_line(text)
    assert not re.search(r"[^\S ]|  ", line) and line == line.strip()


@relaxed
@given(st.one_of(any_text, vietnamese_text()))
def test_nfd_and_nfc_input_normalize_alike(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    assert normalize(unicodedata.normalize("NFD", text)) == normalize(nfc)
    assert fold(unicodedata.normalize("NFD", text)) == fold(nfc)


@relaxed
@given(st.one_of(any_text, vietnamese_text()))
def test_fold_properties(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert fold(normalize(text)) == folded
    assert folded == folded.lower()


@relaxed
@given(st.one_of(any_text, vietnamese_text()))
def test_keys_are_plain_ascii(text: str) -> None:
    key = search_key(text)
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", key)
    assert search_key(key) == key
    assert compact_key(text) == key.replace(" ", "")


@relaxed
@given(vietnamese_text())
def test_vietnamese_keys_lose_nothing_but_marks(text: str) -> None:
    # For Vietnamese text every syllable survives folding as one key word.
    assert search_key(text).split() == [fold(word) for word in syllables(text)]


@relaxed
@given(st.one_of(any_text, vietnamese_text()))
def test_syllables_are_lowercase_tokens_of_normalized_text(text: str) -> None:
    tokens = syllables(text)
    assert tokens == syllables(normalize(text))
    assert all(token == token.lower() and re.fullmatch(r"[^\W_]+", token) for token in tokens)


@relaxed
@given(canonical_syllable(), st.data())
def test_tone_goes_to_the_conventional_vowel(word: str, data: st.DataObject) -> None:
    assert normalize(word) == word
    assert normalize(word.upper()) == word.upper()
    assert normalize(word.capitalize()) == word.capitalize()
    vowels = [i for i, ch in enumerate(word) if ch in VOWELS]
    misplaced = move_tone(word, data.draw(st.sampled_from(vowels)))
    assert normalize(misplaced) == word
    assert normalize(misplaced.upper()) == word.upper()


@relaxed
@given(vietnamese_text())
def test_unicode_vietnamese_is_never_taken_for_legacy(text: str) -> None:
    assert detect_legacy_encoding(text) is None


sentences = st.lists(st.sampled_from(VIETNAMESE_SENTENCES), min_size=1, max_size=4)


@relaxed
@given(sentences, st.lists(st.sampled_from([str.upper, str.title, lambda s: s]), min_size=4, max_size=4))
def test_vni_round_trip(chosen: list[str], casings: list) -> None:
    text = ". ".join(casing(sentence) for casing, sentence in zip(casings, chosen, strict=False))
    legacy = encode_legacy(text, "vni")
    assert detect_legacy_encoding(legacy) == "vni"
    assert repair_encoding(legacy) == (text, "vni")
    assert normalize(convert_legacy(legacy, "vni")) == normalize(text)


@relaxed
@given(sentences, st.sampled_from(["\n", ". ", "; "]))
def test_tcvn3_round_trip(chosen: list[str], separator: str) -> None:
    text = separator.join(chosen)
    legacy = encode_legacy(text, "tcvn3")
    assert detect_legacy_encoding(legacy) == "tcvn3"
    assert repair_encoding(legacy) == (tcvn3_expected(text), "tcvn3")


@relaxed
@given(st.text(alphabet=st.sampled_from(sorted({*"abcdeghiklmnopqrstuvxy đ.,"} | set(VOWELS))), max_size=80))
def test_legacy_codecs_invert_each_other_on_lowercase_text(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    assert convert_legacy(encode_legacy(text, "vni"), "vni") == text
    assert convert_legacy(encode_legacy(text.lower(), "tcvn3"), "tcvn3") == text.lower()
