from __future__ import annotations

from datetime import date

import pytest

from loa.plans.parsing.timing import parse_timing


@pytest.mark.parametrize(
    ("text", "cadence", "due"),
    [
        ("Thường xuyên.", "ongoing", None),
        ("thuong xuyen", "ongoing", None),
        ("Hằng năm", "yearly", None),
        ("Hàng năm", "yearly", None),
        ("HẰNG NĂM (dự kiến tổ chức 01 lớp/năm)", "yearly", None),
        ("Định kỳ 6 tháng", "half_yearly", None),
        ("06 tháng một lần", "half_yearly", None),
        ("Hằng quý", "quarterly", None),
        ("hang quy", "quarterly", None),
        ("Hàng tháng", "monthly", None),
        ("Khi được Bộ Thông tin và Truyền thông yêu cầu.", "on_request", None),
        ("Khi có yêu cầu", "on_request", None),
        ("30/9/2026", "once", date(2026, 9, 30)),
        ("Trước ngày 15/12/2026", "once", date(2026, 12, 15)),
        ("Quý III/2026", "once", date(2026, 9, 30)),
        ("quý 1 năm 2027", "once", date(2027, 3, 31)),
        ("Tháng 9/2026", "once", date(2026, 9, 30)),
        ("Hoàn thành trong tháng 2/2028", "once", date(2028, 2, 29)),
        ("Năm 2026", "once", date(2026, 12, 31)),
        ("ngày 30 tháng 6 năm 2026", "once", date(2026, 6, 30)),
        ("6 tháng đầu năm 2026", "once", date(2026, 6, 30)),
        ("Trước ngày 15/12 hằng năm", "yearly", None),
        ("Giai đoạn 2026 - 2030", "ongoing", date(2030, 12, 31)),
        ("Theo tiến độ của dự án", None, None),
        ("", None, None),
    ],
)
def test_time_wordings(text: str, cadence: str | None, due: date | None) -> None:
    timing = parse_timing(text)
    assert (timing.cadence, timing.due) == (cadence, due)


def test_deadline_without_a_year_takes_the_document_year() -> None:
    assert parse_timing("Quý III", year=2026).due == date(2026, 9, 30)
    assert parse_timing("Trước ngày 15/12", year=2026).due == date(2026, 12, 15)
    assert parse_timing("Trước ngày 15/12").due is None
    assert parse_timing("Trước ngày 15/12 hằng năm", year=2026).due is None


def test_target() -> None:
    assert parse_timing("Hằng năm (dự kiến tổ chức 01 lớp/năm)").target == "01 lớp/năm"
    assert parse_timing("Thường xuyên").target is None


def test_duty_text_only_counts_explicit_periods_and_deadlines() -> None:
    cited = "Triển khai Quyết định số 407/QĐ-TTg ngày 30/3/2022 của Thủ tướng Chính phủ"
    assert parse_timing(cited, strict=True).cadence is None
    assert parse_timing("tham mưu bố trí kinh phí chi thường xuyên", strict=True).cadence is None
    assert parse_timing("hằng năm chủ trì xây dựng kế hoạch", strict=True).cadence == "yearly"
    late = parse_timing("gửi báo cáo về Sở trước ngày 20/6/2026", strict=True)
    assert (late.cadence, late.due) == ("once", date(2026, 6, 20))
