"""Extraction from saved Vietnamese page layouts (tests/pipeline/fixtures/html) and date rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from loa.pipeline.extract import Extracted, ExtractOptions, choose_date, extract_article, guess_language

FIXTURES = Path(__file__).parent / "fixtures" / "html"
NOW = datetime(2025, 11, 20, 3, 0, tzinfo=UTC)
FEED_DATE = datetime(2025, 11, 17, 2, 0, tzinfo=UTC)


def _extract(name: str, **kwargs: object) -> Extracted:
    html = (FIXTURES / name).read_text(encoding="utf-8")
    return extract_article(html, f"https://mau.invalid/{name}", now=NOW, **kwargs)  # type: ignore[arg-type]


def test_news_page_keeps_lead_and_body_and_drops_furniture() -> None:
    result = _extract("bao-dien-tu.html", feed_published=FEED_DATE)
    assert result.ok and result.method == "trafilatura"
    assert result.title == "Thái Nguyên: Khánh thành cầu Bản Ỏm nối hai xã vùng cao"
    lines = result.text.split("\n")
    assert lines[0].startswith("(BĐT) - Cây cầu bê tông dài 120 m")  # the sapo, outside the body div
    assert "12 cây cầu dân sinh" in lines[-1]
    for clutter in (
        "Tin liên quan",
        "Đề xuất xây mới 15 cây cầu",  # inline related box
        "Rất mừng cho bà con",  # reader comment
        "Giá thịt lợn tăng mạnh",  # most-read sidebar
        "Giấy phép",  # footer
        "Dữ liệu mẫu",  # banner
        "Chia sẻ",
        "Từ khóa",
    ):
        assert clutter not in result.text


def test_byline_is_used_to_strip_it_and_never_returned() -> None:
    result = _extract("bao-dien-tu.html")
    assert "Ngọc Anh" not in result.text
    assert not hasattr(result, "author")


def test_page_date_with_time_wins_over_feed_date() -> None:
    result = _extract("bao-dien-tu.html", feed_published=FEED_DATE)
    assert result.published == datetime(2025, 11, 18, 2, 15, tzinfo=UTC)
    assert result.published_source == "page"


def test_portal_table_layout_uses_fallback_and_headline_class() -> None:
    result = _extract("cong-thong-tin-bang.html", feed_published=FEED_DATE)
    assert result.ok
    assert (
        result.title == "UBND xã Phú Bình tổ chức đối thoại với người dân về bồi thường giải phóng mặt bằng"
    )
    assert result.text.startswith("Sáng 17/11, UBND xã Phú Bình")
    assert "bàn giao mặt bằng cho chủ đầu tư thi công" in result.text
    for clutter in ("In trang", "Các tin khác", "DANH MỤC", "Ngày đăng", "Địa chỉ: trụ sở"):
        assert clutter not in result.text
    # The page shows only a day: the feed's date and time are used.
    assert result.published == FEED_DATE and result.published_source == "feed"


def test_text_without_paragraph_tags_keeps_its_line_breaks() -> None:
    result = _extract("khong-the-p.html")
    assert result.ok and result.method == "fallback"
    assert result.title == "Thông báo lịch tiếp công dân tháng 12"
    lines = result.text.split("\n")
    assert lines[0].startswith("UBND phường Phổ Yên thông báo")
    assert "- Địa điểm: phòng tiếp công dân, trụ sở UBND phường Phổ Yên." in lines
    assert "Trang chủ" not in result.text and "chantrang" not in result.text


def test_future_page_date_is_rejected_for_the_feed_date() -> None:
    result = _extract("ngay-sai.html", feed_published=FEED_DATE)
    assert result.ok
    assert result.published == FEED_DATE and result.published_source == "feed"


def test_future_page_date_without_feed_date_gives_no_date() -> None:
    result = _extract("ngay-sai.html")
    assert result.published is None and result.published_source == "none"


def test_nfd_page_with_old_tone_marks_comes_out_normalized() -> None:
    result = _extract("nfd-dau-cu.html")
    assert result.title == "Hòa giải thành ở cơ sở: Giữ gìn hòa khí thôn bản"
    assert "các tổ hòa giải ở xã Định Hóa" in result.text
    assert "Bà Ma Thị Thủy" in result.text
    assert "\u0300" not in result.text and "hoà" not in result.text
    assert "nên nhân rộng ra các xã khác" not in result.text  # a comment
    assert result.published == datetime(2025, 11, 10, 0, 0, tzinfo=UTC)


def test_listing_page_has_no_article_text() -> None:
    result = _extract("trang-danh-muc.html", feed_published=FEED_DATE)
    assert result.failure == "no_text" and not result.ok
    assert result.text == ""
    assert result.published == FEED_DATE  # the feed still dates the entry


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "not html at all"])
def test_empty_or_broken_html_never_raises(html: str) -> None:
    result = extract_article(html, "https://mau.invalid/x", now=NOW, feed_title="Tiêu đề từ RSS")
    assert result.failure == "no_text"


def test_language_is_detected_from_the_text() -> None:
    assert guess_language("Ủy ban nhân dân tỉnh Thái Nguyên thông báo lịch tiếp công dân") == "vi"
    assert guess_language("The provincial committee announced the schedule", "en") == "en"
    assert guess_language("12345", None) is None
    assert _extract("bao-dien-tu.html").language == "vi"


class TestChooseDate:
    def test_sane_page_date_with_time_is_kept(self) -> None:
        page = datetime(2025, 11, 19, 1, 0, tzinfo=UTC)
        assert choose_date(page, True, FEED_DATE, NOW) == (page, "page", ())

    def test_up_to_one_day_in_the_future_is_accepted(self) -> None:
        page = NOW + timedelta(hours=23)
        assert choose_date(page, True, None, NOW)[0] == page

    def test_more_than_one_day_ahead_is_absurd(self) -> None:
        page = NOW + timedelta(days=2)
        assert choose_date(page, True, FEED_DATE, NOW) == (FEED_DATE, "feed", ("page_date_in_future",))

    def test_before_1990_is_absurd(self) -> None:
        page = datetime(1970, 1, 1, tzinfo=UTC)
        assert choose_date(page, True, FEED_DATE, NOW) == (FEED_DATE, "feed", ("page_date_too_old",))

    def test_day_only_page_date_defers_to_the_feed(self) -> None:
        page = datetime(2025, 11, 16, 17, 0, tzinfo=UTC)
        assert choose_date(page, False, FEED_DATE, NOW)[:2] == (FEED_DATE, "feed")
        assert choose_date(page, False, None, NOW)[:2] == (page, "page")

    def test_absurd_feed_date_is_rejected_too(self) -> None:
        assert choose_date(None, False, datetime(2099, 1, 1, tzinfo=UTC), NOW) == (
            None,
            "none",
            ("feed_date_in_future",),
        )

    def test_naive_feed_date_is_vietnam_time(self) -> None:
        published, source, _ = choose_date(None, False, datetime(2025, 11, 17, 9, 0), NOW)
        assert (published, source) == (FEED_DATE, "feed")

    def test_window_is_configurable(self) -> None:
        options = ExtractOptions(max_future=timedelta(0))
        assert choose_date(NOW + timedelta(hours=1), True, None, NOW, options)[0] is None
