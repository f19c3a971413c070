"""`loa plans parse PATH`: the parser's contract command (no database)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    plans = subparsers.add_parser("plans", help="kế hoạch, nhiệm vụ: đọc văn bản")
    commands = plans.add_subparsers(dest="plans_command", metavar="COMMAND")
    parse = commands.add_parser(
        "parse",
        help="đọc kế hoạch/quyết định/chỉ thị/công văn (.docx, .pdf, .txt) và in nhiệm vụ dạng JSON",
    )
    parse.add_argument("path", help="đường dẫn tệp văn bản")
    parse.set_defaults(handler=_parse)
    plans.set_defaults(handler=lambda args: plans.print_help() or 0)


def _parse(args: argparse.Namespace) -> int:
    from loa.plans.parsing import DocumentError, parse_file

    try:
        document = parse_file(args.path)
    except DocumentError as exc:
        sys.stderr.write(f"Lỗi: {exc.message}\nError: {exc.message_en}\n")
        return 2
    output = json.dumps(document.to_contract(), ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(output.encode("utf-8") + b"\n")
    sys.stdout.flush()
    return 0
