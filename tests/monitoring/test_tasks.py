"""Celery tasks (eager in tests), the articles_ingested hook, the demo setup and the CLI commands."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from loa.cli import main
from loa.monitoring import hooks, tasks
from loa.monitoring.demo import SECTORS, demo_setup
from loa.monitoring.models import Article, Feed, IngestItem, Sector, Source
from tests.monitoring.conftest import register

pytestmark = pytest.mark.django_db
HEARD: list[list[int]] = []


def record(article_ids: list[int]) -> None:
    HEARD.append(article_ids)


def broken(article_ids: list[int]) -> None:
    raise RuntimeError("a listener that fails")


def test_beat_polls_due_feeds_and_the_items_are_processed(
    newsroom, province, django_capture_on_commit_callbacks
):
    register(newsroom, ("cong-ttdt",))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.poll_due.delay().get() == 1
    assert Article.objects.count() == IngestItem.objects.count() > 0
    assert set(IngestItem.objects.values_list("state", flat=True)) == {"done"}
    feed = Feed.objects.get()
    assert feed.next_poll_at is not None and feed.next_poll_at > timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.poll_due.delay().get() == 0  # not due again yet


def test_beat_schedule_has_the_monitoring_jobs() -> None:
    tasks_in_beat = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"monitoring.poll_due", "monitoring.resume_stale", "monitoring.purge"} <= tasks_in_beat
    assert settings.CELERY_BEAT_SCHEDULE["monitoring.poll_due"]["schedule"] <= 60


def test_resume_task_requeues_stale_items(
    newsroom, province, django_capture_on_commit_callbacks, monkeypatch
):
    source = register(newsroom, ("cong-ttdt",))[0]
    item = IngestItem.objects.create(url=f"{newsroom.url}/cong-ttdt/", url_hash="x", source=source)
    IngestItem.objects.filter(pk=item.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.resume_stale.delay().get() == 1
    item.refresh_from_db()
    assert (item.state, item.error_kind) == ("failed", "no_text")  # a home page: no article text


def test_listeners_hear_about_new_articles_after_commit(
    newsroom, province, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(
        hooks,
        "LISTENERS",
        ("tests.monitoring.test_tasks.broken", "tests.monitoring.test_tasks.record", "loa.nowhere.nothing"),
    )
    HEARD.clear()
    register(newsroom, ("cong-ttdt",))
    with django_capture_on_commit_callbacks(execute=True):
        tasks.poll_due.delay()
    heard = sorted(pk for batch in HEARD for pk in batch)
    assert heard and heard == sorted(Article.objects.values_list("pk", flat=True))
    assert hooks.notify_listeners([1]) == 1  # the broken one is logged and skipped


def test_demo_setup_registers_the_newsroom_once(newsroom, province, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        line = demo_setup(newsroom.url)
    assert line and "6 nguồn mẫu" in line
    assert len(callbacks) == 1  # the first poll, a few seconds after the worker starts
    assert Source.objects.filter(is_sample=True).count() == 6
    assert all(s.fetch_min_delay == 0.0 and s.fetch_concurrency == 8 for s in Source.objects.all())
    assert Sector.objects.filter(agency__isnull=False).count() == len(SECTORS)
    assert demo_setup("http://127.0.0.1:9999") is None  # idempotent; the newsroom moved to another port
    assert Source.objects.count() == 6
    assert all(f.url.startswith("http://127.0.0.1:9999/") for f in Feed.objects.all())
    assert set(Feed.objects.values_list("next_poll_at", flat=True)) == {None}  # due at once


def test_cli_polls_once_and_lists_sources(newsroom, faults, province, capsys):
    register(newsroom, ("cong-ttdt",))
    Source.objects.create(name="Nguồn lỗi", health="failing", health_reason="Lỗi 3 lần liên tiếp")
    assert main(["monitor", "poll", "--once"]) == 0
    out = capsys.readouterr().out
    assert "bài đã lưu" in out and Article.objects.exists()
    assert main(["monitor", "sources"]) == 0
    out = capsys.readouterr().out
    assert "Cổng TTĐT tỉnh Thái Nguyên (mẫu): Hoạt động tốt" in out
    assert "Nguồn lỗi: Lỗi liên tiếp — Lỗi 3 lần liên tiếp" in out
