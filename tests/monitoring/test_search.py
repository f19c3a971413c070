import datetime as dt

import pytest
from django.utils import timezone

from loa.monitoring.models import Article, ArticlePlace, Source
from loa.monitoring.search import SearchFilters, parse_query, search_articles, snippet
from loa.organisations.models import Commune
from loa.text import normalize

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    return Source.objects.create(name="Báo mẫu")


def _article(source, n, title, text, sentiment="neutral", days_ago=0):
    return Article.objects.create(
        source=source,
        url=f"http://example.test/{n}",
        url_hash=f"h{n}",
        content_hash=f"c{n}",
        title=normalize(title),
        text=normalize(text),
        sentiment=sentiment,
        published_at=timezone.now() - dt.timedelta(days=days_ago),
    )


def _titles(page):
    return [h.article.title for h in page.hits]


def test_without_diacritics_and_either_tone_placement(source):
    _article(source, 1, "Hà Nội mở rộng đường vành đai", "Thành phố Hà Nội khởi công.")
    _article(source, 2, "Đà Nẵng đón khách", "Du lịch Đà Nẵng tăng mạnh.")
    _article(source, 3, "Xã Hoà Bình nhận hỗ trợ", "Người dân được hỗ trợ gạo.")
    assert _titles(search_articles("ha noi")) == ["Hà Nội mở rộng đường vành đai"]
    assert _titles(search_articles("da nang")) == ["Đà Nẵng đón khách"]
    assert _titles(search_articles("hòa bình")) == ["Xã Hòa Bình nhận hỗ trợ"]
    assert _titles(search_articles("hoà binh")) == ["Xã Hòa Bình nhận hỗ trợ"]
    assert _titles(search_articles("HÀ NỘI")) == ["Hà Nội mở rộng đường vành đai"]


def test_exact_accent_matches_rank_first(source):
    _article(source, 1, "Bạn đọc phản ánh", "Bạn đọc gửi thư.")  # newest, but not the accent asked for
    _article(source, 2, "Bán đấu giá đất", "Phiên bán đấu giá.", days_ago=3)
    _article(source, 3, "Bàn giao nhà", "Lễ bàn giao.", days_ago=1)
    page = search_articles("bán")
    assert page.hits[0].article.title == "Bán đấu giá đất" and page.hits[0].exact
    assert set(_titles(page)) == {"Bạn đọc phản ánh", "Bán đấu giá đất", "Bàn giao nhà"}
    assert [h.exact for h in page.hits] == [True, False, False]


def test_phrases_and_exclusions(source):
    _article(source, 1, "Sạt lở đất ở xã Nà Phặc", "Mưa lớn gây sạt lở.")
    _article(source, 2, "Đất sạt vì mưa", "Lở tường rào.")
    assert _titles(search_articles('"sat lo"')) == ["Sạt lở đất ở xã Nà Phặc"]
    assert _titles(search_articles("sat -phac")) == ["Đất sạt vì mưa"]


def test_filters(source, province):
    commune = Commune.objects.get(name="Phường Bắc Kạn")
    bad = _article(source, 1, "Cháy chợ Bắc Kạn", "Vụ cháy lớn.", sentiment="negative")
    _article(source, 2, "Chợ Bắc Kạn khai trương", "Chợ mới.", sentiment="positive")
    ArticlePlace.objects.create(article=bad, province=province, commune=commune, mention="Bắc Kạn")
    assert _titles(search_articles("cho", SearchFilters(sentiments=["negative"]))) == ["Cháy chợ Bắc Kạn"]
    assert _titles(search_articles("bac kan", SearchFilters(commune_ids=[commune.pk]))) == [
        "Cháy chợ Bắc Kạn"
    ]
    assert _titles(search_articles("", SearchFilters(sentiments=["positive"]))) == ["Chợ Bắc Kạn khai trương"]


def test_index_follows_updates_and_deletes(source):
    article = _article(source, 1, "Tin cũ", "Nội dung cũ.")
    article.title = "Tin mới về lũ quét"
    article.save()
    assert _titles(search_articles("lu quet")) == ["Tin mới về lũ quét"]
    assert search_articles('"tin cu"').hits == []
    article.delete()
    assert search_articles("lu quet").hits == []


def test_count_and_snippet(source):
    for n in range(5):
        _article(source, n, f"Tin {n} về Thái Nguyên", "Nội dung.")
    page = search_articles("thai nguyen", limit=2)
    assert page.total == 5 and len(page.hits) == 2 and not page.capped
    assert "<mark>Thái</mark> <mark>Nguyên</mark>" in page.hits[0].snippet


def test_snippet_escapes_html():
    parsed = parse_query("lu")
    assert snippet("<b>Lũ</b> về", parsed) == "&lt;b&gt;<mark>Lũ</mark>&lt;/b&gt; về"
