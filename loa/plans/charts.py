"""A server-rendered SVG stacked bar chart of report statuses over periods (no JavaScript, no CDN)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.functional import lazy
from django.utils.translation import gettext

from loa.plans.selectors import BUCKETS

COLORS = {
    "on_time": "#1b7f3b",
    "late": "#e0a100",
    "returned": "#b26a00",
    "missing": "#b3261e",
    "pending": "#c4cbd8",
}
_lazy_gettext = lazy(gettext, str)
# The report statuses of plans.selectors, translated when the chart is drawn.
SERIES: tuple[tuple[str, Any, str], ...] = tuple(
    (key, _lazy_gettext(label), COLORS[key]) for key, label in BUCKETS
)
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 220, 36, 36, 10


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    color: str
    title: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    rects: list[Rect]
    labels: list[tuple[float, float, str]]  # x, y, text
    ticks: list[tuple[float, str]]  # y, value
    legend: Sequence[tuple[str, Any, str]] = SERIES


_SHORT = (
    ("6 tháng đầu năm ", "6T đầu "),
    ("6 tháng cuối năm ", "6T cuối "),
    ("Tháng ", "T"),
    ("Quý ", "Q"),
    ("Năm ", ""),
)


def short_label(label: str) -> str:
    """“Quý III/2026” → “QIII/2026”, “6 tháng đầu năm 2026” → “6T đầu 2026”: bar labels must be narrow."""
    for long, short in _SHORT:
        if label.startswith(long):
            return short + label[len(long) :]
    return label[:14]


def period_bars(rows: Sequence[Any]) -> Chart | None:
    """One stacked bar per period row (`selectors.Row` with `counts`)."""
    if not rows:
        return None
    peak = max(row.counts.total for row in rows) or 1
    plot_height = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT) / len(rows)
    bar = max(4.0, min(48.0, slot * 0.7))
    rects: list[Rect] = []
    labels: list[tuple[float, float, str]] = []
    for index, row in enumerate(rows):
        x = LEFT + index * slot + (slot - bar) / 2
        y = HEIGHT - BOTTOM
        for key, label, color in SERIES:
            value = getattr(row.counts, key)
            if not value:
                continue
            height = plot_height * value / peak
            y -= height
            rects.append(
                Rect(
                    round(x, 1),
                    round(y, 1),
                    round(bar, 1),
                    round(height, 1),
                    color,
                    f"{row.label}: {label} {value}",
                )
            )
        labels.append((round(x + bar / 2, 1), float(HEIGHT - BOTTOM + 14), short_label(str(row.label))))
    ticks = [(round(HEIGHT - BOTTOM - plot_height * f, 1), str(round(peak * f))) for f in (0, 0.5, 1)]
    return Chart(WIDTH, HEIGHT, rects, labels, ticks)
