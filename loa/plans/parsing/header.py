"""The heading block of an administrative document (Decree 30/2020/NĐ-CP layout): issuing body,
"Số: …/KH-UBND", national motto, "Bắc Kạn, ngày … tháng … năm …", document type and title or "V/v"
subject.

Choices: ``number`` is the number and symbol as written without spaces, so a draft with the number
left blank gives "/KH-UBND". ``date`` is None unless day, month and year are all written (the review
screen asks for the rest); ``year`` keeps the year alone. The issuer is written the way documents refer
to it: "UBND tỉnh Bắc Kạn", "Sở Thông tin và Truyền thông".
"""

from __future__ import annotations

import re
from datetime import date

from loa.plans.parsing.model import DocumentHeader, Kind
from loa.plans.parsing.outline import split_marker
from loa.plans.parsing.units import starts_with_unit
from loa.text import fold
from loa.text.syllable import parse as parse_syllable

_REGION = 40
# "SỐ:" too: legacy TCVN3 text cannot tell "Số" from "SỐ".
_NUMBER = re.compile(
    r"(?:^|\s)(?:Số|SỐ|số(?=\s*:))\s*[:.]?\s*(?P<num>\d[\d.]*)?\s*(?P<sym>(?:/\s*[^\s/,;]+)+)"
)
_MOTTO = re.compile(
    r"CỘNG\s+H(?:OÀ|ÒA|OA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"(?:^|,)\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>(?:19|20)\d{2})"
    r"|(?:^|,)\s*ngày\s*(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>(?:19|20)\d{2})",
    re.IGNORECASE,
)
_PLACE_DATE = re.compile(r"[^\W\d][\w .'-]*,\s*ngày\b.*$", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:V/v|Về việc)\s*:?\s*", re.IGNORECASE)
_TYPE_WORDS: tuple[tuple[str, Kind], ...] = (
    ("ke hoach", "KH"),
    ("quyet dinh", "QD"),
    ("chi thi", "CT"),
    ("cong van", "CV"),
    ("chuong trinh", "other"),
    ("thong bao", "other"),
    ("bao cao", "other"),
    ("nghi quyet", "other"),
    ("huong dan", "other"),
    ("de an", "other"),
    ("cong dien", "other"),
)
_SYMBOL_KINDS: dict[str, Kind] = {"kh": "KH", "qd": "QD", "ct": "CT", "cv": "CV"}
# Symbols of other document types; anything else before the dash is an issuer code ("UBND-KGVX"),
# which is how official letters (công văn) are numbered.
_OTHER_SYMBOLS = frozenset(
    [
        "tb",
        "bc",
        "nq",
        "ttr",
        "hd",
        "qc",
        "ctr",
        "kl",
        "tt",
        "da",
        "pa",
        "bb",
        "gm",
        "ggt",
        "guq",
        "qy",
        "nd",
        "qh",
        "cd",
        "pl",
        "cđ",
    ]
)
_BODY_START = re.compile(r"^(?:Kính gửi|Căn cứ|Thực hiện|Trên cơ sở)\b", re.IGNORECASE)
_PLACE_WORDS = ("tỉnh", "huyện", "thành phố", "thị xã", "quận", "xã", "phường", "thị trấn")
_ABBREVIATIONS = (("ủy ban nhân dân", "UBND"), ("hội đồng nhân dân", "HĐND"))
_NAME_HEADS = frozenset(
    {"sở", "ban", "bộ", "cục", "vụ", "viện", "trường", "phòng", "đài", "báo", "hội", "đoàn", "trạm"}
    | {"văn phòng", "trung tâm", "tạp chí", "chi cục", "ủy ban", "hội đồng"}
)


def type_word(text: str) -> tuple[Kind, str] | None:
    """ "KẾ HOẠCH" (or "KẾ HOẠCH Tăng cường …" on one line) -> ("KH", rest)."""
    stripped = text.strip()
    letters = [c for c in stripped[:20] if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters[:6]):
        return None
    folded = fold(stripped)
    for word, kind in _TYPE_WORDS:
        if folded == word or folded.startswith(word + " "):
            return kind, stripped[len(word) :].strip()
    return None


def parse_header(paragraphs: list[str]) -> DocumentHeader:
    region = _region(paragraphs)
    header = DocumentHeader()
    number_index = None
    for index, text in enumerate(region):
        match = _NUMBER.search(text)
        if match:
            header.number = re.sub(r"\s+", "", (match.group("num") or "") + match.group("sym")).rstrip(".")
            number_index = index
            break
    motto_index = next((i for i, text in enumerate(region) if _MOTTO.search(text)), None)
    ends = [index for index in (number_index, motto_index) if index is not None]
    # Without a number or the national motto there is no heading block to take an issuer from.
    header.issuer = _issuer(region[: max(ends) + 1]) if ends else None
    header.date, header.year = _date(region)
    header.kind, header.title = _kind_and_title(region, header.number)
    return header


def _region(paragraphs: list[str]) -> list[str]:
    region: list[str] = []
    for text in paragraphs[:_REGION]:
        marker, _ = split_marker(text)
        title_line = bool(region) and type_word(region[-1]) is not None  # "Thực hiện Chỉ thị …" as a title
        if (marker is not None and marker.kind != "bullet") or (_BODY_START.match(text) and not title_line):
            break
        region.append(text)
    return region


def _date(region: list[str]) -> tuple[date | None, int | None]:
    for text in region:
        match = _DATE.search(text)
        if not match:
            continue
        day = match.group("d") or match.group("d2")
        month = match.group("m") or match.group("m2")
        year = int(match.group("y") or match.group("y2"))
        if day and month:
            try:
                return date(year, int(month), int(day)), year
            except ValueError:
                return None, year
        return None, year
    return None, None


def _issuer(lines: list[str]) -> str | None:
    organisations: list[list[str]] = []
    for text in lines:
        text = _NUMBER.sub(" ", _MOTTO.sub(" ", text))
        text = _PLACE_DATE.sub("", text).strip(" -–_")
        if not text or _SUBJECT.match(text) or type_word(text):
            continue
        if organisations and not starts_with_unit(text):
            organisations[-1].append(text)
        else:
            organisations.append([text])
    if not organisations:
        return None
    name = " ".join(organisations[-1])
    if not any(c.islower() for c in name):
        name = readable_name(name)
    return name


def _is_acronym(word: str) -> bool:
    """ "UBND", "TTTT", "VNPT": not a Vietnamese syllable and at most one vowel."""
    plain = fold(word)
    if plain != word.replace("đ", "d"):
        return False  # tone or shape marks: a (misspelt or foreign-looking) word, not an acronym
    return word.isalpha() and parse_syllable(word) is None and sum(c in "aeiouy" for c in plain) <= 1


def readable_name(upper: str) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" -> "UBND tỉnh Bắc Kạn"; "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" ->
    "Sở Thông tin và Truyền thông": capitals on the first word of each part of the name, place names
    in title case, acronyms kept."""
    text = " ".join(upper.lower().split())
    for long, short in _ABBREVIATIONS:
        text = text.replace(long, short)
    out: list[str] = []
    capitalise = True
    in_place = False
    for index, word in enumerate(text.split()):
        previous = out[-1].lower() if out else ""
        if _is_acronym(word):
            out.append(word.upper())
            capitalise = False
            continue
        if word == "ủy" and previous in ("tỉnh", "huyện", "thành"):
            out[-1] = out[-1].capitalize()
            out.append(word)
            in_place = False
            continue
        connector = word in ("và", "-") or word in _PLACE_WORDS
        if index == 0 or ((capitalise or in_place) and not connector):
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
        capitalise = word in _NAME_HEADS or f"{previous} {word}" in _NAME_HEADS or word in ("và", "-")
        capitalise = capitalise or word.endswith(",")
        if word in _PLACE_WORDS or f"{previous} {word}" in _PLACE_WORDS:
            in_place = True
    return " ".join(out)


def sentence_case(upper: str) -> str:
    """An all-capitals title in sentence case, with place names after "tỉnh", "huyện" … capitalised."""
    words = upper.lower().split()
    out: list[str] = []
    in_place = False
    for index, word in enumerate(words):
        if index == 0 or in_place:
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
        if word in _PLACE_WORDS:
            in_place = True
        elif in_place and (word[:1].isdigit() or word in ("năm", "giai", "đến", "và", "trong")):
            in_place = False
            out[-1] = word
    return " ".join(out)


def _kind_from_symbol(number: str | None) -> Kind | None:
    if not number:
        return None
    code = number.strip("/").split("/")[-1]
    first = fold(code.split("-")[0]).strip(". ")
    if first in _SYMBOL_KINDS:
        return _SYMBOL_KINDS[first]
    if first in _OTHER_SYMBOLS or not first or first.isdigit():
        return "other"
    return "CV"


def _kind_and_title(region: list[str], number: str | None) -> tuple[Kind, str | None]:
    kind = _kind_from_symbol(number)
    for index, text in enumerate(region):
        found = type_word(text)
        if found is None:
            continue
        word_kind, rest = found
        if kind is None or (kind == "CV" and word_kind != "CV"):
            kind = word_kind
        title = rest or (region[index + 1] if index + 1 < len(region) else "")
        return kind, _clean_title(title) or None
    for text in region:
        if _SUBJECT.match(text):
            subject = _PLACE_DATE.sub("", _SUBJECT.sub("", text))
            return kind or "CV", _clean_title(subject) or None
    return kind or "other", None


def _clean_title(text: str) -> str:
    text = _SUBJECT.sub("", text.strip())
    text = re.sub(r"^Về\s+", "", text) if re.match(r"^Về\s+\S+\s+\S+", text) else text
    text = text.strip(" .:;-–")
    if text and not any(c.islower() for c in text):
        return sentence_case(text)
    return text[:1].upper() + text[1:]
