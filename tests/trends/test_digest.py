"""The morning digest: contents, the Decree 30 .docx read back, the HTML e-mail, once a day."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import pytest
from django.core import mail
from docx import Document

from loa.core.models import Notification
from loa.trends import aggregate, digest, services
from loa.trends import keys as K
from loa.trends.models import Alert
from tests.factories import member
from tests.trends.conftest import at, today

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(background, surge, make_story, commune):  # type: ignore[no-untyped-def]
    day = today() - timedelta(days=1)
    ids = background(day)
    big = make_story(at(day, 6), copies=9, title="Khánh thành cầu mới qua sông Cầu")
    ids += list(big.articles.values_list("pk", flat=True))
    ids += surge(day, count=6, until_hour=11)
    aggregate.refresh_articles(ids)
    services.process_ingested([], now=at(day, 12))
    services.run_detection(now=at(day, 12))
    return day


def test_digest_lists_top_stories_negative_items_rising_places_and_alerts(news, commune):
    place, committee = commune
    item = digest.build(news, news)
    assert item.top[0].title == "Khánh thành cầu mới qua sông Cầu" and item.top[0].copies == 9
    assert item.stories >= 7 and item.articles > item.stories
    surge_titles = [s.title for s in item.attention if "Ba Bể" in s.title]
    assert len(surge_titles) >= 5 and all(s.negative for s in item.attention)
    rising = {r.key: r for r in item.rising}
    assert K.commune(place.code) in rising and rising[K.commune(place.code)].count == 6
    assert "<svg" in rising[K.commune(place.code)].chart
    assert any(a.key == K.commune(place.code) for a in item.alerts)
    # The commune's own digest keeps only what is routed to it.
    own = digest.build(news, news, committee)
    assert own.stories == 6 and all("Ba Bể" in s.title for s in own.top)
    assert {a.key for a in own.alerts} <= {K.commune(place.code), K.agency(committee.pk)}


def test_docx_is_laid_out_as_an_administrative_document(news):
    data = digest.docx(digest.build(news, news))
    doc = Document(BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "BẢN TIN ĐIỂM BÁO" in text and "I. TỔNG QUAN" in text and "IV. CHỦ ĐỀ, ĐỊA BÀN ĐANG TĂNG" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "Độc lập - Tự do - Hạnh phúc" in cells
    assert "Số:" in cells and "/BT-SVHTTDL" in cells
    assert "Khánh thành cầu mới qua sông Cầu" in cells and "Nơi nhận:" in cells
    section = doc.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.page_width.mm) == 210
    assert len(doc.inline_shapes) >= 1  # sparklines of the rising places


def test_morning_digest_is_emailed_once_a_day(news, users, commune):
    _place, committee = commune
    users["coordinator"].email = "dieuphoi@example.gov.vn"
    users["coordinator"].save()
    babe = member(committee, "officer", "t_babe_digest")
    babe.email = "babe@example.gov.vn"
    babe.save()
    now = at(news + timedelta(days=1), 6, 30)
    assert digest.send_morning_digests(now=now) == 2
    subjects = {m.subject: m for m in mail.outbox}
    province = next(m for s, m in subjects.items() if s.endswith("Toàn tỉnh"))
    html = province.alternatives[0][0]
    assert "dieuphoi@example.gov.vn" in province.bcc
    assert "Khánh thành cầu mới qua sông Cầu" in html and "<svg" in html and "Xã Ba Bể" in html
    assert "Khánh thành cầu mới qua sông Cầu" in province.body
    commune_mail = next(m for s, m in subjects.items() if s.endswith(committee.name))
    assert (
        commune_mail.bcc == ["babe@example.gov.vn"] and "Khánh thành" not in commune_mail.alternatives[0][0]
    )
    assert Notification.objects.filter(user=babe, title__startswith="Bản tin điểm báo").exists()
    # Agencies with nothing to report (the departments of the test users) get nothing.
    assert len(mail.outbox) == 2
    # A second run the same morning sends nothing.
    assert digest.send_morning_digests(now=now + timedelta(minutes=30)) == 0
    assert len(mail.outbox) == 2


def test_an_empty_period_still_makes_a_digest():
    item = digest.build(today() - timedelta(days=400), today() - timedelta(days=399))
    assert item.top == [] and item.alerts == [] and item.empty
    assert Document(BytesIO(digest.docx(item))).paragraphs
    assert Alert.objects.count() == 0
