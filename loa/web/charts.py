"""Server-rendered SVG charts: no JavaScript, no CDN, readable without colour (titles on every mark).

    time_chart(days, [Line("Số tin", values)], band=Band(days2, lower, upper), markers=[...])
    sparkline(values)

Both return markup safe to insert in a template (`{{ chart }}`); every text is escaped here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

from django.utils.safestring import SafeString, mark_safe

PALETTE = ("#0b5cad", "#b3261e", "#1b7f3b", "#b26a00", "#6b3fa0")


@dataclass(frozen=True)
class Line:
    label: str
    values: Sequence[float | None]
    color: str = ""
    dashed: bool = False


@dataclass(frozen=True)
class Band:
    """A shaded interval (e.g. a forecast's 90% band) over its own days."""

    days: Sequence[date]
    lower: Sequence[float]
    upper: Sequence[float]
    label: str = ""
    color: str = "#0b5cad"


@dataclass(frozen=True)
class Marker:
    day: date
    value: float
    title: str
    color: str = "#b3261e"


@dataclass
class _Frame:
    first: date
    last: date
    top: float
    width: int
    height: int
    left: int = 44
    right: int = 24
    top_pad: int = 26
    bottom: int = 30
    percent: bool = False
    ticks: list[float] = field(default_factory=list)

    def x(self, day: date) -> float:
        span = max((self.last - self.first).days, 1)
        return self.left + (self.width - self.left - self.right) * (day - self.first).days / span

    def y(self, value: float) -> float:
        plot = self.height - self.top_pad - self.bottom
        return self.height - self.bottom - plot * (value / self.top if self.top else 0.0)


def nice_top(peak: float, percent: bool = False) -> tuple[float, list[float]]:
    """An axis maximum and 4–5 round ticks covering `peak`."""
    if percent:
        top = min(1.0, max(0.25, math.ceil(peak * 4) / 4))
        return top, [top * i / 4 for i in range(5)]
    if peak <= 0:
        return 1.0, [0.0, 1.0]
    raw = peak / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    step = max(step, 1.0)
    top = step * math.ceil(peak / step)
    return top, [step * i for i in range(round(top / step) + 1)]


def _fmt(value: float, percent: bool) -> str:
    if percent:
        return f"{value * 100:.0f}%"
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 else f"{value:.1f}".replace(".", ",")


def _path(points: list[tuple[float, float] | None]) -> str:
    parts, pen = [], False
    for point in points:
        if point is None:
            pen = False
            continue
        parts.append(f"{'L' if pen else 'M'}{point[0]:.1f},{point[1]:.1f}")
        pen = True
    return " ".join(parts)


def time_chart(
    days: Sequence[date],
    lines: Sequence[Line],
    *,
    band: Band | None = None,
    markers: Sequence[Marker] = (),
    vline: tuple[date, str] | None = None,
    title: str = "",
    percent: bool = False,
    width: int = 760,
    height: int = 240,
) -> SafeString:
    """Daily lines over `days` (and the band's days, which may run past them), y from 0."""
    every_day = list(days) + (list(band.days) if band else [])
    if not every_day:
        return mark_safe("")
    values = [v for line in lines for v in line.values if v is not None]
    values += list(band.upper) if band else []
    values += [m.value for m in markers]
    top, ticks = nice_top(max(values, default=0.0), percent)
    frame = _Frame(min(every_day), max(every_day), top, width, height, percent=percent, ticks=ticks)
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg"'
        f' aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in ticks:
        y = frame.y(tick)
        out.append(
            f'<line x1="{frame.left}" x2="{width - frame.right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e7ee"/>'
            f'<text x="{frame.left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#5b6475">'
            f"{_fmt(tick, percent)}</text>"
        )
    span = max((frame.last - frame.first).days, 1)
    step = max(1, math.ceil(span / 7))
    for offset in range(0, span + 1, step):
        day = date.fromordinal(frame.first.toordinal() + offset)
        x = frame.x(day)
        out.append(
            f'<text x="{x:.1f}" y="{height - 10}" font-size="11" text-anchor="middle" fill="#5b6475">'
            f"{day:%d/%m}</text>"
        )
    if band and band.days:
        upper = [(frame.x(d), frame.y(v)) for d, v in zip(band.days, band.upper, strict=True)]
        lower = [(frame.x(d), frame.y(v)) for d, v in zip(band.days, band.lower, strict=True)]
        polygon = " ".join(f"{x:.1f},{y:.1f}" for x, y in upper + lower[::-1])
        out.append(
            f'<polygon points="{polygon}" fill="{band.color}" fill-opacity="0.15" stroke="none">'
            f"<title>{escape(band.label)}</title></polygon>"
        )
    for index, line in enumerate(lines):
        color = line.color or PALETTE[index % len(PALETTE)]
        points = [
            None if v is None else (frame.x(d), frame.y(v)) for d, v in zip(days, line.values, strict=False)
        ]
        dash = ' stroke-dasharray="5 4"' if line.dashed else ""
        out.append(
            f'<path d="{_path(points)}" fill="none" stroke="{color}" stroke-width="2"{dash}>'
            f"<title>{escape(line.label)}</title></path>"
        )
        for d, v in zip(days, line.values, strict=False):
            if v is not None and len(days) <= 45:
                out.append(
                    f'<circle cx="{frame.x(d):.1f}" cy="{frame.y(v):.1f}" r="2.5" fill="{color}">'
                    f"<title>{d:%d/%m/%Y}: {escape(_fmt(v, percent))}</title></circle>"
                )
    for marker in markers:
        out.append(
            f'<circle cx="{frame.x(marker.day):.1f}" cy="{frame.y(marker.value):.1f}" r="6" fill="none" '
            f'stroke="{marker.color}" stroke-width="2.5"><title>{escape(marker.title)}</title></circle>'
        )
    if vline is not None:
        x = frame.x(vline[0])
        # The label goes on the side of the line with room for it.
        anchor, dx = ("end", -4) if x > width / 2 else ("start", 4)
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{frame.top_pad}" y2="{height - frame.bottom}" '
            f'stroke="#1d2433" stroke-dasharray="3 3"/><text x="{x + dx:.1f}" y="{frame.top_pad + 10}" '
            f'font-size="11" text-anchor="{anchor}" fill="#1d2433">{escape(vline[1])}</text>'
        )
    legend_x = frame.left
    entries = [(line.label, line.color or PALETTE[i % len(PALETTE)]) for i, line in enumerate(lines)]
    if band and band.label:
        entries.append((band.label, band.color))
    for label, color in entries:
        out.append(
            f'<rect x="{legend_x}" y="2" width="10" height="10" fill="{color}" fill-opacity="0.8"/>'
            f'<text x="{legend_x + 14}" y="11" font-size="11" fill="#1d2433">{escape(label)}</text>'
        )
        legend_x += 24 + 7 * len(label)
    out.append("</svg>")
    return mark_safe("".join(out))


def sparkline(values: Sequence[float], *, width: int = 120, height: int = 28, title: str = "") -> SafeString:
    """A small line of daily values with the last point marked; inline styles only (for e-mail)."""
    if not values:
        return mark_safe("")
    peak = max(max(values), 1.0)
    step = (width - 4) / max(len(values) - 1, 1)
    points = [(2 + i * step, height - 3 - (height - 6) * v / peak) for i, v in enumerate(values)]
    path = _path(list(points))
    last_x, last_y = points[-1]
    return mark_safe(
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f'<path d="{path}" fill="none" stroke="#0b5cad" stroke-width="1.5"/>'
        f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="2.5" fill="#b3261e"/></svg>'
    )
