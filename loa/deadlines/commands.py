"""`loa deadlines …`: contract commands on the seed rules and the default calendar, no database.

    loa deadlines due --rule RULE_ID --start ISO_DATETIME [--calendar FILE.json] [--json]
    loa deadlines rules [--json]
    loa deadlines calendar --year YEAR [--calendar FILE.json] [--json]

`due` prints the due moment in ISO 8601 (+07:00) on its first line — or "none" when the rule sets no
computable date — and the Vietnamese explanation below. Errors go to stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from loa.deadlines.calendar import WEEKDAY_NAMES_VI, WorkingCalendar
from loa.deadlines.engine import due
from loa.deadlines.rules import SEED_RULES, RuleLookupError, select_rule

CALENDAR_KEYS = ("days_off", "working_days")


class UsageError(ValueError):
    """Bad input from the command line; the message is shown as is."""


def parse_start(text: str) -> datetime:
    """ISO 8601 date or date-time; `Z` and offsets are honoured, a naive value is Vietnam time."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"thời điểm bắt đầu không hợp lệ {text!r} (invalid --start): dùng ISO 8601, "
            "ví dụ 2026-07-01T09:30:00+07:00, 2026-07-01T02:30:00Z hoặc 2026-07-01"
        ) from None


def _parse_days(values: object, key: str, source: str) -> list[date]:
    if not isinstance(values, list):
        raise UsageError(f"{source}: {key!r} phải là danh sách ngày YYYY-MM-DD (must be a list)")
    days = []
    for value in values:
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            days.append(date.fromisoformat(value))
        except ValueError:
            raise UsageError(f"{source}: {key!r} có giá trị không phải ngày YYYY-MM-DD: {value!r}") from None
    return days


def load_calendar(path: str | None) -> WorkingCalendar:
    """The default calendar plus the announced days of a JSON file {"days_off": [...], "working_days": [...]}."""
    calendar = WorkingCalendar()
    if path is None:
        return calendar
    try:
        data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(
            f"không đọc được tệp lịch {path!r} (cannot read --calendar): {exc.strerror}"
        ) from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"tệp lịch {path!r} không phải JSON hợp lệ (invalid JSON): {exc}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: cần một đối tượng JSON có khóa {', '.join(CALENDAR_KEYS)}")
    unknown = sorted(set(data) - set(CALENDAR_KEYS))
    if unknown:
        raise UsageError(f"{path}: khóa không hỗ trợ {unknown} (expected {', '.join(CALENDAR_KEYS)})")
    days_off = _parse_days(data.get("days_off", []), "days_off", path)
    working_days = _parse_days(data.get("working_days", []), "working_days", path)
    try:
        return calendar.with_announcements(days_off, working_days)
    except ValueError as exc:
        raise UsageError(f"{path}: {exc}") from None


def _due(args: argparse.Namespace) -> int:
    start = parse_start(args.start)
    calendar = load_calendar(args.calendar)
    rule = select_rule(SEED_RULES, args.rule, start)
    deadline = due(rule, start, calendar)
    if args.json:
        print(json.dumps(deadline.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(deadline.due.isoformat(timespec="seconds") if deadline.due else "none")
    print(deadline.explanation)
    return 0


def _rules(args: argparse.Namespace) -> int:
    rules = sorted(SEED_RULES, key=lambda rule: (rule.id, rule.valid_from))
    if args.json:
        print(json.dumps([rule.as_dict() for rule in rules], ensure_ascii=False, indent=2))
        return 0
    width = max(len(rule.id) for rule in rules)
    for rule in rules:
        valid_to = rule.valid_to.isoformat() if rule.valid_to else "…"
        print(
            f"{rule.id:<{width}}  {rule.valid_from.isoformat()} → {valid_to:<10}  "
            f"{rule.amount_vi():<24}  {rule.legal_basis}  [{rule.verification}]"
        )
    return 0


def _calendar(args: argparse.Namespace) -> int:
    calendar = load_calendar(args.calendar)
    days_off = calendar.year_days_off(args.year)
    first = date(args.year, 1, 1)
    make_up = [
        (day, reason)
        for day in (
            first + timedelta(days=offset) for offset in range((date(args.year, 12, 31) - first).days + 1)
        )
        if (reason := calendar.working_day_reason(day))
    ]
    if args.json:
        payload = {
            "year": args.year,
            "days_off": [{"date": item.day.isoformat(), "reasons": list(item.reasons)} for item in days_off],
            "working_days": [{"date": day.isoformat(), "reason": reason} for day, reason in make_up],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    rows = [(item.day, "; ".join(item.reasons)) for item in days_off]
    rows += [(day, f"làm việc — {reason}") for day, reason in make_up]
    for day, text in sorted(rows):
        print(f"{day.isoformat()}  {WEEKDAY_NAMES_VI[day.weekday()]:<8}  {text}")
    return 0


def _guarded(handler: Any) -> Any:
    def run(args: argparse.Namespace) -> int:
        try:
            return int(handler(args))
        except (UsageError, RuleLookupError) as exc:
            message = exc.args[0] if exc.args else str(exc)
            print(f"loa deadlines: lỗi: {message}", file=sys.stderr)
            return 2

    return run


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"năm không hợp lệ (invalid year): {text!r}") from None
    if not 1995 <= year <= 2100:
        raise argparse.ArgumentTypeError("năm phải trong khoảng 1995–2100 (year out of range)")
    return year


def register(subparsers: argparse._SubParsersAction) -> None:
    group = subparsers.add_parser(
        "deadlines", help="Thời hạn pháp lý và lịch ngày làm việc (legal deadlines)"
    )
    commands = group.add_subparsers(dest="deadlines_command", metavar="SUBCOMMAND", required=True)

    due_parser = commands.add_parser("due", help="Tính hạn cho một quy tắc (compute a deadline)")
    due_parser.add_argument("--rule", required=True, help="mã quy tắc, ví dụ press.response.petition")
    due_parser.add_argument(
        "--start", required=True, help="thời điểm sự kiện, ISO 8601 (naive = giờ Việt Nam)"
    )
    due_parser.add_argument("--calendar", help='JSON {"days_off": [...], "working_days": [...]}')
    due_parser.add_argument("--json", action="store_true", help="in dạng JSON có cấu trúc")
    due_parser.set_defaults(handler=_guarded(_due))

    rules_parser = commands.add_parser("rules", help="Liệt kê các quy tắc, mọi thế hệ (list rules)")
    rules_parser.add_argument("--json", action="store_true", help="in dạng JSON")
    rules_parser.set_defaults(handler=_guarded(_rules))

    calendar_parser = commands.add_parser("calendar", help="Liệt kê ngày nghỉ trong năm (non-working days)")
    calendar_parser.add_argument("--year", required=True, type=_year, help="năm, ví dụ 2027")
    calendar_parser.add_argument("--calendar", help='JSON {"days_off": [...], "working_days": [...]}')
    calendar_parser.add_argument("--json", action="store_true", help="in dạng JSON")
    calendar_parser.set_defaults(handler=_guarded(_calendar))
