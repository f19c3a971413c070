"""Place mentions in Vietnamese press text, resolved to today's provinces and communes.

Old names resolve to their successors: "tỉnh Bắc Kạn" and "huyện Bạch Thông" to Tỉnh Thái Nguyên,
"TP Tuy Hòa" to Tỉnh Đắk Lắk, "xã Vi Hương" to Xã Phủ Thông. Precision comes first, because thousands
of commune names are also ordinary words:

- communes, districts and (legacy) towns are only matched after their kind ("xã", "phường", "huyện",
  "TP", "P.", "Huyện ủy", ...), capitalised; a list shares one plural kind ("các xã A, B và C"), and a
  bare district may follow a commune in an address ("xã Bồ Đề, Gia Lâm");
- province names may appear bare, but only capitalised, not glued to a longer proper noun ("Thái Bình
  Dương", "Nguyễn Thái Bình", "Điện Biên Phủ") and not after a street, company or person title
  ("đường Hà Nội", "anh Thái Bình"); lowercase "bình định" (to pacify) or "thái bình" never match;
  "Hòa Bình", which slogans capitalise ("Vì Hòa Bình"), also needs a place cue ("tại", "ở", "UBND",
  ...) or another mention of the same province; "Hồ Chí Minh" is a person unless written "TP Hồ Chí
  Minh" or "TP.HCM";
- text with diacritics must spell the name (tone placement aside): "Huệ" is not "Huế"; text typed
  without diacritics ("Phu Yen") still matches;
- a name shared by several provinces is resolved by its address ("xã Cẩm Giàng, huyện Bạch Thông"),
  then the other mentions of the text, then the home province; if the candidates still span
  provinces, it is dropped; a unit the address puts in a province where the data does not know it is
  dropped too.

Offsets refer to the text as given when it is in NFC, which includes every ``loa.text.normalize``d text;
other input is put in NFC first. Matching runs on a per-character ``strip_diacritics`` that keeps
offsets, so no full normalisation pass is needed per article.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from loa.pipeline.gazetteer import Gazetteer
from loa.text import VIETNAMESE_LETTERS, compact_key, normalize, search_key, strip_diacritics
from loa.text.letters import VOWELS

VIA_PROVINCE = "province"
VIA_COMMUNE = "commune"
VIA_LEGACY_PROVINCE = "legacy_province"
VIA_LEGACY_DISTRICT = "legacy_district"
VIA_LEGACY_COMMUNE = "legacy_commune"
_PROVINCE_VIAS = frozenset({VIA_PROVINCE, VIA_LEGACY_PROVINCE})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    province_code: str
    province_name: str
    commune_code: str | None
    commune_name: str | None
    mention: str  # as written, kind included ("huyện Bạch Thông")
    start: int
    end: int
    legacy: bool
    via: str  # "province" | "commune" | "legacy_province" | "legacy_district" | "legacy_commune"


class _Candidate(NamedTuple):
    province_code: str
    commune_code: str | None  # the current commune, when the unit maps to exactly one
    legacy: bool
    via: str
    rank: int  # lower wins among the candidates left after the context filters
    district_code: str | None  # legacy district the unit is, or lies in


class _Entry(NamedTuple):
    spellings: tuple[tuple[str, _Candidate], ...]  # (`_spelling` of the unit's name, candidate)
    capitals: tuple[bool, ...]  # per syllable: must it be capitalised in the text

    def matching(self, written: str, syllables: int) -> tuple[_Candidate, ...]:
        """Candidates whose name is spelled like `written`.

        Tables are keyed without diacritics, so "Huệ" (a given name) and "Huế" share a key, as do
        "Cẩm Giàng" and "Cẩm Giang". Text with diacritics must match them exactly (tone placement
        aside); text typed without any diacritics matches every candidate; names of two or more
        syllables may differ in tone marks alone, for the Central Highlands variants ("Đăk Lăk").
        """
        spelling = _spelling(written)
        if spelling.isascii():
            return tuple(c for _, c in self.spellings)
        exact = tuple(c for s, c in self.spellings if s == spelling)
        if exact or syllables < 2:
            return exact
        toneless = _toneless(spelling)
        return tuple(c for s, c in self.spellings if s.isascii() or _toneless(s) == toneless)


class _Raw(NamedTuple):
    start: int
    end: int
    candidates: tuple[_Candidate, ...]
    needs_confirmation: bool  # bare common-word name without a place cue


# Kind as written (lowercase, single spaces, no dot) -> table of the names it introduces.
_PREFIX_TABLE = {
    "tỉnh": "province",
    "tỉnh ủy": "province",
    "thành phố": "city",
    "thành ủy": "city",
    "tp": "city",
    "t.p": "city",
    "thị xã": "town",
    "thị ủy": "town",
    "tx": "town",
    "huyện": "rural_district",
    "huyện đảo": "rural_district",
    "huyện ủy": "rural_district",
    "quận": "urban_district",
    "quận ủy": "urban_district",
    "q": "urban_district",
    "thị trấn": "township",
    "tt": "township",
    "xã": "commune",
    "phường": "ward",
    "p": "ward",
    "đặc khu": "special_zone",
}
_SPACED_ABBREVIATIONS = ("tp", "tx", "t.p")  # "TP Huế", "TP.Huế"
_DOTTED_ABBREVIATIONS = ("tt", "p", "q")  # "P. Đức Xuân"; without the dot these are too common
_UPPER = "".join(sorted(c for c in VIETNAMESE_LETTERS if c.isupper()))


def _kind_alternatives(words: Iterable[str], tail: str) -> list[str]:
    # Every case variant is spelled out: an alternation of plain literals lets the regex engine jump
    # between candidate first letters, several times faster than IGNORECASE or a leading lookbehind.
    branches = []
    for word in words:
        for variant in {word, word.capitalize(), word.title(), word.upper()}:
            branches.append(re.escape(variant).replace("\\ ", r"\s+") + tail)
    return branches


# A kind followed by a capital or a digit: "xã hội", "tỉnh táo" fail inside the regex engine.
_PREFIX = re.compile(
    "(?:"
    + "|".join(
        sorted(
            _kind_alternatives(
                (k for k in _PREFIX_TABLE if k not in _SPACED_ABBREVIATIONS + _DOTTED_ABBREVIATIONS), r"\s+"
            )
            + _kind_alternatives(_SPACED_ABBREVIATIONS, r"(?:\.\s*|\s+)")
            + _kind_alternatives(_DOTTED_ABBREVIATIONS, r"\.\s*"),
            key=len,
            reverse=True,
        )
    )
    + f")(?=[{_UPPER}0-9])"
)
# "Hợp tác xã Thành Công" is a cooperative, "bà xã Thanh" a wife, "ông xã" a husband.
_NOT_A_COMMUNE = re.compile(r"(?:hợp\s+tác|(?<![^\W_])bà|(?<![^\W_])ông)\s+$", re.IGNORECASE)
_PLURAL = re.compile(r"(?:các|những|hai|ba|bốn|năm|\d+)\s+$", re.IGNORECASE)
_TAIL_SEPARATOR = re.compile(r"\s*[,(]\s*")
_COMMUNE_LEVEL_TABLES = frozenset({"commune", "ward", "township", "special_zone"})
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")
# What may separate the parts of an address chain: "xã A, huyện B", "xã A (huyện B cũ)", "A và B thuộc".
_ADDRESS_LINK = re.compile(r"[\s,;(–-]*(?:(?:và|thuộc)[\s,;(–-]*)?", re.IGNORECASE)
_QUALIFIER = re.compile(r"\s*\(\s*")
_SYLLABLE = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*")
_GAP = r"(?:[ \u00a0]*[-–][ \u00a0]*|[ \u00a0]+)"
_SYLLABLE_GAP = re.compile(_GAP)
_NAME_SPLIT = re.compile(r"[\s\-–]+")
_MAX_SYLLABLES = 6

# Legacy district kind -> (table, rank). The extra tables cover kinds the press keeps using after an
# upgrade ("thị xã" for a town that became a city).
_DISTRICT_TABLES: dict[str, tuple[tuple[str, int], ...]] = {
    "huyện": (("rural_district", 0), ("town", 2)),
    "thị xã": (("town", 0), ("rural_district", 1), ("city", 3)),
    "thành phố": (("city", 1), ("town", 1)),
    "quận": (("urban_district", 0),),
}
_COMMUNE_TABLES = {"xã": "commune", "phường": "ward", "đặc khu": "special_zone"}
_LEGACY_COMMUNE_TABLES = {"xã": "commune", "phường": "ward", "thị trấn": "township"}

# Bare names that are also common words; they need a place cue or another mention of the province.
_COMMON_WORD_NAMES = frozenset({"hoabinh"})
# Never matched bare: the person and his ideology ("tư tưởng Hồ Chí Minh").
_NEVER_BARE = frozenset({"hochiminh"})
# Bare spellings beyond the official short names.
_BARE_ALIASES = ("TPHCM", "TP HCM", "HCM", "Sài Gòn", "Thừa Thiên Huế", "Vũng Tàu", "Bà Rịa")
# Proper nouns that extend a province name, for all-caps headlines where case gives no hint.
_RIGHT_EXTENSIONS = {"thaibinh": {"duong"}, "dienbien": {"phu"}, "hanoi": {"moi"}}
_LEFT_EXTENSIONS = {"binhduong": {"thai"}}

# Words right before a bare name that make it something other than the province.
_BLOCKING_WORDS = frozenset(
    {
        # kinds of units: if "xã Thái Bình" is no commune, it is no province either
        *("tỉnh", "phố", "xã", "trấn", "khu", "huyện", "quận", "phường", "tp", "tx"),
        # streets, places, companies and teams named after provinces
        *("đường", "lộ", "ngõ", "ngách", "hẻm", "kiệt", "cầu", "chợ", "sông", "hồ", "đèo", "núi", "vịnh"),
        *("đảo", "biển", "bến", "tàu", "điện", "sạn", "viên", "cư", "ty", "đoàn", "hãng", "clb", "bộ"),
        *("đội", "giải", "cúp", "hiệu", "hàng", "quán", "cp", "ctcp", "tnhh", "mtv", "jsc", "htx"),
        # person titles
        *("ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "cụ", "bé", "cậu", "thầy", "mẹ"),
        *("bố", "cha", "vợ", "chồng", "bạn", "chí", "sĩ", "thủ", "tên", "nàng", "chàng", "lão"),
    }
)
# Capitalised words that may head an organisation named after a province ("Báo Bắc Kạn").
_INSTITUTION_HEADS = frozenset(
    {"báo", "đài", "sở", "cục", "ban", "viện", "hội", "ủy", "uỷ", "thành", "đất", "miền", "vùng", "xứ"}
)
# Capitalised words that make the next one part of a person's name, even at the start of a sentence.
_NAME_SYLLABLES = frozenset(
    {
        *("nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ"),
        *("ngô", "dương", "lý", "đinh", "trịnh", "mai", "lâm", "lương", "tạ", "triệu", "chu", "kiều"),
        *("quách", "tô", "thái", "văn", "thị", "hữu", "đức", "công", "quang", "ngọc", "xuân", "đình"),
        *("bá", "khắc", "trọng", "mạnh", "như", "kim"),
    }
)
# Words right before a common-word name that make it a place ("ở Hòa Bình").
_PLACE_CUES = frozenset(
    {
        *("tại", "ở", "về", "đến", "tới", "từ", "qua", "khắp", "thuộc", "trên", "rời", "vào", "ra"),
        *("quê", "người", "bàn", "nhân", "phận"),
    }
)
_SENTENCE_START = frozenset(".!?:;\n\"“”'‘’(«[–—-•*")


def _strip_table() -> list[str]:
    """Per-character `strip_diacritics` (case kept) that keeps the string length, so offsets carry over.

    A list indexed by code point translates about twice as fast as a dict; characters past its end
    are left as they are.
    """
    table = [chr(code) for code in range(0x1F00)]
    for code in range(0xC0, 0x1F00):
        stripped = strip_diacritics(chr(code))
        if len(stripped) == 1:
            table[code] = stripped
    return table


_STRIP = _strip_table()


_NOT_KEY = re.compile(r"[^a-z0-9]+")
_NOT_LETTER = re.compile(r"[\W_]+")


def _folded_key(text: str) -> str:
    """compact_key of one NFC word, without compact_key's full normalisation (this runs per match)."""
    return _NOT_KEY.sub("", text.translate(_STRIP).lower())


def _capitals(name: str) -> tuple[bool, ...]:
    return tuple(s[0].isupper() or s[0].isdigit() for s in _NAME_SPLIT.split(name) if s)


@functools.lru_cache(maxsize=8192)
def _spelling(name: str) -> str:
    """Lowercase letters and digits with diacritics, tone marks on the conventional vowel."""
    return _NOT_LETTER.sub("", normalize(name).lower())


def _toneless(spelling: str) -> str:
    return "".join(VOWELS[c][0] if c in VOWELS else c for c in spelling)


class _TableBuilder:
    def __init__(self) -> None:
        self.tables: dict[str, dict[str, _Entry]] = {}

    def add(self, table: str, name: str, candidate: _Candidate) -> None:
        key = compact_key(name)
        if not key:
            return
        caps = _capitals(name)
        entries = self.tables.setdefault(table, {})
        spelled = (_spelling(name), candidate)
        old = entries.get(key)
        if old is None:
            entries[key] = _Entry((spelled,), caps)
        elif spelled not in old.spellings:
            if len(old.capitals) == len(caps):
                # A syllable must be capitalised only if every unit spelled this way capitalises it.
                caps = tuple(a and b for a, b in zip(old.capitals, caps, strict=True))
            else:
                caps = (old.capitals[0] and caps[0],)
            entries[key] = _Entry((*old.spellings, spelled), caps)


def _trie_pattern(names: Iterable[list[str]]) -> str:
    """Regex alternation of capitalised syllable sequences, factorised as a trie.

    Run over the diacritic-stripped, case-kept text: the engine only stops at capital letters.
    """
    trie: dict[str, dict] = {}
    for syllables in names:
        node = trie
        for syllable in syllables:
            node = node.setdefault(syllable, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = []
        for syllable in sorted((s for s in node if s), key=len, reverse=True):
            child = node[syllable]
            if not any(child):
                branches.append(_cased(syllable))
            elif "" in child:
                branches.append(f"{_cased(syllable)}(?:{_GAP}{emit(child)})?")
            else:
                branches.append(f"{_cased(syllable)}{_GAP}{emit(child)}")
        return f"(?:{'|'.join(branches)})"

    return emit(trie)


def _cased(syllable: str) -> str:
    """ "noi" -> "(?:Noi|NOI)": names are capitalised, or all capitals in headlines."""
    return f"(?:{re.escape(syllable.capitalize())}|{re.escape(syllable.upper())})"


class PlaceResolver:
    """Precompiled matcher over a Gazetteer; build it once with `PlaceResolver.build` and reuse it."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        tables: dict[str, dict[str, _Entry]],
        bare_pattern: re.Pattern[str],
        home_province_code: str | None,
    ) -> None:
        self.gazetteer = gazetteer
        self.home_province_code = home_province_code
        self._tables = tables
        self._bare = bare_pattern

    @classmethod
    def build(cls, gazetteer: Gazetteer, home_province_code: str | None = None) -> PlaceResolver:
        builder = _TableBuilder()
        bare_names: list[list[str]] = []
        current_keys = {compact_key(p.short) for p in gazetteer.provinces.values()}
        province_keys = {compact_key(p.short) for p in gazetteer.legacy_provinces.values()}
        for province in gazetteer.provinces.values():
            candidate = _Candidate(province.code, None, False, VIA_PROVINCE, 0, None)
            builder.add("province", province.short, candidate)
            builder.add(
                "city", province.short, candidate._replace(rank=0 if province.kind == "thành phố" else 4)
            )
            if compact_key(province.short) not in _NEVER_BARE:
                builder.add("bare", province.short, candidate)
                bare_names.append(search_key(province.short).split())
        for alias, code in gazetteer.province_aliases.items():
            table = "city" if gazetteer.provinces[code].kind == "thành phố" else "province"
            builder.add(table, alias, _Candidate(code, None, False, VIA_PROVINCE, 0, None))
        for alias in _BARE_ALIASES:
            found = gazetteer.find_province(alias)
            if found is not None:
                builder.add("bare", alias, _Candidate(found.code, None, False, VIA_PROVINCE, 0, None))
                bare_names.append(search_key(alias).split())
        for legacy in gazetteer.legacy_provinces.values():
            if compact_key(legacy.short) in current_keys:
                continue
            candidate = _Candidate(legacy.successor_code, None, True, VIA_LEGACY_PROVINCE, 1, None)
            builder.add("province", legacy.short, candidate)
            builder.add("bare", legacy.short, candidate)
            bare_names.append(search_key(legacy.short).split())
            if legacy.kind == "thành phố":
                builder.add("city", legacy.short, candidate._replace(rank=2))
        for district in gazetteer.legacy_districts.values():
            sole = district.successor_commune_codes[0] if len(district.successor_commune_codes) == 1 else None
            candidate = _Candidate(
                district.successor_province_code, sole, True, VIA_LEGACY_DISTRICT, 0, district.code
            )
            for table, rank in _DISTRICT_TABLES[district.kind]:
                builder.add(table, district.short, candidate._replace(rank=rank))
            # Province names are matched bare anyway; numbered districts ("Quận 3") need their kind.
            if compact_key(district.short) not in province_keys and not district.short[0].isdigit():
                builder.add("address_district", district.short, candidate)
        for commune in gazetteer.communes.values():
            candidate = _Candidate(commune.province_code, commune.code, False, VIA_COMMUNE, 0, None)
            builder.add(_COMMUNE_TABLES[commune.kind], commune.short, candidate)
        for old in gazetteer.legacy_communes.values():
            sole = old.successor_commune_codes[0] if len(old.successor_commune_codes) == 1 else None
            candidate = _Candidate(
                old.successor_province_code, sole, True, VIA_LEGACY_COMMUNE, 1, old.legacy_district_code
            )
            builder.add(_LEGACY_COMMUNE_TABLES[old.kind], old.short, candidate)
        # Capitalised syllables and no leading lookbehind let the regex engine skip straight to capital
        # letters; the left word boundary is checked in `_bare_names`.
        bare = re.compile(rf"{_trie_pattern(bare_names)}(?![^\W_]|['’])")
        return cls(gazetteer, builder.tables, bare, home_province_code)

    def find(self, text: str, home_province_code: str | None = None) -> list[PlaceMention]:
        """Place mentions in reading order; offsets refer to `text` (or its NFC form if it is not NFC)."""
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        stripped = text.translate(_STRIP)
        # Length-preserving: U+0130, the one letter whose lowercase is longer, is already stripped.
        folded = stripped.lower()
        raws = self._prefixed(text, folded)
        covered = [(r.start, r.end) for r in raws]
        raws.extend(self._bare_names(text, stripped, covered))
        raws.sort(key=lambda r: r.start)
        return self._resolve(text, raws, home_province_code or self.home_province_code)

    def _lookup(
        self, text: str, folded: str, table: dict[str, _Entry], pos: int
    ) -> tuple[int, tuple[_Candidate, ...]] | None:
        """Longest capitalised name of `table` starting at `pos`, as (end, candidates)."""
        starts: list[int] = []
        ends: list[int] = []
        parts: list[str] = []
        while len(parts) < _MAX_SYLLABLES:
            match = _SYLLABLE.match(folded, pos)
            if match is None:
                break
            starts.append(match.start())
            ends.append(match.end())
            parts.append(match.group().replace("'", "").replace("’", ""))
            gap = _SYLLABLE_GAP.match(folded, match.end())
            if gap is None:
                break
            pos = gap.end()
        for count in range(len(parts), 0, -1):
            entry = table.get("".join(parts[:count]))
            if entry is None:
                continue
            # Compact aliases ("hcm", "thuathienhue") carry one flag: only the first syllable is checked.
            if all(
                not must or text[s].isupper() or text[s].isdigit()
                for must, s in zip(entry.capitals, starts, strict=False)
            ) and (candidates := entry.matching(text[starts[0] : ends[count - 1]], count)):
                return ends[count - 1], candidates
        return None

    def _prefixed(self, text: str, folded: str) -> list[_Raw]:
        raws: list[_Raw] = []
        for match in _PREFIX.finditer(text):
            if match.start() and text[match.start() - 1].isalnum():
                continue
            kind = " ".join(match.group().rstrip().rstrip(".").lower().split())
            if kind == "xã" and _NOT_A_COMMUNE.search(text, max(0, match.start() - 10), match.start()):
                continue
            table_name = _PREFIX_TABLE[kind]
            table = self._tables.get(table_name, {})
            found = self._lookup(text, folded, table, match.end())
            if found is None:
                continue
            end, candidates = found
            raws.append(_Raw(match.start(), end, candidates, False))
            if _PLURAL.search(text, max(0, match.start() - 12), match.start()):
                # "các xã Nà Phặc, Vân Tùng và Cốc Đán": the kind is written once for the whole list.
                while (separator := _LIST_SEPARATOR.match(text, end)) is not None:
                    found = self._lookup(text, folded, table, separator.end())
                    if found is None:
                        break
                    start = separator.end()
                    end, candidates = found
                    raws.append(_Raw(start, end, candidates, False))
            if table_name in _COMMUNE_LEVEL_TABLES:
                self._address_tail(text, folded, end, raws)
        return raws

    def _address_tail(self, text: str, folded: str, end: int, raws: list[_Raw]) -> None:
        """Bare district names that continue a commune's address: "xã Bồ Đề, Gia Lâm", "thị trấn Bằng Lũng
        (Chợ Đồn)". They count as mentions and, through `_addresses`, place the commune."""
        table = self._tables["address_district"]
        while (separator := _TAIL_SEPARATOR.match(text, end)) is not None:
            found = self._lookup(text, folded, table, separator.end())
            if found is None:
                return
            end, candidates = found
            raws.append(_Raw(separator.end(), end, candidates, False))

    def _bare_names(self, text: str, stripped: str, covered: Sequence[tuple[int, int]]) -> list[_Raw]:
        table = self._tables["bare"]
        raws: list[_Raw] = []
        pos = 0
        while (match := self._bare.search(stripped, pos)) is not None:
            start, end = match.span()
            if start and (stripped[start - 1].isalnum() or stripped[start - 1] in "'’"):
                pos = start + 1  # inside a word: look again from the next letter
                continue
            pos = end
            if any(s <= start < e for s, e in covered):
                continue
            key = _NOT_KEY.sub("", match.group().lower())
            entry = table.get(key)
            if entry is None:
                continue
            candidates = entry.matching(text[start:end], len(_NAME_SPLIT.split(match.group().strip())))
            verdict = _bare_verdict(text, start, end, key)
            if candidates and verdict is not None:
                raws.append(_Raw(start, end, candidates, verdict))
        return raws

    def _resolve(self, text: str, raws: list[_Raw], home: str | None) -> list[PlaceMention]:
        # Units named without ambiguity give the context that settles the ambiguous ones.
        context_provinces: set[str] = set()
        for raw in raws:
            provinces = {c.province_code for c in raw.candidates}
            if len(provinces) == 1 and not raw.needs_confirmation:
                context_provinces |= provinces
        addresses = _addresses(text, raws)
        choices = [
            _choose(raw.candidates, context_provinces, address, home)
            for raw, address in zip(raws, addresses, strict=True)
        ]
        # Second round: what the first one settled ("xã Cẩm Giang", only current in Hải Phòng) settles
        # the names still shared by several provinces ("xã Cẩm Giàng", in Hải Phòng and Thái Nguyên).
        settled = {
            choice[0].province_code
            for raw, choice in zip(raws, choices, strict=True)
            if choice is not None and not raw.needs_confirmation
        }
        if None in choices and not settled <= context_provinces:
            choices = [
                choice or _choose(raw.candidates, context_provinces | settled, address, home)
                for raw, address, choice in zip(raws, addresses, choices, strict=True)
            ]
        chosen = [(raw, *choice) for raw, choice in zip(raws, choices, strict=True) if choice is not None]
        confirmed = {candidate.province_code for raw, candidate, _ in chosen if not raw.needs_confirmation}
        mentions = []
        for raw, candidate, commune_code in chosen:
            if raw.needs_confirmation and candidate.province_code not in confirmed:
                continue
            province = self.gazetteer.provinces[candidate.province_code]
            commune = self.gazetteer.communes[commune_code] if commune_code else None
            mentions.append(
                PlaceMention(
                    province.code,
                    province.name,
                    commune_code,
                    commune.name if commune else None,
                    text[raw.start : raw.end],
                    raw.start,
                    raw.end,
                    candidate.legacy,
                    candidate.via,
                )
            )
        return mentions


class _Address(NamedTuple):
    district: str | None  # legacy district code
    province: str | None  # current province code


_NO_ADDRESS = _Address(None, None)


def _addresses(text: str, raws: Sequence[_Raw]) -> list[_Address]:
    """For each mention, the legacy district and the province that an address chain puts it in.

    In "xã Vi Hương, huyện Bạch Thông" or "các xã Cao Thượng, Nam Mẫu và Khang Ninh thuộc huyện Ba Bể"
    the communes are named in pre-2025 terms, so the legacy commune of that district is meant; in
    "thị trấn Tân Hiệp, tỉnh Hậu Giang" a unit that the data only knows in another province is dropped.
    """
    addresses = [_NO_ADDRESS] * len(raws)
    following = _NO_ADDRESS
    for i in range(len(raws) - 1, -1, -1):
        raw = raws[i]
        first = raw.candidates[0]
        if all(c.via in _PROVINCE_VIAS for c in raw.candidates):
            # A province is not placed by the next one, "Hà Nội, Huế và Đà Nẵng" is a list; but one in
            # brackets qualifies it: "trung tâm Phú Thọ (TP HCM)" is a place in another province, while
            # "Bắc Kạn (Thái Nguyên)" names the successor and stays.
            if following.province and _QUALIFIER.fullmatch(text, raw.end, raws[i + 1].start):
                addresses[i] = _Address(None, following.province)
            unique = len({c.province_code for c in raw.candidates}) == 1
            if unique and not raw.needs_confirmation:
                following = _Address(None, first.province_code)
        else:
            addresses[i] = following
            if len(raw.candidates) == 1 and first.via == VIA_LEGACY_DISTRICT:
                following = _Address(first.district_code, first.province_code)
        if i > 0 and not _ADDRESS_LINK.fullmatch(text, raws[i - 1].end, raw.start):
            following = _NO_ADDRESS
    return addresses


def _choose(
    candidates: Sequence[_Candidate],
    context_provinces: set[str],
    address: _Address,
    home: str | None,
) -> tuple[_Candidate, str | None] | None:
    """The province (and commune, if unambiguous) of a mention, or None if the provinces stay mixed."""
    pool = list(candidates)
    if address.province is not None:
        pool = [c for c in pool if c.province_code == address.province]
        if not pool:
            return None
    in_district = [c for c in pool if c.via == VIA_LEGACY_COMMUNE and c.district_code == address.district]
    if address.district is not None and in_district:
        pool = in_district
    for wanted in (context_provinces, {home}):
        if len({c.province_code for c in pool}) > 1:
            pool = [c for c in pool if c.province_code in wanted] or pool
    best = min(c.rank for c in pool)
    pool = [c for c in pool if c.rank == best]
    if len({c.province_code for c in pool}) != 1:
        return None
    communes = {c.commune_code for c in pool}
    return pool[0], communes.pop() if len(communes) == 1 else None


def _previous_word(text: str, start: int) -> tuple[str, int] | None:
    """The word right before `start` if only spaces separate them, as (word, its start)."""
    i = start
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    if i == start or i == 0 or not text[i - 1].isalnum():
        return None
    j = i
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    return text[j:i], j


def _next_word(text: str, end: int) -> str | None:
    """The word right after `end` if only spaces separate them."""
    i = end
    while i < len(text) and text[i] in " \u00a0":
        i += 1
    if i == end or i >= len(text) or not text[i].isalnum():
        return None
    j = i
    while j < len(text) and text[j].isalnum():
        j += 1
    return text[i:j]


def _starts_sentence(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_START


def _bare_verdict(text: str, start: int, end: int, key: str) -> bool | None:
    """None rejects a bare province name; otherwise: does it still need another mention to confirm it?"""
    written = text[start:end]
    if not all(word[0].isupper() for word in _NAME_SPLIT.split(written) if word):
        return None
    shouting = written.isupper() and len(key) > 3  # an all-caps headline, not an acronym like "HCM"
    after = _next_word(text, end)
    if after is not None:
        if _folded_key(after) in _RIGHT_EXTENSIONS.get(key, ()):
            return None
        if after[0].isupper() and not (shouting and after.isupper()):
            return None
    cue = False
    before = _previous_word(text, start)
    if before is not None:
        word, word_start = before
        lower = word.lower()
        if _folded_key(word) in _LEFT_EXTENSIONS.get(key, ()) or lower in _BLOCKING_WORDS:
            return None
        if word[0].isupper() and lower in _NAME_SYLLABLES:
            return None
        cue = lower in _PLACE_CUES
        if word[0].isupper() and not cue:
            if len(word) > 1 and word.isupper():
                # An acronym ("UBND Thái Bình") is a cue, unless the whole headline is in capitals.
                cue = not shouting
            elif not (shouting and word.isupper()) and not _starts_sentence(text, word_start):
                if lower not in _INSTITUTION_HEADS:
                    return None
                cue = True
    return key in _COMMON_WORD_NAMES and not cue


_TITLE_WEIGHT = 3.0
_LEAD_WEIGHT = 1.5
_LEAD_CHARS = 400
_COMMUNE_WEIGHT = 1.25


def _weight(mention: PlaceMention, title_length: int) -> float:
    weight = 1.0
    if mention.start < title_length:
        weight *= _TITLE_WEIGHT
    elif mention.start < title_length + _LEAD_CHARS:
        weight *= _LEAD_WEIGHT
    if mention.commune_code is not None:
        weight *= _COMMUNE_WEIGHT
    return weight


def relevance(mentions: Sequence[PlaceMention], province_code: str, *, title_length: int = 0) -> float:
    """How much a text is about `province_code`, from 0 (not mentioned) to 1.

    Each mention weighs 1, ×3 in the title (the first `title_length` characters of the text given to
    `find`), ×1.5 in the lead (next 400 characters), ×1.25 at commune level. The home weight h gives a
    strength 1 - e^(-h/2) (one body mention ≈ 0.39, one title mention ≈ 0.78), scaled by the home share
    s of all place weight as strength × (0.5 + 0.5·s): an article spread over five provinces scores
    lower than one about the home province alone.
    """
    home = sum(_weight(m, title_length) for m in mentions if m.province_code == province_code)
    if home == 0:
        return 0.0
    total = sum(_weight(m, title_length) for m in mentions)
    strength = 1.0 - math.exp(-home / 2.0)
    return min(1.0, strength * (0.5 + 0.5 * home / total))
