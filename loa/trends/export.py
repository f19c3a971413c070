"""Dashboard exports: the series as CSV (the `loa trends detect` input format plus a share and the
forecast), and the chart as PNG drawn by matplotlib on the server (object API, no global backend)."""

from __future__ import annotations

import csv
from datetime import date
from io import BytesIO, StringIO

from loa.trends import keys as K
from loa.trends.models import Alert, ForecastPoint
from loa.trends.selectors import DayPoint


def series_csv(key: str, points: list[DayPoint], forecast: list[ForecastPoint]) -> str:
    """date,key,count,negative,negative_share,forecast,lower,upper: history rows, then forecast rows
    with empty counts (so the file is also valid input for `loa trends detect` once those are cut)."""
    out = StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "key", "count", "negative", "negative_share", "forecast", "lower", "upper"])
    for p in points:
        share = "" if p.share is None else f"{p.share:.4f}"
        writer.writerow([p.day.isoformat(), key, p.count, p.negative, share, "", "", ""])
    for f in forecast:
        writer.writerow(
            [f.date.isoformat(), key, "", "", "", f"{f.forecast:.3f}", f"{f.lower:.3f}", f"{f.upper:.3f}"]
        )
    return out.getvalue()


def chart_png(key: str, points: list[DayPoint], forecast: list[ForecastPoint], alerts: list[Alert]) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 5), dpi=110)
    FigureCanvasAgg(figure)
    volume, share = figure.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    days = [p.day for p in points]
    volume.plot(days, [p.count for p in points], color="#0b5cad", marker="o", markersize=3, label="Số tin")
    if forecast:
        f_days: list[date] = [f.date for f in forecast]
        volume.plot(f_days, [f.forecast for f in forecast], color="#0b5cad", linestyle="--", label="Dự báo")
        volume.fill_between(
            f_days,
            [f.lower for f in forecast],
            [f.upper for f in forecast],
            color="#0b5cad",
            alpha=0.15,
            label=f"Khoảng dự báo {forecast[0].interval:.0%}",
        )
    by_day = {p.day: p for p in points}
    flagged = [a for a in alerts if a.date in by_day and a.kind in (Alert.Kind.VOLUME, Alert.Kind.THRESHOLD)]
    if flagged:
        volume.scatter(
            [a.date for a in flagged],
            [by_day[a.date].count for a in flagged],
            s=90,
            facecolors="none",
            edgecolors="#b3261e",
            linewidths=2,
            label="Cảnh báo",
            zorder=3,
        )
    volume.set_ylim(bottom=0)
    volume.set_ylabel("Số tin/ngày")
    volume.set_title(K.label(key))
    volume.legend(loc="upper left", fontsize=8)
    volume.grid(alpha=0.3)
    shares = [p.share * 100 if p.share is not None else float("nan") for p in points]
    share.plot(days, shares, color="#b3261e", marker="o", markersize=3)
    negative = [a for a in alerts if a.date in by_day and a.kind == Alert.Kind.NEGATIVE]
    if negative:
        share.scatter(
            [a.date for a in negative],
            [a.observed * 100 for a in negative],
            s=90,
            facecolors="none",
            edgecolors="#1d2433",
            linewidths=2,
            zorder=3,
        )
    share.set_ylim(0, 100)
    share.set_ylabel("% tin tiêu cực")
    share.grid(alpha=0.3)
    figure.autofmt_xdate()
    figure.tight_layout()
    buffer = BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
