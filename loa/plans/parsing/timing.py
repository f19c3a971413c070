"""Cadence and deadline from the wording of "Thời gian thực hiện" ("Thường xuyên", "Hằng năm (dự kiến
tổ chức 01 lớp/năm)", "Quý III/2026", "Trước ngày 15/12 hằng năm", "Khi được Bộ … yêu cầu")."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from loa.plans.parsing.model import Cadence, Timing
from loa.text import fold

# Checked in this order: continuous work beats a reporting period mentioned next to it
# ("Thường xuyên; báo cáo định kỳ 6 tháng"), a period beats "khi có yêu cầu".
_CADENCES: tuple[tuple[Cadence, re.Pattern[str]], ...] = (
    ("ongoing", re.compile(r"\b(?:thuong xuyen|lien tuc|hang ngay|hang tuan|moi tuan|suot (?:ca )?nam)\b")),
    ("monthly", re.compile(r"\b(?:(?:hang|moi) thang|dinh ky thang)\b")),
    ("quarterly", re.compile(r"\b(?:(?:hang|moi) quy|dinh ky quy)\b")),
    ("half_yearly", re.compile(r"\b(?:0?6|sau) thang(?! (?:dau|cuoi) nam)\b|\bnua nam\b")),
    (
        "yearly",
        re.compile(r"\b(?:(?:hang|moi) nam|dinh ky nam|cac nam tiep theo)\b|\d\s*[^\d/()]{1,30}/\s*nam\b"),
    ),
    (
        "on_request",
        re.compile(
            r"\bkhi (?:duoc |co )?(?:[^.;]*? )?(?:yeu cau|de nghi|trieu tap|chi dao)\b"
            r"|\btheo (?:yeu cau|de nghi|chi dao)\b"
            r"|\bkhi (?:co|phat sinh) (?:van de|vu viec|su co)\b"
        ),
    ),
)
# Content of a duty mentions "chi thường xuyên" (recurrent budget) or "phối hợp thường xuyên": only the
# unambiguous periodic words count there.
_STRICT = frozenset({"monthly", "quarterly", "half_yearly", "yearly"})

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_FULL_DATE = re.compile(
    r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})\b"
    r"|\bngay (\d{1,2}) thang (\d{1,2}) nam ((?:19|20)\d{2})\b"
)
_QUARTER = re.compile(r"\bquy (iv|iii|ii|i|[1-4])\b(?:\s*(?:/|nam|-)\s*((?:19|20)\d{2}))?")
_HALF = re.compile(r"\b0?6 thang (dau|cuoi) nam(?:\s*((?:19|20)\d{2}))?")
_MONTH = re.compile(r"\bthang (\d{1,2})\b(?:\s*(?:/|nam|-)\s*((?:19|20)\d{2}))?")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\b(?!\s*[/.-]\s*\d)")
_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*(?:-|–|den(?: nam)?)\s*((?:19|20)\d{2})\b")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_TARGET = re.compile(r"\b\d+\s+[^\W\d][\w ]{0,30}?\s*/\s*(?:năm|quý|tháng|đợt)\b", re.IGNORECASE)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_Found = tuple[date, bool] | None


def _full(match: re.Match[str], _year: int | None) -> _Found:
    groups = match.groups()
    day, month, year = (int(g) for g in (groups[:3] if groups[0] else groups[3:]))
    value = _safe_date(year, month, day)
    return (value, True) if value else None


def _quarter(match: re.Match[str], default_year: int | None) -> _Found:
    number = _ROMAN.get(match.group(1)) or int(match.group(1))
    year = int(match.group(2)) if match.group(2) else default_year
    return (_last_day(year, number * 3), bool(match.group(2))) if year else None


def _half(match: re.Match[str], default_year: int | None) -> _Found:
    year = int(match.group(2)) if match.group(2) else default_year
    return (_last_day(year, 6 if match.group(1) == "dau" else 12), bool(match.group(2))) if year else None


def _month(match: re.Match[str], default_year: int | None) -> _Found:
    number = int(match.group(1))
    year = int(match.group(2)) if match.group(2) else default_year
    if not year or not 1 <= number <= 12:
        return None
    return _last_day(year, number), bool(match.group(2))


def _day_month(match: re.Match[str], default_year: int | None) -> _Found:
    if default_year is None:
        return None
    value = _safe_date(default_year, int(match.group(2)), int(match.group(1)))
    return (value, False) if value else None


def _range_end(match: re.Match[str], _year: int | None) -> _Found:
    return date(int(match.group(2)), 12, 31), True


def _year_end(match: re.Match[str], _year: int | None) -> _Found:
    return date(int(match.group(1)), 12, 31), True


# Most specific first; each match is blanked out before the next pattern looks ("tháng 9/2026" is not
# also the year 2026).
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], int | None], _Found]], ...] = (
    (_FULL_DATE, _full),
    (_HALF, _half),
    (_QUARTER, _quarter),
    (_MONTH, _month),
    (_DAY_MONTH, _day_month),
    (_RANGE, _range_end),
    (_YEAR, _year_end),
)
_DEADLINE = re.compile(
    r"\b(?:truoc|hoan thanh(?: truoc| trong)?|cham nhat|den het|den|trong)\s+(?:ngay|thang|quy|nam|\d)"
)
_DEADLINE_WINDOW = 40
_UNDATED_PERIOD = re.compile(r"\b(?:quy (?:iv|iii|ii|i|[1-4])|thang \d{1,2}|0?6 thang (?:dau|cuoi) nam)\b")


def _dates(folded: str, default_year: int | None) -> tuple[list[date], list[date]]:
    """Dates written with a year, and dates completed with ``default_year`` ("Quý III", "15/12")."""
    explicit: list[date] = []
    implied: list[date] = []
    for pattern, build in _DATE_PATTERNS:
        for match in pattern.finditer(folded):
            found = build(match, default_year)
            if found is not None:
                (explicit if found[1] else implied).append(found[0])
        folded = pattern.sub(lambda m: " " * len(m.group()), folded)
    return explicit, implied


def parse_timing(text: str | None, *, year: int | None = None, strict: bool = False) -> Timing:
    """Cadence, deadline and target ("01 lớp/năm") of a time wording.

    ``year`` completes deadlines written without one ("Quý III") for a one-off task. ``strict`` is for
    scanning a duty's own text rather than a time field: only explicit periods count, and only dates
    right after "trước", "hoàn thành", "đến" (not the dates of documents it cites).
    """
    if not text:
        return Timing()
    folded = fold(text)
    target_match = _TARGET.search(text)
    target = target_match.group().strip() if target_match else None
    cadence: Cadence | None = None
    for name, pattern in _CADENCES:
        if strict and name not in _STRICT:
            continue
        if pattern.search(folded):
            cadence = name
            break
    if strict:
        folded = " ".join(
            folded[m.start() : m.start() + _DEADLINE_WINDOW] for m in _DEADLINE.finditer(folded)
        )
    explicit, implied = _dates(folded, year)
    if cadence is None:
        if _RANGE.search(folded):
            cadence = "ongoing"
        elif explicit or implied or _DEADLINE.search(folded) or _UNDATED_PERIOD.search(folded):
            cadence = "once"
    due: date | None = None
    if explicit:
        due = max(explicit)
    elif implied and cadence == "once":
        due = max(implied)
    return Timing(cadence=cadence, due=due, target=target)
