"""Structure of a single written Vietnamese syllable: initial, vowel cluster, final.

Used to put the tone mark on the conventional vowel and to recognise plausible Vietnamese words
(legacy-encoding detection). Only syllables that parse are touched; anything else (foreign words,
abbreviations, typos) is left exactly as written.

Tone placement convention (the one used by the official administrative-unit names: Hòa, Thanh Hóa,
Thủy, Quỳnh):

1. ``qu`` and ``gi`` (before another vowel) belong to the initial, so their u/i never carry the tone.
2. A vowel with a shape mark carries it (ơ wins in ươ/uơ): cứu, người, thuở, thuế, khuyến.
3. Otherwise, with a final consonant the last vowel carries it: hoàng, toán, quỳnh, xoong.
4. Otherwise three vowels put it on the middle one (khoái, khuỷu) and two vowels on the first
   (hòa, khỏe, thủy, mùa, mía, tài).
"""

from __future__ import annotations

from dataclasses import dataclass

from loa.text.letters import ACUTE, DOT, VOWELS


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


INITIALS: frozenset[str] = _words("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x")
FINALS: frozenset[str] = frozenset(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"])
# Toneless vowel clusters (after qu/gi is taken off) that occur in Vietnamese words.
NUCLEI: frozenset[str] = _words(
    "a ă â e ê i o ô ơ u ư y "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "iêu yêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu"
)
_SHAPED = frozenset("ăâêôơư")
_STOP_FINALS = frozenset(["c", "ch", "p", "t"])
# Clusters that need a final consonant (xoong, xoăn, khuân, thuyền) or never take one (cái, cầu).
_NEED_FINAL = frozenset(["oo", "oă", "uâ", "iê", "yê", "uô", "ươ", "uyê", "ă", "â"])
_OPEN_ONLY = _words(
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu yêu oai oao oay oeo uây uôi uya uyu ươi ươu"
)


@dataclass(frozen=True, slots=True)
class Syllable:
    """A parsed syllable. Indexes point into the original word."""

    initial: str  # lowercase, includes the u of qu and the i of gi
    nucleus: str  # lowercase vowel cluster without tone
    final: str  # lowercase
    start: int  # index of the first nucleus letter in the word
    tone: str | None  # combining tone mark
    tone_index: int | None  # index of the letter carrying the tone


def parse(word: str) -> Syllable | None:
    """Split ``word`` into initial + vowel cluster + final, or None if it is not one Vietnamese syllable."""
    n = len(word)
    i = 0
    while i < n and word[i] not in VOWELS:
        i += 1
    start = i
    tone: str | None = None
    tone_index: int | None = None
    toneless: list[str] = []
    while i < n and word[i] in VOWELS:
        bare, mark = VOWELS[word[i]]
        if mark is not None:
            if tone is not None:
                return None
            tone, tone_index = mark, i
        toneless.append(bare.lower())
        i += 1
    if start == i:
        return None
    initial = word[:start].lower()
    final = word[i:].lower()
    if final not in FINALS:
        return None
    cluster = "".join(toneless)
    if initial == "q" and cluster[0] == "u" and len(cluster) > 1:
        initial, cluster, start = "qu", cluster[1:], start + 1
    elif initial == "g" and cluster[0] == "i":
        if len(cluster) > 1:
            initial, cluster, start = "gi", cluster[1:], start + 1
        else:
            initial = "gi"  # gì, gìn: the i of gi doubles as the vowel
    elif initial == "gi" or initial == "qu":
        return None  # written "gi"/"qu" with a consonant letter i/u does not exist
    if initial and initial not in INITIALS:
        return None
    if cluster not in NUCLEI:
        return None
    return Syllable(initial, cluster, final, start, tone, tone_index)


def tone_position(syllable: Syllable) -> int:
    """Index (into the word) of the letter that carries the tone under the Loa convention."""
    cluster = syllable.nucleus
    if "ơ" in cluster:
        return syllable.start + cluster.index("ơ")
    for offset, letter in enumerate(cluster):
        if letter in _SHAPED:
            return syllable.start + offset
    if syllable.final:
        return syllable.start + len(cluster) - 1
    if len(cluster) == 3:
        return syllable.start + 1
    return syllable.start


def is_well_formed(syllable: Syllable) -> bool:
    """Stricter spelling rules: spelling of k/gh/ngh, stop finals only with sắc/nặng, cluster vs final."""
    front = syllable.nucleus[0] in "eêiy"
    if syllable.initial in ("c", "g", "ng") and front:
        return False
    if syllable.initial in ("k", "gh", "ngh") and not front:
        return False
    if syllable.final in _STOP_FINALS and syllable.tone not in (ACUTE, DOT):
        return False
    if syllable.final and syllable.nucleus in _OPEN_ONLY:
        return False
    if syllable.final in ("ch", "nh") and syllable.nucleus[-1] not in "aêiy":
        return False
    return bool(syllable.final) or syllable.nucleus not in _NEED_FINAL
