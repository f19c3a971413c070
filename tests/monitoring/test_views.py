"""Monitoring pages on two ingested outlets of the sample newsroom: search, filters, CSV, article,
story, sources and health, saved searches, sector rules (coordinators only), sources (coordinators)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.urls import reverse

from loa.monitoring.models import Article, ArticlePlace, SavedSearch, Sector, Source, Story
from loa.press.models import PressRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_as(client, users):
    def login(who: str):
        client.force_login(users[who])
        return client

    return login


def _titles(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/monitoring/articles/\d+/">([^<]+)</a>', html)


def test_pages_need_a_sign_in(client, ingested):
    response = client.get(reverse("monitoring:articles"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_search_without_diacritics_finds_exact_accents_first(client_as, ingested):
    response = client_as("viewer").get(reverse("monitoring:articles"), {"q": "bac kan"})
    html = response.content.decode()
    titles = _titles(html)
    assert titles and re.search(r"Tìm thấy \d+ bài", html) and re.search(r"mất [\d.,]+ ms", html)
    assert "<mark>" in html
    folded = [t.lower() for t in titles]
    assert any("bắc kạn" in t for t in folded)
    exact = client_as("viewer").get(reverse("monitoring:articles"), {"q": "Bắc Kạn"}).content.decode()
    assert "đúng dấu" in exact


def test_filters_narrow_the_list(client_as, ingested):
    client = client_as("viewer")
    negative = client.get(reverse("monitoring:articles"), {"sentiment": "negative"}).context["page"]
    assert negative.hits and {h.article.sentiment for h in negative.hits} == {"negative"}
    source = ingested.sources[0]
    from_source = client.get(reverse("monitoring:articles"), {"source": source.pk}).context["page"]
    assert {h.article.source_id for h in from_source.hits} == {source.pk}
    sector = Sector.objects.get(name="Thiên tai")
    tagged = client.get(reverse("monitoring:articles"), {"sector": sector.pk}).context["page"]
    assert tagged.hits and all(sector in h.article.sectors.all() for h in tagged.hits)
    place = ArticlePlace.objects.filter(commune__isnull=False).first()
    assert place is not None
    local = client.get(reverse("monitoring:articles"), {"commune": place.commune_id}).context["page"]
    assert place.article_id in {h.article.pk for h in local.hits}
    empty = client.get(reverse("monitoring:articles"), {"q": "xyzxyz khongco"})
    assert "Không có bài nào khớp" in empty.content.decode()


def test_csv_export_of_the_search(client_as, ingested):
    response = client_as("viewer").get(reverse("monitoring:articles_export"), {"q": "sat lo"})
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["Ngày đăng", "Nguồn", "Tiêu đề"]
    assert len(rows) > 1 and all(row[4] for row in rows[1:])  # topic labels in Vietnamese


def test_article_page_explains_places_sentiment_sectors_and_story(client_as, ingested):
    place = ArticlePlace.objects.filter(legacy=True, commune__isnull=False).select_related("article").first()
    assert place is not None
    article = place.article
    html = client_as("viewer").get(reverse("monitoring:article", args=[article.pk])).content.decode()
    assert "tên cũ" in html and "→" in html and "đơn vị hiện nay" in html
    assert "Vì sao là sắc thái này" in html
    assert "Bản lưu trang gốc" not in html and "Tạo yêu cầu báo chí" not in html
    negative = Article.objects.filter(sentiment="negative").exclude(sentiment_cues=[]).first()
    assert negative is not None
    html = client_as("viewer").get(reverse("monitoring:article", args=[negative.pk])).content.decode()
    assert f"“{negative.sentiment_cues[0]['phrase']}”" in html
    flooded = Sector.objects.get(name="Thiên tai").articles.first()
    assert flooded is not None
    assert (
        "Thiên tai"
        in client_as("viewer").get(reverse("monitoring:article", args=[flooded.pk])).content.decode()
    )


def test_raw_archive_is_for_coordinators(client_as, ingested):
    article = Article.objects.first()
    assert article is not None
    url = reverse("monitoring:article_raw", args=[article.pk])
    assert client_as("viewer").get(url).status_code == 403
    response = client_as("coordinator").get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert "<html" in response.content.decode().lower()
    page = client_as("coordinator").get(reverse("monitoring:article", args=[article.pk])).content.decode()
    assert "Bản lưu trang gốc" in page


def test_press_request_button(client_as, ingested):
    article = Article.objects.first()
    assert article is not None
    response = client_as("coordinator").post(reverse("monitoring:article_press_request", args=[article.pk]))
    created = PressRequest.objects.get(source_article_id=str(article.pk))
    assert response.status_code == 302 and response["Location"] == reverse("press:request", args=[created.pk])
    refused = client_as("viewer").post(reverse("monitoring:article_press_request", args=[article.pk]))
    assert refused.status_code == 302 and PressRequest.objects.count() == 1


def test_story_lists_every_copy_earliest_first(client_as, ingested):
    story = Story.objects.filter(article_count__gt=1).order_by("-article_count").first()
    assert story is not None
    response = client_as("viewer").get(reverse("monitoring:story", args=[story.pk]))
    copies = response.context["copies"]
    assert len(copies) == story.article_count
    moments = [c.article.published_at for c in copies]
    assert moments == sorted(moments)
    assert copies[0].after == "" and all(c.after.startswith("+") for c in copies[1:])
    assert "bản đầu tiên" in response.content.decode()


def test_sources_page_shows_health_and_progress(client_as, ingested):
    html = client_as("viewer").get(reverse("monitoring:sources")).content.decode()
    for source in ingested.sources:
        assert source.name in html
    assert "Hoạt động tốt" in html and "Tiến độ xử lý" in html and "Hoàn tất" in html
    assert "Thêm nguồn tin" not in html
    assert "Thêm nguồn tin" in client_as("coordinator").get(reverse("monitoring:sources")).content.decode()


def test_sources_are_added_by_coordinators_only(client_as, newsroom, ingested):
    data = {
        "name": "Báo thử",
        "kind": "press",
        "homepage": "",
        "feeds": f"{newsroom.url}/kinh-te-vung/feeds/all.atom",
    }
    assert client_as("justice").post(reverse("monitoring:source_new"), data).status_code == 403
    bad = client_as("coordinator").post(reverse("monitoring:source_new"), {**data, "feeds": "khong-phai-url"})
    assert "Địa chỉ không hợp lệ" in bad.content.decode()
    response = client_as("coordinator").post(reverse("monitoring:source_new"), data)
    assert response.status_code == 302
    assert Source.objects.get(name="Báo thử").feeds.count() == 1


def test_sector_rules_for_coordinators_with_vietnamese_errors_and_preview(client_as, ingested):
    assert client_as("viewer").get(reverse("monitoring:sectors")).status_code == 403
    assert client_as("justice").get(reverse("monitoring:sector_new")).status_code == 403
    client = client_as("coordinator")
    refused = client.post(reverse("monitoring:sector_new"), {"name": "Mọi thứ", "query": "NOT lũ"})
    assert "khớp gần như mọi bài" in refused.content.decode()
    assert not Sector.objects.filter(name="Mọi thứ").exists()
    preview = client.get(reverse("monitoring:sector_preview"), {"query": '"sạt lở" OR "lũ quét"'}).json()
    assert preview["ok"] and 0 < preview["matched"] <= preview["total"] == ingested.articles
    broken = client.get(reverse("monitoring:sector_preview"), {"query": '"sạt lở'}).json()
    assert not broken["ok"] and broken["error"]
    created = client.post(
        reverse("monitoring:sector_new"), {"name": "Y tế", "query": '"bệnh viện" OR "y tế"'}
    )
    assert created.status_code == 302 and Sector.objects.filter(name="Y tế").exists()
    listing = client.get(reverse("monitoring:sectors")).content.decode()
    assert "Y tế" in listing


def test_saved_searches(client_as, ingested):
    client = client_as("justice")
    client.post(
        reverse("monitoring:saved_search_create"),
        {"q": "sat lo", "sentiment": "negative", "name": "Sạt lở tiêu cực", "notify": "on"},
    )
    saved = SavedSearch.objects.get()
    assert saved.filters == {"sentiment": ["negative"]} and saved.notify
    html = client.get(reverse("monitoring:saved_searches")).content.decode()
    assert "Sạt lở tiêu cực" in html and "Sắc thái: Tiêu cực" in html
    client.post(reverse("monitoring:saved_search_action", args=[saved.pk, "notify"]), {"notify": "0"})
    saved.refresh_from_db()
    assert not saved.notify
    other = client_as("finance").post(reverse("monitoring:saved_search_action", args=[saved.pk, "delete"]))
    assert other.status_code == 404
    client_as("justice").post(reverse("monitoring:saved_search_action", args=[saved.pk, "delete"]))
    assert not SavedSearch.objects.exists()


def test_dashboard_card(client_as, ingested):
    html = client_as("viewer").get(reverse("home")).content.decode()
    assert "Theo dõi báo chí" in html and "Bài trong 24 giờ" in html
