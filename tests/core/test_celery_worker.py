"""The distributed path for real: a Celery worker process on Redis or RabbitMQ runs a task against
the test database. Skips with a reason where the broker is absent."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from celery import Celery
from django.db import connection
from kombu import Connection

from loa.core.models import AuditEvent

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

BROKERS = {
    "redis": ("LOA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
    "rabbitmq": ("LOA_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//"),
}


def _database_url() -> str:
    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    host = s.get("HOST") or "127.0.0.1"
    port = s.get("PORT") or 5432
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "") + "@" if s.get("USER") else ""
    return f"postgres://{auth}{host}:{port}/{s['NAME']}"


def _reachable(url: str) -> bool:
    try:
        with Connection(url, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        return False


@pytest.mark.parametrize("broker", sorted(BROKERS))
def test_worker_runs_task_through_broker(broker, tmp_path):
    env_name, default = BROKERS[broker]
    url = os.environ.get(env_name, default)
    if not _reachable(url):
        pytest.skip(f"{broker} is not reachable at {url} (set {env_name})")
    queue = f"loa-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "CELERY_BROKER_URL": url,
        "DATABASE_URL": _database_url(),
        "LOA_DATA_DIR": str(tmp_path),
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }
    celery = str(Path(sys.executable).parent / "celery")
    worker = subprocess.Popen(
        [
            celery,
            "-A",
            "config",
            "worker",
            "--pool",
            "solo",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel",
            "WARNING",
        ],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        token = uuid.uuid4().hex
        # Not the current app: shared tasks would otherwise resolve to this one for the rest of the
        # process and go to this broker instead of running eagerly in later tests.
        producer = Celery("probe", broker=url, set_as_current=False)
        producer.send_task("core.heartbeat", args=[token], queue=queue)
        producer.send_task("core.heartbeat", args=[token], queue=queue)  # a duplicate changes nothing
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and worker.poll() is None:
            if AuditEvent.objects.filter(action="worker.heartbeat", object_id=token).exists():
                time.sleep(1.0)  # let the duplicate run too
                break
            time.sleep(0.3)
        assert worker.poll() is None, worker.stdout.read() if worker.stdout else ""
        assert AuditEvent.objects.filter(action="worker.heartbeat", object_id=token).count() == 1
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
