"""`loa trends …`: contract commands on daily series (no database), and the database commands.

    loa trends detect   --input SERIES.csv --output ALERTS.jsonl
    loa trends forecast --input SERIES.csv --output FORECAST.jsonl [--horizon 7] [--interval 0.9]
                        [--threshold N | --thresholds KEYS.csv]
    loa trends rebuild                     recount every series by story from the monitoring tables, detect
    loa trends run                         detection now (what the hourly task does)
    loa trends digest [--first D] [--last D] [--agency ID] [--output FILE.docx | --send]

SERIES.csv has the header `date,key,count,negative` (YYYY-MM-DD, any key, articles, negative articles).
detect writes one JSON object per flagged (key, date, kind): key, date, kind ("volume"|"negative"),
score (-log10 of the tail probability), plus expected, observed, window_days, count, negative and a
Vietnamese reason. Holidays come from the `holidays` package (Vietnam); `--days-off FILE` adds
decreed days off (one YYYY-MM-DD per line). Errors go to stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any


class UsageError(ValueError):
    """Bad input from the command line; the message is shown as is."""


def register(subparsers: Any) -> None:
    trends = subparsers.add_parser("trends", help="phát hiện tăng đột biến và dự báo số bài theo ngày")
    commands = trends.add_subparsers(dest="trends_command", metavar="SUBCOMMAND")

    detect = commands.add_parser("detect", help="cảnh báo tăng đột biến số bài và tỷ lệ bài tiêu cực")
    _common(detect)
    detect.set_defaults(handler=_detect)

    forecast = commands.add_parser("forecast", help="dự báo số bài 7 ngày tới, có khoảng dự báo")
    _common(forecast)
    forecast.add_argument("--horizon", type=int, default=7, help="số ngày dự báo (mặc định 7)")
    forecast.add_argument("--interval", type=float, default=0.9, help="mức của khoảng dự báo (mặc định 0.9)")
    limit = forecast.add_mutually_exclusive_group()
    limit.add_argument("--threshold", type=float, help="ngưỡng số bài/ngày cho mọi khóa")
    limit.add_argument("--thresholds", help="CSV key,threshold: ngưỡng riêng từng khóa")
    forecast.set_defaults(handler=_forecast)

    rebuild = commands.add_parser(
        "rebuild", help="đếm lại mọi chuỗi theo tin từ dữ liệu theo dõi, rồi phát hiện"
    )
    rebuild.set_defaults(handler=_rebuild)
    run = commands.add_parser("run", help="chạy phát hiện tăng đột biến, dự báo và gửi cảnh báo ngay")
    run.set_defaults(handler=_run_detection)
    digest = commands.add_parser("digest", help="bản tin điểm báo: ghi .docx hoặc gửi thư buổi sáng")
    digest.add_argument("--first", type=date.fromisoformat, help="từ ngày YYYY-MM-DD (mặc định hôm qua)")
    digest.add_argument("--last", type=date.fromisoformat, help="đến ngày YYYY-MM-DD (mặc định hôm nay)")
    digest.add_argument("--agency", type=int, help="mã cơ quan (mặc định toàn tỉnh)")
    target = digest.add_mutually_exclusive_group(required=True)
    target.add_argument("--output", help="ghi bản tin ra tệp .docx")
    target.add_argument("--send", action="store_true", help="gửi bản tin buổi sáng (mỗi ngày một lần)")
    digest.set_defaults(handler=_digest)
    trends.set_defaults(handler=lambda _args: trends.print_help() or 0)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input", required=True, help="CSV date,key,count,negative")
    parser.add_argument("--output", required=True, help="tệp JSONL kết quả")
    parser.add_argument("--days-off", help="ngày nghỉ do Chính phủ công bố thêm: mỗi dòng một YYYY-MM-DD")


def _days_off(path: str | None) -> set[date]:
    if path is None:
        return set()
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise UsageError(
            f"không đọc được tệp ngày nghỉ {path!r} (cannot read --days-off): {exc.strerror}"
        ) from None
    days = set()
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        try:
            days.add(date.fromisoformat(text))
        except ValueError:
            raise UsageError(
                f"{path}, dòng {number}: ngày không hợp lệ {text!r} (expected YYYY-MM-DD)"
            ) from None
    return days


def _thresholds(path: str) -> dict[str, float]:
    import csv

    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = [row for row in csv.reader(handle) if any(cell.strip() for cell in row)]
    except OSError as exc:
        raise UsageError(
            f"không đọc được tệp ngưỡng {path!r} (cannot read --thresholds): {exc.strerror}"
        ) from None
    if rows and [cell.strip().lower() for cell in rows[0][:2]] == ["key", "threshold"]:
        rows = rows[1:]
    result = {}
    for number, row in enumerate(rows, start=1):
        try:
            result[row[0].strip()] = float(row[1])
        except (IndexError, ValueError):
            raise UsageError(
                f"{path}: dòng dữ liệu {number} cần key,threshold (expected key,threshold)"
            ) from None
    return result


def _load(args: argparse.Namespace) -> tuple[Any, set[date]]:
    from loa.pipeline.trends.calendar import vietnam_holidays, years_spanned
    from loa.pipeline.trends.csvio import SeriesFormatError, read_series_csv

    try:
        series = read_series_csv(args.input)
    except SeriesFormatError as exc:
        raise UsageError(str(exc)) from None
    holidays = set(vietnam_holidays(years_spanned(series.start, series.n_days))) if series.n_days else set()
    return series, holidays | _days_off(args.days_off)


def _write(path: str, objects: Iterable[dict[str, Any]]) -> int:
    count = 0
    try:
        with open(path, "w", encoding="utf-8") as handle:
            for obj in objects:
                handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
                count += 1
    except OSError as exc:
        raise UsageError(f"không ghi được tệp {path!r} (cannot write --output): {exc.strerror}") from None
    return count


def _run(args: argparse.Namespace, body: Any) -> int:
    try:
        return int(body(args))
    except UsageError as exc:
        print(f"loa trends {args.trends_command}: {exc}", file=sys.stderr)
        return 2


def _detect(args: argparse.Namespace) -> int:
    def body(args: argparse.Namespace) -> int:
        from loa.pipeline.trends.detect import detect

        series, holidays = _load(args)
        alerts = detect(series, holidays)
        written = _write(args.output, (alert.to_json() for alert in alerts))
        print(
            f"{written} cảnh báo, {series.n_keys} khóa, {series.n_days} ngày → {args.output}", file=sys.stderr
        )
        return 0

    return _run(args, body)


def _forecast(args: argparse.Namespace) -> int:
    def body(args: argparse.Namespace) -> int:
        from loa.pipeline.trends.forecast import ForecastConfig, forecast

        if args.horizon < 1:
            raise UsageError("--horizon phải ≥ 1 (must be at least 1)")
        if not 0 < args.interval < 1:
            raise UsageError("--interval phải nằm trong (0, 1) (must be between 0 and 1)")
        thresholds: dict[str, float] | float | None = args.threshold
        if args.thresholds:
            thresholds = _thresholds(args.thresholds)
        series, holidays = _load(args)
        points = forecast(
            series, holidays, ForecastConfig(horizon=args.horizon, interval=args.interval), thresholds
        )
        written = _write(args.output, (point.to_json() for point in points))
        warnings = sum(point.exceeds for point in points)
        print(f"{written} dự báo, {warnings} cảnh báo vượt ngưỡng → {args.output}", file=sys.stderr)
        return 0

    return _run(args, body)


def _rebuild(args: argparse.Namespace) -> int:
    from loa.cli import setup_django

    setup_django()
    from loa.trends import services

    members, report = services.rebuild()
    print(
        f"{members} lượt tin theo chuỗi; {report.keys} chuỗi; {len(report.alerts)} cảnh báo mới",
        file=sys.stderr,
    )
    return 0


def _run_detection(args: argparse.Namespace) -> int:
    from loa.cli import setup_django

    setup_django()
    from loa.trends import services

    report = services.run_detection()
    print(
        f"{report.keys} chuỗi; {len(report.alerts)} cảnh báo mới; {report.dispatch.notified_users} thông báo",
        file=sys.stderr,
    )
    return 0


def _digest(args: argparse.Namespace) -> int:
    from loa.cli import setup_django

    setup_django()
    from django.utils import timezone

    from loa.organisations.models import Agency
    from loa.trends import digest

    if args.send:
        print(f"đã gửi {digest.send_morning_digests()} thư", file=sys.stderr)
        return 0
    today = timezone.localdate()
    agency = None
    if args.agency is not None:
        agency = Agency.objects.filter(pk=args.agency).first()
        if agency is None:
            print(f"loa trends digest: không có cơ quan mã {args.agency}", file=sys.stderr)
            return 2
    item = digest.build(args.first or today - timedelta(days=1), args.last or today, agency)
    Path(args.output).write_bytes(digest.docx(item))
    print(f"{digest.title(item)} → {args.output}", file=sys.stderr)
    return 0
