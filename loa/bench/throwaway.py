"""What the database benchmarks share: a throwaway SQLite database in a temporary data folder (Django set
up on it and migrated), and a real Celery worker on it as `loa run` starts one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATABASE_FILE = "bench.sqlite3"


def database_env(workdir: str) -> dict[str, str]:
    """The environment that points Loa at the data folder ``workdir`` and its SQLite file."""
    return {"LOA_DATA_DIR": workdir, "DATABASE_URL": f"sqlite:///{workdir}/{DATABASE_FILE}"}


def open_database(workdir: str) -> None:
    """Point this process at ``workdir``'s database, set Django up and migrate."""
    os.environ.update(database_env(workdir))
    from loa.cli import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


@contextmanager
def throwaway_database(prefix: str) -> Iterator[str]:
    """A fresh temporary data folder with a migrated database, this process set up on it (yields its
    path); the folder is removed on exit."""
    workdir = tempfile.mkdtemp(prefix=prefix)
    try:
        open_database(workdir)
        yield workdir
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def celery() -> str | None:
    """The celery command of this virtual environment, if installed."""
    return shutil.which("celery", path=str(Path(sys.executable).parent))


@contextmanager
def celery_worker(env: Mapping[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    """A Celery worker (two prefork children) with ``env``, stopped warmly on exit (killed after 30 s)."""
    command = celery()
    if command is None:
        raise RuntimeError("celery is not installed")
    worker = subprocess.Popen(
        [command, "-A", "config", "worker", "--concurrency", "2", "--without-gossip", "--without-mingle",
         "--loglevel", "WARNING"],
        env=dict(env), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        yield worker
    finally:
        worker.terminate()  # warm shutdown: the worker stops its own children
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
