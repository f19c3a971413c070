"""Re-tagging stored articles when a sector rule is saved, disabled or deleted: queued after commit,
gains and losses, idempotent, resumable after a killed batch, the series follow, the pages show it."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from loa.core.models import AuditEvent
from loa.monitoring import hooks, retag, services, tasks
from loa.monitoring.models import Article, Sector, SectorRetag, Source
from loa.monitoring.runtime import runtime
from loa.trends import keys as K
from loa.trends.models import SeriesMember

pytestmark = pytest.mark.django_db

FLOOD = '"sạt lở" OR "lũ quét"'
TEXTS = (
    "Mưa lớn gây sạt lở đất tại xã Yên Trạch.",
    "Lũ quét cuốn trôi cầu tạm ở bản Khuổi.",
    "Hội nghị tổng kết công tác văn hóa năm nay.",
    "Trường học khai giảng năm học mới.",
    "Nguy cơ sạt lở taluy dương trên quốc lộ 3.",
    "Giá lúa tăng nhẹ trong tuần.",
    "Chợ phiên vùng cao đông vui.",
)


def _articles(texts=TEXTS, *, days_ago: int = 1, start: int = 0) -> list[Article]:
    source, _ = Source.objects.get_or_create(name="Báo mẫu")
    published = timezone.now() - timedelta(days=days_ago)
    return [
        Article.objects.create(
            source=source, url=f"http://bao.vn/{start + n}", url_hash=f"h{start + n}",
            content_hash=f"c{start + n}", title=f"Tin {start + n}", text=text, published_at=published,
        )
        for n, text in enumerate(texts)
    ]  # fmt: skip


def _flooded(articles: list[Article]) -> set[int]:
    return {a.pk for a in articles if "sạt lở" in a.text or "Lũ quét" in a.text}


def _labelled(sector: Sector) -> set[int]:
    return set(sector.articles.values_list("pk", flat=True))


def _run(sector: Sector) -> SectorRetag:
    return SectorRetag.objects.get(sector=sector)


@pytest.fixture
def small_batches():
    with override_settings(LOA_MONITORING_RETAG_BATCH_SIZE=2):
        yield


def test_saving_queues_retagging_only_after_commit(province, users, django_capture_on_commit_callbacks):
    _articles()
    with mock.patch.object(tasks.retag_sector, "delay") as delay:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            sector = services.sector_save(users["coordinator"], name="Thiên tai", query=FLOOD, agency=None)
            assert not delay.called
        assert len(callbacks) == 1
        callbacks[0]()
    delay.assert_called_once_with(_run(sector).pk, 0)


def test_stored_articles_gain_and_lose_the_label(
    province, users, small_batches, django_capture_on_commit_callbacks
):
    articles = _articles()
    sector = Sector.objects.create(name="Thiên tai", query="hội nghị")
    wrong = [articles[2], articles[3]]  # labelled by an older rule
    sector.articles.add(*wrong, articles[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.sector_save(users["coordinator"], name="Thiên tai", query=FLOOD, agency=None, sector=sector)
    assert _labelled(sector) == _flooded(articles)
    run = _run(sector)
    assert run.state == SectorRetag.State.DONE and run.processed == run.total == len(articles)
    assert (run.gained, run.lost) == (2, 2)  # articles 1 and 4 gained; 2 and 3 lost; 0 kept
    event = AuditEvent.objects.get(action="monitoring.sector_retagged", object_id=str(sector.pk))
    assert event.changes == {"articles": 7, "gained": 2, "lost": 2}


def test_running_twice_changes_nothing_the_second_time(
    province, small_batches, django_capture_on_commit_callbacks
):
    articles = _articles()
    with django_capture_on_commit_callbacks(execute=True):
        sector = services.sector_save(None, name="Thiên tai", query=FLOOD, agency=None)
    first = _run(sector)
    assert (first.gained, first.lost) == (3, 0)
    assert retag.retag_batch(first.pk, 0) is None  # a redelivered message of a finished run
    with django_capture_on_commit_callbacks(execute=True):
        retag.start(sector)
    again = _run(sector)
    assert (again.gained, again.lost, again.processed) == (0, 0, len(articles))
    assert _labelled(sector) == _flooded(articles)
    assert sector.articles.through.objects.filter(sector=sector).count() == 3


def test_a_killed_batch_is_done_again_without_counting_twice(
    province, small_batches, django_capture_on_commit_callbacks
):
    articles = _articles()
    real = retag.stored_document
    calls = 0

    def dies_in_the_second_batch(*args):
        nonlocal calls
        calls += 1
        if calls == 4:
            raise RuntimeError("worker killed")
        return real(*args)

    with (
        mock.patch.object(retag, "stored_document", dies_in_the_second_batch),
        pytest.raises(RuntimeError),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.sector_save(None, name="Thiên tai", query=FLOOD, agency=None)
    sector = Sector.objects.get(name="Thiên tai")
    run = _run(sector)
    assert run.state == SectorRetag.State.RUNNING
    assert (run.cursor, run.processed, run.gained) == (articles[1].pk, 2, 2)  # the first batch only
    assert _labelled(sector) == {articles[0].pk, articles[1].pk}
    assert retag.retag_batch(run.pk, 0) is None  # the first batch's message again: already done
    # The periodic resume finds the run stalled and queues it from its cursor.
    with django_capture_on_commit_callbacks(execute=True):
        assert retag.resume_stalled(timezone.now() + timedelta(hours=1)) == [run.pk]
    run.refresh_from_db()
    assert run.state == SectorRetag.State.DONE
    assert (run.processed, run.gained, run.lost) == (len(articles), 3, 0)
    assert _labelled(sector) == _flooded(articles)


def test_disabling_removes_every_label_even_outside_the_window(province, django_capture_on_commit_callbacks):
    recent = _articles()
    old = _articles(TEXTS[:2], days_ago=400, start=100)
    with override_settings(LOA_MONITORING_RETAG_DAYS=90):
        with django_capture_on_commit_callbacks(execute=True):
            sector = services.sector_save(None, name="Thiên tai", query=FLOOD, agency=None)
        assert _labelled(sector) == _flooded(recent)  # the window: old articles not evaluated
        sector.articles.add(*old)  # labelled when they were ingested
        with django_capture_on_commit_callbacks(execute=True):
            services.sector_save(
                None, name="Thiên tai", query=FLOOD, agency=None, is_active=False, sector=sector
            )
    assert _labelled(sector) == set()
    assert _run(sector).lost == 5
    assert str(sector.pk) not in {rule.id for rule in runtime().sector_rules()}


def test_deleting_removes_the_labels_then_the_sector(
    province, users, client, django_capture_on_commit_callbacks
):
    _articles()
    with django_capture_on_commit_callbacks(execute=True):
        sector = services.sector_save(None, name="Thiên tai", query=FLOOD, agency=None)
    assert runtime().sector_rules()[0].id == str(sector.pk)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = services.sector_delete(users["coordinator"], sector)
    assert run.delete_sector and run.total == 3
    assert runtime().sector_rules() == ()  # new articles stop getting it at once
    with pytest.raises(ValidationError, match="đang được xóa"):
        services.sector_save(users["coordinator"], name="Thiên tai", query=FLOOD, agency=None, sector=sector)
    client.force_login(users["coordinator"])
    page = client.get(reverse("monitoring:sectors")).content.decode()
    assert "đang xóa" in page and "Đang gỡ nhãn trước khi xóa: 0/3 bài" in page
    for callback in callbacks:
        callback()
    assert not Sector.objects.filter(pk=sector.pk).exists()
    assert not Article.sectors.through.objects.exists()
    deleted = AuditEvent.objects.get(action="monitoring.sector_deleted", object_id=str(sector.pk))
    assert deleted.changes["lost"] == 3


def test_the_delete_button_is_for_coordinators(province, users, client, django_capture_on_commit_callbacks):
    sector = Sector.objects.create(name="Thiên tai", query=FLOOD)
    sector.articles.add(*_articles()[:1])
    client.force_login(users["justice"])
    assert client.post(reverse("monitoring:sector_delete", args=[sector.pk])).status_code == 403
    client.force_login(users["coordinator"])
    assert "sector-delete" in client.get(reverse("monitoring:sector_edit", args=[sector.pk])).content.decode()
    response = client.post(reverse("monitoring:sector_delete", args=[sector.pk]))
    assert response.status_code == 302 and _run(sector).delete_sector
    unused = Sector.objects.create(name="Chưa dùng", query=FLOOD)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert services.sector_delete(users["coordinator"], unused) is None
    assert not callbacks and not Sector.objects.filter(pk=unused.pk).exists()  # nothing to untag


def test_the_series_follow_the_labels(province, agencies, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(hooks, "RELABEL_LISTENERS", ("loa.trends.aggregate.refresh_articles",))
    articles = _articles()
    with django_capture_on_commit_callbacks(execute=True):
        sector = services.sector_save(None, name="Thiên tai", query=FLOOD, agency=None)
    units = {f"a{pk}" for pk in _flooded(articles)}
    assert set(SeriesMember.objects.filter(key=K.sector(sector.pk)).values_list("unit", flat=True)) == units
    # Only the agency changes: no label moves, but the agency's series now count the sector's articles.
    agency = agencies["so-tai-chinh"]
    with django_capture_on_commit_callbacks(execute=True):
        services.sector_save(None, name="Thiên tai", query=FLOOD, agency=agency, sector=sector)
    assert (_run(sector).gained, _run(sector).lost) == (0, 0)
    assert set(SeriesMember.objects.filter(key=K.agency(agency.pk)).values_list("unit", flat=True)) == units
    with django_capture_on_commit_callbacks(execute=True):
        services.sector_save(None, name="Thiên tai", query='"lũ quét"', agency=agency, sector=sector)
    assert SeriesMember.objects.filter(key=K.sector(sector.pk)).count() == 1


def test_the_sector_pages_show_progress_and_result(province, users, client):
    sector = Sector.objects.create(name="Thiên tai", query=FLOOD)
    run = SectorRetag.objects.create(sector=sector, since=timezone.now(), total=12000, processed=3000)
    client.force_login(users["coordinator"])
    listing = client.get(reverse("monitoring:sectors")).content.decode()
    assert "Đang gắn lại nhãn: 3.000/12.000 bài" in listing and 'http-equiv="refresh"' in listing
    edit = client.get(reverse("monitoring:sector_edit", args=[sector.pk])).content.decode()
    assert "Đang gắn lại nhãn: 3.000/12.000 bài" in edit
    SectorRetag.objects.filter(pk=run.pk).update(
        state=SectorRetag.State.DONE, processed=12000, gained=1250, lost=40, finished_at=timezone.now()
    )
    listing = client.get(reverse("monitoring:sectors")).content.decode()
    assert "Đã gắn lại nhãn 12.000 bài: thêm nhãn 1.250 bài, gỡ nhãn 40 bài" in listing
    assert 'http-equiv="refresh"' not in listing
