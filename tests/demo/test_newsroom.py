"""The sample newsroom: content, republication variants, feeds, surge planting, and extraction from its pages."""

from __future__ import annotations

import difflib
import json
import sqlite3
import urllib.request
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from importlib.util import find_spec
from pathlib import Path

import pytest

from loa.cli import build_parser
from loa.demo.httpserver import RunningServer
from loa.demo.newsroom import Newsroom, build_catalog, build_surge, newsroom_of, sources, start_newsroom
from loa.demo.newsroom.catalog import SampleArticle, old_tone_marks
from loa.demo.newsroom.content import ALL_STORIES, OUTLETS
from loa.pipeline.extract import extract_article
from loa.pipeline.feeds import parse_feed
from loa.pipeline.fetch import Fetcher, FetchPolicy, FetchRequest, FetchResult
from loa.text import fold, normalize

NOW = datetime(2025, 11, 20, 3, 0, tzinfo=UTC)
POLICY = FetchPolicy(per_host_min_delay=0.0, per_host_concurrency=8, max_retries=0, trust_env=False)


@pytest.fixture(scope="module")
def catalog() -> list[SampleArticle]:
    return build_catalog(NOW)


@pytest.fixture(scope="module")
def running() -> Iterator[RunningServer]:
    with start_newsroom(port=0, now=NOW, clock=lambda: NOW) as server:
        yield server


@pytest.fixture(scope="module")
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(POLICY) as instance:
        yield instance


class TestContent:
    def test_about_two_hundred_articles_from_fifty_to_seventy_stories(
        self, catalog: list[SampleArticle]
    ) -> None:
        assert 50 <= len(ALL_STORIES) <= 70
        assert 190 <= len(catalog) <= 230
        assert len({a.id for a in catalog}) == len({a.path for a in catalog}) == len(catalog)
        assert len({s.key for s in ALL_STORIES}) == len(ALL_STORIES)

    def test_dates_spread_over_the_last_thirty_days(self, catalog: list[SampleArticle]) -> None:
        dates = [a.published for a in catalog]
        assert all(NOW - timedelta(days=31) <= d <= NOW for d in dates)
        assert max(dates) - min(dates) > timedelta(days=25)
        assert catalog == sorted(catalog, key=lambda a: a.published, reverse=True)
        assert build_catalog(NOW) == catalog  # deterministic

    def test_tones_themes_and_other_provinces(self, catalog: list[SampleArticle]) -> None:
        tones = Counter(s.tone for s in ALL_STORIES)
        assert min(tones.values()) >= 10
        themes = {s.theme for s in ALL_STORIES}
        assert themes >= {
            "cai_cach_hanh_chinh",
            "chuyen_doi_so",
            "chinh_quyen_hai_cap",
            "giao_thong",
            "giao_duc",
            "y_te",
            "thien_tai",
            "toi_pham",
            "tham_nhung",
            "o_nhiem",
            "gia_ca",
            "giam_ngheo",
            "du_lich",
            "nong_nghiep",
            "dau_tu",
            "le_hoi",
        }
        assert {a.province for a in catalog} - {"Thái Nguyên"} >= {"Cao Bằng", "Lạng Sơn", "Tuyên Quang"}

    def test_republished_copies_differ_like_real_ones(self, catalog: list[SampleArticle]) -> None:
        variants = Counter(v for a in catalog for v in a.variants)
        assert variants["original"] == len(ALL_STORIES)
        assert (
            variants["retitled"] > 100 and variants["dropped_sentence"] > 50 and variants["attributed"] > 100
        )
        assert variants["old_tone_marks"] > 30 and variants["nfd"] == 1
        by_story = Counter(a.story_key for a in catalog)
        assert by_story.most_common(1)[0][1] == 5
        copies = [a for a in catalog if a.story_key == "tt-sat-lo-cho-don"]
        assert len({a.title for a in copies}) == 5
        assert len({a.outlet for a in copies}) == 5

    def test_old_tone_marks_and_nfd_copies(self, catalog: list[SampleArticle]) -> None:
        old = next(a for a in catalog if "old_tone_marks" in a.variants and "hoá" in a.text)
        assert "hóa" not in old.text
        nfd = next(a for a in catalog if "nfd" in a.variants)
        assert "\u0301" in nfd.title and normalize(nfd.title) != nfd.title
        assert old_tone_marks("hòa bình, thủy lợi, khỏe, hoàn thành, quý, Định Hóa") == (
            "hoà bình, thuỷ lợi, khoẻ, hoàn thành, quý, Định Hoá"
        )

    def test_old_place_names_are_used(self, catalog: list[SampleArticle]) -> None:
        text = "\n".join(a.text for a in catalog)
        for name in (
            "huyện Bạch Thông",
            "huyện Ba Bể",
            "thành phố Bắc Kạn",
            "huyện Chợ Mới",
            "thị xã Phổ Yên",
            "tỉnh Bắc Kạn",
        ):
            assert name in text, name

    def test_communes_exist_in_the_administrative_dataset(self) -> None:
        spec = find_spec("vietnamadminunits")
        if spec is None or not spec.submodule_search_locations:
            pytest.skip("vietnamadminunits (data only) is not installed")
        db = Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db"
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            rows = connection.execute(
                "select ward from admin_units where province = 'Tỉnh Thái Nguyên'"
            ).fetchall()
        current = {fold(ward) for (ward,) in rows}
        named = {c for s in ALL_STORIES for c in s.communes}
        assert len(named) >= 30
        assert {c for c in named if fold(c) not in current} == set()

    def test_sample_markers_in_the_content_package(self) -> None:
        import loa.demo.newsroom.content as content

        assert content.__doc__ is not None and "ĐÂY LÀ DỮ LIỆU MẪU" in content.__doc__


class TestSurge:
    def test_build_surge(self) -> None:
        surge = build_surge("Ba Bể", 12, NOW)
        assert len(surge) == 12
        assert {a.tone for a in surge} == {"negative"} and all(a.planted for a in surge)
        assert {a.communes for a in surge} == {("xã Ba Bể",)}
        assert len({a.title for a in surge}) == 12
        assert all("Ba Bể" in a.title + a.text for a in surge)
        assert all(NOW - timedelta(hours=2) <= a.published < NOW for a in surge)
        assert len({a.outlet for a in surge}) == len(OUTLETS)

    def test_units_and_long_bursts(self) -> None:
        assert build_surge("Phường Phổ Yên", 1, NOW)[0].communes == ("phường Phổ Yên",)
        assert build_surge("  xã   Na Rì ", 1, NOW)[0].communes == ("xã Na Rì",)
        assert build_surge("Ba Bể", 0, NOW) == []
        long = build_surge("Ba Bể", 40, NOW)
        assert len({a.title for a in long}) == 40

    def test_plant_surge_on_the_state(self) -> None:
        newsroom = Newsroom(NOW, clock=lambda: NOW)
        before = len(newsroom.articles)
        first = newsroom.plant_surge("Ba Bể", 3)
        second = newsroom.plant_surge("Chợ Đồn", 2)
        assert len(newsroom.articles) == before + 5
        assert len({a.id for a in first + second}) == 5
        assert newsroom.find(first[0].path) == first[0]


class TestServer:
    def test_binds_loopback_and_serves_the_index(self, running: RunningServer, fetcher: Fetcher) -> None:
        assert running.host == "127.0.0.1"
        index = fetcher.fetch(running.url + "/")
        assert isinstance(index, FetchResult) and "Dữ liệu mẫu" in index.text

    def test_robots_and_sitemap_index(self, running: RunningServer, fetcher: Fetcher) -> None:
        robots = fetcher.fetch(running.url + "/robots.txt")
        assert isinstance(robots, FetchResult) and "Disallow: /trang-cong-dong/thanh-vien/" in robots.text
        assert fetcher.fetch(running.url + "/_control/state").kind == "robots"  # type: ignore[union-attr]
        index = fetcher.fetch(running.url + "/sitemap.xml")
        assert isinstance(index, FetchResult)
        assert len(parse_feed(index.body, index.final_url).sitemaps) == len(OUTLETS) + 3

    def test_feeds_carry_every_article(
        self, running: RunningServer, fetcher: Fetcher, catalog: list[SampleArticle]
    ) -> None:
        seen: dict[str, datetime | None] = {}
        for source in sources(running.url):
            result = fetcher.fetch(source["feed_url"])
            assert isinstance(result, FetchResult)
            feed = parse_feed(result.body, result.final_url)
            assert feed.kind == source["feed_kind"] and not feed.malformed
            seen.update((e.url, e.published) for e in feed.entries)
        assert len(seen) == len(catalog)
        assert all(seen[running.url + a.path] == a.published for a in catalog)

    def test_sitemaps(self, running: RunningServer, fetcher: Fetcher, catalog: list[SampleArticle]) -> None:
        daily = sources(running.url)[0]
        plain = fetcher.fetch(daily["sitemap_url"])
        news = fetcher.fetch(daily["news_sitemap_url"])
        assert isinstance(plain, FetchResult) and isinstance(news, FetchResult)
        assert len(parse_feed(plain.body, plain.final_url).entries) == sum(
            a.outlet == daily["slug"] for a in catalog
        )
        recent = parse_feed(news.body, news.final_url)
        assert recent.kind == "news_sitemap" and recent.entries
        assert all(e.title and e.published and NOW - e.published <= timedelta(days=2) for e in recent.entries)

    def test_feeds_answer_conditional_requests(self, running: RunningServer, fetcher: Fetcher) -> None:
        url = sources(running.url)[1]["feed_url"]
        first = fetcher.fetch(url)
        assert isinstance(first, FetchResult) and first.etag and first.last_modified
        again = fetcher.fetch(url, etag=first.etag)
        assert isinstance(again, FetchResult) and again.not_modified
        by_date = fetcher.fetch(url, last_modified=first.last_modified)
        assert isinstance(by_date, FetchResult) and by_date.not_modified

    def test_every_page_is_marked_as_sample(
        self, running: RunningServer, catalog: list[SampleArticle]
    ) -> None:
        for article in catalog[::20]:
            with urllib.request.urlopen(running.url + article.path, timeout=5) as response:
                page = response.read().decode("utf-8")
            assert '<meta name="loa:sample" content="true">' in page
            assert "Dữ liệu mẫu" in page

    def test_unknown_paths(self, running: RunningServer, fetcher: Fetcher) -> None:
        missing = fetcher.fetch(running.url + "/bao-thai-nguyen/khong-co.html")
        assert getattr(missing, "status", None) == 404


class TestPlantSurgeEndpoint:
    def test_planted_stories_appear_in_the_feeds_at_once(self) -> None:
        with start_newsroom(port=0, now=NOW, clock=lambda: NOW) as server, Fetcher(POLICY) as fetcher:
            query = "commune=Ch%E1%BB%A3%20%C4%90%E1%BB%93n&count=12"
            request = urllib.request.Request(f"{server.url}/_control/plant-surge?{query}", method="POST")
            with urllib.request.urlopen(request, timeout=5) as response:
                payload = json.load(response)
            assert payload["commune"] == "xã Chợ Đồn" and len(payload["planted"]) == 12
            planted = {item["url"] for item in payload["planted"]}
            listed: set[str] = set()
            for source in sources(server.url):
                result = fetcher.fetch(source["feed_url"])
                assert isinstance(result, FetchResult)
                listed.update(e.url for e in parse_feed(result.body, result.final_url).entries)
            assert planted <= listed
            assert len(newsroom_of(server).articles) == len(build_catalog(NOW)) + 12

    @pytest.mark.parametrize("query", ["count=3", "commune=Ba%20B%E1%BB%83&count=0", "commune=X&count=abc"])
    def test_bad_requests(self, running: RunningServer, query: str) -> None:
        request = urllib.request.Request(f"{running.url}/_control/plant-surge?{query}", method="POST")
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=5)
        assert caught.value.code == 400


class TestExtractionFromNewsroomPages:
    def test_body_without_nav_related_or_footer(
        self, running: RunningServer, fetcher: Fetcher, catalog: list[SampleArticle]
    ) -> None:
        newsroom = newsroom_of(running)
        requests = [FetchRequest(running.url + a.path) for a in catalog]
        by_url = {running.url + a.path: a for a in catalog}
        checked = 0
        for request, outcome in fetcher.fetch_many(requests, workers=8):
            assert isinstance(outcome, FetchResult), outcome
            article = by_url[request.url]
            result = extract_article(
                outcome.text, request.url, now=NOW, feed_published=article.published, feed_title=article.title
            )
            assert result.ok, article.path
            expected = normalize(article.text)
            similarity = difflib.SequenceMatcher(
                None, result.text.split(), expected.split(), autojunk=False
            ).ratio()
            assert similarity >= 0.95, (article.path, result.text)
            assert fold(result.title or "") == fold(article.title)
            assert result.published == article.published, (
                article.path,
                result.published_source,
                result.notes,
            )
            assert result.language == "vi"
            for clutter in (
                "Dữ liệu mẫu",
                "Trang chủ",
                "Bản quyền",
                "Ý kiến bạn đọc",
                "Bình luận",
                "Xem thêm",
            ):
                assert clutter not in result.text, (article.path, clutter)
            assert article.byline not in result.text
            for other in newsroom.related(article):
                assert other.title not in result.text or other.title in expected
            checked += 1
        assert checked == len(catalog)


def test_cli_registers_demo_commands() -> None:
    args = build_parser().parse_args(["demo", "newsroom"])
    assert (args.host, args.port) == ("127.0.0.1", 8765)
    args = build_parser().parse_args(["demo", "plant-surge", "--commune", "Ba Bể"])
    assert args.count == 12 and args.url == "http://127.0.0.1:8765"


def test_cli_plant_surge_against_a_running_newsroom(
    running: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    args = build_parser().parse_args(
        ["demo", "plant-surge", "--commune", "Na Rì", "--count", "2", "--url", running.url]
    )
    assert args.handler(args) == 0
    assert "Đã đăng 2 bài tiêu cực về xã Na Rì." in capsys.readouterr().out
