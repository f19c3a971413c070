"""Alert latency on the embedded setup (target ≤ 60 s from an article's ingestion to its alert).

A throwaway SQLite database holds the province and the sample newsroom's thirty days of coverage (its
ground truth stored as monitoring stores articles, `loa.trends.samples`), counted and scanned once as the
hourly task would, with the default alert rules and one officer per commune committee. A real Celery
worker runs as `loa run` starts it (two prefork children, the embedded filesystem broker, which polls
once a second). Each trial plants a surge of negative stories about a commune not seen in that month,
saves the articles in one transaction and calls the ingestion hook inside it, exactly as ingest does;
the clock runs from just before that commit until the alert row and the in-app notification of the
commune's People's Committee exist. Measured separately, in process: the hook's own work
(`process_ingested`: series of the touched keys, detection, rules, delivery) per surge.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

from loa.bench.throwaway import ROOT, celery, celery_worker, database_env, open_database

TRIALS = 12
WARM_UP = 2
IN_PROCESS = 6
SURGE = 8
TIMEOUT = 120.0
TARGET_SECONDS = 60.0


def _environment(workdir: str, eager: bool) -> dict[str, str]:
    return {
        **os.environ,
        **database_env(workdir),
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "CELERY_TASK_ALWAYS_EAGER": "1" if eager else "0",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOA_LOG_LEVEL": "WARNING",
    }


def _setup(workdir: str) -> dict[str, Any]:
    """Province, thirty days of sample coverage, series and detection, default rules, officers."""
    open_database(workdir)
    from django.utils import timezone

    from loa.demo.newsroom import build_catalog
    from loa.organisations.models import Agency, Commune, Role
    from loa.organisations.services import init_province
    from loa.trends import services
    from loa.trends.samples import store_samples

    province = init_province("Thái Nguyên").province
    catalog = build_catalog(timezone.now())
    store_samples(catalog, province, "http://127.0.0.1:8765")
    services.rebuild()
    services.ensure_default_rules()
    seen = {name.lower() for article in catalog for name in article.communes}
    quiet = [
        c for c in Commune.objects.filter(province=province).order_by("code") if c.name.lower() not in seen
    ][: TRIALS + WARM_UP + IN_PROCESS]
    from django.contrib.auth import get_user_model

    from loa.organisations.models import Membership

    for commune in quiet:
        agency = Agency.objects.get(commune=commune, role=Agency.Role.COMMUNE_COMMITTEE)
        user = get_user_model().objects.create_user(
            f"canbo-{commune.code}", f"canbo-{commune.code}@example.test"
        )
        Membership.objects.create(user=user, agency=agency, role=Role.OFFICER)
    return {"articles": len(catalog), "communes": [c.name for c in quiet]}


def _plant(name: str, hook: Any) -> tuple[float, str, int]:
    """Save a surge as ingest does (hook inside the transaction); returns (start, key, officer id)."""
    from django.db import transaction
    from django.utils import timezone

    from loa.demo.newsroom import build_surge
    from loa.organisations.models import Commune, Membership
    from loa.trends import keys as K
    from loa.trends.samples import store_samples

    commune = Commune.objects.get(name=name)
    officer = Membership.objects.get(agency__commune=commune).user_id
    samples = build_surge(name, SURGE, timezone.now(), first_id=90_000 + commune.pk * 100)
    with transaction.atomic():
        ids = store_samples(samples, commune.province, "http://127.0.0.1:8765")
        started = time.perf_counter()
        hook(ids)
    return started, K.commune(commune.code), officer


def _wait(started: float, key: str, officer: int) -> dict[str, float] | None:
    from django.utils import timezone

    from loa.core.models import Notification
    from loa.trends.models import Alert

    alert_at = None
    while time.perf_counter() - started < TIMEOUT:
        if alert_at is None and Alert.objects.filter(key=key, date=timezone.localdate()).exists():
            alert_at = time.perf_counter() - started
        if alert_at is not None and Notification.objects.filter(user_id=officer).exists():
            return {"alert": alert_at, "notification": time.perf_counter() - started}
        time.sleep(0.05)
    return None


def _hook() -> tuple[Any, str]:
    """The hook ingest calls: monitoring's (one task that calls the listeners, then ours), if present."""
    try:
        from loa.monitoring.hooks import on_articles_ingested
    except ModuleNotFoundError:
        from loa.trends.services import articles_ingested

        return articles_ingested, "loa.trends.services.articles_ingested (1 task)"
    return on_articles_ingested, "loa.monitoring.hooks.on_articles_ingested (2 tasks)"


def _drive(communes: list[str]) -> dict[str, Any]:
    """In the driver process (Django set up, not eager): warm-up trials, then the timed ones."""
    from loa.cli import setup_django

    setup_django()
    hook, path = _hook()
    results: list[dict[str, float] | None] = []
    for index, name in enumerate(communes[: TRIALS + WARM_UP]):
        outcome = _wait(*_plant(name, hook))
        if index >= WARM_UP:
            results.append(outcome)
    return {"path": path, "results": results}


def _in_process(communes: list[str]) -> list[float]:
    """The hook's work run directly (eager), per surge, in milliseconds."""
    from django.db import transaction
    from django.utils import timezone

    from loa.demo.newsroom import build_surge
    from loa.organisations.models import Commune
    from loa.trends import services
    from loa.trends.samples import store_samples

    timings = []
    for name in communes:
        commune = Commune.objects.get(name=name)
        with transaction.atomic():
            ids = store_samples(
                build_surge(name, SURGE, timezone.now(), first_id=90_000 + commune.pk * 100),
                commune.province,
                "http://127.0.0.1:8765",
            )
        started = time.perf_counter()
        services.process_ingested(ids)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run() -> dict[str, Any]:
    if celery() is None:
        return {"skipped": "celery is not installed"}
    workdir = tempfile.mkdtemp(prefix="loa-bench-alerts-")
    env = _environment(workdir, eager=False)
    try:
        setup = subprocess.run(
            [sys.executable, "-c",
             f"import json, loa.bench.alerts_bench as b; print('@@' + json.dumps(b._setup({workdir!r})))"],
            env=_environment(workdir, eager=True), cwd=ROOT, check=True, capture_output=True, text=True,
        )  # fmt: skip
        prepared = json.loads(setup.stdout.rsplit("@@", 1)[1])
        communes: list[str] = prepared["communes"]
        with celery_worker(env):
            drive = subprocess.run(
                [sys.executable, "-c",
                 f"import json, loa.bench.alerts_bench as b; print('@@' + json.dumps(b._drive({communes!r})))"],
                env=env, cwd=ROOT, check=True, capture_output=True, text=True,
            )  # fmt: skip
        driven = json.loads(drive.stdout.rsplit("@@", 1)[1])
        os.environ.update(_environment(workdir, eager=True))
        from loa.cli import setup_django

        setup_django()
        in_process = _in_process(communes[TRIALS + WARM_UP :])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    done = [r for r in driven["results"] if r is not None]
    alert = [r["alert"] for r in done]
    notified = [r["notification"] for r in done]
    return {
        "setup": "SQLite, Celery prefork ×2, filesystem broker (as `loa run`)",
        "hook": driven["path"],
        "history_articles": prepared["articles"],
        "surge_stories": SURGE,
        "trials": len(driven["results"]),
        "timed_out": len(driven["results"]) - len(done),
        "alert_latency_median_s": round(statistics.median(alert), 2) if alert else None,
        "alert_latency_p95_s": round(_quantile(alert, 0.95), 2) if alert else None,
        "notification_latency_median_s": round(statistics.median(notified), 2) if notified else None,
        "notification_latency_p95_s": round(_quantile(notified, 0.95), 2) if notified else None,
        "notification_latency_max_s": round(max(notified), 2) if notified else None,
        "process_ingested_ms_median": round(statistics.median(in_process), 1) if in_process else None,
        "target_seconds": TARGET_SECONDS,
        "target_met": bool(notified)
        and not (len(done) < len(driven["results"]))
        and max(notified) <= TARGET_SECONDS,
    }
