"""From the physical lines of a PDF or text file to logical paragraphs.

Text extracted from PDFs wraps every paragraph at the page width, sometimes with blank lines between
the wrapped lines, and carries page numbers and running headers. A line continues the previous
paragraph unless it starts a new item ("1.", "- ", "Nội dung:") or the previous line plainly ended one
(terminal punctuation, a line well short of the page width, more blank lines than usual).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from loa.plans.parsing.fields import starts_with_label
from loa.plans.parsing.outline import split_marker
from loa.text import normalize_line
from loa.text.syllable import parse as parse_syllable

_PAGE_NUMBER = re.compile(
    r"^(?:trang|page)?\s*[-–—]?\s*\d{1,4}\s*(?:[-–—]\s*)?(?:(?:/|trên|of)\s*\d{1,4})?$", re.IGNORECASE
)
_DECORATION = re.compile(r"^[\s_\-–—=*.~]{3,}$")
_OWN_LINE = re.compile(
    r"^(?:Nơi nhận|Kính gửi|KT\.|TM\.|Q\.|TL\.|Điều\s+\d+\s*[.:]|Số\s*:|CỘNG HÒA|Độc lập|V/v\b)",
    re.IGNORECASE,
)
# Openers of the preamble: capitalised at the start of a line they begin a paragraph, never a wrap.
_OPENERS = re.compile(r"^(?:Căn cứ|Thực hiện|Trên cơ sở|Nhằm|Để)\s")
_TERMINAL = (".", "!", "?", ":")
_SHORT_LINE = 0.6
_FURNITURE_DEPTH = 3


@dataclass(frozen=True, slots=True)
class RawLine:
    text: str
    number: int  # 1-based position in the extracted text
    blanks_before: int


@dataclass(frozen=True, slots=True)
class Joined:
    text: str
    first_line: int
    last_line: int


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def strip_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and running headers/footers: lines near the top or bottom of a page that are
    a bare page number, or that recur (digits aside) on at least half of the pages."""
    if len(pages) < 2:
        return [[line for line in page if not _is_lone_number(line)] for page in pages]
    edges: Counter[str] = Counter()
    for page in pages:
        filled = [line for line in page if line.strip()]
        keys = {
            _furniture_key(line.strip()) for line in filled[:_FURNITURE_DEPTH] + filled[-_FURNITURE_DEPTH:]
        }
        edges.update(keys)
    threshold = max(2, (len(pages) + 1) // 2)
    recurring = {key for key, count in edges.items() if count >= threshold}
    cleaned: list[list[str]] = []
    for page in pages:
        filled_positions = [i for i, line in enumerate(page) if line.strip()]
        edge_positions = set(filled_positions[:_FURNITURE_DEPTH] + filled_positions[-_FURNITURE_DEPTH:])
        kept = []
        for index, line in enumerate(page):
            stripped = line.strip()
            if index in edge_positions and (
                _PAGE_NUMBER.match(stripped) or _furniture_key(stripped) in recurring
            ):
                continue
            kept.append(line)
        cleaned.append(kept)
    return cleaned


def _is_lone_number(line: str) -> bool:
    """Without page breaks to go by, a line holding only a small number is taken for a page number."""
    return bool(re.fullmatch(r"\s*[-–]?\s*\d{1,3}\s*[-–]?\s*", line)) and line.strip() != ""


def raw_lines(pages: list[list[str]]) -> list[RawLine]:
    lines: list[RawLine] = []
    number = 0
    blanks = 0
    for page in pages:
        for line in page:
            number += 1
            text = normalize_line(line)
            if not text or _DECORATION.match(text):
                blanks += 1
                continue
            lines.append(RawLine(text, number, blanks))
            blanks = 0
    return lines


def starts_paragraph(text: str) -> bool:
    marker, _ = split_marker(text)
    return (
        marker is not None
        or starts_with_label(text)
        or bool(_OWN_LINE.match(text))
        or _all_caps(text)
        or _capitals_opening(text)
        or bool(_OPENERS.match(text))
    )


def _capitals_opening(text: str) -> bool:
    """ "SỞ VĂN HÓA, THỂ THAO   Độc lập - Tự do": a heading line with the motto beside it. Two words in
    capitals, at least one of them a real syllable (so "HĐND, UBND tỉnh" wrapped mid-sentence is not)."""
    words = [word.strip(",.;:") for word in text.split()[:2]]
    if len(words) < 2 or not all(word.isalpha() and word.isupper() for word in words):
        return False
    return any(parse_syllable(word.lower()) is not None and len(word) > 1 for word in words)


def _all_caps(text: str) -> bool:
    letters = sum(map(str.isalpha, text))
    return letters >= 4 and sum(map(str.islower, text)) <= 0.1 * letters


def _attached_hyphen(text: str) -> bool:
    return text.endswith("-") and len(text) > 1 and not text[-2].isspace()


def _join(previous: str, current: str) -> str:
    if _attached_hyphen(previous):
        # "407/QĐ-" + "TTg": the hyphen belongs to the symbol, only the line break goes.
        return previous + current
    return f"{previous} {current}"


def join_wrapped(lines: list[RawLine]) -> list[Joined]:
    if not lines:
        return []
    lengths = sorted(len(line.text) for line in lines)
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    usual_blanks = statistics.median_low(line.blanks_before for line in lines)
    paragraphs: list[Joined] = []
    previous: RawLine | None = None
    for line in lines:
        if previous is None or not _continues(previous, line, width, usual_blanks):
            paragraphs.append(Joined(line.text, line.number, line.number))
        else:
            last = paragraphs[-1]
            paragraphs[-1] = Joined(_join(last.text, line.text), last.first_line, line.number)
        previous = line
    return paragraphs


def _continues(previous: RawLine, line: RawLine, width: int, usual_blanks: int) -> bool:
    text = line.text
    previous_text = previous.text
    first = text[0]
    long_previous = len(previous_text) >= _SHORT_LINE * width
    if starts_paragraph(text):
        # "kinh tế\n- xã hội": a dash opening a wrapped line, not a bullet.
        marker, rest = split_marker(text)
        return bool(
            marker
            and marker.kind == "bullet"
            and rest[:1].islower()
            and long_previous
            and not previous_text.endswith((*_TERMINAL, ";"))
        )
    if _attached_hyphen(previous_text):
        return True
    if first.islower() or first.isdigit() or first in "([\"“'/-&%":
        return not _all_caps(previous_text) or _all_caps(text)
    if previous_text.endswith(_TERMINAL):
        return False
    if previous_text.endswith(","):
        return True
    if line.blanks_before > usual_blanks:
        return False
    return long_previous
