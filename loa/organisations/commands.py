"""`loa init`, `loa user create`, `loa token create`."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from loa.cli import setup_django


def register(subparsers: Any) -> None:
    init = subparsers.add_parser(
        "init", help="khởi tạo tỉnh: đơn vị hành chính, tên cũ, cơ quan (chạy lại an toàn)"
    )
    init.add_argument("--province", help="tên tỉnh/thành phố (mặc định: LOA_PROVINCE hoặc Thái Nguyên)")
    init.add_argument("--demo", action="store_true", help="tạo tài khoản mẫu (mật khẩu in ra một lần)")
    init.set_defaults(handler=_init)

    user = subparsers.add_parser("user", help="quản lý người dùng")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    create = user_sub.add_parser("create", help="tạo người dùng thuộc một cơ quan")
    create.add_argument("username")
    create.add_argument("--agency", required=True, help="tên cơ quan (có dấu hoặc không)")
    create.add_argument(
        "--role", required=True, choices=["admin", "coordinator", "officer", "spokesperson", "viewer"]
    )
    create.add_argument("--email", default="")
    create.set_defaults(handler=_user_create)

    token = subparsers.add_parser("token", help="mã truy cập API")
    token_sub = token.add_subparsers(dest="token_command", required=True)
    tcreate = token_sub.add_parser("create", help="tạo mã truy cập API cho người dùng (in ra một lần)")
    tcreate.add_argument("username")
    tcreate.add_argument("--name", default="cli")
    tcreate.set_defaults(handler=_token_create)


def initialise(
    province_query: str, *, demo: bool, newsroom_url: str | None = None, only_if_new: bool = False
) -> int:
    """Initialise the province (and demo content). With `only_if_new`, as at every `loa run`, a
    province already initialised is left as it is: start-up need not re-read a thousand old units."""
    from loa.organisations import selectors, services

    try:
        code = services.resolve_province_query(province_query)
    except services.UnknownProvince as exc:
        print(f"loa: {exc}", file=sys.stderr)
        return 2
    home = selectors.home_province()
    if only_if_new and home is not None and home.code == code:
        province = home
    else:
        report = services.init_province(province_query)
        province = report.province
        print(
            f"loa: {province.name}: {report.communes} đơn vị cấp xã, {report.historical_units} đơn vị cũ, "
            f"{report.agencies_created} cơ quan mới tạo"
        )
    if demo:
        passwords = services.create_demo_accounts(province)
        if passwords:
            print("loa: Tài khoản mẫu (mật khẩu chỉ hiện MỘT lần, hãy ghi lại):")
            for username, password in passwords.items():
                print(f"    {username:<10} {password}")
        if newsroom_url:
            from loa.core.commands import run_demo_setup

            run_demo_setup(newsroom_url)
    return 0


def _init(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    return initialise(args.province or settings.LOA_PROVINCE, demo=args.demo)


def _user_create(args: argparse.Namespace) -> int:
    setup_django()
    from loa.organisations import selectors, services

    province = selectors.home_province()
    if province is None:
        print("loa: chưa khởi tạo tỉnh; chạy `loa init` trước", file=sys.stderr)
        return 2
    match = selectors.resolve_agency_name(province, args.agency)
    if len(match.agencies) != 1:
        print(f"loa: không xác định được một cơ quan từ “{args.agency}” ({match.note})", file=sys.stderr)
        return 2
    password = getpass.getpass("Mật khẩu: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    if len(password) < 10:
        print("loa: mật khẩu cần ít nhất 10 ký tự", file=sys.stderr)
        return 2
    services.user_create(
        actor=None,
        username=args.username,
        password=password,
        agency=match.agencies[0],
        role=args.role,
        email=args.email,
    )
    print(f"loa: đã tạo {args.username} ({args.role}, {match.agencies[0].name})")
    return 0


def _token_create(args: argparse.Namespace) -> int:
    setup_django()
    from django.contrib.auth import get_user_model

    from loa.organisations import services

    user = get_user_model().objects.filter(username=args.username).first()
    if user is None:
        print(f"loa: không có người dùng {args.username}", file=sys.stderr)
        return 2
    print(services.api_token_create(actor=None, user=user, name=args.name))
    return 0
