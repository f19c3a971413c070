"""The `loa` command. Each command group lives in its own module that exposes `register(subparsers)`.

Contract commands (plans parse, monitor analyze, trends detect, deadlines) run without a database;
commands that need Django call `loa.cli.setup_django()` themselves, so `loa --help` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from loa.core.plugins import optional_modules

# Modules that add commands. Missing ones are skipped so a partial checkout still gives a working CLI.
COMMAND_MODULES: tuple[str, ...] = (
    "loa.core.commands",
    "loa.organisations.commands",
    "loa.plans.commands",
    "loa.monitoring.commands",
    "loa.trends.commands",
    "loa.deadlines.commands",
    "loa.press.commands",
    "loa.demo.commands",
    "loa.bench.commands",
)


def setup_django(settings: str = "config.settings.base") -> None:
    """Configure Django for commands that need the database; errors in settings become clear messages."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    from config.env import ConfigurationError

    try:
        import django

        django.setup()
    except ConfigurationError as exc:
        raise SystemExit(f"loa: configuration error: {exc}") from exc
    from django.conf import settings as django_settings
    from django.utils import translation

    # The command line speaks the interface's first language, whatever a caller activated before.
    translation.activate(django_settings.LANGUAGE_CODE)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loa", description="Loa: policy communication for a provincial People's Committee."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in optional_modules(COMMAND_MODULES):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    try:
        result = handler(args)
    except KeyboardInterrupt:
        return 130
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
