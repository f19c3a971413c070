"""Reprocessing stored articles: understanding re-run without refetching (and extraction re-run from the
archive), stories kept, only differences written, idempotent, failures kept with reasons, resumable
after a killed batch, the series told, the command line and the sources page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from loa.core.models import AuditEvent
from loa.monitoring import hooks, reprocess, services
from loa.monitoring.models import Article, ArticlePlace, ReprocessRun, Sector
from loa.monitoring.runtime import raw_archive
from loa.monitoring.search import search_articles
from loa.pipeline.fetch import Fetcher
from tests.monitoring.conftest import ingest_newsroom

pytestmark = pytest.mark.django_db
FLOOD = '"sạt lở" OR "lũ quét" OR ngập'
RELABELLED: list[list[int]] = []


def record_relabelled(article_ids: list[int]) -> None:
    RELABELLED.append(list(article_ids))


def _snapshot() -> dict[int, tuple[Any, ...]]:
    places: dict[int, list[tuple[Any, ...]]] = {}
    for row in ArticlePlace.objects.values_list(
        "article_id", "province_id", "commune_id", "mention", "legacy"
    ):
        places.setdefault(row[0], []).append(row[1:])
    labels: dict[int, set[int]] = {}
    for article_id, sector_id in Article.sectors.through.objects.values_list("article_id", "sector_id"):
        labels.setdefault(article_id, set()).add(sector_id)
    return {
        a.pk: (
            a.title, a.text, a.published_at, a.topic, a.sentiment, a.sentiment_score, a.sentiment_cues,
            a.relevance, a.story_id, sorted(places.get(a.pk, []), key=repr), labels.get(a.pk, set()),
        )
        for a in Article.objects.all()
    }  # fmt: skip


def _run(capture: Any, **options: Any) -> ReprocessRun:
    with capture(execute=True):
        run = services.reprocess_start(None, **options)
    run.refresh_from_db()
    return run


@pytest.fixture
def stored(newsroom, province):
    """One outlet ingested, with a sector rule, in small batches."""
    sector = services.sector_save(None, name="Thiên tai", query=FLOOD, agency=None)
    ingest_newsroom(newsroom, ("bao-thai-nguyen",))
    with override_settings(LOA_MONITORING_REPROCESS_BATCH_SIZE=7):
        yield sector


@pytest.fixture
def no_http(monkeypatch):
    """Any fetch fails the test: reprocessing reads the archive only."""

    def refuse(*args, **kwargs):
        raise AssertionError("reprocessing fetched a page")

    monkeypatch.setattr(Fetcher, "fetch_request", refuse)
    monkeypatch.setattr(Fetcher, "fetch", refuse)


def test_reprocess_restores_understanding_keeps_stories_and_is_idempotent(
    stored: Sector, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(hooks, "RELABEL_LISTENERS", (f"{__name__}.record_relabelled",))
    RELABELLED.clear()
    fresh = _snapshot()
    total = len(fresh)
    assert total > 10
    # Right after the ingest, the same stages find nothing to change.
    first = _run(django_capture_on_commit_callbacks)
    assert (first.state, first.processed, first.changed, first.failed) == ("done", total, 0, 0)
    assert RELABELLED == []

    # What an older model, lexicon, gazetteer or rule would have left behind.
    flooded = Article.objects.filter(pk__in=stored.articles.values("pk")).order_by("pk")
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    Article.objects.filter(pk=ids[0]).update(topic="khac", sentiment="positive", sentiment_score=0.9)
    Article.objects.filter(pk=ids[1]).update(sentiment_cues=[], relevance=0.0)
    placed = ArticlePlace.objects.order_by("article_id").values_list("article_id", flat=True).first()
    ArticlePlace.objects.filter(article_id=placed).delete()
    unlabelled = flooded.first()
    assert unlabelled is not None
    stored.articles.remove(unlabelled)
    tampered = {ids[0], ids[1], placed, unlabelled.pk}
    stories = dict(Article.objects.values_list("pk", "story_id"))

    second = _run(django_capture_on_commit_callbacks)
    assert (second.processed, second.changed, second.failed) == (total, len(tampered), 0)
    assert _snapshot() == fresh
    assert dict(Article.objects.values_list("pk", "story_id")) == stories
    assert sorted(i for batch in RELABELLED for i in batch) == sorted(tampered)

    third = _run(django_capture_on_commit_callbacks)
    assert (third.processed, third.changed) == (total, 0)
    assert reprocess.reprocess_batch(third.pk, 0) is None  # a redelivered message of a finished run
    assert AuditEvent.objects.filter(action="monitoring.reprocess_done").count() == 3


def test_an_improved_stage_updates_the_stored_articles(
    stored, monkeypatch, django_capture_on_commit_callbacks
):
    from loa.pipeline import analyze, sentiment

    real = sentiment.sentiment_of_tokens

    def gloomier(title_tokens, body_tokens):
        return sentiment.Sentiment("negative", -0.5, 0.0, 1.0, real(title_tokens, body_tokens).cues)

    monkeypatch.setattr(analyze, "sentiment_of_tokens", gloomier)
    assert Article.objects.exclude(sentiment="negative").exists()
    differing = Article.objects.exclude(sentiment="negative", sentiment_score=-0.5).count()
    run = _run(django_capture_on_commit_callbacks)
    assert run.changed == differing
    assert set(Article.objects.values_list("sentiment", "sentiment_score")) == {("negative", -0.5)}


def test_re_extract_reads_the_archive_and_the_search_follows(
    stored, no_http, django_capture_on_commit_callbacks
):
    article = Article.objects.order_by("pk")[2]
    before = _snapshot()[article.pk]
    word = max(article.title.split(), key=len)
    Article.objects.filter(pk=article.pk).update(title="Tiêu đề hỏng", text="văn bản hỏng", topic="")
    assert article.pk not in {h.article.pk for h in search_articles(f'"{article.title}"', limit=50).hits}

    run = _run(django_capture_on_commit_callbacks, re_extract=True)
    assert (run.failed, run.changed) == (0, 1)
    assert _snapshot()[article.pk] == before
    assert article.pk in {h.article.pk for h in search_articles(word, limit=200).hits}
    assert not search_articles('"văn bản hỏng"').hits


def test_a_page_missing_from_the_archive_fails_with_a_reason(
    stored, no_http, django_capture_on_commit_callbacks
):
    article = Article.objects.order_by("pk")[0]
    raw_archive().path_for(article.raw_sha256).rename(raw_archive().root / "moved-away")
    Article.objects.filter(pk=article.pk).update(topic="khac")
    try:
        run = _run(django_capture_on_commit_callbacks, re_extract=True)
    finally:
        (raw_archive().root / "moved-away").rename(raw_archive().path_for(article.raw_sha256))
    assert (run.failed, run.processed, run.changed) == (1, Article.objects.count(), 0)
    assert run.failures[0]["article"] == article.pk
    assert "bản lưu trang gốc" in run.failures[0]["reason"]
    assert Article.objects.get(pk=article.pk).topic == "khac"  # left as it was


def test_a_killed_batch_is_done_again_without_counting_twice(
    stored, monkeypatch, django_capture_on_commit_callbacks
):
    Article.objects.update(topic="khac")
    total = Article.objects.count()
    real = reprocess._write
    calls = 0

    def dies_in_the_second_batch(*args):
        nonlocal calls
        calls += 1
        if calls == 2:  # one write per batch
            raise RuntimeError("worker killed")
        return real(*args)

    monkeypatch.setattr(reprocess, "_write", dies_in_the_second_batch)
    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True):
        services.reprocess_start(None)
    run = ReprocessRun.objects.get()
    assert (run.state, run.processed, run.changed) == ("running", 7, 7)  # the first batch only
    assert Article.objects.filter(topic="khac").count() == total - 7
    assert reprocess.reprocess_batch(run.pk, 0) is None  # the first batch's message again: done already
    with django_capture_on_commit_callbacks(execute=True):
        assert reprocess.resume_stalled(timezone.now() + timedelta(hours=1)) == [run.pk]
    run.refresh_from_db()
    assert (run.state, run.processed, run.changed, run.failed) == ("done", total, total, 0)
    assert not Article.objects.filter(topic="khac").exists()


def test_options_permissions_and_one_run_at_a_time(stored, users, django_capture_on_commit_callbacks):
    with pytest.raises(PermissionDenied):
        services.reprocess_start(users["viewer"])
    source = Article.objects.first().source  # type: ignore[union-attr]
    Article.objects.filter(pk=Article.objects.order_by("pk")[0].pk).update(published_at=None)
    future = timezone.localdate() + timedelta(days=1)
    run = _run(django_capture_on_commit_callbacks, since=future, source_id=source.pk)
    assert run.total == run.processed == 0
    event = AuditEvent.objects.get(action="monitoring.reprocess_start")
    assert event.changes["source"] == source.pk
    with pytest.raises(ValidationError, match="nguồn tin số"):
        services.reprocess_start(None, source_id=source.pk + 1000)
    running = services.reprocess_start(users["coordinator"], enqueue=False)
    assert running.started_by == users["coordinator"] and running.total == Article.objects.count()
    with pytest.raises(ValidationError, match="chưa xong"):
        services.reprocess_start(users["coordinator"])


def test_command_line_waits_and_the_sources_page_shows_the_run(
    stored, no_http, users, client, capsys, django_capture_on_commit_callbacks
):
    from loa.cli import main

    Article.objects.update(sentiment="")
    assert main(["monitor", "reprocess", "--re-extract", "--wait"]) == 0
    out, err = capsys.readouterr()
    total = Article.objects.count()
    assert f"{total} bài, {total} thay đổi, 0 lỗi" in out
    assert f"{total}/{total} bài" in err
    assert not Article.objects.filter(sentiment="").exists()
    client.force_login(users["viewer"])
    page = client.get(reverse("monitoring:sources")).content.decode()
    assert "Đã xử lý lại" in page and f"{total} bài thay đổi" in page


def test_coordinators_start_a_run_from_the_sources_page(stored, users, client):
    page = reverse("monitoring:sources")
    start = reverse("monitoring:reprocess_start")
    client.force_login(users["viewer"])
    assert "data-reprocess-form" not in client.get(page).content.decode()
    assert client.post(start, {"re_extract": "on"}).status_code == 403
    assert not ReprocessRun.objects.exists()

    client.force_login(users["coordinator"])
    assert "data-reprocess-form" in client.get(page).content.decode()
    bad = client.post(start, {"since": "hôm qua"}, follow=True).content.decode()
    assert "Nhập một ngày hợp lệ" in bad and not ReprocessRun.objects.exists()
    source = Article.objects.first().source  # type: ignore[union-attr]
    done = client.post(start, {"since": "2020-01-01", "source": source.pk, "re_extract": "on"}, follow=True)
    run = ReprocessRun.objects.get()
    assert (run.since.isoformat(), run.source_id, run.re_extract, run.started_by) == (  # type: ignore[union-attr]
        "2020-01-01",
        source.pk,
        True,
        users["coordinator"],
    )
    html = done.content.decode()
    assert f"Đã bắt đầu xử lý lại {run.total} bài" in html and "data-reprocess-form" not in html
    refused = client.post(start, {}, follow=True).content.decode()
    assert "chưa xong" in refused and ReprocessRun.objects.count() == 1
