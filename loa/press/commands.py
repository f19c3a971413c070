"""`loa retention ...`: retention of personal data in closed press work (`loa.press.retention`).

loa retention rules
    The rules in force today, per record type (seeds record types without a rule).
loa retention apply [--dry-run]
    Anonymise or delete what is due now and print the counts; --dry-run only counts and writes nothing.
"""

from __future__ import annotations

import argparse
from typing import Any

from loa.cli import setup_django


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("retention", help="lưu giữ dữ liệu cá nhân: quy tắc, ẩn danh hóa, xóa")
    group_subparsers = group.add_subparsers(dest="retention_command", metavar="SUBCOMMAND")

    def show_help(args: argparse.Namespace) -> int:
        group.print_help()
        return 0

    group.set_defaults(handler=show_help)
    rules = group_subparsers.add_parser("rules", help="các quy tắc lưu giữ đang áp dụng")
    rules.set_defaults(handler=_rules)
    apply = group_subparsers.add_parser(
        "apply", help="ẩn danh hóa, xóa dữ liệu cá nhân đã hết thời hạn lưu giữ"
    )
    apply.add_argument("--dry-run", action="store_true", help="chỉ đếm, không thay đổi dữ liệu")
    apply.set_defaults(handler=_apply)


def _rules(args: argparse.Namespace) -> int:
    setup_django()
    from django.utils import timezone

    from loa.press import retention

    retention.seed_retention_rules("loa retention")
    for record_type, rule in sorted(retention.rules_in_force(timezone.localdate()).items()):
        print(
            f"{record_type}: {rule.days_after_closing} ngày sau khi kết thúc, {rule.get_action_display()}"
            f" (từ {rule.valid_from:%d/%m/%Y}; {rule.legal_basis})"
        )
    return 0


def _apply(args: argparse.Namespace) -> int:
    setup_django()
    from loa.press import retention

    report = retention.apply_retention(dry_run=args.dry_run, actor="loa retention")
    verb = "sẽ" if report.dry_run else "đã"
    for record_type, rule in sorted(report.rules.items()):
        print(
            f"{record_type}: {rule['action']} sau {rule['days_after_closing']} ngày (trước {rule['cutoff']})"
        )
    print(f"Yêu cầu của báo chí {verb} ẩn thông tin liên hệ: {report.requests}")
    print(f"Tệp đính kèm {verb} xóa: {report.attachments} (tệp trên bộ lưu trữ: {report.files})")
    if report.dry_run:
        print("Chạy thử: không thay đổi dữ liệu.")
    return 0
