"""`loa run`, `loa manage`, `loa compilemessages`, `loa check`: the operational commands."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from loa.cli import setup_django
from loa.core.plugins import optional_modules

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent

# Capabilities that prepare demo content at first start (sources for the sample newsroom, …):
# each exposes `demo_setup(newsroom_url: str) -> str | None` returning a line to print.
DEMO_SETUP_MODULES: tuple[str, ...] = (
    "loa.deadlines.demo",
    "loa.monitoring.demo",
    "loa.plans.demo",
    "loa.press.seeds",
    "loa.press.demo",
    "loa.trends.demo",
)


def register(subparsers: Any) -> None:
    run = subparsers.add_parser("run", help="chạy Loa: máy chủ web, worker, bộ lập lịch, tòa soạn mẫu")
    run.add_argument("--host", default=os.environ.get("LOA_HOST", "127.0.0.1"))
    run.add_argument("--port", type=int, default=int(os.environ.get("LOA_PORT", "8000")))
    run.add_argument("--workers", type=int, default=int(os.environ.get("LOA_WEB_WORKERS", "2")))
    run.add_argument("--no-newsroom", action="store_true", help="không chạy tòa soạn mẫu")
    run.set_defaults(handler=_run)

    manage = subparsers.add_parser("manage", help="lệnh quản trị Django (migrate, createsuperuser, …)")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    manage.set_defaults(handler=_manage)

    messages = subparsers.add_parser("compilemessages", help="biên dịch bản dịch giao diện (.po → .mo)")
    messages.set_defaults(handler=_compilemessages)

    check = subparsers.add_parser("check", help="kiểm tra cấu hình: cơ sở dữ liệu, hàng đợi, thư mục dữ liệu")
    check.set_defaults(handler=_check)


def _manage(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["loa manage", *args.args])
    return 0


def _compilemessages(args: argparse.Namespace) -> int:
    """Compile translations with polib, so no GNU gettext is needed on the machine."""
    import polib

    count = 0
    for po_path in (ROOT / "loa" / "locale").glob("*/LC_MESSAGES/*.po"):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        count += 1
    print(f"loa: {count} translation file(s) compiled")
    return 0


def check_services() -> list[str]:
    """Problems with the database and the broker, as sentences a person can act on."""
    from django.conf import settings
    from django.db import connection

    problems = []
    try:
        connection.ensure_connection()
    except Exception as exc:
        problems.append(
            f"Không kết nối được cơ sở dữ liệu ({settings.DATABASES['default']['ENGINE']}): {exc}"
        )
    broker = settings.CELERY_BROKER_URL
    if not broker.startswith("filesystem://"):
        from kombu import Connection

        try:
            with Connection(broker, connect_timeout=3) as conn:
                conn.ensure_connection(max_retries=1, timeout=3)
        except Exception as exc:
            problems.append(f"Không kết nối được hàng đợi CELERY_BROKER_URL={broker}: {exc}")
    return problems


def _check(args: argparse.Namespace) -> int:
    setup_django()
    problems = check_services()
    for problem in problems:
        print(f"loa: {problem}", file=sys.stderr)
    if not problems:
        print("loa: cấu hình hợp lệ")
    return 1 if problems else 0


def run_demo_setup(newsroom_url: str) -> None:
    for module in optional_modules(DEMO_SETUP_MODULES):
        line = module.demo_setup(newsroom_url)
        if line:
            print(f"loa: {line}")


def reset_broken_beat_schedule(path: Path) -> bool:
    """Remove the scheduler's schedule file when it cannot be read (a power cut or a kill while it was
    written): Celery beat would otherwise crash at start and take `loa run` down with it. The file only
    remembers when each periodic task last ran, so the tasks simply run at their next interval."""
    import shelve

    files = [f for f in path.parent.glob(path.name + "*") if f.is_file()]
    if not files:
        return False
    try:
        with shelve.open(str(path), flag="r") as store:
            for key in store:
                store[key]
    except Exception:  # every dbm flavour and pickle fails in its own way on a truncated file
        for broken in files:
            broken.unlink(missing_ok=True)
        return True
    return False


def _run(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    problems = check_services()
    if problems:
        for problem in problems:
            print(f"loa: {problem}", file=sys.stderr)
        return 1
    call_command("migrate", interactive=False, verbosity=0)
    from loa.organisations.commands import initialise

    newsroom_port = int(os.environ.get("LOA_NEWSROOM_PORT", "8765"))
    newsroom_url = f"http://127.0.0.1:{newsroom_port}"
    status = initialise(
        settings.LOA_PROVINCE,
        demo=True,
        newsroom_url=None if args.no_newsroom else newsroom_url,
        only_if_new=True,
    )
    if status:
        return status
    call_command("collectstatic", interactive=False, verbosity=0)

    if reset_broken_beat_schedule(Path(settings.CELERY_BEAT_SCHEDULE_FILENAME)):
        print("loa: tệp lịch của bộ lập lịch bị hỏng và đã được tạo lại", file=sys.stderr)

    from honcho.manager import Manager

    loa = str(BIN / "loa")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base", "PYTHONUNBUFFERED": "1"}
    manager = Manager()
    gunicorn = shutil.which("gunicorn", path=str(BIN)) or "gunicorn"
    celery = shutil.which("celery", path=str(BIN)) or "celery"
    manager.add_process(
        "web",
        f"{gunicorn} config.wsgi:application --bind {args.host}:{args.port} --workers {args.workers} "
        "--threads 4 --access-logfile - --graceful-timeout 5",
        env=env,
        cwd=str(ROOT),
    )
    manager.add_process(
        "worker",
        f"{celery} -A config worker --loglevel INFO --concurrency 2 --without-gossip --without-mingle",
        env=env,
        cwd=str(ROOT),
    )
    manager.add_process(
        "scheduler",
        f"{celery} -A config beat --loglevel INFO --schedule {settings.CELERY_BEAT_SCHEDULE_FILENAME}",
        env=env,
        cwd=str(ROOT),
    )
    if not args.no_newsroom:
        manager.add_process("newsroom", f"{loa} demo newsroom --port {newsroom_port}", env=env, cwd=str(ROOT))
    print(f"loa: Loa đang chạy tại http://{args.host}:{args.port}  (Ctrl-C để dừng)")
    manager.loop()
    return int(manager.returncode or 0)
